/**
 * The host's side of the reader thread: queues read channels (facet counts, metrics) onto a worker
 * thread with its own read-only connection, so the main connection stays free for the table and for
 * writes, and so a slow read can be cancelled. SQLite offers no way to stop a running statement from
 * another thread through better-sqlite3, so cancelling the read in flight terminates the worker (it
 * stops as soon as the statement returns to JavaScript) and the next read starts a fresh one. A read
 * only reads, so stopping it can never leave partial changes.
 *
 * An in-memory library cannot be shared with another thread: there every read runs in process. So does
 * every read of a small library (SMALL_LIBRARY_BYTES): there each takes a few milliseconds, while
 * starting the thread (its modules and its connection) took 0.5-1 s, so the first counts and metrics
 * after a start or an import showed progress bars on a 24-paper library. The thread starts with the
 * first read once the library has grown past that size.
 */
import { statSync } from 'node:fs';
import type { Worker } from 'node:worker_threads';
import type { ChannelArgs, ChannelOutput } from '../../shared/contract';
import { LecternError, type LecternErrorCode } from '../../shared/errors';
import { INTERNAL_MESSAGE } from '../../shared/error-messages';
import { logFailure } from '../../shared/failure-log';
import { failureFromThread, type ThreadFailure } from './thread-errors';
import type { Library } from '../../db/open';
import { runRead, type ReadChannel } from './read-channels';
import { LONG_READS as READ_LABELS } from '../../shared/long-reads';
import { spawnWorker } from './spawn-worker';

interface Pending {
  id: number;
  channel: ReadChannel;
  input: unknown;
  jobId: string | undefined;
  resolve(value: unknown): void;
  reject(error: Error): void;
}

type WorkerReply = { id: number; ok: true; value: unknown } | { id: number; ok: false; failure: ThreadFailure };

/** The reader thread's entry (electron-vite input `read-worker`, or the TypeScript file in a source checkout). */
function spawnReader(file: string, nativeBinding: string | undefined): Worker {
  return spawnWorker({ built: new URL('./read-worker.js', import.meta.url), source: new URL('./read-worker.ts', import.meta.url) }, { workerData: { file, nativeBinding } });
}

/**
 * Library size (bytes: the file and its WAL) under which slow reads run in process: about 1,500 papers,
 * where the slowest facet count takes tens of milliseconds, less than a thread takes to start.
 */
export const SMALL_LIBRARY_BYTES = 8_000_000;

/** Bytes of a library file and its write-ahead log (0 for a part that is missing). */
function librarySize(file: string): number {
  const size = (path: string) => statSync(path, { throwIfNoEntry: false })?.size ?? 0;
  return size(file) + size(`${file}-wal`);
}

export class ReadWorker {
  private worker: Worker | null = null;
  private readonly queue: Pending[] = [];
  private running: Pending | null = null;
  private nextId = 1;
  private readonly inProcess: boolean;
  private readonly smallBytes: number;

  /**
   * @param options.inProcess run every read on the library's own connection (no thread, no cancelling)
   * @param options.smallBytes library size (bytes, file and WAL) under which reads run in process
   *   (default SMALL_LIBRARY_BYTES; 0: always on the thread). With LECTERN_TEST_READ_DELAY_MS set (tests
   *   of progress and Cancel, which make the thread's reads as slow as a huge library's) it is 0.
   */
  constructor(
    private readonly library: Library,
    options: { inProcess?: boolean; smallBytes?: number } = {},
  ) {
    this.inProcess = options.inProcess ?? library.file === ':memory:';
    this.smallBytes = Number(process.env.LECTERN_TEST_READ_DELAY_MS ?? 0) > 0 ? 0 : (options.smallBytes ?? SMALL_LIBRARY_BYTES);
  }

  /** Whether the reader thread has been started (and not stopped since). */
  get threadStarted(): boolean {
    return this.worker !== null;
  }

  /** Whether the next read runs in this thread: always in process, or a small library with nothing queued on the thread. */
  private runsHere(): boolean {
    if (this.inProcess) return true;
    // Reads queued on the thread go first: a read never overtakes an earlier one.
    if (this.running || this.queue.length > 0 || this.smallBytes <= 0) return false;
    return librarySize(this.library.file) < this.smallBytes;
  }

