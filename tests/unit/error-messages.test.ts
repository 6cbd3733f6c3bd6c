import { mkdirSync, openSync, rmSync, writeFileSync, writeSync, closeSync } from 'node:fs';
import { dirname, join } from 'node:path';
import Database from 'better-sqlite3';
import { DrizzleError } from 'drizzle-orm';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { openLibrary, type Library } from '../../db/open';
import { dispatch } from '../../electron/handlers/dispatch';
import { createHandlers } from '../../electron/handlers/handlers';
import { LecternError } from '../../shared/errors';
import { INTERNAL_MESSAGE, sqlitePrimaryCode, toErrorShape, toLecternError } from '../../shared/error-messages';
import { fixtureText, tempLibraryFile } from './helpers/fixtures';

const { SqliteError } = Database as unknown as { SqliteError: new (message: string, code: string) => Error & { code: string } };

/** What Drizzle throws: its own error quoting the SQL, the SqliteError as the cause. */
function wrapped(message: string, code: string): Error {
  return new DrizzleError({ message: `Failed to run the query 'UPDATE "papers" SET "starred" = ? WHERE "id" IN (?)'`, cause: new SqliteError(message, code) });
}

/** Never in a message to the user. */
const LEAK = /Failed to run the query|SELECT .* FROM|UPDATE "|INSERT INTO|SQLITE_|\n\s+at |\.ts:\d+|node_modules|database or disk|disk image is malformed|database is locked/;

const trusted = { trusted: true };
let lib: Library | undefined;
afterEach(() => {
  lib?.close();
  lib = undefined;
  vi.restoreAllMocks();
});

