/**
 * Keeping one open library safe, for the handler table of one host: its integrity state (checked at
 * open, on a thread for large libraries, and updated when damage is met later), the guard every write
 * passes (`assertWritable`), rolling backups (daily, before risky changes, on request), restore and
 * recovery. The slow parts run on the upkeep thread (upkeep-worker-client.ts).
 *
 * Hosts: long-running ones (desktop, browser mode) call `start()`: the background check, and the day's
 * backup at open when the newest is over 24 hours old, every hour, and a few minutes after the first
 * changes of a session (daily-backup.ts; `noteWrite` after every committed write). One-shot hosts (the
 * CLI) run everything in their own thread, and back up once a day before their first write.
 */
import { basename, dirname, join } from 'node:path';
import { rm } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { sql } from 'drizzle-orm';
import type { BackupInfo, BackupKind, BackupList, IntegrityInfo, RecoveryReport, RestoreReport } from '../../shared/backups';
import { LecternError } from '../../shared/errors';
import { toLecternError } from '../../shared/error-messages';
import { logFailure } from '../../shared/failure-log';
import type { Library } from '../../db/open';
import { purgeTrash, TRASH_DAYS } from '../../db/library/trash';
import { backupFolder, listBackupFiles, newBackupPath } from '../../db/upkeep/backup-layout';
import { listBackups, pruneBackups } from '../../db/upkeep/catalog';
import { checkIntegrity, describeCheckFailure, isDamageError, type CheckResult } from '../../db/upkeep/integrity';
import { DAILY_EVERY_HOURS, dailyBackupDue } from '../../db/upkeep/retention';
import { DailyBackups, type DailyTiming } from './daily-backup';
import { keepDamagedCopy, nothingRead } from '../../db/upkeep/offline';
import { runUpkeepTask } from '../../db/upkeep/tasks';
import { writeVerifiedBackup } from '../../db/upkeep/write-backup';
import { UpkeepRunner } from './upkeep-worker-client';
import { lecternCommand } from '../../db/upkeep/repair-commands';
import type { Host } from '../../db/activity';

export interface UpkeepOptions {
  /** Which host this is: refusals say where to find the way back (default: a host with a window). */
  host?: Host;
  /** Run checks and backups in this thread (the CLI; also every in-memory library). */
  inProcess?: boolean;
  /** Run work alone on the handler table's write queue, without the integrity guard or the write lock. */
  exclusive<T>(work: () => T | Promise<T>): Promise<T>;
  /**
   * Run work on the write queue holding the library's write lock, waiting at most `waitMs` for it (0:
   * try once); rejects with `BUSY` when another process holds it.
   */
  locked<T>(work: () => T | Promise<T>, options: { waitMs: number }): Promise<T>;
  /** After a restore or recovery replaced the library's content (the handlers drop their undo history). */
  onReplaced?(): void;
  /** When the day's backup follows the first writes, and the clock it is judged by (tests). */
  dailyTiming?: DailyTiming;
}

/**
 * The sentence every refused write carries: the way back where the user is (the window's banner and
 * Backups dialog, or the commands to run on the command line, naming this library).
 */
function refusal(reason: string | null, host: Host | undefined, file: string): string {
  const wayBack =
    host === 'command line'
      ? `list the backups with ${lecternCommand(file, ['backups'])} and restore one with ${lecternCommand(file, ['restore', 'FILE'])}, or recover with ${lecternCommand(file, ['recover'])}`
      : 'use the banner at the top of the window, or Backups… in the sidebar';
  return `${reason ?? 'The library file is damaged.'} Lectern will not write to it, so nothing was changed. To restore the latest backup or recover what can be read, ${wayBack}.`;
}

export class LibraryUpkeep {
  private readonly runner: UpkeepRunner;
  private readonly inMemory: boolean;
  private check: Promise<void> | null = null;
  private started = false;
  private dailyDone = false;
  private readonly daily: DailyBackups;

  constructor(
    private readonly library: Library,
    private readonly options: UpkeepOptions,
  ) {
    this.inMemory = library.file === ':memory:';
    this.runner = new UpkeepRunner(options.inProcess === true || this.inMemory);
    this.daily = new DailyBackups(
      {
        nextDue: (now) => this.nextDailyDue(now),
        backUp: () => this.backup('daily'),
        failed: (err) => logFailure('The daily backup', err, toLecternError(err), false),
      },
      options.dailyTiming,
    );
  }

  private get binding(): { nativeBinding?: string } {
    return this.library.nativeBinding ? { nativeBinding: this.library.nativeBinding } : {};
  }

  /** The integrity state for `library.integrity`. */
  integrity(): IntegrityInfo {
    const { state, reason, checkedAt, checkMs } = this.library.integrity;
    return { state, reason, checkedAt, checkMs };
  }

