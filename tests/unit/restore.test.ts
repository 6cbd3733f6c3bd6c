import { copyFileSync, existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { call, dispatch } from '../../electron/handlers/dispatch';
import { firstReleaseLibrary, seededLibrary } from './helpers/libraries';

const backupsOf = (file: string) => {
  const folder = join(dirname(file), 'backups');
  mkdirSync(folder, { recursive: true });
  return folder;
};
const ftsIds = (db: Database.Database, word: string) => (db.prepare(`SELECT rowid FROM papers_fts WHERE papers_fts MATCH ? ORDER BY rowid`).pluck().all(word) as number[]);

describe('restore', () => {
  it('replaces the content under live connections: the main one, the reader thread, another process\'s, and the full-text index', async () => {
    const { lib, h, file } = await seededLibrary();
    const backup = await call(h, 'backups.create', {});
    // Change the library after the backup: 5 papers deleted for good, a tag made, a star given (undoable).
    await call(h, 'papers.trash', { paperIds: [1, 2, 3, 4, 5] });
    await call(h, 'trash.empty', {});
    await call(h, 'tags.create', { name: 'made-after' });
    await call(h, 'papers.setStarred', { paperIds: [6], starred: true });
    expect((await call(h, 'papers.facets', {})).total).toBe(13); // the reader thread is open now
    const other = new Database(file, { readonly: true }); // e.g. the command line reading meanwhile
    expect(ftsIds(other, 'prover')).toEqual([7, 13]);
    expect((await call(h, 'undo.state', {})).undo).toBe('Star 1 paper');

    const report = await call(h, 'backups.restore', { name: backup.name });
    expect(report).toMatchObject({
      restored: { path: backup.path, createdAt: backup.createdAt },
      papers: 18,
      migrated: false,
      previous: { kind: 'before-restore', papers: 13, restorable: true },
      previousNote: null,
    });

    expect((await call(h, 'papers.list', {})).total).toBe(18);
    expect((await call(h, 'papers.facets', {})).total).toBe(18);
    expect(other.prepare('SELECT COUNT(*) FROM papers').pluck().get()).toBe(18);
    expect(ftsIds(other, 'prover')).toEqual([1, 7, 13]);
    expect((await call(h, 'papers.list', { query: 'prover' })).rows.map((r) => r.id).sort((a, b) => a - b)).toEqual([1, 7, 13]);
    expect((await call(h, 'papers.list', { query: 'note:prover' })).rows.map((r) => r.id)).toEqual([1]);
    expect((await call(h, 'tags.list', {})).map((t) => t.name)).not.toContain('made-after');
    // Undo history described the replaced content: it is gone.
    expect(await call(h, 'undo.state', {})).toEqual({ undo: null, redo: null });
    expect(await call(h, 'library.integrity', {})).toMatchObject({ state: 'ok', reason: null });
    expect(lib.db.$client.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(lib.db.$client.pragma('quick_check', { simple: true })).toBe('ok');
    // New writes go on as before, and the other connection sees them.
    await call(h, 'tags.create', { name: 'after-restore' });
    expect(other.prepare(`SELECT name FROM tags WHERE name = 'after-restore'`).pluck().get()).toBe('after-restore');

    // Restoring the state kept before the restore undoes it.
    const undo = await call(h, 'backups.restore', { name: report.previous!.name });
    expect(undo.papers).toBe(13);
    expect(ftsIds(other, 'prover')).toEqual([7, 13]);
    other.close();
    // No temporary files are left in the backups folder.
    expect(readdirSync(backupsOf(file)).filter((f) => f.startsWith('.'))).toEqual([]);
    lib.close();
  });

  it('brings a backup from an older Lectern up to date (migrations, derived columns, full-text index)', async () => {
    const { lib, h, file } = await seededLibrary({ readsInProcess: true });
    const old = firstReleaseLibrary();
    copyFileSync(old, join(backupsOf(file), 'library-20240101-120000-manual.sqlite'));
    const report = await call(h, 'backups.restore', { name: 'library-20240101-120000-manual.sqlite' });
    expect(report).toMatchObject({ papers: 2, migrated: true, restored: { createdAt: '2024-01-01T12:00:00.000Z' } });
    expect((await call(h, 'papers.list', { query: 'tomography' })).rows.map((r) => r.title)).toEqual(['Quantum tomography of old libraries']);
    expect((await call(h, 'papers.list', { sort: [{ column: 'title', desc: false }] })).rows.map((r) => r.title)).toEqual(['A second old paper', 'Quantum tomography of old libraries']);
    const migrations = lib.db.$client.prepare('SELECT COUNT(*) FROM __drizzle_migrations').pluck().get() as number;
    expect(migrations).toBe(readdirSync(join(import.meta.dirname, '..', '..', 'db', 'migrations')).filter((f) => f.endsWith('.sql')).length);
    // The old file itself was only read.
    const raw = new Database(old, { readonly: true });
    expect(raw.prepare('SELECT COUNT(*) FROM __drizzle_migrations').pluck().get()).toBe(1);
    raw.close();
    lib.close();
  });

  it('refuses a file that is not a sound Lectern library and changes nothing', async () => {
    const { lib, h, file } = await seededLibrary({ readsInProcess: true });
    writeFileSync(join(backupsOf(file), 'library-20240101-120000-manual.sqlite'), 'not a database '.repeat(500));
    const other = new Database(join(backupsOf(file), 'library-20240102-120000-manual.sqlite'));
    other.exec('CREATE TABLE shopping (item TEXT)');
    other.close();
    for (const name of ['library-20240101-120000-manual.sqlite', 'library-20240102-120000-manual.sqlite']) {
      const result = await dispatch(h, 'backups.restore', { name }, { trusted: true });
      expect(result.ok).toBe(false);
      if (!result.ok) expect(result.error.code).toBe('INVALID_INPUT');
    }
    expect((await dispatch(h, 'backups.restore', { name: 'library-20240102-120000-manual.sqlite' }, { trusted: true })).ok).toBe(false);
    expect(await dispatch(h, 'backups.restore', { name: '../library.sqlite' }, { trusted: true })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect((await call(h, 'papers.list', {})).total).toBe(18);
    // Nothing was kept "before restore" for a restore that did not happen, and nothing half-written is left.
    expect(readdirSync(backupsOf(file)).sort()).toEqual(['library-20240101-120000-manual.sqlite', 'library-20240102-120000-manual.sqlite']);
    expect(existsSync(`${file}-journal`)).toBe(false);
    lib.close();
  });
});
