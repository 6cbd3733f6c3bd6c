/**
 * Running a long import one step at a time inside its transaction: yields to the event loop every
 * ~25 ms (so progress and cancel calls are answered), reports progress, and stops on cancel. Shared by
 * the paste import (import-profile.ts) and the reference file import (reference-import.ts).
 */
import { LecternError } from '../../shared/errors';
import type { LibraryDb } from '../open';
import { statementCache } from './statement-cache';

/** How often a long import hands the event loop back (to answer progress and cancel calls), in ms. */
const YIELD_EVERY_MS = 25;

/** Thrown inside the transaction to roll back a preview (or an import that would change nothing). */
export class DryRunRollback extends Error {}

/** The CANCELLED error of a long import or preview stopped after `done` of `total` papers. */
export function importCancelled(done: number, total: number, dryRun = false): LecternError {
  return new LecternError(
    'CANCELLED',
    dryRun
      ? `Preview stopped after ${done} of ${total} papers; nothing was imported.`
      : `Import cancelled after ${done} of ${total} papers; the library is as it was before.`,
  );
}

/**
 * Drive `steps` (each step yields the papers done so far, the last returns the result) to its end, with
 * the connection's compiled statements reused across steps (statement-cache.ts).
 * @param total papers in the import, for progress and the cancel message
 * @throws LecternError `CANCELLED` when options.signal aborts (the caller's transaction then rolls back)
 */
export async function runImportSteps<R>(
  db: LibraryDb,
  steps: Generator<number, R>,
  total: number,
  options: { signal?: AbortSignal; onProgress?: (done: number, total: number) => void; dryRun?: boolean },
): Promise<R> {
  const statements = statementCache(db.$client);
  let step = statements.run(() => steps.next());
  let lastYield = performance.now();
  while (!step.done) {
    if (performance.now() - lastYield > YIELD_EVERY_MS) {
      options.onProgress?.(step.value, total);
      await new Promise((resolve) => setImmediate(resolve));
      lastYield = performance.now();
    }
    if (options.signal?.aborted) throw importCancelled(step.value, total, options.dryRun);
    step = statements.run(() => steps.next());
  }
  options.onProgress?.(total, total);
  return step.value;
}
