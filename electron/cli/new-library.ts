/**
 * A library file that a failed command created is removed again: a mistyped `--library`, a restore that
 * could not run or a first import that failed must not leave an empty library (with its -wal, -shm and
 * backups folder) behind for the next command, or the desktop app, to open as if it were the user's.
 *
 * Only what the command created goes, and only while it holds nothing: a library file that was there
 * before, or that holds a paper or an import (another process wrote to it meanwhile), is never touched.
 */
import { existsSync, readdirSync, rmdirSync, rmSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import { backupFolder } from '../../db/upkeep/backup-layout';

/** What was on disk before a command ran, to tell what it created. */
export interface Before {
  file: string;
  fileExisted: boolean;
  /** The library's folder, the backups folder: whether each existed. */
  folders: Array<{ path: string; existed: boolean }>;
}

/** Note what exists before a command runs on `file` (an absolute path). */
export function before(file: string): Before {
  const folders = [backupFolder(file), dirname(file)].map((path) => ({ path, existed: existsSync(path) }));
  return { file, fileExisted: existsSync(file), folders };
}

/** Whether a library file holds no paper and no import (a file that cannot be read as one is kept). */
function holdsNothing(file: string): boolean {
  let db: Database.Database | null = null;
  try {
    db = new Database(file, { readonly: true, fileMustExist: true });
    const tables = db.prepare(`SELECT name FROM sqlite_master WHERE type = 'table' AND name IN ('papers', 'imports')`).pluck(true).all() as string[];
    return tables.every((t) => db!.prepare(`SELECT COUNT(*) FROM "${t}"`).pluck(true).get() === 0);
  } catch {
    return false;
  } finally {
    db?.close();
  }
}

function removeIfEmptyFolder(path: string): void {
  try {
    if (readdirSync(path).length === 0) rmdirSync(path);
  } catch {
    // Not there, not a folder, or not ours to remove.
  }
}

/**
 * After a command failed: remove the library file it created (with its -wal, -shm and activity note)
 * if it holds nothing, then the backups folder and the library's folder if the command created them and
 * they are empty. Call once the library is closed. Never throws.
 */
export function removeCreatedLibrary(was: Before): void {
  if (was.fileExisted) return;
  if (existsSync(was.file)) {
    if (!holdsNothing(was.file)) return;
    for (const suffix of ['', '-wal', '-shm', '-journal', '.activity']) {
      try {
        rmSync(`${was.file}${suffix}`, { force: true });
      } catch {
        // Left as it is: removing it is a courtesy, not a promise.
      }
    }
  }
  for (const folder of was.folders) if (!folder.existed) removeIfEmptyFolder(folder.path);
}
