/**
 * The failure log (shared/failure-log.ts) when it is the user's terminal: browser mode's server and the
 * command line. One plain line per failure, `<prefix>: <what> failed: <sentence>`; with LECTERN_DEBUG=1
 * (not empty, not 0) the details follow it (the error with its stack, SQLite's code and what it
 * wraps). Everything is printed with terminal control characters escaped: messages quote pastes,
 * titles and request paths.
 */
import { inspect } from 'node:util';
import { escapeForTerminal } from '../cli/terminal-text';
import { hasDetails, isUnexpected, type Failure, type FailureSink } from '../../shared/failure-log';

/** Whether LECTERN_DEBUG asks for the details. */
export function debugging(env: NodeJS.ProcessEnv = process.env): boolean {
  return !!env.LECTERN_DEBUG && env.LECTERN_DEBUG !== '0';
}

/** An error with its stack and every error it wraps (Node's inspect prints `[cause]` chains and `code`). */
export function debugDetail(err: unknown): string {
  return err instanceof Error ? inspect(err, { depth: 6, breakLength: 120 }) : String(err);
}

/**
 * @param prefix starts every line (`lectern serve`)
 * @param options.repeatTold print a line for an unexpected failure whose sentence the user was already
 *   given (browser mode: the window got the sentence, the terminal says what failed); false where the
 *   host prints that sentence itself (the command line ends with it)
 * @param options.write where lines go (default: stderr)
 */
export function terminalFailures(prefix: string, options: { repeatTold: boolean; write?: (text: string) => void }): FailureSink {
  const write = options.write ?? ((text: string) => void process.stderr.write(text));
  return ({ what, error, mapped, told }: Failure) => {
    const line = !told || (options.repeatTold && isUnexpected(error));
    const details = debugging() && hasDetails(error);
    if (!line && !details) return;
    let text = `${prefix}: ${what} failed: ${mapped.message}\n`;
    if (details) text += `${debugDetail(error)}\n`;
    write(escapeForTerminal(text));
  };
}