describe('one mapping from thrown errors to what the user sees', () => {
  it.each([
    ['SQLITE_FULL', 'STORAGE', 'database or disk is full', /^The disk is full: free some space and try again; nothing was changed\.$/],
    ['SQLITE_IOERR_WRITE', 'STORAGE', 'disk I/O error', /^The disk could not be read or written: check that the drive .* nothing was changed\.$/],
    ['SQLITE_IOERR', 'STORAGE', 'disk I/O error', /^The disk could not be read or written/],
    ['SQLITE_READONLY', 'STORAGE', 'attempt to write a readonly database', /^The library file or its folder is read-only, so Lectern cannot save changes: .* nothing was changed\.$/],
    ['SQLITE_READONLY_DBMOVED', 'STORAGE', 'attempt to write a readonly database', /read-only/],
    ['SQLITE_CANTOPEN', 'STORAGE', 'unable to open database file', /^Lectern cannot open the library file: .* nothing was changed\.$/],
    ['SQLITE_CANTOPEN_ISDIR', 'STORAGE', 'unable to open database file', /^Lectern cannot open the library file/],
    ['SQLITE_CORRUPT', 'DAMAGED', 'database disk image is malformed', /^The library file is damaged, so Lectern will not write to it: restore a backup .*`lectern restore FILE`.*`lectern recover`/],
    ['SQLITE_CORRUPT_INDEX', 'DAMAGED', 'database disk image is malformed', /is damaged/],
    ['SQLITE_NOTADB', 'DAMAGED', 'file is not a database', /^The file is not a Lectern library, or it is damaged, so Lectern will not write to it\./],
    ['SQLITE_BUSY', 'BUSY', 'database is locked', /^The library is busy: another Lectern process is writing\. Try again in a moment\.$/],
    ['SQLITE_BUSY_SNAPSHOT', 'BUSY', 'database is locked', /^The library is busy/],
    ['SQLITE_LOCKED', 'BUSY', 'database table is locked', /^The library is busy/],
  ])('%s (wrapped by Drizzle or not) -> %s', (sqliteCode, code, raw, message) => {
    for (const err of [new SqliteError(raw, sqliteCode), wrapped(raw, sqliteCode)]) {
      const mapped = toLecternError(err);
      expect(mapped.code).toBe(code);
      expect(mapped.message).toMatch(message);
      expect(mapped.message).not.toMatch(LEAK);
    }
  });

  it('names the file when the caller knows it', () => {
    const mapped = toLecternError(wrapped('attempt to write a readonly database', 'SQLITE_READONLY'), { file: '/home/ada/library.sqlite' });
    expect(mapped.toShape()).toEqual({
      code: 'STORAGE',
      message:
        'The library file /home/ada/library.sqlite or its folder is read-only, so Lectern cannot save changes: allow writing to both (or copy the library somewhere you can write and open that), then try again; nothing was changed.',
      details: { reason: 'read-only', file: '/home/ada/library.sqlite' },
    });
  });

  it('maps file-system errors (errno codes) the same way, naming their path', () => {
    const enospc = Object.assign(new Error("ENOSPC: no space left on device, write"), { code: 'ENOSPC', syscall: 'write' });
    expect(toLecternError(enospc).message).toBe('The disk is full: free some space and try again; nothing was changed.');
    const eacces = Object.assign(new Error("EACCES: permission denied, open '/srv/lib.sqlite'"), { code: 'EACCES', path: '/srv/lib.sqlite' });
    expect(toLecternError(eacces).toShape()).toMatchObject({ code: 'STORAGE', message: expect.stringMatching(/^Lectern is not allowed to read or write \/srv\/lib\.sqlite: /) });
    const erofs = Object.assign(new Error('EROFS: read-only file system'), { code: 'EROFS' });
    expect(toLecternError(erofs).code).toBe('STORAGE');
  });

  it('passes LecternErrors through unchanged, also when wrapped', () => {
    const busy = new LecternError('BUSY', 'The library is busy: the command line is importing. Try again in a moment.');
    expect(toLecternError(busy)).toBe(busy);
    expect(toLecternError(new DrizzleError({ message: 'Rollback', cause: busy }))).toBe(busy);
  });

  it('turns anything else into INTERNAL with a generic sentence: no raw message, SQL, path or stack', () => {
    const overflow = (() => {
      try {
        const f = (): number => f() + 1;
        return f();
      } catch (err) {
        return err;
      }
    })();
    for (const err of [
      wrapped('no such column: title', 'SQLITE_ERROR'),
      new SqliteError('FOREIGN KEY constraint failed', 'SQLITE_CONSTRAINT_FOREIGNKEY'),
      new TypeError("Cannot read properties of undefined (reading 'id') at /work/db/library/papers.ts:12:3"),
      overflow,
      'a string',
      undefined,
      { code: 42 },
    ]) {
      expect(toLecternError(err).toShape()).toEqual({ code: 'INTERNAL', message: INTERNAL_MESSAGE });
    }
    expect(INTERNAL_MESSAGE).not.toMatch(LEAK);
  });

  it('keeps the detail for the developer: toErrorShape logs the original error', () => {
    const log = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const err = wrapped('no such column: title', 'SQLITE_ERROR');
    expect(toErrorShape(err)).toEqual({ code: 'INTERNAL', message: INTERNAL_MESSAGE });
    expect(log).toHaveBeenCalledWith('A request failed:', err);
  });

  it('finds the primary result code of extended codes and wrapped errors, and survives a cause chain that loops', () => {
    expect(sqlitePrimaryCode(wrapped('disk I/O error', 'SQLITE_IOERR_SHORT_READ'))).toBe('IOERR');
    expect(sqlitePrimaryCode(new Error('plain'))).toBeUndefined();
    const a = new Error('a') as Error & { cause?: unknown };
    const b = new Error('b', { cause: a });
    a.cause = b;
    expect(toLecternError(a).code).toBe('INTERNAL');
  });
});

