/**
 * A full disk, for real (a small tmpfs): a backup, the backup before a schema update, an import and a
 * restore each fail with a plain sentence, leave no 0-byte or partial file, and change nothing.
 */
import { existsSync, mkdirSync, readdirSync, statSync } from 'node:fs';
import { basename, join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { openLibrary } from '../../db/open';
import { call, dispatch } from '../../electron/handlers/dispatch';
import { createHandlers } from '../../electron/handlers/handlers';
import { fixtureText } from '../unit/helpers/fixtures';
import { fillLibrary, firstReleaseLibrary } from '../unit/helpers/libraries';
import { mountSmallDisk } from './small-disk';
import { generateLibrary } from '../bench/generate-library';

const disk = mountSmallDisk(32 * 1024 * 1024);
const skip = 'skip' in disk ? disk.skip : null;
let n = 0;
const freshFolder = () => join(('dir' in disk ? disk.dir : ''), `case-${++n}`);
const filesUnder = (folder: string): string[] =>
  existsSync(folder) ? readdirSync(folder, { recursive: true, withFileTypes: true }).filter((e) => e.isFile()).map((e) => join(e.parentPath, e.name).slice(folder.length + 1)).sort() : [];

afterAll(() => {
  if (!('skip' in disk)) disk.unmount();
});

describe.skipIf(skip)(`a full disk${skip ? ` (skipped: ${skip})` : ''}`, () => {
  const d = disk as Exclude<typeof disk, { skip: string }>;

  it('fails a backup with a plain sentence, leaves nothing behind, and works again once there is room', async () => {
    const file = join(freshFolder(), 'library.sqlite');
    const lib = openLibrary(file);
    const h = createHandlers(lib, { background: true });
    await fillLibrary(h);
    lib.db.$client.pragma('wal_checkpoint(TRUNCATE)');
    d.fill(64 * 1024);
    const failed = await dispatch(h, 'backups.create', {}, { trusted: true });
    expect(failed).toMatchObject({ ok: false, error: { code: 'STORAGE', message: 'The backup could not be written: the disk is full. No backup was kept. Free some space and try again.' } });
    expect(filesUnder(join(file, '..', 'backups'))).toEqual([]);
    expect(await call(h, 'backups.list', {})).toMatchObject({ backups: [] });
    expect(lib.db.$client.pragma('quick_check', { simple: true })).toBe('ok');
    expect((await call(h, 'library.integrity', {})).state).toBe('ok');
    d.free();
    expect((await call(h, 'backups.create', {})).papers).toBe(18);
    lib.close();
  });

  it('does not update a library whose backup before the update fails: no 0-byte copy, and the message says so', () => {
    const folder = freshFolder();
    mkdirSync(folder);
    const file = firstReleaseLibrary(join(folder, 'library.sqlite'));
    // About 1 MB of papers, so that opening (32 KB of shared memory) fits but no backup does.
    const old = new Database(file);
    const insert = old.prepare(`INSERT INTO papers (title, title_key, abstract) VALUES (?, ?, ?)`);
    old.transaction(() => {
      for (let i = 0; i < 500; i++) insert.run(`Paper ${i}`, `paper ${i}`, 'An abstract of some length. '.repeat(70));
    })();
    old.close();
    d.fill(256 * 1024);
    let error: unknown = null;
    try {
      openLibrary(file).close();
    } catch (err) {
      error = err;
    }
    d.free();
    expect(error).toMatchObject({
      code: 'STORAGE',
      message: `Lectern did not update the library file ${file} to its new format, because the backup it makes first failed: the disk is full. The library is unchanged; free some space or check the disk, then open Lectern again.`,
    });
    expect(filesUnder(folder).filter((f) => f !== 'library.sqlite' && !f.startsWith('library.sqlite-'))).toEqual([]);
    const raw = new Database(file, { readonly: true });
    expect(raw.prepare('SELECT COUNT(*) FROM __drizzle_migrations').pluck().get()).toBe(1);
    expect(raw.prepare('SELECT COUNT(*) FROM papers').pluck().get()).toBe(502);
    raw.close();
    // With room again, the update goes through after its backup.
    const lib = openLibrary(file);
    expect(lib.backup).toMatch(/backups\/library-\d{8}-\d{6}-before-update\.sqlite$/);
    lib.close();
  });

  it('fails an import with nothing stored and the library sound (a full disk is not damage)', async () => {
    const file = join(freshFolder(), 'library.sqlite');
    const lib = openLibrary(file);
    const h = createHandlers(lib, { background: true });
    lib.db.$client.pragma('wal_checkpoint(TRUNCATE)');
    d.fill(24 * 1024);
    const failed = await dispatch(h, 'paste.import', { text: fixtureText('seed-profile') }, { trusted: true });
    expect(failed.ok).toBe(false);
    expect(lib.db.$client.prepare('SELECT COUNT(*) FROM papers').pluck().get()).toBe(0);
    expect(lib.db.$client.prepare('SELECT COUNT(*) FROM imports').pluck().get()).toBe(0);
    expect(lib.db.$client.pragma('quick_check', { simple: true })).toBe('ok');
    expect((await call(h, 'library.integrity', {})).state).toBe('ok');
    d.free();
    expect((await call(h, 'paste.import', { text: fixtureText('seed-profile') })).added).toBe(18);
    lib.close();
  });

  it('fails a restore with the library as it was and no partial file left', async () => {
    const file = join(freshFolder(), 'library.sqlite');
    const lib = openLibrary(file);
    const h = createHandlers(lib, { background: true });
    await fillLibrary(h);
    const backup = await call(h, 'backups.create', {});
    await call(h, 'papers.trash', { paperIds: [1, 2] });
    lib.db.$client.pragma('wal_checkpoint(TRUNCATE)');
    d.fill(64 * 1024);
    const failed = await dispatch(h, 'backups.restore', { name: backup.name }, { trusted: true });
    d.free();
    expect(failed).toMatchObject({ ok: false, error: { code: 'STORAGE', message: expect.stringContaining('the disk is full') } });
    expect((await call(h, 'papers.list', {})).total).toBe(16);
    // The day's backup may have been written once the library held papers; no other file may be left.
    expect(filesUnder(join(file, '..', 'backups')).filter((f) => !/-daily\.sqlite$/.test(f))).toEqual([backup.name]);
    expect(lib.db.$client.pragma('quick_check', { simple: true })).toBe('ok');
    lib.close();
  });
});

describe.skipIf(skip)(`a disk too full to open the library${skip ? ` (skipped: ${skip})` : ''}`, () => {
  it('says so in a sentence and changes nothing', () => {
    const d = disk as Exclude<typeof disk, { skip: string }>;
    const folder = freshFolder();
    mkdirSync(folder);
    const file = firstReleaseLibrary(join(folder, 'library.sqlite'));
    // Less room than SQLite's 32 KB of shared memory for the WAL.
    d.fill(8 * 1024);
    let error: unknown = null;
    try {
      openLibrary(file).close();
    } catch (err) {
      error = err;
    }
    d.free();
    expect(error).toMatchObject({ code: 'STORAGE', message: expect.stringMatching(new RegExp(`^Cannot open the library file ${file}: the disk (is full|reported an error while writing)\\. Nothing was changed\\.`)) });
    const raw = new Database(file, { readonly: true });
    expect(raw.prepare('SELECT COUNT(*) FROM __drizzle_migrations').pluck().get()).toBe(1);
    raw.close();
  });
});

describe.skipIf(skip)(`a disk that fills while a restore writes into the library${skip ? ` (skipped: ${skip})` : ''}`, () => {
  it('rolls the whole copy back: the library is as it was', async () => {
    const d = disk as Exclude<typeof disk, { skip: string }>;
    const folder = freshFolder();
    mkdirSync(join(folder, 'backups'), { recursive: true });
    const big = join(folder, 'backups', 'library-20240101-120000-manual.sqlite');
    generateLibrary(big, { papers: 300, seed: 5 });
    const asBackup = new Database(big);
    asBackup.pragma('journal_mode = DELETE'); // as Lectern's own backups are
    asBackup.close();
    const file = join(folder, 'library.sqlite');
    const lib = openLibrary(file);
    const h = createHandlers(lib, { background: true });
    await call(h, 'tags.create', { name: 'before' });
    lib.db.$client.pragma('wal_checkpoint(TRUNCATE)');
    // Room for the prepared copy and the backup of the (small) library, not for the copy into its WAL.
    const size = statSync(big).size;
    d.fill(size + statSync(file).size + Math.floor(size / 3));
    const failed = await dispatch(h, 'backups.restore', { name: basename(big) }, { trusted: true });
    d.free();
    expect(failed).toMatchObject({ ok: false, error: { code: 'STORAGE', message: expect.stringMatching(/^The library could not be replaced: the disk is full\. It is unchanged\./) } });
    expect((await call(h, 'tags.list', {})).map((t) => t.name)).toEqual(['before']);
    expect((await call(h, 'papers.list', {})).total).toBe(0);
    expect(lib.db.$client.pragma('quick_check', { simple: true })).toBe('ok');
    expect(filesUnder(join(folder, 'backups'))).toEqual([basename(big)]);
    // With room, the same restore goes through.
    expect((await call(h, 'backups.restore', { name: basename(big) })).papers).toBe(300);
    lib.close();
  });
});
