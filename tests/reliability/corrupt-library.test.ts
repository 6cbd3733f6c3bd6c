/**
 * A damaged library file, in five ways: random bytes over its header, over pages in the middle, cut to
 * half, zero-filled, and not a database at all. Each is found at open, nothing is written to it, and
 * restore and recovery (on the command line) say what they did.
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import Database from 'better-sqlite3';
import { beforeAll, describe, expect, it } from 'vitest';
import { openLibrary } from '../../db/open';
import { call, dispatch } from '../../electron/handlers/dispatch';
import { createHandlers } from '../../electron/handlers/handlers';
import { generateLibrary } from '../bench/generate-library';
import { fixtureText, REPO, tempLibraryFile } from '../unit/helpers/fixtures';
import { damage, type DamagePattern } from '../unit/helpers/libraries';

const PAPERS = 600;
let pristine: string;
let backupName: string;

beforeAll(async () => {
  pristine = tempLibraryFile();
  generateLibrary(pristine, { papers: PAPERS, seed: 11, notes: 100, tags: 6 });
  const lib = openLibrary(pristine);
  backupName = (await call(createHandlers(lib, { readsInProcess: true }), 'backups.create', {})).name;
  lib.close();
});

/** The pristine library and its backup in a new folder. */
function copyOfLibrary(): string {
  const file = tempLibraryFile();
  copyFileSync(pristine, file);
  mkdirSync(join(dirname(file), 'backups'));
  copyFileSync(join(dirname(pristine), 'backups', backupName), join(dirname(file), 'backups', backupName));
  return file;
}

const sha = (file: string) => createHash('sha256').update(readFileSync(file)).digest('hex');

function lectern(args: string[], library: string) {
  const r = spawnSync(process.execPath, [join(REPO, 'bin', 'lectern.js'), ...args, '--library', library], { encoding: 'utf8' });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

function papersIn(file: string): number {
  const db = new Database(file, { readonly: true });
  try {
    return db.prepare('SELECT COUNT(*) FROM papers').pluck().get() as number;
  } finally {
    db.close();
  }
}

const UNOPENABLE: DamagePattern[] = ['header', 'truncated', 'zero-filled', 'not-a-database'];

describe('a damaged library file', () => {
  it.each(UNOPENABLE)('%s: refuses to open with DAMAGED, naming the backup to restore, and writes nothing', (pattern) => {
    const file = copyOfLibrary();
    damage(file, pattern);
    const before = sha(file);
    let error: unknown = null;
    try {
      openLibrary(file).close();
    } catch (err) {
      error = err;
    }
    const backup = join(dirname(file), 'backups', backupName);
    expect(error).toMatchObject({
      code: 'DAMAGED',
      message: `The library file ${file} cannot be opened: it is damaged, or it is not a Lectern library at all (check the path if you gave one). Nothing was written to it. Restore the latest backup by running: lectern --library ${file} restore ${backup} — or recover what can be read by running: lectern --library ${file} recover`,
      details: { file, backup },
    });
    expect(sha(file)).toBe(before);
    // Browser mode says the same in one line and stops.
    const serve = spawnSync(process.execPath, ['--import', 'tsx', join(REPO, 'electron', 'server', 'main.ts'), '--library', file, '--port', '0'], { cwd: REPO, encoding: 'utf8', timeout: 60_000 });
    expect(serve.status).toBe(1);
    expect(serve.stderr).toMatch(new RegExp(`^lectern serve: The library file ${file.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')} cannot be opened: it is damaged`));
    expect(sha(file)).toBe(before);
  });

  it.each([1, 2, 3])('middle pages (seed %i): found damaged at open; reads that work go on, writes are refused, the file is untouched', async (seed) => {
    const file = copyOfLibrary();
    damage(file, 'middle', seed);
    const before = sha(file);
    const lib = openLibrary(file);
    expect(lib.integrity.state).toBe('damaged');
    const h = createHandlers(lib, { readsInProcess: true });
    expect((await call(h, 'tags.list', {})).length).toBe(6);
    const imported = await dispatch(h, 'paste.import', { text: fixtureText('seed-profile') }, { trusted: true });
    expect(imported).toMatchObject({ ok: false, error: { code: 'DAMAGED' } });
    lib.close();
    expect(sha(file)).toBe(before);
  });

  // The command line takes the same path for every file that cannot be opened; one of each SQLite error
  // (SQLITE_CORRUPT for a cut file, SQLITE_NOTADB for the others) is enough, and spawning it is slow.
  it.each(['truncated', 'not-a-database'] as const)('%s: lectern check says damaged; recover finds nothing to read; restore brings the backup back and keeps the damaged file', (pattern) => {
    const file = copyOfLibrary();
    damage(file, pattern);
    const before = sha(file);
    const check = lectern(['check'], file);
    expect(check.code).toBe(1);
    expect(check.stdout).toContain(`The library ${file} is damaged: `);
    const recover = lectern(['recover', '--out', join(dirname(file), 'recovered.sqlite')], file);
    expect([recover.code, recover.stderr]).toEqual([1, `lectern: Nothing could be read from ${file}, so nothing was written to ${join(dirname(file), 'recovered.sqlite')}. Restore a backup instead; lectern --library ${file} backups lists them.\n`]);
    expect(existsSync(join(dirname(file), 'recovered.sqlite'))).toBe(false);
    const restore = lectern(['restore', join(dirname(file), 'backups', backupName)], file);
    expect(restore.stderr).toBe('');
    const kept = /kept as (\S+)\.$/m.exec(restore.stdout)?.[1];
    expect(restore.stdout).toBe(`Restored ${join(dirname(file), 'backups', backupName)} (600 papers) into ${file}.\nThe damaged library file was kept as ${kept}.\n`);
    expect(basename(kept!)).toMatch(/^library-\d{8}-\d{6}-damaged\.sqlite$/);
    expect(sha(kept!)).toBe(before);
    expect(lectern(['check', '--full'], file).code).toBe(0);
    expect(papersIn(file)).toBe(PAPERS);
  });

  it('middle pages: lectern recover keeps the readable rows, says what was lost, and the library is sound again', () => {
    const file = copyOfLibrary();
    damage(file, 'middle', 1);
    const before = sha(file);
    const recover = lectern(['recover', '--json'], file);
    expect(recover.stderr).toBe('');
    const report = JSON.parse(recover.stdout) as { papers: number; complete: boolean; tables: Array<{ table: string; kept: number; lost: number | null }>; previous: { path: string; kind: string } };
    expect(report.complete).toBe(false);
    const papers = report.tables.find((t) => t.table === 'papers')!;
    expect(papers.kept).toBe(report.papers);
    expect(papers.kept + (papers.lost ?? 0)).toBe(PAPERS);
    expect(report.tables.reduce((n, t) => n + (t.lost ?? 0), 0)).toBeGreaterThan(0);
    expect(report.previous.kind).toBe('damaged');
    expect(sha(report.previous.path)).toBe(before);
    expect(lectern(['check', '--full'], file).code).toBe(0);
    expect(papersIn(file)).toBe(report.papers);
    expect(readdirSync(join(dirname(file), 'backups')).filter((f) => f.startsWith('.'))).toEqual([]);
  });
});