  private applyCheck(result: CheckResult): void {
    // Damage met while the check ran wins over a check that passed.
    if (this.library.integrity.state === 'damaged' && result.ok) return;
    this.library.integrity = result.ok
      ? { state: 'ok', reason: null, checkedAt: new Date().toISOString(), checkMs: result.ms, problems: [] }
      : { state: 'damaged', reason: describeCheckFailure(result), checkedAt: new Date().toISOString(), checkMs: result.ms, problems: result.problems };
  }

  /** Record damage met at run time (a read or write that failed with SQLITE_CORRUPT or SQLITE_NOTADB). */
  markDamaged(reason = 'Lectern met damage in the library file while reading or writing it.'): void {
    if (this.library.integrity.state === 'damaged') return;
    this.library.integrity = { state: 'damaged', reason, checkedAt: new Date().toISOString(), checkMs: null, problems: [] };
  }

  /**
   * The guard at the top of every write: passes on a sound library, checks an unchecked one first (in
   * this thread), and refuses a damaged one.
   * @throws LecternError `DAMAGED` (nothing written), `BUSY` while the background check still runs
   */
  assertWritable(): void {
    if (this.library.integrity.state === 'unchecked') this.applyCheck(checkIntegrity(this.library.db.$client));
    const { state, reason } = this.library.integrity;
    if (state === 'damaged') throw new LecternError('DAMAGED', refusal(reason, this.options.host, this.library.file), { reason });
    if (state === 'checking') throw new LecternError('BUSY', 'Lectern is still checking the library file (a large library takes a few seconds after opening). Nothing was changed; try again in a moment.');
    if (this.runner.inProcess && !this.dailyDone && !this.inMemory) {
      // One-shot hosts: the day's backup before the first write of the session.
      this.dailyDone = true;
      try {
        if (this.dailyDue()) this.backupSync('daily');
      } catch (err) {
        logFailure('The daily backup', err, toLecternError(err), false);
      }
    }
  }

  /** Wrap a handler table so that damage met by any handler marks the library damaged (errors pass on). */
  watch<T extends object>(table: T): T {
    const note = (err: unknown) => {
      if (isDamageError(err)) this.markDamaged();
      throw err;
    };
    const out: Record<string, unknown> = {};
    for (const [name, fn] of Object.entries(table)) {
      out[name] = (input: unknown) => {
        try {
          const value: unknown = (fn as (i: unknown) => unknown)(input);
          return value instanceof Promise ? value.catch(note) : value;
        } catch (err) {
          return note(err);
        }
      };
    }
    return out as T;
  }

  /** The backups of this library, newest first. */
  list(): BackupList {
    if (this.inMemory) return { folder: '', backups: [] };
    return { folder: backupFolder(this.library.file), backups: listBackups(this.library.file, this.library.nativeBinding) };
  }

  /**
   * Write a checked backup into the backups folder, then prune by the retention rule.
   * @throws LecternError `LIBRARY` (in-memory library), `DAMAGED` (a damaged library is not backed up:
   *   its backups are what a restore needs), `STORAGE` (disk full ...: nothing is left on disk)
   */
  async backup(kind: BackupKind): Promise<BackupInfo> {
    if (this.inMemory) throw new LecternError('LIBRARY', 'This library lives in memory only: there is no file to back up.');
    if (this.library.integrity.state === 'damaged') {
      throw new LecternError('DAMAGED', `${this.library.integrity.reason ?? 'The library file is damaged.'} A backup of it would be damaged too, so none was made; the existing backups were kept.`);
    }
    const written = await this.runner.run({ op: 'backup', file: this.library.file, kind, ...this.binding }).catch((err: unknown) => {
      if (isDamageError(err)) this.markDamaged();
      throw err;
    });
    pruneBackups(this.library.file);
    return { name: basename(written.path), path: written.path, kind, createdAt: written.createdAt, bytes: written.bytes, papers: written.papers, restorable: true };
  }

  /**
   * A backup before a change that cannot be undone (emptying or purging the trash), when `needed()` says
   * the change will delete something. In-memory libraries are changed without one.
   * @throws as backup(); the caller must then not make the change
   */
  async backupBefore(kind: 'before-purge' | 'before-empty-trash', needed: () => boolean): Promise<BackupInfo | null> {
    if (this.inMemory || !needed()) return null;
    try {
      return await this.backup(kind);
    } catch (err) {
      const e = err as LecternError;
      const what = kind === 'before-purge' ? 'Papers 30 days in the trash were not deleted' : 'The trash was not emptied';
      throw new LecternError(e.code ?? 'STORAGE', `${what}, because the backup Lectern makes first failed: ${String(e.details?.why ?? e.message)}. Nothing was deleted.`, e.details, { cause: err });
    }
  }

