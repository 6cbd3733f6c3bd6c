/**
 * Which backups to keep: the one place that states the rule (README "Your data" points here).
 *
 * - Daily backups: the newest of each of the 7 most recent days that have one, and the newest of each of
 *   the 4 most recent weeks that have one (weeks start on Monday; days and weeks in UTC). A backup kept
 *   by either rule stays. With Lectern in use every day this is a week of dailies plus a backup from
 *   each of the three weeks before: about a month of history in 7 to 10 files. (The same rule as
 *   restic's `--keep-daily 7 --keep-weekly 4`.)
 * - Every other kind: the newest KEEP_LATEST[kind] of that kind.
 * - The newest backup of each kind is always kept, whatever its age.
 */
import type { BackupKind } from '../../shared/backups';

export const KEEP_DAILY_DAYS = 7;
export const KEEP_WEEKLY_WEEKS = 4;

/** How many of each non-daily kind are kept (newest first). */
export const KEEP_LATEST: Record<Exclude<BackupKind, 'daily'>, number> = {
  manual: 10,
  'before-update': 3,
  'before-purge': 3,
  'before-empty-trash': 3,
  'before-restore': 5,
  damaged: 2,
};

export interface Dated {
  kind: BackupKind;
  createdAt: Date;
}

const DAY_MS = 86_400_000;

/** Index of the UTC day. */
function dayOf(at: Date): number {
  return Math.floor(at.getTime() / DAY_MS);
}

/** Index of the UTC week starting on Monday (1970-01-01 was a Thursday: shift by 3 days). */
function weekOf(at: Date): number {
  return Math.floor((dayOf(at) + 3) / 7);
}

/** The newest item in each of the `count` most recent buckets that hold one. */
function newestPerBucket<T extends Dated>(items: T[], bucket: (at: Date) => number, count: number): T[] {
  const newest = new Map<number, T>();
  for (const item of items) {
    const b = bucket(item.createdAt);
    const seen = newest.get(b);
    if (!seen || item.createdAt > seen.createdAt) newest.set(b, item);
  }
  return [...newest.entries()]
    .sort((a, b) => b[0] - a[0])
    .slice(0, count)
    .map(([, item]) => item);
}

/**
 * Split backups into those the rule keeps and those it drops.
 * @param backups any order
 * @returns `keep` and `remove`, each newest first; every input lands in exactly one
 */
export function applyRetention<T extends Dated>(backups: readonly T[]): { keep: T[]; remove: T[] } {
  const kept = new Set<T>();
  const byKind = new Map<BackupKind, T[]>();
  for (const b of backups) byKind.set(b.kind, [...(byKind.get(b.kind) ?? []), b]);
  for (const [kind, items] of byKind) {
    items.sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime());
    kept.add(items[0]!);
    if (kind === 'daily') {
      for (const item of newestPerBucket(items, dayOf, KEEP_DAILY_DAYS)) kept.add(item);
      for (const item of newestPerBucket(items, weekOf, KEEP_WEEKLY_WEEKS)) kept.add(item);
    } else {
      for (const item of items.slice(0, KEEP_LATEST[kind])) kept.add(item);
    }
  }
  const newestFirst = [...backups].sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime());
  return { keep: newestFirst.filter((b) => kept.has(b)), remove: newestFirst.filter((b) => !kept.has(b)) };
}

/** Hours after the newest daily backup before another is due. */
export const DAILY_EVERY_HOURS = 24;

/** Whether a daily backup is due at `now`, given the newest daily's time (null: none yet). */
export function dailyBackupDue(newestDaily: Date | null, now: Date): boolean {
  return newestDaily === null || now.getTime() - newestDaily.getTime() >= DAILY_EVERY_HOURS * 3_600_000;
}
