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
import { busyError, isBusy, lockWaitMs, WRITER_BUSY_TIMEOUT_MS } from './write-lock';
import * as schema from './schema';

export type LibraryDb = BetterSQLite3Database<typeof schema> & { $client: Database.Database };

export interface Library {
  /** Drizzle handle; `db.$client` is the better-sqlite3 connection. */
  db: LibraryDb;
  /** Absolute path of the library file (`:memory:` for an in-memory library). */
  file: string;
  /** Path of the backup written before migrating, or null when none was needed. */
  backup: string | null;
  /** The better_sqlite3.node it was opened with, when not the default (reader threads open the same). */
  nativeBinding?: string;
  close(): void;
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

function hasUserTables(sqlite: Database.Database): boolean {
  return !!sqlite.prepare(`SELECT 1 FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' LIMIT 1`).get();
}

/**
 * Open (or create) a library file and bring its schema up to date.
 *
 * Creates the parent folder and the file if needed; sets WAL journal mode and foreign keys on; before
 * applying migrations to a file that already holds tables, writes a consistent copy beside it
 * (`<file>.backup-<timestamp>.sqlite`, via `VACUUM INTO`).
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
 * @throws LecternError `LIBRARY` when the file cannot be opened, is not a SQLite database, or a migration
 *   fails; `BUSY` when another process kept the write lock past the wait while opening had to write
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
    throw new LecternError('LIBRARY', `Cannot open the library file ${file}: ${(err as Error).message}.`, { file });
  }

  let backup: string | null = null;
  try {
    if (!existsSync(migrationsFolder)) throw new Error(`migrations folder ${migrationsFolder} is missing`);
    const pending = pendingMigrations(sqlite, migrationsFolder);
    if (!inMemory && pending > 0 && hasUserTables(sqlite)) {
      backup = `${file}.backup-${new Date().toISOString().replace(/[:.]/g, '-')}.sqlite`;
      sqlite.prepare('VACUUM INTO ?').run(backup);
    }
    const db = drizzle(sqlite, { schema }) as LibraryDb;
    if (pending > 0) migrate(db, { migrationsFolder });
    fillDerivedKeys(db);
    sqlite.pragma(`busy_timeout = ${WRITER_BUSY_TIMEOUT_MS}`);
    return { db, file, backup, ...(options.nativeBinding ? { nativeBinding: options.nativeBinding } : {}), close: () => sqlite.close() };
  } catch (err) {
    sqlite.close();
    // Nothing was written: the migrations and key updates are each one transaction, rolled back.
    if (isBusy(err)) throw busyError(file, options.lockWaitMs ?? lockWaitMs());
    throw new LecternError(
      'LIBRARY',
      `Cannot prepare the library file ${file}: ${(err as Error).message}.${backup ? ` A copy made before the update is at ${backup}.` : ''}`,
      { file, backup },
    );
  }
}

/**
 * Open a second, read-only connection to a library that `openLibrary` has already prepared (the reader
 * thread's, and the handlers' for every read: electron/handlers/library-reader.ts). It never migrates or
 * writes; WAL lets it read while the main connection writes, and it sees only committed data.
 * @param file path of an existing library file (not `:memory:`)
 * @param options.nativeBinding as for openLibrary
 * @throws LecternError `LIBRARY` when the file cannot be opened
 */
export function openReader(file: string, options: { nativeBinding?: string } = {}): Pick<Library, 'db' | 'file' | 'close'> {
  let sqlite: Database.Database;
  try {
    sqlite = new Database(file, { readonly: true, fileMustExist: true, ...(options.nativeBinding ? { nativeBinding: options.nativeBinding } : {}) });
    sqlite.pragma('busy_timeout = 5000');
  } catch (err) {
    throw new LecternError('LIBRARY', `Cannot open the library file ${file} for reading: ${(err as Error).message}.`, { file });
  }
  const db = drizzle(sqlite, { schema }) as LibraryDb;
  return { db, file, close: () => sqlite.close() };
}
