import { describe, expect, it } from 'vitest';
import { backupFolder, newBackupPath, parseBackupName } from '../../db/upkeep/backup-layout';
import { applyRetention, dailyBackupDue, KEEP_LATEST, type Dated } from '../../db/upkeep/retention';
import type { BackupKind } from '../../shared/backups';

const at = (iso: string, kind: BackupKind = 'daily'): Dated & { id: string } => ({ id: `${kind}@${iso}`, kind, createdAt: new Date(iso) });
const ids = (xs: Array<{ id: string }>) => xs.map((x) => x.id);

describe('retention rule', () => {
  it('keeps one daily backup a day for the last 7 days used, plus the newest of each of the last 4 weeks', () => {
    // One daily at 09:00 UTC every day of January 2025 (the 1st was a Wednesday).
    const days = Array.from({ length: 31 }, (_, i) => at(`2025-01-${String(i + 1).padStart(2, '0')}T09:00:00Z`));
    const { keep, remove } = applyRetention(days);
    expect(ids(keep)).toEqual([
      // the last 7 days
      'daily@2025-01-31T09:00:00Z', 'daily@2025-01-30T09:00:00Z', 'daily@2025-01-29T09:00:00Z', 'daily@2025-01-28T09:00:00Z',
      'daily@2025-01-27T09:00:00Z', 'daily@2025-01-26T09:00:00Z', 'daily@2025-01-25T09:00:00Z',
      // the newest of the weeks starting Mon 13 and Mon 6 (those of the 27th and the 20th end in the last 7 days)
      'daily@2025-01-19T09:00:00Z', 'daily@2025-01-12T09:00:00Z',
    ]);
    expect(keep.length + remove.length).toBe(31);
    expect(ids(remove)).toContain('daily@2025-01-24T09:00:00Z');
    expect(ids(remove)).toContain('daily@2025-01-05T09:00:00Z');
  });

  it('counts days that have a backup, so a library used once a week keeps 7 weeks of dailies', () => {
    const weekly = Array.from({ length: 10 }, (_, i) => at(new Date(Date.UTC(2025, 0, 6 + 7 * i, 9)).toISOString()));
    const { keep } = applyRetention(weekly);
    expect(keep).toHaveLength(7);
    expect(keep[0]!.createdAt.toISOString()).toBe('2025-03-10T09:00:00.000Z');
    expect(keep[6]!.createdAt.toISOString()).toBe('2025-01-27T09:00:00.000Z');
  });

  it('keeps only the newest of two dailies on one day (the older one is dropped)', () => {
    const { keep, remove } = applyRetention([at('2025-02-01T01:00:00Z'), at('2025-02-01T23:00:00Z')]);
    expect(ids(keep)).toEqual(['daily@2025-02-01T23:00:00Z']);
    expect(ids(remove)).toEqual(['daily@2025-02-01T01:00:00Z']);
  });

  it('keeps a bounded number of each other kind, newest first, and never mixes kinds', () => {
    const manual = Array.from({ length: 12 }, (_, i) => at(`2025-03-${String(i + 1).padStart(2, '0')}T10:00:00Z`, 'manual'));
    const before = Array.from({ length: 5 }, (_, i) => at(`2025-03-${String(i + 1).padStart(2, '0')}T11:00:00Z`, 'before-empty-trash'));
    const damaged = [at('2024-01-01T00:00:00Z', 'damaged'), at('2024-06-01T00:00:00Z', 'damaged'), at('2025-01-01T00:00:00Z', 'damaged')];
    const { keep, remove } = applyRetention([...manual, ...before, ...damaged, at('2020-01-01T00:00:00Z', 'before-update')]);
    expect(keep.filter((b) => b.kind === 'manual')).toHaveLength(KEEP_LATEST.manual);
    expect(ids(remove.filter((b) => b.kind === 'manual'))).toEqual(['manual@2025-03-02T10:00:00Z', 'manual@2025-03-01T10:00:00Z']);
    expect(ids(keep.filter((b) => b.kind === 'before-empty-trash'))).toEqual(['before-empty-trash@2025-03-05T11:00:00Z', 'before-empty-trash@2025-03-04T11:00:00Z', 'before-empty-trash@2025-03-03T11:00:00Z']);
    expect(ids(remove.filter((b) => b.kind === 'damaged'))).toEqual(['damaged@2024-01-01T00:00:00Z']);
    // However old, the only backup of its kind stays.
    expect(ids(keep)).toContain('before-update@2020-01-01T00:00:00Z');
  });

  it('is due when there is no daily backup or the newest is 24 hours old', () => {
    const now = new Date('2025-05-02T12:00:00Z');
    expect(dailyBackupDue(null, now)).toBe(true);
    expect(dailyBackupDue(new Date('2025-05-01T12:00:01Z'), now)).toBe(false);
    expect(dailyBackupDue(new Date('2025-05-01T12:00:00Z'), now)).toBe(true);
  });
});

describe('backup layout', () => {
  it('puts the default library\'s backups in backups/ and any other file\'s in <file>-backups/', () => {
    expect(backupFolder('/home/u/.config/Lectern/library.sqlite')).toBe('/home/u/.config/Lectern/backups');
    expect(backupFolder('/data/papers.sqlite')).toBe('/data/papers.sqlite-backups');
  });

  it('names a backup by library, UTC time and kind, and reads the name back', () => {
    const { path, partial, createdAt } = newBackupPath('/nowhere/papers.sqlite', 'before-purge', new Date('2025-01-31T14:05:09.750Z'));
    expect(path).toBe('/nowhere/papers.sqlite-backups/papers-20250131-140509-before-purge.sqlite');
    expect(partial).toBe('/nowhere/papers.sqlite-backups/.papers-20250131-140509-before-purge.sqlite.partial');
    expect(createdAt.toISOString()).toBe('2025-01-31T14:05:09.000Z');
    expect(parseBackupName('papers-20250131-140509-before-purge.sqlite')).toEqual({ stem: 'papers', kind: 'before-purge', createdAt: new Date('2025-01-31T14:05:09Z') });
    expect(parseBackupName('my-lib-20250131-140509-daily.sqlite')?.stem).toBe('my-lib');
    expect(parseBackupName('papers-20250131-140509-weekly.sqlite')).toBeNull();
    expect(parseBackupName('.papers-20250131-140509-daily.sqlite.partial')).toBeNull();
    expect(parseBackupName('notes.txt')).toBeNull();
  });
});