  /**
   * Write one self-contained, checked copy of the library anywhere (`lectern backup --out FILE`); not
   * part of the rolling backups.
   * @throws LecternError `INVALID_INPUT` when `out` exists, else as backup()
   */
  async exportTo(out: string): Promise<{ path: string; bytes: number; papers: number }> {
    if (this.inMemory) throw new LecternError('LIBRARY', 'This library lives in memory only: there is no file to copy.');
    if (existsSync(out)) throw new LecternError('INVALID_INPUT', `${out} exists already; give a new file name (nothing was written).`, { out });
    const written = await this.runner.run({ op: 'backup', file: this.library.file, kind: 'manual', out: { path: out, partial: join(dirname(out), `.${basename(out)}.partial`) }, ...this.binding });
    return { path: written.path, bytes: written.bytes, papers: written.papers };
  }

  /** A write was committed (long-running hosts: the day's backup follows soon if it is due). */
  noteWrite(): void {
    this.daily.noteWrite();
  }

  /**
   * When the next daily backup is due (ms since the epoch): 24 hours after the newest, or `now` when
   * there is none; null for a library with nothing to back up (in memory, damaged, or empty).
   */
  private nextDailyDue(now: Date): number | null {
    if (this.inMemory || this.library.integrity.state === 'damaged') return null;
    const newest = listBackupFiles(this.library.file).find((b) => b.kind === 'daily')?.createdAt ?? null;
    if (!dailyBackupDue(newest, now)) return newest!.getTime() + DAILY_EVERY_HOURS * 3_600_000;
    // An empty library has nothing to lose.
    const empty = this.library.db.get<{ n: number }>(sql`SELECT (SELECT COUNT(*) FROM papers) + (SELECT COUNT(*) FROM imports) AS n`)?.n === 0;
    return empty ? null : now.getTime();
  }

  private dailyDue(now: Date = new Date()): boolean {
    const due = this.nextDailyDue(now);
    return due !== null && due <= now.getTime();
  }

  /**
   * Delete papers trashed over TRASH_DAYS days ago, after a backup when there are any. In-memory
   * libraries purge now. Others take the write lock once, without waiting (when another process holds
   * it, the purge is left for a later opening rather than delaying this one), then back up and purge
   * inside it: one-shot hosts synchronously, before answering anything; long-running ones after the
   * background check, with the backup written on the upkeep thread.
   */
  purgeAtOpen(purge: () => unknown = () => purgeTrash(this.library.db)): void {
    const cutoff = new Date(Date.now() - TRASH_DAYS * 86_400_000).toISOString();
    const due = () => (this.library.db.get<{ n: number }>(sql`SELECT COUNT(*) AS n FROM papers WHERE deleted_at IS NOT NULL AND deleted_at < ${cutoff}`)?.n ?? 0) > 0;
    const report = (err: unknown) => {
      if (err instanceof LecternError && err.code === 'BUSY') return;
      logFailure('Purging papers 30 days in the trash', err, toLecternError(err), false);
    };
    if (this.library.integrity.state === 'damaged') return;
    try {
      if (!due()) return;
    } catch (err) {
      if (isDamageError(err)) this.markDamaged();
      return report(err);
    }
    if (this.inMemory) {
      purge();
      return;
    }
    // The write queue checks assertWritable before taking the lock.
    if (this.runner.inProcess) {
      // VACUUM INTO cannot run inside a transaction: this thread's backup comes before the lock.
      try {
        this.assertWritable();
        this.backupSync('before-purge');
      } catch (err) {
        return report(err);
      }
      this.options.locked(purge, { waitMs: 0 }).catch(report);
      return;
    }
    // The upkeep thread reads its own snapshot, so its backup can be written while the lock is held.
    const purgeLocked = () =>
      this.options.locked(async () => {
        await this.backupBefore('before-purge', due);
        purge();
      }, { waitMs: 0 });
    void Promise.resolve(this.check).then(purgeLocked).catch(report);
  }

  /** backup() in this thread, for one-shot hosts (no thread to wait for). */
  private backupSync(kind: BackupKind): BackupInfo {
    const target = newBackupPath(this.library.file, kind);
    let written;
    try {
      written = writeVerifiedBackup(this.library.db.$client, target);
    } catch (err) {
      if (isDamageError(err) || (err instanceof LecternError && err.code === 'DAMAGED')) this.markDamaged();
      throw err;
    }
    pruneBackups(this.library.file);
    return { name: basename(written.path), path: written.path, kind, createdAt: target.createdAt.toISOString(), bytes: written.bytes, papers: written.papers, restorable: true };
  }

