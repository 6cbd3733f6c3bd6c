/**
 * What openLibrary (db/open.ts) asks of the upkeep code: is the file damaged, and a checked backup
 * before a schema update. Kept here so db/open.ts stays about connections and migrations.
 */
import { existsSync, statSync } from 'node:fs';
import type Database from 'better-sqlite3';
import type { IntegrityInfo } from '../../shared/backups';
import { LecternError } from '../../shared/errors';
import { cannotOpen, toLecternError } from '../../shared/error-messages';
import { logFailure } from '../../shared/failure-log';
import { newBackupPath, listBackupFiles } from './backup-layout';
import { checkIntegrity, describeCheckFailure, isDamageError, sqliteCode, SYNC_CHECK_BYTES } from './integrity';
import { describeStorageFailure, writeVerifiedBackup } from './write-backup';
import { lecternCommand } from './repair-commands';

/** The integrity state of an open library; LibraryUpkeep updates it as checks run and damage is met. */
export interface LibraryIntegrity extends IntegrityInfo {
  /** SQLite's own lines from the last failed check (for `lectern check` and logs). */
  problems: string[];
}

export function integrityOk(ms: number | null = null): LibraryIntegrity {
  return { state: 'ok', reason: null, checkedAt: ms === null ? null : new Date().toISOString(), checkMs: ms, problems: [] };
}

/** The newest backup that can be restored, for messages about a library that cannot be opened. */
function latestRestorable(file: string): string | null {
  return listBackupFiles(file).find((b) => b.kind !== 'damaged')?.path ?? null;
}

/**
 * What to say when a damaged library cannot be opened at all: the commands to run, as printed by the
 * command line and by browser mode's start-up (the desktop app asks in a dialog of its own instead).
 */
export function damagedAdvice(file: string): string {
  const latest = latestRestorable(file);
  const recover = lecternCommand(file, ['recover']);
  return latest
    ? `Nothing was written to it. Restore the latest backup by running: ${lecternCommand(file, ['restore', latest])} — or recover what can be read by running: ${recover}`
    : `Nothing was written to it. There is no backup of it yet; recover what can be read by running: ${recover}`;
}

/**
 * The error for a library file SQLite refused to open: `DAMAGED` when the file is damaged or not a
 * database (with the latest backup to restore in `details.backup`), else `LIBRARY` as before.
 */
export function openFailure(file: string, err: unknown): LecternError {
  const storage = storageFailure(file, err);
  if (storage) return storage;
  if (isDamageError(err)) {
    return new LecternError(
      'DAMAGED',
      `The library file ${file} cannot be opened: it is damaged, or it is not a Lectern library at all (check the path if you gave one). ${damagedAdvice(file)}`,
      { file, backup: latestRestorable(file) },
    );
  }
  if (err instanceof LecternError) return err;
  // Path problems the general mapping leaves alone (they mean something else elsewhere) are, here, the library's path.
  const pathProblem = ['ENOENT', 'EEXIST', 'ENOTDIR', 'ENAMETOOLONG', 'ELOOP'].includes((err as { code?: string })?.code ?? '');
  const mapped = pathProblem ? cannotOpen(file) : toLecternError(err, { file });
  if (mapped.code !== 'INTERNAL') return mapped;
  // The detail is for the developer's log, never the user's message (shared/error-messages.ts).
  const failure = new LecternError('LIBRARY', `Cannot open the library file ${file}; nothing was changed.`, { file }, { cause: err });
  logFailure('Opening the library', err, failure);
  return failure;
}

/** A full disk, an I/O error or a folder that cannot be written, in a sentence (`STORAGE`), else null. */
function storageFailure(file: string, err: unknown): LecternError | null {
  // READONLY and CANTOPEN read better through the general mapping (shared/error-messages.ts), which
  // tells a folder from a read-only file; a full or failing disk is said here, naming the library.
  if (!/^SQLITE_(FULL|IOERR)/.test(sqliteCode(err) ?? '')) return null;
  const { why, todo } = describeStorageFailure(err, "the library's folder");
  return new LecternError('STORAGE', `Cannot open the library file ${file}: ${why}. Nothing was changed. ${todo}`, { file, why }, { cause: err });
}

/**
 * The error for a library that opened but could not be prepared (schema read or migration failed):
 * `DAMAGED` for damage, else `LIBRARY` naming the checked backup made before the update, if any.
 */
export function prepareFailure(file: string, err: unknown, backup: string | null): LecternError {
  if (err instanceof LecternError) return err;
  if (isDamageError(err) || storageFailure(file, err)) return openFailure(file, err);
  const mapped = toLecternError(err, { file });
  if (mapped.code !== 'INTERNAL') return mapped;
  const failure = new LecternError(
    'LIBRARY',
    `Cannot prepare the library file ${file}; nothing was changed.${backup ? ` A checked copy made before the update is at ${backup}.` : ''}`,
    { file, backup },
    { cause: err },
  );
  logFailure('Preparing the library', err, failure);
  return failure;
}

/**
 * Quick-check a library as it opens: always before migrating (`beforeUpdate`), else when the file is
 * small enough to do it without a noticeable wait (integrity.ts SYNC_CHECK_BYTES). A larger library is
 * left `unchecked` for the host to check on a thread (LibraryUpkeep.start) or before its first write.
 */
export function checkAtOpen(sqlite: Database.Database, file: string, beforeUpdate: boolean): LibraryIntegrity {
  let bytes = 0;
  for (const f of [file, `${file}-wal`]) if (existsSync(f)) bytes += statSync(f).size;
  if (!beforeUpdate && bytes > SYNC_CHECK_BYTES) return { state: 'unchecked', reason: null, checkedAt: null, checkMs: null, problems: [] };
  const result = checkIntegrity(sqlite);
  if (result.ok) return integrityOk(result.ms);
  return { state: 'damaged', reason: describeCheckFailure(result), checkedAt: new Date().toISOString(), checkMs: result.ms, problems: result.problems };
}

/**
 * A checked backup of the library before migrations change it (kind `before-update`).
 * @returns its path
 * @throws LecternError (STORAGE ...) saying the update was not applied and the library is unchanged
 */
export function backupBeforeUpdate(sqlite: Database.Database, file: string): string {
  try {
    return writeVerifiedBackup(sqlite, newBackupPath(file, 'before-update')).path;
  } catch (err) {
    const e = err as LecternError;
    throw new LecternError(e.code, `Lectern did not update the library file ${file} to its new format, because the backup it makes first failed: ${String(e.details?.why ?? e.message)}. The library is unchanged; free some space or check the disk, then open Lectern again.`, { file, ...e.details }, { cause: err });
  }
}
