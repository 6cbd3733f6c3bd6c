/**
 * The command line's backup, restore, check and recovery commands:
 *
 *   lectern backup [--out FILE]   a checked backup in the backups folder, or one self-contained copy at FILE
 *   lectern backups               the list: when, why, size, papers
 *   lectern restore FILE          replace the library's content by FILE's (no question asked: it says what
 *                                 it replaced and where that was kept)
 *   lectern check [--full]        quick_check (integrity_check with --full); exit code 1 when damaged
 *   lectern recover [--out FILE]  what can be read of a damaged library, as the library or into FILE
 *
 * restore and recover work on a library that cannot be opened at all, by putting the new file in its
 * place (db/upkeep/offline.ts); restore into a library file that does not exist yet makes the backup the
 * library. backup, recover and check refuse a library file that does not exist (nothing is created).
 */
import { existsSync, rmSync } from 'node:fs';
import { resolve } from 'node:path';
import Database from 'better-sqlite3';
import { BACKUP_KIND_LABELS, describeRecovery, formatBytes, type BackupInfo, type RecoveryReport } from '../../shared/backups';
import { LecternError } from '../../shared/errors';
import { openLibrary, type Library } from '../../db/open';
import { checkIntegrity, describeFindings, uncheckable, type CheckResult } from '../../db/upkeep/integrity';
import { lecternCommand } from '../../db/upkeep/repair-commands';
import { recoverReadable } from '../../db/upkeep/recover';
import { nothingRead, recoverOffline, restoreOffline } from '../../db/upkeep/offline';
import { listBackups } from '../../db/upkeep/catalog';
import { backupFolder } from '../../db/upkeep/backup-layout';
import { withWriteLock } from '../../db/write-lock';
import { LibraryUpkeep } from '../handlers/library-upkeep';

export const UPKEEP_COMMANDS = ['backup', 'backups', 'restore', 'check', 'recover'] as const;
export type UpkeepCommand = (typeof UPKEEP_COMMANDS)[number];

const number = new Intl.NumberFormat('en-US');

