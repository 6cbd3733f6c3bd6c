/**
 * The slow upkeep work (integrity checks, backups, preparing a restore, copying it in, recovering), as
 * plain messages so it can run on a worker thread (electron/handlers/upkeep-worker.ts) or, for one-shot
 * hosts and in-memory tests, in the calling thread. Each task opens its own connection to the file.
 */
import Database from 'better-sqlite3';
import type { BackupKind } from '../../shared/backups';
import { newBackupPath } from './backup-layout';
import { checkIntegrity, uncheckable, type CheckResult } from './integrity';
import { recoverReadable, type Recovered } from './recover';
import { copyIntoLibrary, prepareRestoreCopy, type PreparedCopy } from './restore';
import { describeStorageFailure, writeVerifiedBackup, type WrittenBackup } from './write-backup';
import { LecternError } from '../../shared/errors';

interface Common {
  nativeBinding?: string;
}

export type UpkeepTask =
  | ({ op: 'check'; file: string; full: boolean } & Common)
  | ({ op: 'backup'; file: string; kind: BackupKind; out?: { path: string; partial: string } } & Common)
  | ({ op: 'prepareRestore'; backupFile: string; partial: string; migrationsFolder: string } & Common)
  | ({ op: 'copyInto'; sourceFile: string; libraryFile: string } & Common)
  | ({ op: 'recover'; file: string; out: string; migrationsFolder: string } & Common);

export interface UpkeepResults {
  check: CheckResult;
  backup: WrittenBackup & { createdAt: string };
  prepareRestore: PreparedCopy;
  copyInto: null;
  recover: Recovered;
}

export type UpkeepResult<T extends UpkeepTask> = UpkeepResults[T['op']];

function readOnly(file: string, nativeBinding?: string): Database.Database {
  const db = new Database(file, { readonly: true, fileMustExist: true, ...(nativeBinding ? { nativeBinding } : {}) });
  db.pragma('busy_timeout = 5000');
  return db;
}

/**
 * Run one task.
 * @param onProgress for `copyInto`: pages written and total
 * @throws LecternError as the task's function does (STORAGE, DAMAGED, INVALID_INPUT, BUSY)
 */
export async function runUpkeepTask<T extends UpkeepTask>(task: T, onProgress?: (done: number, total: number) => void): Promise<UpkeepResult<T>> {
  const binding = task.nativeBinding ? { nativeBinding: task.nativeBinding } : {};
  switch (task.op) {
    case 'check': {
      let db: Database.Database;
      try {
        db = readOnly(task.file, task.nativeBinding);
      } catch (err) {
        return uncheckable(err) as UpkeepResult<T>;
      }
      try {
        return checkIntegrity(db, task.full) as UpkeepResult<T>;
      } finally {
        db.close();
      }
    }
    case 'backup': {
      const target = task.out ?? newBackupPath(task.file, task.kind);
      const createdAt = 'createdAt' in target ? (target.createdAt as Date) : new Date();
      let db: Database.Database;
      try {
        db = readOnly(task.file, task.nativeBinding);
      } catch (err) {
        const { code, why, todo } = describeStorageFailure(err);
        throw new LecternError(code, `The backup could not be written: ${why}. No backup was kept.${todo ? ` ${todo}` : ''}`, { why }, { cause: err });
      }
      try {
        return { ...writeVerifiedBackup(db, target), createdAt: createdAt.toISOString() } as UpkeepResult<T>;
      } finally {
        db.close();
      }
    }
    case 'prepareRestore':
      return prepareRestoreCopy(task.backupFile, task.partial, { migrationsFolder: task.migrationsFolder, ...binding }) as UpkeepResult<T>;
    case 'copyInto':
      await copyIntoLibrary(task.sourceFile, task.libraryFile, { ...binding, ...(onProgress ? { onProgress } : {}) });
      return null as UpkeepResult<T>;
    case 'recover':
      return recoverReadable(task.file, task.out, { migrationsFolder: task.migrationsFolder, ...binding }) as UpkeepResult<T>;
  }
}
