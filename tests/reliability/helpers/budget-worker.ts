/**
 * Entry of the thread that BudgetedModule (budgeted-module.ts) runs untrusted-input calls on: it loads
 * one module, says it is ready, then calls its exports on request and times each call, so that a call
 * that runs away can be stopped by terminating the thread without stopping the test run.
 *
 * workerData: `{ module }` (a file URL). Messages in: `{ id, fn, args }`. Out: `{ ready: true }` once the
 * module has loaded; per call `{ id, ok: true, ms, value }` or `{ id, ok: false, ms, error }` where
 * `error` is `{ name, message, code? }` (a LecternError keeps its code).
 */
import { parentPort, workerData } from 'node:worker_threads';

const port = parentPort;
if (!port) throw new Error('budget-worker.ts runs as a worker thread');
const mod = (await import((workerData as { module: string }).module)) as Record<string, (...args: unknown[]) => unknown>;

port.on('message', ({ id, fn, args }: { id: number; fn: string; args: unknown[] }) => {
  const target = mod[fn];
  const start = performance.now();
  try {
    if (typeof target !== 'function') throw new Error(`${fn} is not exported by ${(workerData as { module: string }).module}`);
    const value = target(...args);
    port.postMessage({ id, ok: true, ms: performance.now() - start, value });
  } catch (err) {
    const ms = performance.now() - start;
    const e = err as { name?: string; message?: string; code?: string };
    port.postMessage({ id, ok: false, ms, error: { name: e?.name ?? 'Error', message: e?.message ?? String(err), code: e?.code } });
  }
});
port.postMessage({ ready: true });
