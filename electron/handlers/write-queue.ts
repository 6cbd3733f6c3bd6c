/**
 * The one path every write of a handler table takes: one write at a time in this process, each holding
 * the library's write lock (db/write-lock.ts: BEGIN IMMEDIATE, waited for asynchronously) for its whole
 * run, committed when it ends, rolled back when it fails.
 *
 * A write that cannot start within the wait (LOCK_WAIT_MS from when it was asked for: waiting behind
 * this process's own long import counts too) fails with LecternError `BUSY` naming who holds the lock.
 * A write whose turn comes while the queue is idle and the lock is free runs synchronously, before
 * `run` returns (so a host that closes the library right after creating the handlers finds nothing
 * pending).
 */
import { readActivity, type Action, type Host } from '../../db/activity';
import type { LibraryDb } from '../../db/open';
import { busyError, lockWaitMs, withWriteLock } from '../../db/write-lock';
import { LecternError } from '../../shared/errors';

export interface WriteQueueOptions {
  /** This process, as another process's BUSY message names it. */
  host: Host;
  /** How long a write may wait for its turn and the lock (ms; default lockWaitMs()). */
  waitMs?: number;
  /**
   * Called before each write takes the lock; throw to refuse it (nothing runs, the error reaches the
   * caller). The place for a guard such as "this library is damaged: writes are refused".
   */
  beforeWrite?: () => void;
  /**
   * Called after each write that held the lock has committed (not for `lock: false` work), before the
   * caller hears of it; must be quick and must not throw (it is guarded anyway): the place to note that
   * the library changed (library-upkeep.ts: the day's backup follows the first changes).
   */
  afterCommit?: () => void;
}

export interface WriteOptions {
  /** A long write says what it does (in the activity note, for other processes' BUSY messages). */
  activity?: Action;
  /** Wait at most this long (ms) instead of the queue's wait; 0 tries the lock once. */
  waitMs?: number;
  /** Stops the wait for the turn or the lock; the write is then rejected with `cancelled()`. */
  signal?: AbortSignal;
  cancelled?: () => LecternError;
  /**
   * false: take this process's turn (no other write of it runs meanwhile) but not the library's write
   * lock, and skip `beforeWrite`: for work that writes through a connection of its own (a restore with
   * SQLite's backup API, which the lock would shut out) or only needs to keep writes waiting.
   */
  lock?: boolean;
}

interface Entry {
  work: () => unknown;
  options: WriteOptions & { committed?: (value: never) => unknown };
  deadline: number;
  timer: ReturnType<typeof setTimeout> | null;
  resolve(value: unknown): void;
  reject(err: unknown): void;
}

export class WriteQueue {
  private readonly waiting: Entry[] = [];
  private current: Entry | null = null;
  private idlers: Array<() => void> = [];
  private readonly waitMs: number;

  /** @param db the library's writing connection */
  constructor(
    private readonly db: LibraryDb,
    private readonly options: WriteQueueOptions,
  ) {
    this.waitMs = options.waitMs ?? lockWaitMs();
  }

  /**
   * Queue `work` to run holding the write lock, in one transaction.
   * @param options.committed called with what `work` returned once it is committed, before the next
   *   write starts (keeping its undo); the call then resolves with what it returns
   * @returns what `work` returned (or `committed` made of it), once committed
   * @throws LecternError `BUSY` (nothing ran), `CANCELLED` (stopped while waiting), or what `work` threw
   *   (rolled back)
   */
  run<T, R = T>(work: () => T | Promise<T>, options: WriteOptions & { committed?: (value: T) => R } = {}): Promise<R> {
    return new Promise<R>((resolve, reject) => {
      const entry: Entry = { work, options: options as Entry['options'], deadline: performance.now() + (options.waitMs ?? this.waitMs), timer: null, resolve: resolve as (v: unknown) => void, reject };
      this.waiting.push(entry);
      if (this.current) {
        entry.timer = setTimeout(() => this.expire(entry), Math.max(0, entry.deadline - performance.now()));
        options.signal?.addEventListener('abort', () => this.drop(entry, this.cancelled(entry)), { once: true });
      } else {
        this.pump();
      }
    });
  }

  /** Whether a write is running or waiting. */
  get busy(): boolean {
    return this.current !== null || this.waiting.length > 0;
  }

  /** Resolves once no write is running or waiting (at once when idle). */
  idle(): Promise<void> {
    if (!this.busy) return Promise.resolve();
    return new Promise((resolve) => this.idlers.push(resolve));
  }

  private pump(): void {
    if (this.current) return;
    const entry = this.waiting.shift();
    if (!entry) {
      const idlers = this.idlers;
      this.idlers = [];
      for (const resolve of idlers) resolve();
      return;
    }
    if (entry.timer) clearTimeout(entry.timer);
    this.current = entry;
    let result: Promise<unknown>;
    try {
      const { activity, signal, lock } = entry.options;
      if (lock === false) {
        result = Promise.resolve(entry.work());
      } else {
        this.options.beforeWrite?.();
        result = withWriteLock(this.db, entry.work, {
          deadline: entry.deadline,
          signal,
          cancelled: () => this.cancelled(entry),
          ...(activity ? { activity: { host: this.options.host, action: activity } } : {}),
        });
      }
    } catch (err) {
      result = Promise.reject(err);
    }
    const { committed, lock } = entry.options;
    result
      .then((value) => {
        if (lock !== false) this.noteCommit();
        return committed ? committed(value as never) : value;
      })
      .then(entry.resolve, entry.reject)
      .finally(() => {
        this.current = null;
        this.pump();
      });
  }

  private noteCommit(): void {
    try {
      this.options.afterCommit?.();
    } catch {
      // A note about a commit must never turn a committed write into a failed one.
    }
  }

  /** A write still waiting for its turn when its wait ran out. */
  private expire(entry: Entry): void {
    const file = this.db.$client.name;
    // Our own long write announces itself in the note too; an in-memory library has none.
    const own = this.current?.options.activity;
    const holder = readActivity(file) ?? (own ? { host: this.options.host, action: own } : null);
    this.drop(entry, busyError(file, entry.options.waitMs ?? this.waitMs, holder));
  }

  private drop(entry: Entry, err: LecternError): void {
    const i = this.waiting.indexOf(entry);
    if (i < 0) return;
    this.waiting.splice(i, 1);
    if (entry.timer) clearTimeout(entry.timer);
    entry.reject(err);
  }

  private cancelled(entry: Entry): LecternError {
    return entry.options.cancelled?.() ?? new LecternError('CANCELLED', 'Stopped before it started; nothing was changed.');
  }
}
