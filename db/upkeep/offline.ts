/**
 * Restore and recovery for a library that cannot be opened at all (its first page is damaged, it was
 * cut short, or it is not a database): no host can have a connection to it, so the prepared file simply
 * takes its place, and the damaged file (with its -wal and -shm) is moved into the backups folder as a
 * `damaged` backup. Used by the command line (`lectern restore`, `lectern recover`) and the desktop
 * app's start-up dialog. `lectern restore` into a library file that does not exist yet takes the same
 * path: the restored file simply becomes the library.
 */
import { existsSync } from 'node:fs';
import { copyFile, mkdir, rename, rm } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import type Database from 'better-sqlite3';
import type { BackupInfo } from '../../shared/backups';
import { backupFolder, listBackupFiles, newBackupPath } from './backup-layout';
import { describeBackup, pruneBackups } from './catalog';
import { recoverReadable, type Recovered } from './recover';
import { prepareRestoreCopy, replaceLibraryFile, type PreparedCopy } from './restore';
import { LecternError } from '../../shared/errors';
import { removeQuietly } from './write-backup';
import { lecternCommand } from './repair-commands';

interface Options {
  migrationsFolder?: string;
  nativeBinding?: string;
}

function partialFor(libraryFile: string, what: string): string {
  return join(backupFolder(libraryFile), `.${what}-${Date.now()}.sqlite.partial`);
}

/**
 * Put a backup in place of a library file that cannot be opened, or where there is no library file yet.
 * @returns papers restored, whether the backup was migrated, and where the damaged file was kept (null:
 *   there was no file)
 * @throws LecternError as prepareRestoreCopy (the library file is then untouched, and none is created)
 */
export function restoreOffline(libraryFile: string, backupFile: string, options: Options = {}): PreparedCopy & { kept: string | null } {
  const partial = partialFor(libraryFile, 'restore');
  const prepared = prepareRestoreCopy(backupFile, partial, options);
  const kept = existsSync(libraryFile) ? newBackupPath(libraryFile, 'damaged').path : null;
  replaceLibraryFile(libraryFile, partial, kept);
  pruneBackups(libraryFile);
  return { ...prepared, kept };
}

/**
 * Put a library recovered from what can be read of `libraryFile` in its place.
 * @throws LecternError `DAMAGED` when nothing at all can be read (the file is then untouched)
 */
export function recoverOffline(libraryFile: string, options: Options = {}): Recovered & { kept: string } {
  const out = partialFor(libraryFile, 'recover');
  const recovered = recoverReadable(libraryFile, out, options);
  if (nothingRead(recovered)) {
    for (const suffix of ['', '-wal', '-shm', '-journal']) removeQuietly(`${out}${suffix}`);
    throw new LecternError('DAMAGED', `Nothing could be read from the damaged library file, so it was left as it is. Restore a backup instead; ${lecternCommand(libraryFile, ['backups'])} lists them.`);
  }
  const kept = newBackupPath(libraryFile, 'damaged').path;
  replaceLibraryFile(libraryFile, out, kept);
  pruneBackups(libraryFile);
  return { ...recovered, kept };
}

/** No table gave a single row, and some could not be read at all. */
export function nothingRead(recovered: Recovered): boolean {
  return recovered.tables.every((t) => t.kept === 0) && recovered.tables.some((t) => t.lost !== 0);
}

/**
 * Keep a damaged library file aside, as it is, in its backups folder (kind `damaged`) before a restore
 * or recovery replaces its content while it is open: the WAL is folded in first (page copies only,
 * which works on a damaged file), then the file is copied.
 * @param sqlite the library's open connection
 * @returns the kept copy as the backups list shows it
 * @throws LecternError `STORAGE` when it cannot be copied (then the library must not be replaced)
 */
export async function keepDamagedCopy(sqlite: Database.Database, file: string, nativeBinding?: string): Promise<BackupInfo> {
  try {
    sqlite.pragma('wal_checkpoint(TRUNCATE)');
  } catch {
    // What the WAL held is lost to the copy; the file itself is still kept.
  }
  const target = newBackupPath(file, 'damaged');
  try {
    await mkdir(dirname(target.partial), { recursive: true });
    await copyFile(file, target.partial);
    await rename(target.partial, target.path);
  } catch (err) {
    await rm(target.partial, { force: true }).catch(() => undefined);
    const full = (err as NodeJS.ErrnoException).code === 'ENOSPC';
    throw new LecternError('STORAGE', `The damaged library file could not be kept aside (${full ? 'the disk is full' : 'it could not be copied'}), so it was not replaced. Free some space and try again.`, undefined, { cause: err });
  }
  pruneBackups(file);
  return describeBackup(listBackupFiles(file).find((b) => b.path === target.path)!, nativeBinding);
}
