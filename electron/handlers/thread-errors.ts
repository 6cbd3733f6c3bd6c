/**
 * Failures crossing from a worker thread (the reader and upkeep threads) to the host. A thread logs
 * nothing itself: its console writes straight to the process's stderr, which in browser mode and on the
 * command line is the user's terminal. It sends the failure instead (a LecternError's shape and what it
 * wraps, or an unexpected error's name, message, stack and code), and the host rebuilds an error that
 * its one mapping (shared/error-messages.ts) and its failure log (shared/failure-log.ts) treat exactly
 * as if it had been thrown in the host.
 */
import { LecternError, type LecternErrorShape } from '../../shared/errors';

/** An error as structured clone can carry it (Error subclasses and their own properties are lost otherwise). */
export interface ErrorDetail {
  name: string;
  message: string;
  stack?: string;
  /** SQLite's or Node's code (`SQLITE_CORRUPT`, `ENOSPC`): the mapping reads it. */
  code?: string;
  cause?: ErrorDetail;
}

export type ThreadFailure = { error: LecternErrorShape; cause?: ErrorDetail } | { bug: ErrorDetail };

/** Causes followed at most (a chain that loops must not hang the thread). */
const MAX_DEPTH = 4;

function detail(err: unknown, depth = 0): ErrorDetail {
  const e = err as { name?: unknown; message?: unknown; stack?: unknown; code?: unknown; cause?: unknown } | null;
  const out: ErrorDetail = { name: typeof e?.name === 'string' ? e.name : 'Error', message: typeof e?.message === 'string' ? e.message : String(err) };
  if (typeof e?.stack === 'string') out.stack = e.stack;
  if (typeof e?.code === 'string') out.code = e.code;
  if (e?.cause !== undefined && depth < MAX_DEPTH) out.cause = detail(e.cause, depth + 1);
  return out;
}

function rebuild(d: ErrorDetail): Error {
  const e = new Error(d.message, d.cause ? { cause: rebuild(d.cause) } : undefined) as Error & { code?: string };
  e.name = d.name;
  if (d.stack) e.stack = d.stack;
  if (d.code) e.code = d.code;
  return e;
}

/** In the thread: the failure to post. */
export function failureForThread(err: unknown): ThreadFailure {
  if (err instanceof LecternError) return err.cause === undefined ? { error: err.toShape() } : { error: err.toShape(), cause: detail(err.cause) };
  return { bug: detail(err) };
}

/** In the host: the error to reject with (a LecternError as sent, with its cause; anything else rebuilt with its code and stack). */
export function failureFromThread(failure: ThreadFailure): Error {
  if ('bug' in failure) return rebuild(failure.bug);
  const { code, message, details } = failure.error;
  return new LecternError(code, message, details, failure.cause ? { cause: rebuild(failure.cause) } : undefined);
}
