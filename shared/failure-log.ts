/**
 * Where failures go once the user has been given (or not) a sentence about them: the developer log.
 * Every host decides what that is, by setting the sink once at start:
 *
 * - the desktop app (default sink): its main-process log keeps each failure whole (console.error: the
 *   error with its stack and the errors it wraps); no user reads that log as they work;
 * - browser mode: the terminal of `npm run serve` is the user's, so one plain line per failure (what
 *   failed, the sentence), the details only with LECTERN_DEBUG=1 (electron/lifecycle/terminal-failures.ts);
 * - the command line: the same, but a failure whose sentence ends the command is printed once, by the
 *   command line itself (electron/cli/error-report.ts).
 *
 * A LecternError without a cause that the user was told about is not a failure worth a log line (a
 * refused write on a damaged library, an unknown id …): it is not passed on. Pure TypeScript.
 */
import { LecternError } from './errors';

export interface Failure {
  /** What failed: a channel name (`annotations.list`) or a few words (`The daily backup`). */
  what: string;
  /** As thrown, with its causes: for the developer only. */
  error: unknown;
  /** The sentence the user was (or would be) given. */
  mapped: LecternError;
  /** Whether `mapped` already reached the user (the answer to a request); false for background work. */
  told: boolean;
}

export type FailureSink = (failure: Failure) => void;

/** Whether a failure carries details beyond its sentence: not a LecternError, or one that wraps another error. */
export function hasDetails(error: unknown): boolean {
  return !(error instanceof LecternError) || error.cause !== undefined;
}

/** Whether Lectern expected it: a LecternError, written for the user. */
export function isUnexpected(error: unknown): boolean {
  return !(error instanceof LecternError);
}

const developerLog: FailureSink = ({ what, error, mapped, told }) => {
  if (told && !hasDetails(error)) return;
  // eslint-disable-next-line no-console
  console.error(`${what} failed:`, hasDetails(error) ? error : mapped.message);
};

let sink: FailureSink = developerLog;

/** Send failures to `next` from now on (null: back to the developer log). */
export function setFailureSink(next: FailureSink | null): void {
  sink = next ?? developerLog;
}

/**
 * Log a failure (never throws: a log that fails must not hide the failure it reports).
 * @param what what failed (a channel name, or words starting with a capital)
 * @param error as thrown
 * @param mapped what the user is told (toLecternError of `error`)
 * @param told whether that sentence already reached the user
 */
export function logFailure(what: string, error: unknown, mapped: LecternError, told = true): void {
  if (told && error instanceof LecternError && error.cause === undefined) return;
  try {
    sink({ what, error, mapped, told });
  } catch {
    // Nowhere left to say it.
  }
}
