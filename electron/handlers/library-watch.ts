/**
 * Notices every change to the library, from any source, and reports it in coalesced events
 * (shared/library-change.ts), for a long-running host to push to its windows.
 *
 * - This process's own writes are reported by dispatch the moment they are committed, with the tables
 *   the contract says the channel changes and the caller (window or tab) that made them (`wrote`).
 * - Everything else (the command line, another process, a restore written through a connection of its
 *   own) is seen by polling `PRAGMA data_version` on this process's WRITING connection every `pollMs`.
 *   SQLite changes that number only for commits made by other connections, never for the connection's
 *   own, so a change there is exactly "someone else committed": no own write is reported twice and no
 *   foreign one is mistaken for ours. (Polling the read-only connection would see our own commits too,
 *   and telling them apart would race with other processes.) The pragma reads a counter in memory plus
 *   the WAL index header: microseconds, and harmless inside an open transaction of ours (no other
 *   connection can commit then anyway). Such changes name 'everything'.
 *
 * Events are coalesced: the first change is reported on the next turn of the event loop (after the
 * write's caller has had its answer), later ones at most once per `coalesceMs`, merged (tables joined,
 * 'everything' wins). Timers are unref'd, and `stop()` ends them, so a watch never keeps a process alive.
 */
import type { LibraryTable } from '../../shared/contract';
import type { LibraryChange } from '../../shared/library-change';

/** One coalesced batch of changes, before it is addressed to a window (see `changeFor`). */
export interface LibraryChangeBatch {
  version: number;
  tables: readonly LibraryTable[] | 'everything';
  /** The callers whose writes the batch holds ('' for a write no window made). */
  writers: ReadonlySet<string>;
  /** Whether the batch holds a change made outside this process's writes. */
  foreign: boolean;
}

export interface LibraryWatchOptions {
  /** `PRAGMA data_version` of the connection this process writes through; may throw once it is closed. */
  probe: () => number;
  /** How often to look for other connections' commits (ms; default 300). */
  pollMs?: number;
  /** The shortest gap between two events (ms; default 100). */
  coalesceMs?: number;
}

type Listener = (batch: LibraryChangeBatch) => void;

export const DEFAULT_POLL_MS = 300;
export const DEFAULT_COALESCE_MS = 100;

/**
 * The event one window gets for a batch: 'here' only when every change in it was that window's own.
 * @param recipient the window's caller id (undefined: a window that cannot be told apart, always 'elsewhere')
 */
export function changeFor(batch: LibraryChangeBatch, recipient: string | undefined): LibraryChange {
  const own = !batch.foreign && recipient !== undefined && batch.writers.size === 1 && batch.writers.has(recipient);
  return { version: batch.version, tables: batch.tables === 'everything' ? 'everything' : [...batch.tables], origin: own ? 'here' : 'elsewhere' };
}

export class LibraryWatch {
  private readonly pollMs: number;
  private readonly coalesceMs: number;
  private readonly listeners = new Set<Listener>();
  private last: number | null;
  private poller: ReturnType<typeof setInterval> | null = null;
  private flushTimer: ReturnType<typeof setTimeout> | null = null;
  private lastFlush = -Infinity;
  private version = 0;
  private pending: { tables: Set<LibraryTable> | 'everything'; writers: Set<string>; foreign: boolean } | null = null;
  private stopped = false;

  /** Starts polling at once (the current data_version is the baseline). */
  constructor(private readonly options: LibraryWatchOptions) {
    this.pollMs = options.pollMs ?? DEFAULT_POLL_MS;
    this.coalesceMs = options.coalesceMs ?? DEFAULT_COALESCE_MS;
    this.last = this.read();
    this.poller = setInterval(() => this.poll(), this.pollMs);
    this.poller.unref?.();
  }

  /**
   * Listen for batches.
   * @returns a function that stops this listener
   */
  subscribe(listener: Listener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /**
   * This process committed a write.
   * @param tables what it changed (the contract's `changes`; [] is ignored)
   * @param writer the caller that made it (a window's id), '' when none
   */
  wrote(tables: readonly LibraryTable[] | 'everything', writer = ''): void {
    if (this.stopped || (tables !== 'everything' && tables.length === 0)) return;
    this.add(tables, writer, false);
  }

  /** Look for other connections' commits now (the poll timer does this every pollMs). */
  poll(): void {
    if (this.stopped) return;
    const now = this.read();
    if (now === null || now === this.last) return;
    const first = this.last === null;
    this.last = now;
    // A probe that failed before (the library was busy being replaced) has no baseline to compare with.
    if (!first) this.add('everything', '', true);
  }

  /** Stop polling and drop pending events and listeners (idempotent). */
  stop(): void {
    this.stopped = true;
    if (this.poller) clearInterval(this.poller);
    if (this.flushTimer) clearTimeout(this.flushTimer);
    this.poller = this.flushTimer = null;
    this.pending = null;
    this.listeners.clear();
  }

  private read(): number | null {
    try {
      return this.options.probe();
    } catch {
      // Closed, or a damaged file: nothing to report; the next poll tries again.
      return null;
    }
  }

  private add(tables: readonly LibraryTable[] | 'everything', writer: string, foreign: boolean): void {
    const p = (this.pending ??= { tables: new Set(), writers: new Set(), foreign: false });
    if (tables === 'everything') p.tables = 'everything';
    else if (p.tables !== 'everything') for (const t of tables) p.tables.add(t);
    if (foreign) p.foreign = true;
    else p.writers.add(writer);
    if (this.flushTimer) return;
    // The first change goes out on the next turn; a burst after it waits for the gap.
    const wait = Math.max(0, this.lastFlush + this.coalesceMs - performance.now());
    this.flushTimer = setTimeout(() => this.flush(), wait);
    this.flushTimer.unref?.();
  }

  private flush(): void {
    this.flushTimer = null;
    const p = this.pending;
    this.pending = null;
    if (!p || this.stopped) return;
    this.lastFlush = performance.now();
    const batch: LibraryChangeBatch = { version: ++this.version, tables: p.tables === 'everything' ? 'everything' : [...p.tables], writers: p.writers, foreign: p.foreign };
    for (const listener of [...this.listeners]) {
      try {
        listener(batch);
      } catch {
        // One window failing to hear of a change must not keep it from the others.
      }
    }
  }
}
