/**
 * When a long-running host (desktop, browser mode) writes the day's backup: when the library opens
 * (after its integrity check), every hour while it stays open, and soon after the first changes of a
 * session when the day has none yet. The last covers a session that starts from an empty library
 * (nothing to back up at open) and ends within the hour: without it, a first afternoon of imports,
 * tags and notes had no backup at all while the Backups dialog promised one a day.
 *
 * After a committed write, the backup waits for the writes to pause (AFTER_WRITE_QUIET_MS after the
 * last one; debounced, so a burst of changes makes one backup of its end state), but never longer than
 * AFTER_WRITE_MAX_MS after the first. It is written on the upkeep thread from its own read snapshot, so
 * it never holds up a write; a write only restarts a timer. Once a daily backup is under 24 hours old,
 * writes cost one comparison until the next is due.
 */

/** Quiet time after the last committed write before the day's backup is written (ms). */
export const AFTER_WRITE_QUIET_MS = 3 * 60_000;
/** Longest wait after the first committed write, however busy the library stays (ms). */
export const AFTER_WRITE_MAX_MS = 10 * 60_000;
const HOUR_MS = 3_600_000;

export interface DailyTiming {
  /** Default AFTER_WRITE_QUIET_MS. */
  afterWriteMs?: number;
  /** Default AFTER_WRITE_MAX_MS. */
  maxAfterWriteMs?: number;
  /** The clock the due time is judged by (tests move it a day on). */
  now?: () => Date;
}

export interface DailyTarget {
  /**
   * When the next daily backup is due, in ms since the epoch (not after `now`: due now), or null when
   * none is wanted yet (an empty, damaged or in-memory library: asked again after the next write).
   */
  nextDue(now: Date): number | null;
  /** Write it (on the upkeep thread); resolves once it is written and checked. */
  backUp(): Promise<unknown>;
  /** A backup that failed (logged; the next write or hour tries again). */
  failed(err: unknown): void;
}

export class DailyBackups {
  private readonly quietMs: number;
  private readonly maxMs: number;
  private readonly now: () => Date;
  private hourly: NodeJS.Timeout | null = null;
  private afterWrite: NodeJS.Timeout | null = null;
  /** When the first write of the pending wait was committed (ms), or null with no wait pending. */
  private firstWriteAt: number | null = null;
  /** When the next backup is due, as last worked out (null: unknown, ask at the next write). */
  private dueAt: number | null = null;
  private running: Promise<void> | null = null;
  private closed = false;

  constructor(
    private readonly target: DailyTarget,
    timing: DailyTiming = {},
  ) {
    this.quietMs = timing.afterWriteMs ?? AFTER_WRITE_QUIET_MS;
    this.maxMs = timing.maxAfterWriteMs ?? AFTER_WRITE_MAX_MS;
    this.now = timing.now ?? (() => new Date());
  }

  /** Back up now if due (after `ready`: the integrity check), then every hour. */
  start(ready: Promise<unknown> = Promise.resolve()): void {
    if (this.hourly || this.closed) return;
    void ready.then(() => this.runIfDue());
    this.hourly = setInterval(() => void this.runIfDue(), HOUR_MS);
    this.hourly.unref();
  }

  /** A write was committed: the day's backup follows soon when it is due. Never throws; cheap. */
  noteWrite(): void {
    if (!this.hourly || this.closed) return;
    const now = this.now().getTime();
    if (this.dueAt !== null && now < this.dueAt) return;
    this.firstWriteAt ??= now;
    if (this.afterWrite) clearTimeout(this.afterWrite);
    const wait = Math.max(0, Math.min(this.quietMs, this.firstWriteAt + this.maxMs - now));
    this.afterWrite = setTimeout(() => {
      this.afterWrite = null;
      this.firstWriteAt = null;
      void this.runIfDue();
    }, wait);
    this.afterWrite.unref();
  }

  /** Write the day's backup if it is due; one at a time. Resolves when done (never rejects). */
  runIfDue(): Promise<void> {
    if (this.closed) return Promise.resolve();
    this.running ??= this.run().finally(() => {
      this.running = null;
    });
    return this.running;
  }

  private async run(): Promise<void> {
    try {
      const due = this.target.nextDue(this.now());
      if (due !== null && due <= this.now().getTime()) {
        await this.target.backUp();
        this.dueAt = this.target.nextDue(this.now());
      } else {
        this.dueAt = due;
      }
    } catch (err) {
      this.dueAt = null;
      if (!this.closed) this.target.failed(err);
    }
  }

  close(): void {
    this.closed = true;
    if (this.hourly) clearInterval(this.hourly);
    if (this.afterWrite) clearTimeout(this.afterWrite);
    this.hourly = null;
    this.afterWrite = null;
  }
}
