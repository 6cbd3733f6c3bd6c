/**
 * Other processes for the concurrency tests: the real command line (`bin/lectern.js`), a bare SQLite
 * connection that holds the write lock for a while, and a probe that says when someone holds it; plus
 * an event-loop stall monitor for this process.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import Database from 'better-sqlite3';
import { REPO } from '../../unit/helpers/fixtures';

export interface Finished {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

export interface Running {
  child: ChildProcess;
  /** Resolves when the process has exited, with everything it printed. */
  done: Promise<Finished>;
  /** Resolves with the first stdout line (holders print `held` once they have the lock). */
  firstLine: Promise<string>;
}

function track(child: ChildProcess): Running {
  let stdout = '';
  let stderr = '';
  let lineSeen: (line: string) => void = () => {};
  const firstLine = new Promise<string>((resolve) => (lineSeen = resolve));
  child.stdout!.on('data', (d: Buffer) => {
    stdout += d.toString('utf8');
    if (stdout.includes('\n')) lineSeen(stdout.slice(0, stdout.indexOf('\n')));
  });
  child.stderr!.on('data', (d: Buffer) => (stderr += d.toString('utf8')));
  const done = new Promise<Finished>((resolve) => child.on('close', (code, signal) => resolve({ code, signal, stdout, stderr })));
  return { child, done, firstLine };
}

/** `lectern ARGS` as the user runs it, on `library`, with extra environment variables. */
export function lectern(args: string[], library: string, env: Record<string, string> = {}): Running {
  return track(
    spawn(process.execPath, [join(REPO, 'bin', 'lectern.js'), ...args], {
      cwd: REPO,
      env: { ...process.env, LECTERN_LIBRARY: library, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    }),
  );
}

/**
 * A plain SQLite connection in another process that takes the write lock (BEGIN IMMEDIATE plus one
 * write), prints `held`, keeps it `ms` milliseconds, then commits. With `activity`, it first writes that
 * text to `<library>.activity`, as a Lectern process would, with every `PID` replaced by its own process
 * id (the text may be hostile on purpose).
 */
export function holdLock(library: string, ms: number, activity = ''): Running {
  const script = `
    const fs = require('node:fs');
    const Database = require('better-sqlite3');
    const db = new Database(process.argv[1]);
    db.pragma('busy_timeout = 10000');
    db.exec('BEGIN IMMEDIATE');
    db.prepare("INSERT INTO settings (key, value, updated_at) VALUES ('holder', '1', 'now') ON CONFLICT (key) DO UPDATE SET value = value + 1").run();
    if (process.argv[3]) fs.writeFileSync(process.argv[1] + '.activity', process.argv[3].replaceAll('PID', String(process.pid)));
    process.stdout.write('held\\n');
    setTimeout(() => { db.exec('COMMIT'); if (process.argv[3]) fs.rmSync(process.argv[1] + '.activity', { force: true }); db.close(); }, Number(process.argv[2]));
  `;
  return track(
    spawn(process.execPath, ['-e', script, library, String(ms), activity], {
      cwd: REPO,
      stdio: ['ignore', 'pipe', 'pipe'],
    }),
  );
}

/** Whether another connection holds the library's write lock right now (a probe that never waits). */
export function lockHeld(library: string): boolean {
  const probe = new Database(library);
  try {
    probe.pragma('busy_timeout = 0');
    probe.exec('BEGIN IMMEDIATE');
    probe.exec('ROLLBACK');
    return false;
  } catch (err) {
    if ((err as { code?: string }).code?.startsWith('SQLITE_BUSY')) return true;
    throw err;
  } finally {
    probe.close();
  }
}

/** Wait (polling every 20 ms, up to `timeoutMs`) until another connection holds the write lock. */
export async function untilLockHeld(library: string, timeoutMs = 60_000): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!lockHeld(library)) {
    if (Date.now() > end) throw new Error(`nobody took the write lock of ${library} within ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

export interface Stalls {
  /** Longest gap between two 10 ms ticks, minus the 10 ms (ms). */
  maxStallMs: number;
  /** perf_hooks' event-loop delay histogram: its maximum and 99th percentile (ms). */
  histogramMaxMs: number;
  p99Ms: number;
}

/** Start measuring how long this process's event loop is blocked; `stop()` returns the figures. */
export function watchEventLoop(): { stop(): Stalls } {
  const histogram = monitorEventLoopDelay({ resolution: 10 });
  histogram.enable();
  let last = performance.now();
  let maxStallMs = 0;
  const tick = setInterval(() => {
    const now = performance.now();
    maxStallMs = Math.max(maxStallMs, now - last - 10);
    last = now;
  }, 10);
  return {
    stop() {
      clearInterval(tick);
      histogram.disable();
      const round = (ms: number) => Math.round(ms * 10) / 10;
      return { maxStallMs: round(maxStallMs), histogramMaxMs: round(histogram.max / 1e6), p99Ms: round(histogram.percentile(99) / 1e6) };
    },
  };
}

/** Milliseconds `work` took, with its settled result (never throws). */
export async function timed<T>(work: () => Promise<T>): Promise<{ ms: number; result: PromiseSettledResult<T> }> {
  const t0 = performance.now();
  const [result] = await Promise.allSettled([work()]);
  return { ms: Math.round(performance.now() - t0), result: result! };
}
