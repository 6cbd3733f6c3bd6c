/**
 * How the command line reports a failure: one line on stderr, `lectern: <sentence>`, exit code 1 (2
 * for a usage error, followed by the usage). Every error goes through the one mapping of
 * shared/error-messages.ts, so SQLite and file-system failures read as sentences and anything
 * unexpected as a generic one; never a stack, SQL text or a source path. With LECTERN_DEBUG=1 in the
 * environment the developer log (console.error, and the original error with its stack and the errors it
 * wraps: a LecternError's `cause`, e.g. the errno error behind "the backups folder cannot be written
 * to") goes to stderr too; without it the log is dropped, since on the command line stderr is the
 * user's terminal.
 */
import { LecternError } from '../../shared/errors';
import { setFailureSink } from '../../shared/failure-log';
import { debugDetail, debugging, terminalFailures } from '../lifecycle/terminal-failures';
import { toLecternError } from '../../shared/error-messages';
import { escapeForTerminal } from './terminal-text';

/** A mistake in the command's words: reported with the usage and exit code 2. */
export class UsageError extends Error {}


/**
 * Send console.error (the developer log) to stderr only with LECTERN_DEBUG set, and failures
 * (shared/failure-log.ts) there as one line each when nothing else reports them (a daily backup that
 * failed), with their details only with LECTERN_DEBUG set; a failure that ends the command is reported
 * once, by reportCliError. Call once at start.
 */
export function quietDeveloperLog(): void {
  const log = console.error.bind(console);
  console.error = (...args: unknown[]) => {
    if (debugging()) log(...args);
  };
  setFailureSink(terminalFailures('lectern', { repeatTold: false }));
}

/**
 * Report `err` on stderr as the user should read it.
 * @param err anything thrown (a UsageError, a LecternError, a SqliteError, an errno error, a bug …)
 * @param options.file the library file the command worked on, named in disk and damage messages
 * @param options.usage the usage text printed after a usage error
 * @param options.prefix words put before the sentence (e.g. `stopped (SIGTERM). ` after a signal)
 * @returns the exit code to end with: 2 for a usage error, else 1
 */
export function reportCliError(err: unknown, options: { file?: string; usage?: string; prefix?: string } = {}): number {
  if (err instanceof UsageError) {
    process.stderr.write(escapeForTerminal(`lectern: ${err.message}\n${options.usage ? `\n${options.usage}\n` : ''}`));
    return 2;
  }
  // A LecternError's own stack says nothing new; what it wraps (its cause) is the detail.
  if (debugging() && (!(err instanceof LecternError) || err.cause !== undefined)) process.stderr.write(escapeForTerminal(`${debugDetail(err)}\n`));
  const mapped = toLecternError(err, options.file ? { file: options.file } : {});
  const hint = mapped.code === 'INTERNAL' && !debugging() ? ' To see the details, run the command again with LECTERN_DEBUG=1.' : '';
  // Escaped here too: a failure while loading comes before the streams are guarded (terminal-text.ts).
  process.stderr.write(escapeForTerminal(`lectern: ${options.prefix ?? ''}${mapped.message}${hint}\n`));
  return 1;
}
