/**
 * Where backups live and what they are called: the one place that decides the layout.
 *
 * - The default library (a file named `library.sqlite`, as in the app's data folder) keeps its backups
 *   in `backups/` beside it; any other file `NAME.sqlite` keeps them in `NAME.sqlite-backups/` beside it,
 *   so two libraries in one folder never share a backups folder.
 * - A backup is `<stem>-<YYYYMMDD>-<HHMMSS>-<kind>.sqlite` (UTC time, stem: the library's file name
 *   without `.sqlite`), e.g. `library-20250131-140509-daily.sqlite`. The name alone says when and why,
 *   so listing needs no index file.
 * - While it is written and checked a backup is `.<final name>.partial`; only a checked backup is renamed
 *   to its final name, so a listed backup is always a complete one.
 */
import { existsSync, readdirSync, statSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { BACKUP_KINDS, type BackupKind } from '../../shared/backups';

/** The default library's file name (db/location.ts LIBRARY_FILE_NAME). */
const DEFAULT_NAME = 'library.sqlite';
const PARTIAL_SUFFIX = '.partial';

/** @returns the backups folder of a library file (absolute when `file` is) */
export function backupFolder(file: string): string {
  const name = basename(file);
  return name === DEFAULT_NAME ? join(dirname(file), 'backups') : join(dirname(file), `${name}-backups`);
}

function stem(file: string): string {
  return basename(file).replace(/\.(sqlite3?|db)$/i, '');
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/** `20250131-140509` for an instant (UTC). */
function stamp(at: Date): string {
  return `${at.getUTCFullYear()}${pad(at.getUTCMonth() + 1)}${pad(at.getUTCDate())}-${pad(at.getUTCHours())}${pad(at.getUTCMinutes())}${pad(at.getUTCSeconds())}`;
}

/**
 * A free file name for a backup of `file` written at `at` (a second after the newest backup when that is
 * not earlier: the name is a label, never overwritten).
 * @returns the final path and the `.partial` path to write first
 */
export function newBackupPath(file: string, kind: BackupKind, at: Date = new Date()): { path: string; partial: string; createdAt: Date } {
  const folder = backupFolder(file);
  // Never before the newest backup: names stay in the order the backups were made, even when several
  // are made within one second (and a pruned name is not reused).
  const newest = listBackupFiles(file)[0]?.createdAt.getTime() ?? -Infinity;
  const start = Math.max(Math.floor(at.getTime() / 1000) * 1000, newest + 1000);
  for (let t = start; ; t += 1000) {
    const when = new Date(t);
    const name = `${stem(file)}-${stamp(when)}-${kind}.sqlite`;
    const path = join(folder, name);
    const partial = join(folder, `.${name}${PARTIAL_SUFFIX}`);
    if (!existsSync(path) && !existsSync(partial)) return { path, partial, createdAt: when };
  }
}

export interface BackupFile {
  name: string;
  path: string;
  kind: BackupKind;
  /** From the name (UTC, to the second). */
  createdAt: Date;
  bytes: number;
}

// Linear: fixed-width digits, then one of a fixed set of words.
const NAME = new RegExp(`^(.+)-(\\d{4})(\\d{2})(\\d{2})-(\\d{2})(\\d{2})(\\d{2})-(${BACKUP_KINDS.join('|')})\\.sqlite$`);

/** @returns when and why a backup file name says it was written, or null for any other name */
export function parseBackupName(name: string): { stem: string; kind: BackupKind; createdAt: Date } | null {
  const m = NAME.exec(name);
  if (!m) return null;
  const [, s, y, mo, d, h, mi, se, kind] = m;
  const createdAt = new Date(Date.UTC(Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi), Number(se)));
  if (Number.isNaN(createdAt.getTime())) return null;
  return { stem: s!, kind: kind as BackupKind, createdAt };
}

/**
 * The backups of `file` in its backups folder, newest first (files of other libraries sharing the folder,
 * partial files and anything else are left out).
 */
export function listBackupFiles(file: string): BackupFile[] {
  const folder = backupFolder(file);
  let names: string[];
  try {
    names = readdirSync(folder);
  } catch {
    // No folder yet (or something else in its place): no backups.
    return [];
  }
  const own = stem(file);
  const out: BackupFile[] = [];
  for (const name of names) {
    const parsed = parseBackupName(name);
    if (!parsed || parsed.stem !== own) continue;
    const path = join(folder, name);
    try {
      const st = statSync(path);
      if (st.isFile()) out.push({ name, path, kind: parsed.kind, createdAt: parsed.createdAt, bytes: st.size });
    } catch {
      // Removed while listing (another Lectern pruning): not a backup any more.
    }
  }
  return out.sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime() || b.name.localeCompare(a.name));
}

/** Partial files left by a backup that was stopped (crash, power cut) more than `olderThanMs` ago. */
export function stalePartials(file: string, now: Date, olderThanMs = 3_600_000): string[] {
  const folder = backupFolder(file);
  let names: string[];
  try {
    names = readdirSync(folder);
  } catch {
    return [];
  }
  return names
    .filter((name) => name.startsWith('.') && name.endsWith(PARTIAL_SUFFIX))
    .map((name) => join(folder, name))
    .filter((path) => {
      try {
        return now.getTime() - statSync(path).mtimeMs > olderThanMs;
      } catch {
        return false;
      }
    });
}
