/**
 * The list of a library's backups as the window and `lectern backups` show it, and pruning them by the
 * retention rule (retention.ts).
 */
import { existsSync, rmSync } from 'node:fs';
import Database from 'better-sqlite3';
import type { BackupInfo } from '../../shared/backups';
import { listBackupFiles, stalePartials, type BackupFile } from './backup-layout';
import { applyRetention } from './retention';
import { livePapers } from './write-backup';

/** Paper counts by file name, size and time: a backup never changes once written. */
const paperCounts = new Map<string, number | null>();

function papersIn(b: BackupFile, nativeBinding?: string): number | null {
  if (b.kind === 'damaged') return null;
  const key = `${b.path}|${b.bytes}`;
  if (paperCounts.has(key)) return paperCounts.get(key)!;
  let n: number | null = null;
  try {
    const db = new Database(b.path, { readonly: true, fileMustExist: true, ...(nativeBinding ? { nativeBinding } : {}) });
    try {
      n = livePapers(db);
    } finally {
      db.close();
    }
  } catch {
    n = null;
  }
  paperCounts.set(key, n);
  return n;
}

/** One backup as the contract describes it. */
export function describeBackup(b: BackupFile, nativeBinding?: string): BackupInfo {
  return { name: b.name, path: b.path, kind: b.kind, createdAt: b.createdAt.toISOString(), bytes: b.bytes, papers: papersIn(b, nativeBinding), restorable: b.kind !== 'damaged' };
}

/** The backups of a library file, newest first, with their paper counts. */
export function listBackups(file: string, nativeBinding?: string): BackupInfo[] {
  return listBackupFiles(file).map((b) => describeBackup(b, nativeBinding));
}

/**
 * Delete the backups the retention rule drops, and partial files older than an hour (a backup that
 * was stopped by a crash). Failures to delete are ignored: the next prune tries again.
 * @returns the names removed
 */
export function pruneBackups(file: string, now: Date = new Date()): string[] {
  const { remove } = applyRetention(listBackupFiles(file));
  const removed: string[] = [];
  // A kept damaged file may have its -wal and -shm beside it.
  for (const path of [...remove.flatMap((b) => [b.path, `${b.path}-wal`, `${b.path}-shm`]), ...stalePartials(file, now)]) {
    if (!existsSync(path)) continue;
    try {
      rmSync(path, { force: true });
      removed.push(path);
    } catch {
      // In use or already gone.
    }
  }
  return removed;
}