describe('real SQLite failures reach the user as sentences', () => {
  it('disk full (SQLITE_FULL) through dispatch: STORAGE, and nothing was changed', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    lib = openLibrary(tempLibraryFile());
    const h = createHandlers(lib, { readsInProcess: true });
    const pages = (lib.db.$client.pragma('page_count', { simple: true }) as number) + 2;
    lib.db.$client.pragma(`max_page_count = ${pages}`);
    const r = await dispatch(h, 'paste.import', { text: fixtureText('seed-profile') }, trusted);
    expect(r).toEqual({ ok: false, error: { code: 'STORAGE', message: 'The disk is full: free some space and try again; nothing was changed.', details: { reason: 'full' } } });
    expect(await dispatch(h, 'library.info', {}, trusted)).toMatchObject({ ok: true, value: { papers: 0, imports: 0 } });
  });

  it('a read-only connection (SQLITE_READONLY) through dispatch: STORAGE saying read-only', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    lib = openLibrary(tempLibraryFile());
    const h = createHandlers(lib, { readsInProcess: true });
    lib.db.$client.pragma('query_only = 1');
    const r = await dispatch(h, 'tags.create', { name: 'method' }, trusted);
    expect(r).toMatchObject({ ok: false, error: { code: 'STORAGE', details: { reason: 'read-only' } } });
    expect(r.ok ? '' : r.error.message).toMatch(/^The library file or its folder is read-only/);
  });

  it('a damaged file (SQLITE_CORRUPT), a locked one (SQLITE_BUSY): DAMAGED and BUSY', () => {
    const file = tempLibraryFile();
    const raw = new Database(file);
    raw.exec('CREATE TABLE t (x TEXT); CREATE INDEX t_x ON t (x)');
    const insert = raw.prepare('INSERT INTO t VALUES (?)');
    raw.transaction(() => {
      for (let i = 0; i < 3000; i++) insert.run(`row ${i} ${'x'.repeat(100)}`);
    })();
    raw.close();
    const fd = openSync(file, 'r+');
    writeSync(fd, Buffer.alloc(4096 * 20, 0x41), 0, 4096 * 20, 4096 * 10);
    closeSync(fd);
    const damaged = new Database(file);
    let corrupt: unknown;
    try {
      damaged.prepare('SELECT * FROM t ORDER BY x').all();
    } catch (err) {
      corrupt = err;
    }
    damaged.close();
    expect((corrupt as { code: string }).code).toMatch(/^SQLITE_CORRUPT/);
    expect(toLecternError(corrupt, { file }).toShape()).toMatchObject({
      code: 'DAMAGED',
      message: expect.stringMatching(new RegExp(`^The library file ${file} is damaged, so Lectern will not write to it: restore a backup`)),
      details: { reason: 'damaged', file },
    });

    const other = tempLibraryFile();
    const holder = new Database(other);
    holder.exec('CREATE TABLE t (x)');
    holder.exec('BEGIN IMMEDIATE');
    const waiter = new Database(other, { timeout: 0 });
    let busy: unknown;
    try {
      waiter.prepare('INSERT INTO t VALUES (1)').run();
    } catch (err) {
      busy = err;
    }
    holder.exec('ROLLBACK');
    holder.close();
    waiter.close();
    expect(toLecternError(busy).message).toBe('The library is busy: another Lectern process is writing. Try again in a moment.');
  });

  it('openLibrary: a folder, a file that is not SQLite, a parent that is a file: plain sentences naming the path', () => {
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const folder = join(dirname(tempLibraryFile()), 'a-folder');
    mkdirSync(folder);
    expect(() => openLibrary(folder)).toThrow(
      expect.objectContaining({ code: 'STORAGE', message: expect.stringMatching(new RegExp(`^Lectern cannot open the library file ${folder}: check that the path names a file`)) }),
    );
    const text = tempLibraryFile();
    writeFileSync(text, 'not a database '.repeat(300));
    expect(() => openLibrary(text)).toThrow(expect.objectContaining({ code: 'DAMAGED', message: expect.stringMatching(new RegExp(`^The library file ${text} cannot be opened: it is damaged, or it is not a Lectern library at all`)) }));
    expect(() => openLibrary(join(text, 'library.sqlite'))).toThrow(expect.objectContaining({ code: 'STORAGE', details: { reason: 'cannot-open', file: join(text, 'library.sqlite') } }));
    rmSync(folder, { recursive: true });
  });

  it('openLibrary refuses a library written by a newer Lectern (a migration it does not know)', () => {
    const file = tempLibraryFile();
    openLibrary(file).close();
    const raw = new Database(file);
    raw.prepare('INSERT INTO __drizzle_migrations (hash, created_at) VALUES (?, ?)').run('from-the-future', 9_999_999_999_999);
    raw.close();
    expect(() => openLibrary(file)).toThrow(
      expect.objectContaining({ code: 'LIBRARY', message: `The library file ${file} was written by a newer version of Lectern: update Lectern to open it. Nothing was changed.` }),
    );
  });
});
