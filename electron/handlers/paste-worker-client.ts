/**
 * The host's side of the paste thread: detection and parsing of a paste run on a worker thread
 * (paste-worker.ts) under a time budget, so a pathological paste can never freeze the thread that
 * answers the window (in the desktop app, Electron's main process), and Stop works at once: cancelling
 * or running out of time terminates the thread, which V8 honours even inside a regular expression.
 * Parsing only reads the text, so stopping it never leaves anything half done; nothing is stored.
 *
 * Each paste gets a thread of its own (a preview and an import may parse at once); one warm thread per
 * process is kept for the next paste, so only the first pays the start-up. Any parser registered in
 * shared/paste/detect.ts runs here without more work.
 */
import type { Worker } from 'node:worker_threads';
import { LecternError, type LecternErrorShape } from '../../shared/errors';
import { detectAndParse } from '../../shared/paste/detect';
import type { ParseOutcome } from '../../shared/paste/parsed';
import type { FormatId } from '../../shared/paste/paste-format';
import { spawnWorker } from './spawn-worker';

/**
 * How long a paste may take to read (ms). Linear parsers read the largest paste the contract accepts
 * (20 MB) in about 2 s on these machines, and 20 MB of pathological lines (thousands of names per
 * author line) in about 5 s; 30 s leaves room for a slower machine under load, while a user who has
 * waited half a minute for a preview is told what happened instead of waiting on.
 */
export const PASTE_TIME_LIMIT_MS = 30_000;

/** The phase jobs.progress reports while a paste is read (its amount of work is unknown: total 0). */
export const READING_PHASE = 'Reading the paste';

/** What a paste is read for: it decides the wording of a cancel. */
export type PastePurpose = 'preview' | 'import';

type Reply =
  | { id: number; ok: true; value: ParseOutcome }
  | { id: number; ok: false; error: LecternErrorShape }
  | { id: number; ok: false; bug: { message: string; stack?: string } };

interface Reading {
  owner: PasteReader;
  id: number;
  jobId: string | undefined;
  purpose: PastePurpose;
  worker: Worker;
  timer: ReturnType<typeof setTimeout>;
  resolve(outcome: ParseOutcome): void;
  reject(error: Error): void;
}

const ENTRY = { built: new URL('./paste-worker.js', import.meta.url), source: new URL('./paste-worker.ts', import.meta.url) };

/** The warm thread every PasteReader of this process shares (null: none yet, or in use). */
let idle: Worker | null = null;
/** The paste each busy thread is reading (threads are shared, so this is per process too). */
const readings = new Map<Worker, Reading>();
let nextId = 1;

export class PasteReader {
  private readonly inProcess: boolean;
  private readonly timeLimitMs: number;

  /**
   * @param options.inProcess parse on the calling thread, without a budget or cancel: for the one-shot
   *   command line, where nothing else waits on the thread and Ctrl+C stops it
   * @param options.timeLimitMs the time budget (default PASTE_TIME_LIMIT_MS)
   */
  constructor(options: { inProcess?: boolean; timeLimitMs?: number } = {}) {
    this.inProcess = options.inProcess ?? false;
    this.timeLimitMs = options.timeLimitMs ?? PASTE_TIME_LIMIT_MS;
  }

  /**
   * Detect and parse a paste (detectAndParse) on a paste thread.
   * @param text the raw paste
   * @param options.jobId with it, `progress(jobId)` reports the reading and `cancel(jobId)` stops it
   * @param options.purpose what the paste is read for (the cancel message says "Preview stopped" or "Import cancelled")
   * @param options.format read the paste as this source instead of detecting it (the preview's source picker)
   * @returns the parse outcome; line numbers in its report are those of `text`
   * @throws LecternError `PASTE_EMPTY` / `PASTE_UNRECOGNISED` as detectAndParse; `PASTE_UNRECOGNISED`
   *   with `details.timeLimitMs` past the time budget; `CANCELLED` on cancel; `INTERNAL` when the
   *   thread died; a plain Error with the parser's message and stack when a parser failed (a bug).
   *   Nothing is stored in any case.
   */
  read(text: string, options: { jobId?: string; purpose: PastePurpose; format?: FormatId }): Promise<ParseOutcome> {
    if (this.inProcess) {
      try {
        return Promise.resolve(detectAndParse(text, { format: options.format }));
      } catch (err) {
        return Promise.reject(err as Error);
      }
    }
    return new Promise<ParseOutcome>((resolve, reject) => {
      const worker = takeWorker();
      const reading: Reading = {
        owner: this,
        id: nextId++,
        jobId: options.jobId,
        purpose: options.purpose,
        worker,
        timer: setTimeout(() => this.stop(reading, timedOut(this.timeLimitMs)), this.timeLimitMs),
        resolve,
        reject,
      };
      readings.set(worker, reading);
      worker.postMessage({ id: reading.id, text, format: options.format });
    });
  }