/** "2025-01-31 15:05:09" in the local time zone: to the second, as backups are named (two can share a minute). */
function localTime(iso: string): string {
  const d = new Date(iso);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())} ${pad(d.getHours())}:${pad(d.getMinutes())}:${pad(d.getSeconds())}`;
}

const papers = (n: number | null) => (n === null ? 'unreadable' : `${number.format(n)} paper${n === 1 ? '' : 's'}`);

/** The `lectern backups` listing of the library `file`'s backups. */
export function formatBackups(file: string, folder: string, backups: BackupInfo[]): string {
  if (backups.length === 0) return `No backups yet. They will be kept in ${folder}.\nMake one now with: ${lecternCommand(file, ['backup'])}`;
  const rows = backups.map((b) => [localTime(b.createdAt), BACKUP_KIND_LABELS[b.kind], formatBytes(b.bytes), papers(b.papers), b.name]);
  const header = ['when', 'why', 'size', 'papers', 'file'];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]) => cells.map((c, i) => (i === cells.length - 1 ? c : c.padEnd(widths[i]!))).join('  ');
  return [`Backups in ${folder}:`, line(header), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)].join('\n');
}

export function formatRecovery(report: RecoveryReport, where: string): string {
  const lines = describeRecovery(report).map((l) => `  ${l}`);
  const head = report.complete ? `Recovered every row: ${papers(report.papers)}.` : `Recovered what could be read: ${papers(report.papers)}. Some rows were lost:`;
  return [head, ...lines, where].join('\n');
}

/** openLibrary, or null when the file cannot be opened because it is damaged. */
function openOrDamaged(file: string): Library | null {
  try {
    return openLibrary(file);
  } catch (err) {
    if (err instanceof LecternError && err.code === 'DAMAGED') return null;
    throw err;
  }
}

/** @throws LecternError `NOT_FOUND` when there is no library file at `file` (`nothing`: what was not done) */
function mustExist(file: string, nothing: string): void {
  if (!existsSync(file)) throw new LecternError('NOT_FOUND', `There is no library file at ${file}: ${nothing}.`, { file });
}

function upkeepOf(library: Library): LibraryUpkeep {
  // One command at a time, nothing else queued: the turn is immediate; the lock is the library's.
  return new LibraryUpkeep(library, {
    host: 'command line',
    inProcess: true,
    exclusive: async (work) => work(),
    locked: (work, { waitMs }) => withWriteLock(library.db, work, { deadline: performance.now() + waitMs }),
  });
}

/**
 * Run one of UPKEEP_COMMANDS on the library `file`.
 * @param out `--out FILE` (backup, recover)
 * @returns the text to print and the exit code (1 for a damaged library in `check`)
 * @param options.arg the FILE of `restore` (checked by the caller)
 * @throws LecternError on failure (printed by the CLI as one line)
 */
export async function runUpkeepCommand(command: UpkeepCommand, file: string, options: { arg: string; out?: string; full: boolean; json: boolean }): Promise<{ text: string; json: unknown; code: number }> {
  switch (command) {
    case 'backups': {
      const backups = listBackups(file);
      const folder = backupFolder(file);
      return { text: formatBackups(file, folder, backups), json: { folder, backups }, code: 0 };
    }
    case 'check': {
      mustExist(file, 'there is nothing to check');
      let db: Database.Database | null = null;
      let result: CheckResult;
      try {
        db = new Database(file, { readonly: true, fileMustExist: true });
        result = checkIntegrity(db, options.full);
      } catch (err) {
        result = uncheckable(err);
      } finally {
        db?.close();
      }
      const kind = options.full ? 'full integrity check' : 'quick check';
      const n = result.problems.length;
      const text = result.ok
        ? `The library ${file} is sound (${kind}, ${(result.ms / 1000).toFixed(1)} s).`
        : [
            `The library ${file} is damaged: ${describeFindings(result)}.`,
            `Restore a backup (list them: ${lecternCommand(file, ['backups'])}; then: ${lecternCommand(file, ['restore', 'FILE'])}) or recover what can be read: ${lecternCommand(file, ['recover'])}`,
            `In SQLite's words (${n} problem${n === 1 ? '' : 's'}${result.capped ? ', the most it lists' : ''}):`,
            ...result.problems.map((p) => `  ${p}`),
          ].join('\n');
      return { text, json: { file, ok: result.ok, full: options.full, ms: Math.round(result.ms), problems: result.problems, capped: result.capped }, code: result.ok ? 0 : 1 };
    }
    case 'backup': {
      mustExist(file, 'nothing was backed up');
      const library = openLibrary(file);
      try {
        const upkeep = upkeepOf(library);
        if (options.out) {
          const made = await upkeep.exportTo(resolve(options.out));
          return { text: `Copied the library (${papers(made.papers)}, ${formatBytes(made.bytes)}) to ${made.path}: one self-contained file, checked.`, json: made, code: 0 };
        }
        const made = await upkeep.backup('manual');
        return { text: `Backed up the library (${papers(made.papers)}, ${formatBytes(made.bytes)}) to ${made.path}.`, json: made, code: 0 };
      } finally {
        library.close();
      }
    }
    case 'restore': {
      const from = resolve(options.arg);
      // A new library file is not created just to be replaced: the restored copy becomes it.
      const library = existsSync(file) ? openOrDamaged(file) : null;
      if (!library) {
        const done = restoreOffline(file, from);
        return {
          text: `Restored ${from} (${papers(done.papers)}${done.migrated ? ', brought up to date' : ''}) into ${file}.\n${done.kept ? `The damaged library file was kept as ${done.kept}.` : 'There was no library file there before, so nothing was replaced.'}`,
          json: { restored: from, papers: done.papers, migrated: done.migrated, kept: done.kept },
          code: 0,
        };
      }
      try {
        const report = await upkeepOf(library).restore(from);
        const previous = report.previous!;
        const replaced = previous.kind === 'damaged' ? `The damaged library file was kept as ${previous.path}.` : `It replaced the library as it was (${papers(previous.papers)}), kept as ${previous.path}: restore that file to undo.`;
        return { text: `Restored ${from} (${papers(report.papers)}${report.migrated ? ', brought up to date' : ''}) into ${file}.\n${replaced}`, json: report, code: 0 };
      } finally {
        library.close();
      }
    }
    case 'recover': {
      mustExist(file, 'there is nothing to recover');
      if (options.out) {
        const out = resolve(options.out);
        if (existsSync(out)) throw new LecternError('INVALID_INPUT', `${out} exists already; give a new file name (nothing was written).`);
        const recovered = recoverReadable(file, out);
        if (nothingRead(recovered)) {
          for (const suffix of ['', '-wal', '-shm']) rmSync(`${out}${suffix}`, { force: true });
          throw new LecternError('DAMAGED', `Nothing could be read from ${file}, so nothing was written to ${out}. Restore a backup instead; ${lecternCommand(file, ['backups'])} lists them.`);
        }
        const report: RecoveryReport = { ...recovered, previous: null, out };
        return { text: formatRecovery(report, `Written to ${out}; the library ${file} was left as it is.`), json: report, code: 0 };
      }
      const library = openOrDamaged(file);
      if (!library) {
        const recovered = recoverOffline(file);
        const report: RecoveryReport = { ...recovered, previous: null, out: null };
        return { text: formatRecovery(report, `It is now the library ${file}; the damaged file was kept as ${recovered.kept}.`), json: { ...report, kept: recovered.kept }, code: 0 };
      }
      try {
        const report = await upkeepOf(library).recover();
        const kept = report.previous?.kind === 'damaged' ? `the damaged file was kept as ${report.previous.path}` : `the library as it was is kept as ${report.previous?.path}`;
        return { text: formatRecovery(report, `It is now the library ${file}; ${kept}.`), json: report, code: 0 };
      } finally {
        library.close();
      }
    }
  }
}
