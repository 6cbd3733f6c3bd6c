import { existsSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { openLibrary } from '../../db/open';
import { verifyCopy, tableCounts } from '../../db/upkeep/write-backup';
import { call, dispatch } from '../../electron/handlers/dispatch';
import { createHandlers } from '../../electron/handlers/handlers';
import { tempLibraryFile } from './helpers/fixtures';
import { fillLibrary, firstReleaseLibrary, seededLibrary } from './helpers/libraries';

const backupsOf = (file: string) => join(dirname(file), 'backups');
const filesIn = (folder: string) => (existsSync(folder) ? readdirSync(folder).sort() : []);

async function until<T>(read: () => Promise<T>, ok: (value: T) => boolean, ms = 20_000): Promise<T> {
  const started = Date.now();
  for (;;) {
    const value = await read();
    if (ok(value) || Date.now() - started > ms) return value;
    await new Promise((r) => setTimeout(r, 50));
  }
}

describe('Back up now', () => {
  it('writes one checked, self-contained file on the upkeep thread and lists it with when, why, size and papers', async () => {
    const { lib, h, file } = await seededLibrary();
    const made = await call(h, 'backups.create', {});
    expect(made).toMatchObject({ kind: 'manual', papers: 18, restorable: true });
    expect(made.path).toBe(join(backupsOf(file), made.name));
    expect(made.name).toMatch(/^library-\d{8}-\d{6}-manual\.sqlite$/);
    expect(made.bytes).toBe(statSync(made.path).size);
    // Self-contained: nothing beside it, not in WAL mode, and sound.
    expect(filesIn(backupsOf(file))).toEqual([made.name]);
    const copy = new Database(made.path, { readonly: true });
    expect(copy.pragma('journal_mode', { simple: true })).toBe('delete');
    expect(copy.pragma('quick_check', { simple: true })).toBe('ok');
    expect(Object.fromEntries(tableCounts(copy))).toEqual(Object.fromEntries(tableCounts(lib.db.$client)));
    copy.close();
    expect(await call(h, 'backups.list', {})).toEqual({ folder: backupsOf(file), backups: [made] });
    lib.close();
  });

  it('keeps the newest 10 backups made on request', async () => {
    const { lib, h, file } = await seededLibrary({ readsInProcess: true });
    const names: string[] = [];
    // Distinct seconds in the names without waiting: each name takes the next free second.
    for (let i = 0; i < 12; i++) names.push((await call(h, 'backups.create', {})).name);
    expect(new Set(names).size).toBe(12);
    expect(filesIn(backupsOf(file))).toEqual(names.slice(2).sort());
    lib.close();
  });

  it('says why a backup failed and leaves no file behind', async () => {
    const { lib, h, file } = await seededLibrary();
    // Something that is not a folder where the backups folder should be.
    writeFileSync(backupsOf(file), 'in the way');
    const result = await dispatch(h, 'backups.create', {}, { trusted: true });
    expect(result).toEqual({
      ok: false,
      error: {
        code: 'STORAGE',
        message: 'The backup could not be written: the backups folder cannot be written to. No backup was kept. Check that the disk is mounted and that you may write to the folder.',
        details: expect.objectContaining({ why: 'the backups folder cannot be written to' }),
      },
    });
    expect(filesIn(dirname(file)).filter((f) => !f.startsWith('library.sqlite'))).toEqual(['backups']);
    lib.close();
  });

  it('refuses a copy whose row counts differ from the library (the check before a backup counts)', async () => {
    const { lib, h } = await seededLibrary({ readsInProcess: true });
    const made = await call(h, 'backups.create', {});
    const expected = tableCounts(lib.db.$client);
    expect(verifyCopy(made.path, expected, [...expected.keys()])).toEqual({ papers: 18 });
    expected.set('notes', 2);
    expect(() => verifyCopy(made.path, expected, null)).toThrow('the copy holds 1 rows of notes where the library holds 2');
    lib.close();
  });
});

describe('backups before changes that cannot be undone', () => {
  it('backs up before emptying the trash, only when it holds papers', async () => {
    const { lib, h, file } = await seededLibrary({ readsInProcess: true });
    expect(await call(h, 'trash.empty', {})).toEqual({ deleted: 0 });
    expect(filesIn(backupsOf(file))).toEqual([]);
    await call(h, 'papers.trash', { paperIds: [4, 5] });
    expect(await call(h, 'trash.empty', {})).toEqual({ deleted: 2 });
    const [backup] = (await call(h, 'backups.list', {})).backups;
    expect(backup).toMatchObject({ kind: 'before-empty-trash', papers: 16 }); // not counting the 2 in its trash
    lib.close();
  });

  it('does not empty the trash when its backup fails', async () => {
    const { lib, h, file } = await seededLibrary({ readsInProcess: true });
    await call(h, 'papers.trash', { paperIds: [4] });
    writeFileSync(backupsOf(file), 'in the way');
    const result = await dispatch(h, 'trash.empty', {}, { trusted: true });
    expect(result.ok).toBe(false);
    expect(!result.ok && result.error.message).toBe(
      'The trash was not emptied, because the backup Lectern makes first failed: the backups folder cannot be written to. Nothing was deleted.',
    );
    expect((await call(h, 'trash.info', {})).count).toBe(1);
    lib.close();
  });

  it('backs up before purging papers 30 days in the trash, when a library opens', async () => {
    const { lib, h, file } = await seededLibrary({ readsInProcess: true });
    await call(h, 'papers.trash', { paperIds: [4] });
    lib.db.$client.prepare('UPDATE papers SET deleted_at = ? WHERE id = 4').run(new Date(Date.now() - 31 * 86_400_000).toISOString());
    lib.close();
    const again = openLibrary(file);
    createHandlers(again, { readsInProcess: true });
    expect(again.db.$client.prepare('SELECT COUNT(*) FROM papers').pluck().get()).toBe(17);
    // The command line's first write of the day also makes the daily backup (before the purge's own).
    expect(filesIn(backupsOf(file)).map((f) => f.replace(/\d{8}-\d{6}/, 'T'))).toEqual(['library-T-daily.sqlite', 'library-T-before-purge.sqlite']);
    const copy = new Database(join(backupsOf(file), filesIn(backupsOf(file)).find((f) => f.endsWith('-before-purge.sqlite'))!), { readonly: true });
    expect(copy.prepare('SELECT COUNT(*) FROM papers').pluck().get()).toBe(18);
    copy.close();
    again.close();
  });
});

describe('daily backups', () => {
  it('writes one at open in a long-running host when none is under 24 hours old, and none for an empty library', async () => {
    const empty = openLibrary(tempLibraryFile());
    const emptyHandlers = createHandlers(empty, { background: true });
    await new Promise((r) => setTimeout(r, 300));
    expect((await call(emptyHandlers, 'backups.list', {})).backups).toEqual([]);
    empty.close();

    const { lib, file } = await seededLibrary();
    lib.close();
    const first = openLibrary(file);
    const h = createHandlers(first, { background: true });
    const list = await until(() => call(h, 'backups.list', {}), (l) => l.backups.length > 0);
    expect(list.backups.map((b) => b.kind)).toEqual(['daily']);
    first.close();
    const second = openLibrary(file);
    const h2 = createHandlers(second, { background: true });
    await new Promise((r) => setTimeout(r, 300));
    expect((await call(h2, 'backups.list', {})).backups.map((b) => b.kind)).toEqual(['daily']);
    second.close();
  });

  it('writes the day\'s one soon after the first changes of a session that started empty (debounced, on the upkeep thread), then not again that day', async () => {
    let clock = Date.now();
    const file = tempLibraryFile();
    const lib = openLibrary(file);
    // Minutes in the app, milliseconds here: 300 ms of quiet after the last write, at most 2 s after the first.
    const h = createHandlers(lib, { background: true, dailyTiming: { afterWriteMs: 300, maxAfterWriteMs: 2000, now: () => new Date(clock) } });
    await new Promise((r) => setTimeout(r, 400));
    expect((await call(h, 'backups.list', {})).backups).toEqual([]);
    // A first session: an import, tags, a note, an annotation, a paper to the trash.
    await fillLibrary(h);
    await call(h, 'papers.trash', { paperIds: [4] });
    const list = await until(() => call(h, 'backups.list', {}), (l) => l.backups.length > 0, 10_000);
    expect(list.backups.map((b) => [b.kind, b.papers])).toEqual([['daily', 17]]);

    // More changes the same day: no second backup.
    await call(h, 'papers.setStarred', { paperIds: [1], starred: true });
    await new Promise((r) => setTimeout(r, 800));
    expect((await call(h, 'backups.list', {})).backups.map((b) => b.kind)).toEqual(['daily']);

    // A day later (the clock moved on, the app stayed open): the next change brings the next day's backup.
    clock += 25 * 3_600_000;
    await call(h, 'papers.setStarred', { paperIds: [2], starred: true });
    // (Retention keeps one daily per real day, so the new one replaces the first here.)
    const first = list.backups[0]!.name;
    const next = await until(() => call(h, 'backups.list', {}), (l) => l.backups[0]?.name !== first, 10_000);
    expect(next.backups.map((b) => b.kind)).toEqual(['daily']);
    expect(next.backups[0]!.name > first).toBe(true);
    lib.close();
  });

  it('waits for the writes to pause before the day\'s backup, but not past the longest wait', async () => {
    const file = tempLibraryFile();
    const lib = openLibrary(file);
    const h = createHandlers(lib, { background: true, dailyTiming: { afterWriteMs: 600, maxAfterWriteMs: 1500 } });
    await fillLibrary(h);
    const started = Date.now();
    // A write every 200 ms keeps the quiet time from ever passing: the longest wait decides.
    let writes = 0;
    while ((await call(h, 'backups.list', {})).backups.length === 0 && Date.now() - started < 8000) {
      await call(h, 'papers.setRating', { paperIds: [1], rating: (writes++ % 5) + 1 });
      await new Promise((r) => setTimeout(r, 200));
    }
    expect((await call(h, 'backups.list', {})).backups.map((b) => b.kind)).toEqual(['daily']);
    expect(writes).toBeGreaterThan(3);
    lib.close();
  });

  it('writes one before the first write of a command-line session, not for reads', async () => {
    const { lib, file } = await seededLibrary({ readsInProcess: true });
    lib.close();
    const cli = openLibrary(file);
    const h = createHandlers(cli, { readsInProcess: true });
    await call(h, 'papers.list', {});
    expect(filesIn(backupsOf(file))).toEqual([]);
    await call(h, 'papers.setStarred', { paperIds: [1], starred: true });
    expect(filesIn(backupsOf(file)).map((f) => f.replace(/\d{8}-\d{6}/, 'T'))).toEqual(['library-T-daily.sqlite']);
    cli.close();
  });
});

describe('the backup before a schema update', () => {
  it('is checked and kept in the backups folder; when it cannot be written the library is not updated', () => {
    const file = firstReleaseLibrary();
    writeFileSync(backupsOf(file), 'in the way');
    expect(() => openLibrary(file)).toThrow(
      expect.objectContaining({
        code: 'STORAGE',
        message: `Lectern did not update the library file ${file} to its new format, because the backup it makes first failed: the backups folder cannot be written to. The library is unchanged; free some space or check the disk, then open Lectern again.`,
      }),
    );
    const raw = new Database(file, { readonly: true });
    expect(raw.prepare('SELECT COUNT(*) FROM __drizzle_migrations').pluck().get()).toBe(1);
    raw.close();
    expect(filesIn(dirname(file)).filter((f) => f !== basename(file) && !f.startsWith(`${basename(file)}-`))).toEqual(['backups']);
  });
});
