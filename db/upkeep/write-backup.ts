/**
 * Writing one backup: a self-contained copy (no -wal beside it), checked before it counts.
 *
 * `VACUUM INTO` writes a consistent snapshot of the library, committed WAL content included, as one
 * compact file in rollback-journal mode; it runs on a read-only connection, so a reader thread can do it
 * while the main connection keeps writing. The copy is written to a `.partial` name, then opened
 * read-only and checked (`quick_check` = ok, the same tables, and the same row counts as the library
 * when nothing was written meanwhile), flushed to disk, and only then renamed to its final name. Any
 * failure removes the partial file: a failed backup leaves nothing behind, never a 0-byte file.
 */
import { closeSync, fsyncSync, mkdirSync, openSync, renameSync, rmSync, statSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import { LecternError, type LecternErrorCode } from '../../shared/errors';
import { checkIntegrity, describeCheckFailure, isDamageError, sqliteCode } from './integrity';

export interface WrittenBackup {
  path: string;
  bytes: number;
  /** Papers in the copy (not counting the trash). */
  papers: number;
  ms: number;
}

/** Row count per ordinary table (virtual tables left out: their shadow tables are counted). */
export function tableCounts(sqlite: Database.Database): Map<string, number> {
  const names = (sqlite.prepare(`SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND sql NOT LIKE 'CREATE VIRTUAL%' ORDER BY name`).all() as Array<{ name: string }>).map((r) => r.name);
  const counts = new Map<string, number>();
  for (const name of names) counts.set(name, (sqlite.prepare(`SELECT COUNT(*) AS n FROM "${name.replace(/"/g, '""')}"`).get() as { n: number }).n);
  return counts;
}

/** Papers in the library, not counting the trash (a library from before the trash existed: all of them). */
export function livePapers(sqlite: Database.Database): number {
  try {
    return sqlite.prepare('SELECT COUNT(*) FROM papers WHERE deleted_at IS NULL').pluck(true).get() as number;
  } catch {
    try {
      return sqlite.prepare('SELECT COUNT(*) FROM papers').pluck(true).get() as number;
    } catch {
      return 0;
    }
  }
}

function dataVersion(sqlite: Database.Database): number {
  return sqlite.pragma('data_version', { simple: true }) as number;
}

/** Why a write to disk failed, in words, and what to do (`folder`: where it was writing, for "cannot be written to"). */
export function describeStorageFailure(err: unknown, folder = 'the backups folder'): { code: LecternErrorCode; why: string; todo: string } {
  if (err instanceof LecternError) return { code: err.code, why: err.message.replace(/\.$/, ''), todo: '' };
  const code = sqliteCode(err) ?? (err as NodeJS.ErrnoException)?.code ?? '';
  if (code === 'SQLITE_FULL' || code === 'ENOSPC' || code === 'EDQUOT') return { code: 'STORAGE', why: 'the disk is full', todo: 'Free some space and try again.' };
  if (isDamageError(err)) return { code: 'DAMAGED', why: 'the library file is damaged', todo: 'Restore a backup or recover what can be read.' };
  if (code.startsWith('SQLITE_READONLY') || code.startsWith('SQLITE_CANTOPEN') || code === 'EACCES' || code === 'EPERM' || code === 'EROFS' || code === 'ENOTDIR' || code === 'EEXIST') {
    return { code: 'STORAGE', why: `${folder} cannot be written to`, todo: 'Check that the disk is mounted and that you may write to the folder.' };
  }
  if (code.startsWith('SQLITE_IOERR') || code === 'EIO') return { code: 'STORAGE', why: 'the disk reported an error while writing', todo: 'Check the disk, then try again.' };
  return { code: 'STORAGE', why: 'the copy could not be written', todo: 'Try again; if it keeps failing, check the disk.' };
}

/** Remove a file if it is there; a path that cannot even be looked at (a file in place of a folder) has nothing to remove. */
export function removeQuietly(path: string): void {
  try {
    rmSync(path, { force: true });
  } catch {
    // Nothing was written there.
  }
}

function flushToDisk(path: string, isDirectory = false): void {
  let fd: number | null = null;
  try {
    fd = openSync(path, 'r');
    fsyncSync(fd);
  } catch (err) {
    // Folders cannot be opened for fsync on Windows; the rename is still atomic there.
    if (!isDirectory) throw err;
  } finally {
    if (fd !== null) closeSync(fd);
  }
}

/**
 * Check a copy: it opens, passes quick_check, holds the same tables, and (when `expected` is given)
 * has exactly those row counts. @throws LecternError STORAGE saying what did not match
 */
export function verifyCopy(path: string, expected: Map<string, number> | null, tables: string[] | null): { papers: number } {
  const copy = new Database(path, { readonly: true, fileMustExist: true });
  try {
    const check = checkIntegrity(copy);
    if (!check.ok) throw new LecternError('STORAGE', `the copy failed its integrity check (${describeCheckFailure(check)})`);
    const counts = tableCounts(copy);
    if (tables && tables.join() !== [...counts.keys()].join()) throw new LecternError('STORAGE', 'the copy does not hold the same tables as the library');
    if (expected) {
      for (const [table, n] of expected) {
        if (counts.get(table) !== n) throw new LecternError('STORAGE', `the copy holds ${counts.get(table) ?? 0} rows of ${table} where the library holds ${n}`);
      }
    }
    return { papers: livePapers(copy) };
  } finally {
    copy.close();
  }
}

/**
 * Write a checked, self-contained copy of the database `source` is connected to.
 * @param source an open connection (read-only is enough); nothing is written through it
 * @param target `path`: the final name; `partial`: where to write first (same folder)
 * @returns the final path, its size in bytes, papers in it, and the time taken (ms)
 * @throws LecternError `STORAGE` (disk full, folder not writable, I/O error, the check failed) or
 *   `DAMAGED` (the library itself could not be read), with `details.why`; nothing is left on disk then
 */
export function writeVerifiedBackup(source: Database.Database, target: { path: string; partial: string }): WrittenBackup {
  const started = performance.now();
  try {
    mkdirSync(dirname(target.partial), { recursive: true });
    const versionBefore = dataVersion(source);
    const before = tableCounts(source);
    source.prepare('VACUUM INTO ?').run(target.partial);
    // Counts must match exactly only when nobody committed while the copy was made.
    const unchanged = dataVersion(source) === versionBefore;
    const { papers } = verifyCopy(target.partial, unchanged ? before : null, [...before.keys()]);
    flushToDisk(target.partial);
    renameSync(target.partial, target.path);
    flushToDisk(dirname(target.path), true);
    return { path: target.path, bytes: statSync(target.path).size, papers, ms: performance.now() - started };
  } catch (err) {
    removeQuietly(target.partial);
    removeQuietly(`${target.partial}-journal`);
    const { code, why, todo } = describeStorageFailure(err);
    throw new LecternError(code, `The backup could not be written: ${why}. No backup was kept.${todo ? ` ${todo}` : ''}`, { why, path: target.path }, { cause: err });
  }
}
