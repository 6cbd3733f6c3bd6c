/**
 * Taking the library's write lock without freezing the process.
 *
 * SQLite lets one connection write at a time; the others get SQLITE_BUSY. better-sqlite3 is synchronous,
 * so SQLite's own busy handler (busy_timeout) would block the event loop for the whole wait, and a
 * deferred transaction that reads first and then writes fails at once (SQLITE_BUSY_SNAPSHOT) when
 * another process wrote meanwhile. So every write transaction here starts with `BEGIN IMMEDIATE`, the
 * writing connection keeps a busy timeout of a few milliseconds, and waiting happens between attempts,
 * asynchronously, with backoff, for up to LOCK_WAIT_MS. Past that the write fails with LecternError
 * `BUSY` and a sentence naming who holds the lock where its activity note says (db/activity.ts).
 *
 * The library functions' own transactions (`$client.transaction(...).immediate()`, Drizzle's
 * `db.transaction(..., { behavior: 'immediate' })`) become savepoints inside the one taken here:
 * better-sqlite3 opens a SAVEPOINT instead of BEGIN whenever the connection is already in a transaction,
 * and Drizzle's top-level transaction delegates to it.
 */
import type Database from 'better-sqlite3';
import { LecternError } from '../shared/errors';
import { clearActivity, describeHolder, readActivity, writeActivity, type Action, type Activity, type Host } from './activity';
import type { LibraryDb } from './open';

/** How long a write waits for another process's lock before failing with BUSY (ms). */
export const LOCK_WAIT_MS = 30_000;
/** SQLite's own (blocking) busy timeout on a writing connection, per attempt (ms). */
export const WRITER_BUSY_TIMEOUT_MS = 5;
/** Pause between attempts: doubles from the first to the last value, with ±25% jitter (ms). */
const BACKOFF_FIRST_MS = 5;
const BACKOFF_MAX_MS = 100;

/**
 * The wait for the lock (ms): LOCK_WAIT_MS, or LECTERN_TEST_LOCK_WAIT_MS, which only tests set (so a
 * lock held past the wait can be tested in a second instead of thirty).
 */
export function lockWaitMs(): number {
  const test = process.env.LECTERN_TEST_LOCK_WAIT_MS;
  const ms = test === undefined || test === '' ? NaN : Number(test);
  return Number.isFinite(ms) && ms >= 0 ? ms : LOCK_WAIT_MS;
}

/** Whether SQLite refused because another connection holds a lock (Drizzle wraps it as the cause). */
export function isBusy(err: unknown): boolean {
  let e = err as { code?: unknown; cause?: unknown } | null | undefined;
  for (let depth = 0; e && depth < 5; depth++) {
    if (typeof e.code === 'string' && e.code.startsWith('SQLITE_BUSY')) return true;
    e = e.cause as typeof e;
  }
  return false;
}

/**
 * The BUSY error: "The library is busy: the command line is importing. Try again in a moment."
 * @param holder who holds the lock, if known (default: the activity note beside `file`)
 */
export function busyError(file: string, waitedMs: number, holder: Pick<Activity, 'host' | 'action'> | null = readActivity(file)): LecternError {
  return new LecternError('BUSY', `The library is busy: ${describeHolder(holder)}. Try again in a moment.`, {
    waitedMs: Math.round(waitedMs),
    holder: holder ? { host: holder.host, action: holder.action } : null,
  });
}

export interface WriteLockOptions {
  /** When to stop waiting, on performance.now()'s clock (default: now + lockWaitMs()). */
  deadline?: number;
  /** Announced in the activity note while the lock is held: a long write's host and action. */
  activity?: { host: Host; action: Action };
  /** Stops the wait for the lock (not the work: the work watches its own signal). */
  signal?: AbortSignal;
  /** The error for a wait stopped by `signal` (default: CANCELLED, nothing changed). */
  cancelled?: () => LecternError;
}

