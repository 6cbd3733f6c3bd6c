/**
 * What the window, the command line and the handlers say about backups, integrity and recovery:
 * the kinds of backup with their labels, and the shapes the backup channels answer with.
 * Pure TypeScript (zod only): the renderer imports it too.
 */
import { z } from 'zod';

/**
 * Why a backup was written. `damaged` is not a backup Lectern made of a good library but the damaged
 * file itself, kept aside when a restore or a recovery replaced it (it is never offered for restore).
 */
export const BACKUP_KINDS = ['daily', 'manual', 'before-update', 'before-purge', 'before-empty-trash', 'before-restore', 'damaged'] as const;
export const BackupKind = z.enum(BACKUP_KINDS);
export type BackupKind = z.infer<typeof BackupKind>;

/** "Why" as the Backups dialog and `lectern backups` show it. */
export const BACKUP_KIND_LABELS: Record<BackupKind, string> = {
  daily: 'Daily backup',
  manual: 'Backed up on request',
  'before-update': 'Before a Lectern update changed the library',
  'before-purge': 'Before papers 30 days in the trash were deleted',
  'before-empty-trash': 'Before the trash was emptied',
  'before-restore': 'The library as it was before a restore',
  damaged: 'The damaged library file, kept as it was',
};

export const BackupInfo = z.object({
  /** File name inside the backups folder (what `backups.restore` takes). */
  name: z.string(),
  /** Absolute path. */
  path: z.string(),
  kind: BackupKind,
  /** When it was written (ISO 8601 UTC, to the second). */
  createdAt: z.string(),
  bytes: z.number().int(),
  /** Papers in it, not counting its trash; null when it cannot be read (a damaged copy). */
  papers: z.number().int().nullable(),
  /** False for a kept damaged file. */
  restorable: z.boolean(),
});
export type BackupInfo = z.infer<typeof BackupInfo>;

export const BackupList = z.object({
  /** The folder backups are written to (may not exist yet). */
  folder: z.string(),
  /** Newest first. */
  backups: z.array(BackupInfo),
});
export type BackupList = z.infer<typeof BackupList>;

export const INTEGRITY_STATES = ['ok', 'unchecked', 'checking', 'damaged'] as const;

export const IntegrityInfo = z.object({
  /**
   * `ok`: the last check passed and no damage was met since; `unchecked`: a large library not checked
   * yet (checked before the first write); `checking`: the check runs in the background; `damaged`:
   * writes are refused (LecternError `DAMAGED`) until a restore or a recovery.
   */
  state: z.enum(INTEGRITY_STATES),
  /** What is wrong, in a sentence (damaged only). */
  reason: z.string().nullable(),
  /** When the last full quick check finished (ISO 8601), or null. */
  checkedAt: z.string().nullable(),
  /** How long it took, in milliseconds. */
  checkMs: z.number().nullable(),
});
export type IntegrityInfo = z.infer<typeof IntegrityInfo>;

export const RestoreReport = z.object({
  /** The backup whose content the library now holds. */
  restored: z.object({ path: z.string(), createdAt: z.string().nullable() }),
  /** Papers in the library now, not counting the trash. */
  papers: z.number().int(),
  /** True when the backup came from an older Lectern and was brought up to date. */
  migrated: z.boolean(),
  /** The backup of the library as it was just before (restore it to undo), or null with `previousNote`. */
  previous: BackupInfo.nullable(),
  /** Why there is no `previous` (the library was damaged: its file was kept as `previous` then). */
  previousNote: z.string().nullable(),
});
export type RestoreReport = z.infer<typeof RestoreReport>;

export const RecoveredTable = z.object({
  table: z.string(),
  /** "papers", "notes", "tags on papers" ... */
  label: z.string(),
  kept: z.number().int(),
  /** Rows that were there but could not be read (or were dropped because what they belong to was lost); null: unknown. */
  lost: z.number().int().nullable(),
});
export type RecoveredTable = z.infer<typeof RecoveredTable>;

export const RecoveryReport = z.object({
  tables: z.array(RecoveredTable),
  /** Papers in the recovered library, not counting the trash. */
  papers: z.number().int(),
  /** Whether any row was lost (or may have been, where the count is unknown). */
  complete: z.boolean(),
  /** The damaged file as it was, kept in the backups folder (or null when --out left the library alone). */
  previous: BackupInfo.nullable(),
  /** Where the recovered library was written when it did not replace the library (`lectern recover --out`). */
  out: z.string().nullable(),
});
export type RecoveryReport = z.infer<typeof RecoveryReport>;

/** One line per table that lost rows (or may have), e.g. "papers: 1,920 kept, 80 lost". */
export function describeRecovery(report: RecoveryReport): string[] {
  const n = new Intl.NumberFormat('en-US');
  return report.tables
    .filter((t) => t.lost !== 0)
    .map((t) => `${t.label}: ${n.format(t.kept)} kept${t.lost === null ? ', an unknown number lost' : t.lost > 0 ? `, ${n.format(t.lost)} lost` : ''}`);
}

/**
 * A file size as people read it, in SI units (powers of 1000, as labelled; the units file managers on
 * macOS and GNOME use): "860 B", "9.9 kB", "352 kB", "78 MB" (77,688,832 bytes), "1.5 GB". Under 10
 * of a unit with one decimal, else whole; a value that rounds to 1000 moves to the next unit.
 */
export function formatBytes(bytes: number): string {
  if (bytes < 1000) return `${bytes} B`;
  const units = ['kB', 'MB', 'GB', 'TB'];
  const shown = (v: number) => (v < 9.95 ? v.toFixed(1) : String(Math.round(v)));
  let value = bytes / 1000;
  let unit = 0;
  while (Number(shown(value)) >= 1000 && unit < units.length - 1) {
    value /= 1000;
    unit++;
  }
  return `${shown(value)} ${units[unit]}`;
}
