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
import { cannotOpen, toLecternError } from '../shared/error-messages';
import { fillDerivedKeys } from './library/derived-keys';
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
  /**
   * Checkpoint the WAL into the main file (`wal_checkpoint(TRUNCATE)`), then close: after a clean
   * shutdown the `.sqlite` file alone holds every change. Close other connections to the file first
   * (the handlers' reader thread: closeHandlers) so the checkpoint has no reader to wait for. A
   * checkpoint that cannot run (another process is reading or writing) is skipped silently: the
   * changes stay in `-wal`, safe, and the next open or checkpoint moves them. Calling it twice is harmless.
   */
  close(): void;
}

/** How long close() lets the checkpoint wait for another process's reader or writer (ms). */
const CLOSE_CHECKPOINT_WAIT_MS = 1000;

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

/**
 * A failure to open or prepare `file` as the user reads it: disk, permission and damage problems in
 * plain words (shared/error-messages.ts); anything else as a LIBRARY error naming the file, its detail
 * logged for the developer, never the raw SQLite or file-system message.
 */
function openFailure(err: unknown, file: string, doing: string, backup: string | null = null): LecternError {
  if (err instanceof LecternError) return err;
  console.error(err);
  // Path problems the general mapping leaves alone (they mean something else elsewhere) are, here, the library's path.
  const pathProblem = ['ENOENT', 'EEXIST', 'ENOTDIR', 'ENAMETOOLONG', 'ELOOP'].includes((err as { code?: string })?.code ?? '');
  const mapped = pathProblem ? cannotOpen(file) : toLecternError(err, { file });
  const copy = backup ? ` A copy made before the update is at ${backup}.` : '';
  if (mapped.code !== 'INTERNAL') return copy ? new LecternError(mapped.code, `${mapped.message}${copy}`, { ...mapped.details, backup }) : mapped;
  return new LecternError('LIBRARY', `Cannot ${doing} the library file ${file}; nothing was changed.${copy}`, { file, backup });
}

function hasUserTables(sqlite: Database.Database): boolean {
  return !!sqlite.prepare(`SELECT 1 FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' LIMIT 1`).get();
}

/**
 * Open (or create) a library file and bring its schema up to date.
 *
 * Creates the parent folder and the file if needed; sets WAL journal mode, foreign keys on and a 5 s
 * busy timeout; before applying migrations to a file that already holds tables, writes a consistent copy
 * beside it (`<file>.backup-<timestamp>.sqlite`, via `VACUUM INTO`).
 *
 * @param file path of the SQLite file, or `:memory:`
 * @param options.migrationsFolder folder of drizzle-kit migrations (default: db/migrations)
 * @param options.nativeBinding path of a better_sqlite3.node built for another runtime (the desktop app
 *   in development, see scripts/electron-sqlite.mjs); default: the one in node_modules
 * @returns the open library; call `close()` when done
 * @throws LecternError `STORAGE` (cannot open, read-only, disk full or failing), `DAMAGED` (not a SQLite
 *   database, or damaged), `LIBRARY` (written by a newer Lectern, a migration failed, or the database
 *   engine cannot load); messages are plain sentences naming the file (shared/error-messages.ts)
 */
export function openLibrary(file: string, options: { migrationsFolder?: string; nativeBinding?: string } = {}): Library {
  const migrationsFolder = options.migrationsFolder ?? DEFAULT_MIGRATIONS_FOLDER;
  const inMemory = file === ':memory:';
  let sqlite: Database.Database;
  try {
    if (!inMemory) mkdirSync(dirname(file), { recursive: true });
    sqlite = new Database(file, options.nativeBinding ? { nativeBinding: options.nativeBinding } : {});
    sqlite.pragma('busy_timeout = 5000');
    sqlite.pragma('journal_mode = WAL');
    sqlite.pragma('foreign_keys = ON');
    sqlite.pragma('synchronous = NORMAL');
  } catch (err) {
    throw openFailure(err, file, 'open');
  }

  let backup: string | null = null;
  try {
    if (!existsSync(migrationsFolder)) throw new Error(`migrations folder ${migrationsFolder} is missing`);
    if (!inMemory && newerThanThisVersion(sqlite, migrationsFolder)) {
      throw new LecternError('LIBRARY', `The library file ${file} was written by a newer version of Lectern: update Lectern to open it. Nothing was changed.`, { file });
    }
    if (!inMemory && hasUserTables(sqlite) && pendingMigrations(sqlite, migrationsFolder) > 0) {
      backup = `${file}.backup-${new Date().toISOString().replace(/[:.]/g, '-')}.sqlite`;
      sqlite.prepare('VACUUM INTO ?').run(backup);
    }
    const db = drizzle(sqlite, { schema }) as LibraryDb;
    migrate(db, { migrationsFolder });
    fillDerivedKeys(db);
    return { db, file, backup, ...(options.nativeBinding ? { nativeBinding: options.nativeBinding } : {}), close: () => checkpointAndClose(sqlite) };
  } catch (err) {
    sqlite.close();
    throw openFailure(err, file, 'prepare', backup);
  }
}

/**
 * Open a second, read-only connection to a library that `openLibrary` has already prepared (the reader
 * thread's). It never migrates or writes; WAL lets it read while the main connection writes.
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
    throw openFailure(err, file, 'open');
  }
  const db = drizzle(sqlite, { schema }) as LibraryDb;
  return { db, file, close: () => sqlite.close() };
}
