/**
 * The command line stopped mid-import by SIGINT (Ctrl+C), SIGTERM or SIGHUP (a closed terminal): the
 * import is cancelled (nothing of it stored), the library is closed cleanly (WAL checkpointed: the
 * .sqlite file alone holds the library), the user reads what happened, and the exit code names the signal.
 */
import { spawn } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { beforeAll, describe, expect, it } from 'vitest';
import { fixtureText, REPO } from '../unit/helpers/fixtures';

/** A scholarfeed page with `n` papers: the seed's cards, each title numbered so every card is new. */
function bigPaste(n: number): string {
  const seed = fixtureText('seed-profile');
  const head = seed.slice(0, seed.indexOf('CLAug 15, 2024Code'));
  const cards = seed.slice(head.length).split(/\n\n(?=[A-Z]{2,}[A-Z][a-z]{2} \d)/);
  const out: string[] = [];
  for (let i = 0; i < n; i++) out.push(cards[i % cards.length]!.replace(/\n(.+)\n/, (_m, title: string) => `\n${title} (part ${i + 1})\n`));
  return head + out.join('\n\n');
}

function cli(args: string[]) {
  const child = spawn(process.execPath, ['--import', 'tsx', join(REPO, 'electron', 'cli', 'main.ts'), ...args], { cwd: REPO, stdio: ['ignore', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => child.once('exit', (code, signal) => resolve({ code, signal })));
  return { child, exited, stderr: () => stderr };
}

function countInCopyOf(file: string, table: string): number {
  const copy = join(mkdtempSync(join(tmpdir(), 'lectern-copy-')), 'library.sqlite');
  copyFileSync(file, copy);
  const db = new Database(copy, { readonly: true });
  try {
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    return (db.prepare(`SELECT COUNT(*) AS n FROM ${table}`).get() as { n: number }).n;
  } finally {
    db.close();
  }
}

/**
 * Resolve once another connection holds the library's write lock (the import's transaction has begun):
 * probe with BEGIN IMMEDIATE and no busy wait, every 20 ms; the probe is closed before resolving.
 */
async function writeLockTaken(file: string, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (existsSync(file)) {
      const probe = new Database(file, { timeout: 0 });
      try {
        probe.exec('BEGIN IMMEDIATE');
        probe.exec('ROLLBACK');
      } catch (err) {
        if ((err as { code?: string }).code === 'SQLITE_BUSY') return;
        throw err;
      } finally {
        probe.close();
      }
    }
    if (Date.now() > deadline) throw new Error(`no write began within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

const dir = mkdtempSync(join(tmpdir(), 'lectern-cli-signals-'));
const pasteFile = join(dir, 'big-page.txt');
const seeded = join(dir, 'seeded.sqlite');

beforeAll(async () => {
  writeFileSync(pasteFile, bigPaste(2000));
  writeFileSync(join(dir, 'seed.txt'), fixtureText('seed-profile'));
  // A finished command: a library with the seed's 18 papers, closed cleanly (no -wal left).
  expect((await cli(['import', join(dir, 'seed.txt'), '--library', seeded]).exited).code).toBe(0);
  expect(existsSync(`${seeded}-wal`)).toBe(false);
});

describe.skipIf(process.platform === 'win32')('the command line under signals (POSIX signals)', () => {
  it.each([
    ['SIGINT', 130],
    ['SIGTERM', 143],
    ['SIGHUP', 129],
  ] as const)('%s mid-import cancels it, closes the library cleanly and exits %i', async (signal, code) => {
    const library = join(mkdtempSync(join(dir, 'lib-')), 'library.sqlite');
    copyFileSync(seeded, library);
    const run = cli(['import', pasteFile, '--library', library]);
    await writeLockTaken(library, 60_000);
    run.child.kill(signal);
    expect(await run.exited).toEqual({ code, signal: null });
    expect(run.stderr()).toMatch(new RegExp(`^lectern: stopped \\(${signal}\\)\\. Import cancelled after \\d+ of 2000 papers; the library is as it was before\\.\\n$`));
    expect(!existsSync(`${library}-wal`) || statSync(`${library}-wal`).size === 0).toBe(true);
    expect(countInCopyOf(library, 'papers')).toBe(18);
    expect(countInCopyOf(library, 'imports')).toBe(1);
  });
});
