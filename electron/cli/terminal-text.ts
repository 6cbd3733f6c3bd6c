/**
 * Text the command line writes to a terminal, made inert. Pastes, file names, paper titles, author
 * names and messages quoting them come from outside; a terminal acts on control characters in them
 * (ESC starts a sequence that can retitle the window, clear the screen, rewrite earlier lines or, on some
 * terminals, write to the clipboard; U+009B is an 8-bit CSI; bidi overrides reorder what is shown, as in
 * "Trojan Source", CVE-2021-42574). Each is printed as a visible escape instead.
 */

/**
 * Escaped: C0 controls except tab and line feed (the CLI's own layout), DEL, C1 controls (U+0080-U+009F)
 * and the bidi embeddings, overrides and isolates (U+202A-U+202E, U+2066-U+2069).
 */
// eslint-disable-next-line no-control-regex
const UNSAFE = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g;

function visible(char: string): string {
  const unit = char.charCodeAt(0);
  // C0 as \xNN (as a shell or a C string shows it); the rest as \uNNNN, which is also a valid escape
  // inside a JSON string: JSON.stringify already escapes C0 but leaves DEL, C1 and bidi controls raw,
  // so escaping the text of `--json` output keeps it valid JSON with the same value.
  return unit < 0x20 ? `\\x${unit.toString(16).padStart(2, '0')}` : `\\u${unit.toString(16).padStart(4, '0')}`;
}

/**
 * @param text anything about to be written to stdout or stderr (plain text, or JSON from JSON.stringify)
 * @returns the text with every unsafe character (see UNSAFE) written as `\x1b` or `\u009b`; unchanged
 *   when it holds none
 */
export function escapeForTerminal(text: string): string {
  return text.replace(UNSAFE, visible);
}

/**
 * Make every string the process writes to stdout and stderr pass through escapeForTerminal: the
 * command line's own output, its error messages and anything a library it calls prints. Done at the
 * streams so that no command can forget it. Buffers pass unchanged (for byte-exact output, if a command
 * ever needs it). Call once, before anything is written.
 */
export function escapeTerminalStreams(): void {
  for (const stream of [process.stdout, process.stderr]) {
    const write = stream.write.bind(stream) as (chunk: unknown, ...rest: unknown[]) => boolean;
    stream.write = ((chunk: unknown, ...rest: unknown[]) => write(typeof chunk === 'string' ? escapeForTerminal(chunk) : chunk, ...rest)) as typeof stream.write;
  }
}

/**
 * A reader that stops early (`lectern papers | head`) closes the pipe and the next write fails with
 * EPIPE: end quietly then, as other command-line tools do, instead of reporting it as a failure.
 * Other stream errors are thrown on to the process's error handler (bin/lectern.js).
 */
export function endQuietlyOnClosedPipe(): void {
  for (const stream of [process.stdout, process.stderr]) {
    stream.on('error', (err: NodeJS.ErrnoException) => {
      if (err.code === 'EPIPE') process.exit(process.exitCode ?? 0);
      throw err;
    });
  }
}
