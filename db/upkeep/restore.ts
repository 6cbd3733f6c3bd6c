/**
 * Putting a backup's content into the library.
 *
 * Design (checked by experiment with a WAL library, a second read-only connection and FTS5; see
 * tests/unit/restore.test.ts): the backup is first copied to a private file beside the backups and
 * brought to the current schema there (migrations, derived keys), then checked. Its pages are then
 * written into the live library file with SQLite's online backup API (better-sqlite3 `backup()`), which
 * replaces the whole content in ONE write transaction on the library: it commits whole or not at all
 * (a full disk rolls it back), other connections keep their snapshot until it commits and then see the
 * new content (the schema cookie changes, so every connection re-reads the schema; FTS5 re-reads its
 * structure), and the WAL mode of the library is kept. Nobody has to reopen the file, so the desktop
 * app, browser mode and the reader thread go on with their open connections.
 *
 * Only a library that cannot be opened at all (its first page is gone) is replaced file-for-file
 * (`replaceLibraryFile`), with the damaged file moved into the backups folder.
 */
import { existsSync, mkdirSync, renameSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import { drizzle } from 'drizzle-orm/better-sqlite3';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
import { LecternError } from '../../shared/errors';
import { fillDerivedKeys } from '../library/derived-keys';
import { DEFAULT_MIGRATIONS_FOLDER, type LibraryDb } from '../open';
import * as schema from '../schema';
import { checkIntegrity, describeCheckFailure } from './integrity';
import { describeStorageFailure, livePapers, removeQuietly, tableCounts } from './write-backup';

/** How long the copy waits for another process's write lock on the library before giving up (ms). */
const LOCK_WAIT_MS = 30_000;
/** Pages written per step of the online backup (4 MB at SQLite's default page size). */
const PAGES_PER_STEP = 1000;

export interface PreparedCopy {
  papers: number;
  /** Whether migrations were applied (the backup came from an older Lectern). */
  migrated: boolean;
}

function removeWithSidecars(path: string): void {
  for (const suffix of ['', '-wal', '-shm', '-journal']) removeQuietly(`${path}${suffix}`);
}

/**
 * Copy a backup to `partial` (one compact file, WAL content folded in), bring it to the current schema
 * and check it. The backup itself is only read.
 * @throws LecternError `INVALID_INPUT` (not a Lectern library, or damaged) or `STORAGE` (cannot write
 *   the copy); `partial` is removed then
 */
export function prepareRestoreCopy(backupFile: string, partial: string, options: { migrationsFolder?: string; nativeBinding?: string } = {}): PreparedCopy {
  const binding = options.nativeBinding ? { nativeBinding: options.nativeBinding } : {};
  removeWithSidecars(partial);
  let source: Database.Database;
  try {
    source = new Database(backupFile, { readonly: true, fileMustExist: true, ...binding });
  } catch {
    throw new LecternError('INVALID_INPUT', `${backupFile} cannot be opened: it is not there, or not readable.`, { file: backupFile });
  }
  try {
    const check = checkIntegrity(source);
    if (!check.ok) throw new LecternError('INVALID_INPUT', `${backupFile} cannot be restored: ${describeCheckFailure(check).replace('The library file', 'the file')}`, { file: backupFile });
    const isLibrary = source.prepare(`SELECT COUNT(*) FROM sqlite_master WHERE type = 'table' AND name IN ('papers', '__drizzle_migrations')`).pluck(true).get() === 2;
    if (!isLibrary) throw new LecternError('INVALID_INPUT', `${backupFile} is not a Lectern library.`, { file: backupFile });
    try {
      // The backups folder of a library that never had a backup (or a new library file) is made here.
      mkdirSync(dirname(partial), { recursive: true });
      source.prepare('VACUUM INTO ?').run(partial);
    } catch (err) {
      const { code, why, todo } = describeStorageFailure(err);
      throw new LecternError(code, `The backup could not be copied for restoring: ${why}. Nothing was changed. ${todo}`.trim(), { why }, { cause: err });
    }
  } catch (err) {
    removeWithSidecars(partial);
    throw err;
  } finally {
    source.close();
  }
  const copy = new Database(partial, binding);
  try {
    const count = () => copy.prepare('SELECT COUNT(*) FROM __drizzle_migrations').pluck(true).get() as number;
    const before = count();
    const db = drizzle(copy, { schema }) as LibraryDb;
    migrate(db, { migrationsFolder: options.migrationsFolder ?? DEFAULT_MIGRATIONS_FOLDER });
    fillDerivedKeys(db);
    const check = checkIntegrity(copy);
    if (!check.ok) throw new LecternError('STORAGE', 'The backup could not be prepared for restoring: the copy failed its integrity check. Nothing was changed.');
    return { papers: livePapers(copy), migrated: count() > before };
  } catch (err) {
    copy.close();
    removeWithSidecars(partial);
    if (err instanceof LecternError) throw err;
    const { code, why, todo } = describeStorageFailure(err);
    throw new LecternError(code, `The backup could not be prepared for restoring: ${why}. Nothing was changed. ${todo}`.trim(), { why }, { cause: err });
  } finally {
    if (copy.open) copy.close();
  }
}

/**
 * Write the content of `sourceFile` (a prepared copy) into the library file, replacing all of it, in one
 * transaction; every open connection to the library sees the new content once it commits.
 * @param onProgress pages done and total, after each step
 * @throws LecternError `BUSY` (another process held the write lock over LOCK_WAIT_MS), `STORAGE` (disk
 *   full or I/O error: the library is unchanged)
 */
export async function copyIntoLibrary(sourceFile: string, libraryFile: string, options: { nativeBinding?: string; onProgress?: (done: number, total: number) => void } = {}): Promise<void> {
  const binding = options.nativeBinding ? { nativeBinding: options.nativeBinding } : {};
  const source = new Database(sourceFile, { readonly: true, fileMustExist: true, ...binding });
  const started = Date.now();
  try {
    const expected = tableCounts(source);
    for (;;) {
      // better-sqlite3 reports a copy that could not take the library's write lock at its first step as
      // finished (0 pages left of 0): compare the result, and try again while another writer holds the lock.
      await source.backup(libraryFile, {
        progress: ({ totalPages, remainingPages }) => {
          options.onProgress?.(totalPages - remainingPages, totalPages);
          return PAGES_PER_STEP;
        },
      });
      if (sameCounts(libraryFile, expected, binding)) return;
      if (Date.now() - started > LOCK_WAIT_MS) {
        throw new LecternError('BUSY', 'The library is busy: another program is writing to it. Nothing was restored; try again in a moment.');
      }
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  } catch (err) {
    if (err instanceof LecternError) throw err;
    const { code, why, todo } = describeStorageFailure(err);
    throw new LecternError(code, `The library could not be replaced: ${why}. It is unchanged. ${todo}`.trim(), { why }, { cause: err });
  } finally {
    source.close();
  }
}

function sameCounts(file: string, expected: Map<string, number>, binding: { nativeBinding?: string }): boolean {
  const check = new Database(file, { readonly: true, fileMustExist: true, ...binding });
  try {
    const got = tableCounts(check);
    return got.size === expected.size && [...expected].every(([t, n]) => got.get(t) === n);
  } catch {
    return false;
  } finally {
    check.close();
  }
}

/**
 * Replace a library that cannot be opened by a prepared file: the damaged file (with its -wal and -shm)
 * is moved to `keepAs`, then `newFile` is renamed into its place. Only for a library no connection has
 * open (the hosts refuse to start on such a file), or none at all (`keepAs` null: there is no file).
 */
export function replaceLibraryFile(libraryFile: string, newFile: string, keepAs: string | null): void {
  if (keepAs !== null) {
    if (existsSync(libraryFile)) renameSync(libraryFile, keepAs);
    for (const suffix of ['-wal', '-shm']) {
      if (existsSync(`${libraryFile}${suffix}`)) renameSync(`${libraryFile}${suffix}`, `${keepAs}${suffix}`);
    }
  }
  renameSync(newFile, libraryFile);
}
