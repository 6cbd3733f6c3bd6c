/**
 * kill -9 during an import, at random moments (issue 8, checks): after each kill the library passes
 * `PRAGMA integrity_check` and holds either the whole import or none of it, counted exactly in every
 * table an import writes (the `imports` table too). The last step checks that the next process writes
 * normally (a stale activity file from a killed import is ignored).
 */
import { existsSync, writeFileSync } from 'node:fs';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { importProfile } from '../../db/library/import-profile';
import { openLibrary } from '../../db/open';
import { call } from '../../electron/handlers/dispatch';
import { createHandlers } from '../../electron/handlers/handlers';
import { detectAndParse } from '../../shared/paste/detect';
import { bigPaste } from '../unit/helpers/big-paste';
import { fixtureText, tempLibraryFile } from '../unit/helpers/fixtures';
import { lectern, lockHeld } from './helpers/processes';

const PAPERS = 1000;
const KILLS = 10;
const TABLES = ['papers', 'imports', 'import_papers', 'paper_authors', 'paper_affiliations', 'paper_categories'] as const;

type Counts = Record<(typeof TABLES)[number], number>;

function counts(file: string): Counts & { integrity: string } {
  const db = new Database(file, { readonly: true });
  try {
    const integrity = db.pragma('integrity_check', { simple: true }) as string;
    const n = (t: string) => (db.prepare(`SELECT COUNT(*) AS n FROM ${t}`).get() as { n: number }).n;
    return { integrity, ...(Object.fromEntries(TABLES.map((t) => [t, n(t)])) as Counts) };
  } finally {
    db.close();
  }
}

/** A small deterministic generator (mulberry32), so a failing run can be repeated from its seed. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

describe('kill -9 during an import', () => {
  it(`leaves the whole import or none of it, ${KILLS} times at random moments`, { timeout: 900_000 }, async () => {
    const file = tempLibraryFile();
    const seeded = openLibrary(file);
    importProfile(seeded.db, fixtureText('seed-profile'), detectAndParse(fixtureText('seed-profile')));
    seeded.close();

    // What one whole import adds to each table (the pastes differ only in their titles).
    const scratch = openLibrary(':memory:');
    importProfile(scratch.db, fixtureText('seed-profile'), detectAndParse(fixtureText('seed-profile')));
    const n = (t: string) => (scratch.db.$client.prepare(`SELECT COUNT(*) AS n FROM ${t}`).get() as { n: number }).n;
    const before = Object.fromEntries(TABLES.map((t) => [t, n(t)]));
    importProfile(scratch.db, bigPaste(PAPERS, ' ref'), detectAndParse(bigPaste(PAPERS, ' ref')));
    const delta = Object.fromEntries(TABLES.map((t) => [t, n(t) - before[t]!])) as Counts;
    scratch.close();
    expect(delta).toMatchObject({ papers: PAPERS, imports: 1, import_papers: PAPERS });

    // How long a whole run takes from the start of the process, and its import from taking the lock.
    const calibrate = lectern(['import', write(file, bigPaste(PAPERS, ' calibrate'))], file);
    const t0 = performance.now();
    await lockTaken(file, calibrate.done);
    const locked = performance.now();
    const calibrated = await calibrate.done;
    const wholeMs = performance.now() - t0;
    const importMs = performance.now() - locked;
    expect(calibrated.code).toBe(0);
    let expected = counts(file);
    expect(expected.papers).toBe(18 + PAPERS);

    const seed = Number(process.env.LECTERN_KILL_SEED ?? Date.now() % 1_000_000);
    const next = random(seed);
    const outcomes: string[] = [];
    let midTransaction = 0;
    for (let i = 0; i < KILLS; i++) {
      const run = lectern(['import', write(file, bigPaste(PAPERS, ` kill ${i}`))], file);
      // Even rounds: any moment of the run (start-up, parsing, import, exit). Odd rounds: a moment of
      // the import's transaction, counted from when it took the lock (or a little after it ended).
      const fromLock = i % 2 === 1;
      if (fromLock) await lockTaken(file, run.done);
      const delay = Math.round(fromLock ? importMs * 1.1 * next() : wholeMs * (0.1 + next()));
      await new Promise((r) => setTimeout(r, delay));
      const holding = lockHeld(file);
      run.child.kill('SIGKILL');
      const ended = await run.done;
      const after = counts(file);
      expect(after.integrity, `kill ${i} after ${delay} ms (seed ${seed})`).toBe('ok');
      const { integrity: _i, ...rows } = after;
      const { integrity: _e, ...was } = expected;
      const whole = Object.fromEntries(TABLES.map((t) => [t, was[t] + delta[t]]));
      const outcome = JSON.stringify(rows) === JSON.stringify(was) ? 'none' : JSON.stringify(rows) === JSON.stringify(whole) ? 'whole' : 'PARTIAL';
      outcomes.push(`${delay} ms${fromLock ? ' after taking the lock' : ''}: ${ended.signal === 'SIGKILL' ? 'killed' : `exited ${ended.code}`}${holding ? ' mid-import' : ''} -> ${outcome}`);
      expect(outcome, `kill ${i} after ${delay} ms (seed ${seed}): ${JSON.stringify({ rows, was, whole })}`).not.toBe('PARTIAL');
      if (holding && ended.signal === 'SIGKILL') midTransaction++;
      expected = after;
    }
    console.log(`kill -9 during imports (seed ${seed}; a whole run takes ${Math.round(wholeMs)} ms, its import ${Math.round(importMs)} ms):\n  ${outcomes.join('\n  ')}`);
    // Enough of the kills must have hit an import holding its transaction for the test to mean anything.
    expect(midTransaction).toBeGreaterThanOrEqual(3);

    // The next process opens the library and writes normally, whatever a killed import left beside it.
    const lib = openLibrary(file);
    try {
      const h = createHandlers(lib, { lockWaitMs: 2000 });
      expect(await call(h, 'papers.setStarred', { paperIds: [1], starred: true })).toEqual({ updated: 1 });
      expect((await call(h, 'library.info', {})).papers).toBe(expected.papers);
    } finally {
      lib.close();
    }
    expect(existsSync(`${file}.activity`) && lockHeld(file)).toBe(false);
  });
});

/** Resolves once the import's process holds the write lock, or has ended (whichever comes first). */
async function lockTaken(file: string, ended: Promise<unknown>): Promise<void> {
  let over = false;
  void ended.then(() => (over = true));
  while (!over && !lockHeld(file)) await new Promise((r) => setTimeout(r, 10));
}

function write(file: string, text: string): string {
  const path = `${file}.${Math.random().toString(36).slice(2)}.txt`;
  writeFileSync(path, text);
  return path;
}
