/**
 * Starting a worker thread (worker_threads) whose entry is one of this project's TypeScript files, in
 * every host: the desktop build has the entry built beside the main bundle (electron-vite input named
 * like the file, see electron.vite.config.ts); a source checkout (CLI, browser mode, tests under tsx or
 * Vitest) loads the TypeScript file through tsx's API, because Node 20 does not pass tsx's loader on
 * to worker threads.
 */
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Worker, type WorkerOptions } from 'node:worker_threads';

/**
 * Where a worker's entry is. Both URLs are made by the caller with `new URL('./name.js', import.meta.url)`
 * and `new URL('./name.ts', import.meta.url)`, so they resolve from the caller's module: in the build,
 * the main bundle's folder.
 */
export interface WorkerEntry {
  built: URL;
  source: URL;
}

/**
 * Start a worker on `entry` (the built file when it exists, else the TypeScript source).
 * @param options worker options (workerData, env, resourceLimits ...); `eval` is set here when needed
 * @returns the running worker; messages posted before its entry has loaded are queued until it listens
 */
export function spawnWorker(entry: WorkerEntry, options: WorkerOptions = {}): Worker {
  if (existsSync(fileURLToPath(entry.built))) return new Worker(entry.built, options);
  // The package's "import" export of tsx/esm/api (resolving through require would give the CommonJS one).
  const tsxRoot = dirname(createRequire(import.meta.url).resolve('tsx/package.json'));
  const tsxApi = pathToFileURL(join(tsxRoot, 'dist', 'esm', 'api', 'index.mjs')).href;
  const source = JSON.stringify(entry.source.href);
  const boot = `import(${JSON.stringify(tsxApi)}).then((tsx) => tsx.tsImport(${source}, ${source}));`;
  return new Worker(boot, { ...options, eval: true });
}
