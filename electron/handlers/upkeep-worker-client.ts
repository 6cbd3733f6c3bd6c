/**
 * The host's side of the upkeep thread: runs upkeep tasks (db/upkeep/tasks.ts) one at a time on a
 * worker thread, or in this thread for one-shot hosts (the CLI) and in-memory libraries. Stopping a
 * task terminates the thread (SQLite statements cannot be interrupted from outside through
 * better-sqlite3); every task leaves nothing half-done when stopped (backups and restore copies are
 * written under temporary names, and the copy into the library is one transaction).
 *
 * The worker is spawned like the reader thread (read-worker-client.ts): the built `upkeep-worker.js`
 * beside the main bundle, else the TypeScript source through tsx's API.
 */
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { LecternError } from '../../shared/errors';
import { failureFromThread, type ThreadFailure } from './thread-errors';
import { runUpkeepTask, type UpkeepResult, type UpkeepTask } from '../../db/upkeep/tasks';

type Reply = { id: number; progress: { done: number; total: number } } | { id: number; ok: true; value: unknown } | { id: number; ok: false; failure: ThreadFailure };

interface Pending {
  id: number;
  task: UpkeepTask;
  onProgress: ((done: number, total: number) => void) | undefined;
  resolve(value: unknown): void;
  reject(error: Error): void;
}

function spawnUpkeep(): Worker {
  const built = new URL('./upkeep-worker.js', import.meta.url);
  if (existsSync(fileURLToPath(built))) return new Worker(built);
  // Node 20 does not pass tsx's loader on to worker threads: boot the TypeScript entry through tsx's API.
  const tsxRoot = dirname(createRequire(import.meta.url).resolve('tsx/package.json'));
  const tsxApi = pathToFileURL(join(tsxRoot, 'dist', 'esm', 'api', 'index.mjs')).href;
  const entry = new URL('./upkeep-worker.ts', import.meta.url).href;
  return new Worker(`import(${JSON.stringify(tsxApi)}).then((tsx) => tsx.tsImport(${JSON.stringify(entry)}, ${JSON.stringify(import.meta.url)}));`, { eval: true });
}

export class UpkeepRunner {
  private worker: Worker | null = null;
  private readonly queue: Pending[] = [];
  private running: Pending | null = null;
  private nextId = 1;

  /** @param inProcess run tasks in this thread (no worker) */
  constructor(readonly inProcess: boolean) {}

  /**
   * Run a task after those already queued.
   * @throws LecternError from the task, `CANCELLED` when stopped, `INTERNAL` when the thread died
   */
  run<T extends UpkeepTask>(task: T, onProgress?: (done: number, total: number) => void): Promise<UpkeepResult<T>> {
    if (this.inProcess) return runUpkeepTask(task, onProgress);
    return new Promise<UpkeepResult<T>>((resolve, reject) => {
      this.queue.push({ id: this.nextId++, task, onProgress, resolve: resolve as (v: unknown) => void, reject });
      this.pump();
    });
  }

  /** Whether a task is queued or running. */
  get busy(): boolean {
    return this.running !== null || this.queue.length > 0;
  }

  /** Stop the running task (and drop queued ones); each rejects with `CANCELLED`. @returns whether one was stopped */
  cancel(): boolean {
    const all = [...(this.running ? [this.running] : []), ...this.queue.splice(0)];
    this.running = null;
    this.discard();
    for (const job of all) job.reject(new LecternError('CANCELLED', 'Stopped before it finished. Nothing was changed.'));
    return all.length > 0;
  }

  close(): void {
    this.cancel();
  }

  private pump(): void {
    if (this.running) return;
    const job = this.queue.shift();
    if (!job) {
      // An idle thread must not keep a process alive.
      this.worker?.unref();
      return;
    }
    this.running = job;
    const worker = this.ensureWorker();
    worker.ref();
    worker.postMessage({ id: job.id, task: job.task });
  }

  private ensureWorker(): Worker {
    if (this.worker) return this.worker;
    const worker = spawnUpkeep();
    worker.on('message', (reply: Reply) => {
      const job = this.running;
      if (!job || job.id !== reply.id) return;
      if ('progress' in reply) {
        job.onProgress?.(reply.progress.done, reply.progress.total);
        return;
      }
      this.running = null;
      if (reply.ok) job.resolve(reply.value);
      else job.reject(failureFromThread(reply.failure));
      this.pump();
    });
    const fail = (reason: string) => {
      if (this.worker !== worker) return;
      this.worker = null;
      const job = this.running;
      this.running = null;
      job?.reject(new LecternError('INTERNAL', `Lectern's upkeep thread stopped (${reason}). Nothing was changed; try again.`));
      this.pump();
    };
    worker.on('error', (err) => fail(err.message));
    worker.on('exit', (code) => fail(`exit code ${code}`));
    this.worker = worker;
    return worker;
  }

  private discard(): void {
    const worker = this.worker;
    this.worker = null;
    if (worker) void worker.terminate();
  }
}