  /**
   * Run a read channel (input already validated). With a `jobId`, `cancel(jobId)` stops it while it is
   * queued or running; it then rejects with LecternError `CANCELLED`.
   * @throws LecternError from the query (e.g. `NOT_FOUND`), `CANCELLED`, or `INTERNAL` when the thread died
   */
  run<C extends ReadChannel>(channel: C, input: ChannelArgs<C>, jobId?: string): Promise<ChannelOutput<C>> {
    if (this.runsHere()) {
      try {
        return Promise.resolve(runRead(this.library.db, channel, input));
      } catch (err) {
        return Promise.reject(err as Error);
      }
    }
    return new Promise<ChannelOutput<C>>((resolve, reject) => {
      this.queue.push({ id: this.nextId++, channel, input, jobId, resolve: resolve as (v: unknown) => void, reject });
      this.pump();
    });
  }

  /** @returns whether a queued or running read with this job id was stopped */
  cancel(jobId: string): boolean {
    const queued = this.queue.findIndex((p) => p.jobId === jobId);
    if (queued >= 0) {
      const [job] = this.queue.splice(queued, 1);
      job!.reject(cancelled(job!.channel));
      return true;
    }
    if (this.running?.jobId !== jobId) return false;
    const job = this.running;
    this.running = null;
    void this.discardWorker();
    job.reject(cancelled(job.channel));
    this.pump();
    return true;
  }

  /** Whether a read with this job id is queued or running (its progress is indeterminate). */
  has(jobId: string): boolean {
    return this.running?.jobId === jobId || this.queue.some((p) => p.jobId === jobId);
  }

  /**
   * Stop the thread (pending reads reject with `CANCELLED`); resolves once it has exited, and with it
   * its connection to the library (better-sqlite3 closes a thread's connections as the thread ends).
   */
  close(): Promise<void> {
    for (const job of this.queue.splice(0)) job.reject(cancelled(job.channel));
    if (this.running) this.running.reject(cancelled(this.running.channel));
    this.running = null;
    return this.discardWorker();
  }

  private pump(): void {
    if (this.running) return;
    // An idle thread must not keep a CLI or test process alive; a busy one must, until it answers.
    if (this.queue.length === 0) {
      this.worker?.unref();
      return;
    }
    const job = this.queue.shift()!;
    this.running = job;
    const worker = this.ensureWorker();
    worker.ref();
    worker.postMessage({ id: job.id, channel: job.channel, input: job.input });
  }

  private ensureWorker(): Worker {
    if (this.worker) return this.worker;
    const worker = spawnReader(this.library.file, this.library.nativeBinding);
    worker.on('message', (reply: WorkerReply) => {
      const job = this.running;
      if (!job || job.id !== reply.id) return;
      this.running = null;
      if (reply.ok) job.resolve(reply.value);
      else job.reject(failureFromThread(reply.failure));
      this.pump();
    });
    const fail = (error: LecternError | null) => {
      if (this.worker !== worker) return;
      this.worker = null;
      const job = this.running;
      this.running = null;
      job?.reject(error ?? new LecternError('INTERNAL', `Lectern's reader stopped while ${READ_LABELS[job.channel].toLowerCase()}. Nothing was changed; try again.`));
      this.pump();
    };
    worker.on('error', (err) => {
      // A LecternError thrown in the thread (opening the file: damaged, unreadable …) arrives as a plain
      // Error with its own properties copied: keep its sentence. Anything else is for the developer log.
      const { name, code, details } = err as Error & { code?: unknown; details?: Record<string, unknown> };
      if (name === 'LecternError' && typeof code === 'string') return fail(new LecternError(code as LecternErrorCode, err.message, details));
      logFailure("Lectern's reader thread", err, new LecternError('INTERNAL', INTERNAL_MESSAGE), false);
      fail(null);
    });
    worker.on('exit', (code) => {
      if (this.worker === worker) logFailure("Lectern's reader thread", new Error(`exited with code ${code}`), new LecternError('INTERNAL', INTERNAL_MESSAGE), false);
      fail(null);
    });
    this.worker = worker;
    return worker;
  }

  private discardWorker(): Promise<void> {
    const worker = this.worker;
    this.worker = null;
    return worker ? worker.terminate().then(() => undefined) : Promise.resolve();
  }
}

function cancelled(channel: ReadChannel): LecternError {
  return new LecternError('CANCELLED', `Stopped: ${READ_LABELS[channel].toLowerCase()} was cancelled. The figures on screen are from before.`);
}