  /** @returns the reading's progress (indeterminate: total 0, with its phase), or null when no paste with this job id is being read */
  progress(jobId: string): { done: number; total: number; phase: string } | null {
    return this.find(jobId) ? { done: 0, total: 0, phase: READING_PHASE } : null;
  }

  /** @returns whether a paste with this job id was being read; it then rejects with `CANCELLED` at once */
  cancel(jobId: string): boolean {
    const reading = this.find(jobId);
    if (!reading) return false;
    this.stop(
      reading,
      new LecternError(
        'CANCELLED',
        reading.purpose === 'preview'
          ? 'Preview stopped while reading the paste; nothing was imported.'
          : 'Import cancelled while reading the paste; the library is as it was before.',
      ),
    );
    return true;
  }

  /** Stop every reading of this reader (each rejects with `CANCELLED`). */
  close(): void {
    for (const reading of [...readings.values()].filter((r) => r.owner === this)) this.stop(reading, new LecternError('CANCELLED', 'Stopped reading the paste: Lectern is closing. Nothing was stored.'));
  }

  private find(jobId: string): Reading | undefined {
    for (const reading of readings.values()) if (reading.owner === this && reading.jobId === jobId) return reading;
    return undefined;
  }

  /** End a reading now: its thread is terminated (a parse cannot be interrupted any other way). */
  private stop(reading: Reading, error: LecternError): void {
    if (readings.get(reading.worker) !== reading) return;
    forget(reading);
    void reading.worker.terminate();
    reading.reject(error);
  }
}

function forget(reading: Reading): void {
  clearTimeout(reading.timer);
  readings.delete(reading.worker);
}

function takeWorker(): Worker {
  const worker = idle ?? spawn();
  if (idle === worker) idle = null;
  worker.ref();
  return worker;
}

function spawn(): Worker {
  const worker = spawnWorker(ENTRY);
  worker.on('message', (reply: Reply) => {
    const reading = readings.get(worker);
    if (!reading || reading.id !== reply.id) return;
    forget(reading);
    if (reply.ok) reading.resolve(reply.value);
    else if ('error' in reply) reading.reject(new LecternError(reply.error.code, reply.error.message, reply.error.details));
    else reading.reject(parserBug(reply.bug));
    release(worker);
  });
  const died = (reason: string) => {
    if (idle === worker) idle = null;
    const reading = readings.get(worker);
    if (!reading) return;
    forget(reading);
    reading.reject(new LecternError('INTERNAL', `Lectern's paste reader stopped while reading the paste (${reason}). Nothing was stored; try again.`));
  };
  worker.on('error', (err) => died(err.message));
  worker.on('exit', (code) => died(`exit code ${code}`));
  return worker;
}

/** Stop the warm paste thread, if any (the next paste starts another): on shutdown, and in tests that change its environment. */
export async function closeIdlePasteThread(): Promise<void> {
  const worker = idle;
  idle = null;
  if (worker) await worker.terminate();
}

/** A thread that finished its paste becomes the warm one, unless there is one already. */
function release(worker: Worker): void {
  if (idle === null) {
    idle = worker;
    // An idle thread must not keep a command-line or test process alive.
    worker.unref();
  } else {
    void worker.terminate();
  }
}

/** A parser's own failure, rebuilt on this thread so the host reports it as any other (dispatch.ts: logged, a plain sentence for the user). */
function parserBug(bug: { message: string; stack?: string }): Error {
  const error = new Error(bug.message);
  if (bug.stack) error.stack = bug.stack;
  return error;
}

function timedOut(limitMs: number): LecternError {
  const limit = limitMs % 1000 === 0 ? `${limitMs / 1000} second${limitMs === 1000 ? '' : 's'}` : `${limitMs} ms`;
  return new LecternError(
    'PASTE_UNRECOGNISED',
    `Reading this paste took longer than ${limit}, so Lectern stopped; nothing was stored. Copy the profile page again, or paste a smaller part of it.`,
    { timeLimitMs: limitMs },
  );
}