/**
 * Run `work` holding the library's write lock, in one transaction: committed when it returns (or its
 * promise resolves), rolled back when it throws (or rejects). When the connection is already in a
 * transaction (the caller holds the lock), `work` runs in a savepoint of it instead.
 *
 * When the lock is free, everything up to the commit happens synchronously, before this returns; only a
 * wait for the lock, or asynchronous work, defers it.
 *
 * @returns what `work` returned
 * @throws LecternError `BUSY` when the lock did not come before the deadline (nothing ran);
 *   `CANCELLED` when `signal` stopped the wait; whatever `work` or SQLite throws (rolled back)
 */
export function withWriteLock<T>(db: LibraryDb, work: () => T | Promise<T>, options: WriteLockOptions = {}): Promise<T> {
  const client = db.$client;
  if (client.inTransaction) return nested(client, work);
  const started = performance.now();
  const deadline = options.deadline ?? started + lockWaitMs();
  try {
    if (tryBegin(client)) return held(client, work, options.activity);
  } catch (err) {
    return Promise.reject(err as Error);
  }
  return (async () => {
    let pause = BACKOFF_FIRST_MS;
    for (;;) {
      const left = deadline - performance.now();
      if (left <= 0) throw busyError(client.name, performance.now() - started);
      await sleep(Math.min(left, pause * (0.75 + Math.random() / 2)), options.signal);
      if (options.signal?.aborted) throw options.cancelled?.() ?? new LecternError('CANCELLED', 'Stopped before it started; nothing was changed.');
      if (!client.open) throw new LecternError('LIBRARY', 'The library was closed before this change could be saved; nothing was changed.');
      if (tryBegin(client)) return held(client, work, options.activity);
      pause = Math.min(pause * 2, BACKOFF_MAX_MS);
    }
  })();
}

/** One attempt at the lock: true when taken, false when another connection holds it. */
function tryBegin(client: Database.Database): boolean {
  try {
    client.exec('BEGIN IMMEDIATE');
    return true;
  } catch (err) {
    if (isBusy(err)) return false;
    throw err;
  }
}

/** Run `work` in the transaction just begun: commit or roll back (synchronously for synchronous work). */
function held<T>(client: Database.Database, work: () => T | Promise<T>, activity: WriteLockOptions['activity']): Promise<T> {
  if (activity) writeActivity(client.name, activity);
  // The note goes before the lock is released, so it never outlives the lock and names the wrong process.
  const finish = (how: 'COMMIT' | 'ROLLBACK') => {
    if (activity) clearActivity(client.name);
    if (client.inTransaction) client.exec(how);
  };
  return settle(work, () => finish('COMMIT'), () => finish('ROLLBACK'));
}

/** The caller holds the lock: a savepoint, released, or rolled back to, when `work` ends. */
function nested<T>(client: Database.Database, work: () => T | Promise<T>): Promise<T> {
  client.exec('SAVEPOINT lectern_write');
  return settle(
    work,
    () => client.exec('RELEASE lectern_write'),
    () => {
      if (client.inTransaction) client.exec('ROLLBACK TO lectern_write; RELEASE lectern_write');
    },
  );
}

/** Run `work`, then `commit` when it succeeds or `rollback` when it (or the commit) fails. */
function settle<T>(work: () => T | Promise<T>, commit: () => void, rollback: () => void): Promise<T> {
  const undo = (err: unknown): never => {
    try {
      rollback();
    } catch {
      // The connection is gone (closed or broken): the original error says more.
    }
    throw err;
  };
  const done = (value: T): T => {
    try {
      commit();
    } catch (err) {
      undo(err);
    }
    return value;
  };
  let result: T | Promise<T>;
  try {
    result = work();
  } catch (err) {
    return Promise.reject(rejection(() => undo(err)));
  }
  if (isPromise(result)) return result.then(done, undo);
  try {
    return Promise.resolve(done(result));
  } catch (err) {
    return Promise.reject(err as Error);
  }
}

/** The error `f` throws (it always does), as a value. */
function rejection(f: () => never): unknown {
  try {
    return f();
  } catch (err) {
    return err;
  }
}

function isPromise<T>(value: T | Promise<T>): value is Promise<T> {
  return typeof (value as { then?: unknown })?.then === 'function';
}

function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(done, ms);
    function done() {
      clearTimeout(timer);
      signal?.removeEventListener('abort', done);
      resolve();
    }
    signal?.addEventListener('abort', done, { once: true });
  });
}
