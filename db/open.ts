/**
 * Opening a library file: the one place that configures SQLite and applies migrations.
 */
import { mkdirSync, existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { drizzle, type BetterSQLite3Database } from 'drizzle-orm/better-sqlite3';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
import { readMigrationFiles } from 'drizzle-orm/migrator';
import { LecternError } from '../shared/errors';
import { fillDerivedKeys } from './library/derived-keys';
import { backupBeforeUpdate, checkAtOpen, integrityOk, openFailure, prepareFailure, type LibraryIntegrity } from './upkeep/open-hooks';
import { busyError, isBusy, lockWaitMs, WRITER_BUSY_TIMEOUT_MS } from './write-lock';
import * as schema from './schema';

export type LibraryDb = BetterSQLite3Database<typeof schema> & { $client: Database.Database };

export interface Library {
  /** Drizzle handle; `db.$client` is the better-sqlite3 connection. */
  db: LibraryDb;
  /** Absolute path of the library file (`:memory:` for an in-memory library). */
  file: string;
  /** Path of the (checked) backup written before migrating, or null when none was needed. */
  backup: string | null;
  /**
   * Result of the integrity check at open, kept up to date by the host (LibraryUpkeep): a `damaged`
   * library was opened without migrating and must not be written to.
   */
  integrity: LibraryIntegrity;
  /** The migrations folder it was opened with (restores and recoveries bring copies up to date with it). */
  migrationsFolder: string;
  /** The better_sqlite3.node it was opened with, when not the default (reader threads open the same). */
  nativeBinding?: string;
  /**
   * Checkpoint the WAL into the main file (`wal_checkpoint(TRUNCATE)`), then close: after a clean
   * shutdown the `.sqlite` file alone holds every change. Close other connections to the file first
   * (the handlers' reader thread: closeHandlers) so the checkpoint has no reader to wait for. A
   * checkpoint that cannot run (another process is reading or writing) is skipped silently: the
   * changes stay in `-wal`, safe, and the next open or checkpoint moves them. Calling it twice is harmless.
   */
  close(): void;
}

/**
 * How long close() lets the checkpoint wait for another process's reader or writer (ms): short, since a
 * process that is writing checkpoints when it closes, and a command line must not linger at exit.
 */
const CLOSE_CHECKPOINT_WAIT_MS = 200;

/** See Library.close. Never throws for the checkpoint; the close itself always runs. */
function checkpointAndClose(sqlite: Database.Database): void {
  if (!sqlite.open) return;
  try {
    // A write still open (a host that did not wait for its import) would be rolled back by close anyway.
    if (sqlite.inTransaction) sqlite.exec('ROLLBACK');
    if (!sqlite.readonly && !sqlite.memory) {
      sqlite.pragma(`busy_timeout = ${CLOSE_CHECKPOINT_WAIT_MS}`);
      sqlite.pragma('wal_checkpoint(TRUNCATE)');
    }
  } catch {
    // Busy, read-only media or a damaged file: closing matters more, and the WAL keeps the data.
  } finally {
    sqlite.close();
  }
}

/** db/migrations next to this file; the Electron main process passes its own (app.getAppPath()). */
export const DEFAULT_MIGRATIONS_FOLDER = join(dirname(fileURLToPath(import.meta.url)), 'migrations');

const MIGRATIONS_TABLE = '__drizzle_migrations';

/** Migrations in the folder newer than the last one recorded in the file (drizzle's own rule). */
function pendingMigrations(sqlite: Database.Database, migrationsFolder: string): number {
  const all = readMigrationFiles({ migrationsFolder });
  const hasTable = sqlite.prepare(`SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?`).get(MIGRATIONS_TABLE);
  if (!hasTable) return all.length;
  const row = sqlite.prepare(`SELECT MAX(created_at) AS last FROM ${MIGRATIONS_TABLE}`).get() as { last: number | null };
  const last = row.last ?? -1;
  return all.filter((m) => m.folderMillis > last).length;
}

/**
 * Whether the file was last migrated by a newer Lectern (its latest recorded migration is newer than any
 * this version ships): this version's queries would misread that schema, so it must not open it.
 */
function newerThanThisVersion(sqlite: Database.Database, migrationsFolder: string): boolean {
  const hasTable = sqlite.prepare(`SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?`).get(MIGRATIONS_TABLE);
  if (!hasTable) return false;
  const row = sqlite.prepare(`SELECT MAX(created_at) AS last FROM ${MIGRATIONS_TABLE}`).get() as { last: number | null };
  const known = Math.max(-1, ...readMigrationFiles({ migrationsFolder }).map((m) => m.folderMillis));
  return (row.last ?? -1) > known;
}

function hasUserTables(sqlite: Database.Database): boolean {
  return !!sqlite.prepare(`SELECT 1 FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' LIMIT 1`).get();
}

/**
 * Open (or create) a library file and bring its schema up to date.
 *
 * Creates the parent folder and the file if needed; sets WAL journal mode and foreign keys on.
 * Quick-checks the file (db/upkeep/open-hooks.ts: at once when it is small or about to be migrated,
 * else `integrity.state` is `unchecked` for the host to check on a thread); a damaged file is returned
 * with `integrity.state` `damaged`, not migrated and not written to. Before applying migrations to a
 * file that already holds tables, writes a checked backup into its backups folder (kind
 * `before-update`, db/upkeep/backup-layout.ts); when that backup fails, nothing is migrated.
 *
 * The write lock at open: opening an up-to-date library writes nothing (migrations are skipped when none
 * is pending, derived keys are filled only when missing), so it never waits for another process. When it
 * must write (a schema update, keys to fill), it waits for the lock with SQLite's own busy handler,
 * bounded by `lockWaitMs` (30 s): this blocks the thread, which is acceptable only here, before the
 * host serves anything; past the wait it fails with BUSY and writes nothing. Afterwards the connection's
 * busy timeout is a few milliseconds: every later write takes the lock through db/write-lock.ts, which
 * waits between attempts without blocking.
 *
 * @param file path of the SQLite file, or `:memory:`
 * @param options.migrationsFolder folder of drizzle-kit migrations (default: db/migrations)
 * @param options.nativeBinding path of a better_sqlite3.node built for another runtime (the desktop app
 *   in development, see scripts/electron-sqlite.mjs); default: the one in node_modules
 * @param options.lockWaitMs how long to wait for another process's write lock when opening must write
 *   (default lockWaitMs(): 30 s)
 * @returns the open library; call `close()` when done
 * @throws LecternError `STORAGE` (cannot open, read-only, disk full or failing; or the backup before an
 *   update failed, the file unchanged), `DAMAGED` (not a SQLite database, or too damaged to open;
 *   details.backup: the newest backup to restore), `LIBRARY` (written by a newer Lectern, a migration
 *   failed, or the database engine cannot load); messages are plain sentences naming the file
 * @throws LecternError `BUSY` when another process kept the write lock past the wait while opening had to write
 */
export function openLibrary(file: string, options: { migrationsFolder?: string; nativeBinding?: string; lockWaitMs?: number } = {}): Library {
  const migrationsFolder = options.migrationsFolder ?? DEFAULT_MIGRATIONS_FOLDER;
  const inMemory = file === ':memory:';
  let sqlite: Database.Database;
  try {
    if (!inMemory) mkdirSync(dirname(file), { recursive: true });
    sqlite = new Database(file, options.nativeBinding ? { nativeBinding: options.nativeBinding } : {});
    sqlite.pragma(`busy_timeout = ${Math.max(0, Math.round(options.lockWaitMs ?? lockWaitMs()))}`);
    sqlite.pragma('journal_mode = WAL');
    sqlite.pragma('foreign_keys = ON');
    sqlite.pragma('synchronous = NORMAL');
  } catch (err) {
    throw openFailure(file, err);
  }

  let backup: string | null = null;
  try {
    if (!existsSync(migrationsFolder)) throw new Error(`migrations folder ${migrationsFolder} is missing`);
    if (!inMemory && newerThanThisVersion(sqlite, migrationsFolder)) {
      throw new LecternError('LIBRARY', `The library file ${file} was written by a newer version of Lectern: update Lectern to open it. Nothing was changed.`, { file });
    }
    const db = drizzle(sqlite, { schema }) as LibraryDb;
    const library = (integrity: LibraryIntegrity): Library => ({
      db, file, backup, integrity, migrationsFolder,
      ...(options.nativeBinding ? { nativeBinding: options.nativeBinding } : {}),
      close: () => checkpointAndClose(sqlite),
    });
    const pending = pendingMigrations(sqlite, migrationsFolder);
    const update = !inMemory && pending > 0 && hasUserTables(sqlite);
    // Integrity hook: a damaged library is handed over as it is, for reading and recovery only.
    const integrity = inMemory ? integrityOk() : checkAtOpen(sqlite, file, update);
    if (integrity.state === 'damaged') {
      sqlite.pragma(`busy_timeout = ${WRITER_BUSY_TIMEOUT_MS}`);
      return library(integrity);
    }
    if (update) backup = backupBeforeUpdate(sqlite, file);
    if (pending > 0) migrate(db, { migrationsFolder });
    fillDerivedKeys(db);
    sqlite.pragma(`busy_timeout = ${WRITER_BUSY_TIMEOUT_MS}`);
    return library(integrity);
  } catch (err) {
    sqlite.close();
    // Nothing was written: the migrations and key updates are each one transaction, rolled back.
    if (isBusy(err)) throw busyError(file, options.lockWaitMs ?? lockWaitMs());
    throw prepareFailure(file, err, backup);
  }
}

/**
 * Open a second, read-only connection to a library that `openLibrary` has already prepared (the reader
 * thread's, and the handlers' for every read: electron/handlers/library-reader.ts). It never migrates or
 * writes; WAL lets it read while the main connection writes, and it sees only committed data.
 * @param file path of an existing library file (not `:memory:`)
 * @param options.nativeBinding as for openLibrary
 * @throws LecternError as openLibrary's, when the file cannot be opened
 */
export function openReader(file: string, options: { nativeBinding?: string } = {}): Pick<Library, 'db' | 'file' | 'close'> {
  let sqlite: Database.Database;
  try {
    sqlite = new Database(file, { readonly: true, fileMustExist: true, ...(options.nativeBinding ? { nativeBinding: options.nativeBinding } : {}) });
    sqlite.pragma('busy_timeout = 5000');
  } catch (err) {
    throw openFailure(file, err);
  }
  const db = drizzle(sqlite, { schema }) as LibraryDb;
  return { db, file, close: () => sqlite.close() };
}
