/**
 * Calls into a module on a worker thread under a time budget, for reliability tests of untrusted-input
 * code: a call past its budget terminates the thread (V8 stops even a regular expression in the middle
 * of its backtracking), so a super-linear pattern fails its test quickly instead of hanging the run.
 * The budget counts from the moment the call is posted to a thread that has already loaded the module,
 * so thread start-up and TypeScript compilation never count against it.
 */
import type { Worker } from 'node:worker_threads';
import { spawnWorker } from '../../../electron/handlers/spawn-worker';

export type BudgetedResult =
  | { timedOut: false; ok: true; ms: number; value: unknown }
  | { timedOut: false; ok: false; ms: number; error: { name: string; message: string; code?: string } }
  | { timedOut: true; ms: number };

const ENTRY = { built: new URL('./budget-worker.js', import.meta.url), source: new URL('./budget-worker.ts', import.meta.url) };

export class BudgetedModule {
  private worker: Promise<Worker> | null = null;
  private nextId = 1;

  /** @param moduleUrl the module whose exports `call` runs (a file URL, e.g. `new URL('../../shared/paste/detect.ts', import.meta.url)`) */
  constructor(private readonly moduleUrl: URL) {}

  /**
   * Run `fn(...args)` on the thread.
   * @param budgetMs wall-clock limit for the call; past it the thread is terminated (a fresh one serves the next call)
   * @returns the value or the error the call gave and how long it ran in the thread (ms), or `timedOut`
   */
  async call(fn: string, args: unknown[], budgetMs: number): Promise<BudgetedResult> {
    const worker = await this.ready();
    const id = this.nextId++;
    return new Promise<BudgetedResult>((resolve, reject) => {
      const started = performance.now();
      const timer = setTimeout(() => {
        cleanup();
        this.discard();
        resolve({ timedOut: true, ms: performance.now() - started });
      }, budgetMs);
      const onMessage = (reply: { id?: number; ok: boolean; ms: number; value?: unknown; error?: { name: string; message: string; code?: string } }) => {
        if (reply.id !== id) return;
        cleanup();
        resolve(reply.ok ? { timedOut: false, ok: true, ms: reply.ms, value: reply.value } : { timedOut: false, ok: false, ms: reply.ms, error: reply.error! });
      };
      const onError = (err: Error) => {
        cleanup();
        this.discard();
        reject(err);
      };
      const cleanup = () => {
        clearTimeout(timer);
        worker.off('message', onMessage);
        worker.off('error', onError);
      };
      worker.on('message', onMessage);
      worker.on('error', onError);
      worker.postMessage({ id, fn, args });
    });
  }

  /** Stop the thread (a later call starts another). */
  async close(): Promise<void> {
    const worker = this.worker;
    this.worker = null;
    if (worker) await (await worker.catch(() => null))?.terminate();
  }

  private ready(): Promise<Worker> {
    this.worker ??= new Promise<Worker>((resolve, reject) => {
      const worker = spawnWorker(ENTRY, { workerData: { module: this.moduleUrl.href } });
      worker.once('message', () => resolve(worker));
      worker.once('error', reject);
      worker.once('exit', (code) => reject(new Error(`the budget thread exited with code ${code} before it was ready`)));
    });
    return this.worker;
  }

  private discard(): void {
    const worker = this.worker;
    this.worker = null;
    void worker?.then((w) => w.terminate()).catch(() => undefined);
  }
}