  /** Long-running hosts: check in the background, then the day's backup now, hourly and after the first writes. */
  start(): void {
    if (this.inMemory || this.started) return;
    this.started = true;
    if (this.library.integrity.state === 'unchecked') {
      this.library.integrity = { ...this.library.integrity, state: 'checking' };
      const checked = this.runner.run({ op: 'check', file: this.library.file, full: false, ...this.binding }).then(
        (result) => this.applyCheck(result),
        () => {
          // The thread failed: check before the first write instead.
          if (this.library.integrity.state === 'checking') this.library.integrity = { ...this.library.integrity, state: 'unchecked' };
        },
      );
      this.check = checked;
      // Writes wait until the check has answered.
      void this.options.exclusive(() => checked);
    }
    this.daily.start(Promise.resolve(this.check));
  }

  /** Stop the daily backups' timers and the thread (a backup in progress is dropped; its partial file is removed later). */
  close(): void {
    this.daily.close();
    this.runner.close();
  }

  // ---- restore and recovery (callers run these through `exclusive`) ---------------------------------

  /** Keep the current state before replacing it: a backup, or the damaged file as it is. */
  private async keepCurrent(): Promise<BackupInfo> {
    if (this.library.integrity.state !== 'damaged') {
      try {
        return await this.backup('before-restore');
      } catch (err) {
        if (!(err instanceof LecternError) || err.code !== 'DAMAGED') throw err;
      }
    }
    return keepDamagedCopy(this.library.db.$client, this.library.file, this.library.nativeBinding);
  }

  /** The last step of a restore or recovery: the prepared file's content becomes the library's. */
  private async copyInto(prepared: string, previous: BackupInfo): Promise<void> {
    try {
      await this.runner.run({ op: 'copyInto', sourceFile: prepared, libraryFile: this.library.file, ...this.binding });
    } catch (err) {
      // The library is as it was, so the copy of it made a moment ago is not news: drop it.
      await rm(previous.path, { force: true });
      throw err;
    }
    this.library.integrity = { state: 'ok', reason: null, checkedAt: new Date().toISOString(), checkMs: null, problems: [] };
    this.options.onReplaced?.();
  }

  private partialFor(what: string): string {
    return join(backupFolder(this.library.file), `.${what}-${Date.now()}.sqlite.partial`);
  }

  /**
   * Replace the library's content by a backup's (brought up to date if it is older), keeping the current
   * state as a backup first. All or nothing: any failure leaves the library as it was.
   * @param file path of the backup (any Lectern library file)
   * @throws LecternError `INVALID_INPUT` (not a sound Lectern library), `STORAGE`, `BUSY`
   */
  async restore(file: string): Promise<RestoreReport> {
    if (this.inMemory) throw new LecternError('LIBRARY', 'This library lives in memory only: there is nothing to restore into.');
    const partial = this.partialFor('restore');
    try {
      const prepared = await this.runner.run({ op: 'prepareRestore', backupFile: file, partial, migrationsFolder: this.library.migrationsFolder, ...this.binding });
      const previous = await this.keepCurrent();
      await this.copyInto(partial, previous);
      const parsed = listBackupFiles(this.library.file).find((b) => b.path === file);
      return {
        restored: { path: file, createdAt: parsed ? parsed.createdAt.toISOString() : null },
        papers: prepared.papers,
        migrated: prepared.migrated,
        previous,
        previousNote: previous.kind === 'damaged' ? 'The library was damaged, so its file was kept aside as it was instead of being backed up.' : null,
      };
    } finally {
      await rm(partial, { force: true });
    }
  }

  /**
   * Make the library a new one holding every row that can still be read, keeping the damaged file aside.
   * @returns what was kept and lost per table
   * @throws LecternError `DAMAGED` when nothing at all can be read (restore a backup instead), `STORAGE`
   */
  async recover(): Promise<RecoveryReport> {
    if (this.inMemory) throw new LecternError('LIBRARY', 'This library lives in memory only: there is nothing to recover.');
    const out = this.partialFor('recover');
    try {
      const recovered = await this.runner.run({ op: 'recover', file: this.library.file, out, migrationsFolder: this.library.migrationsFolder, ...this.binding });
      if (nothingRead(recovered)) {
        throw new LecternError('DAMAGED', 'Nothing could be read from the damaged library file, so it was left as it is. Restore a backup instead.');
      }
      const previous = await this.keepCurrent();
      await this.copyInto(out, previous);
      return { ...recovered, previous, out: null };
    } finally {
      await rm(out, { force: true });
    }
  }

  /** The integrity check on demand (`lectern check`), in this thread. */
  checkNow(full: boolean): Promise<CheckResult> {
    return runUpkeepTask({ op: 'check', file: this.library.file, full, ...this.binding });
  }
}
