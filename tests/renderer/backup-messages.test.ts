/**
 * The words of the Backups dialog, the trash and the sizes Lectern shows: two backups made in the same
 * minute are named apart, sizes are in SI units as labelled, and "Empty trash" says what is kept.
 */
import { describe, expect, it } from 'vitest';
import type { BackupInfo, RestoreReport } from '../../shared/backups';
import { formatBytes } from '../../shared/backups';
import { backupName, restoredMessage } from '../../renderer/features/backups/backup-actions';
import { emptyTrashMessage } from '../../renderer/features/organise/trash';

const backup = (createdAt: string, kind: BackupInfo['kind'], papers: number): BackupInfo => ({
  name: `library-${createdAt.replace(/\D/g, '').slice(0, 8)}-${createdAt.replace(/\D/g, '').slice(8, 14)}-${kind}.sqlite`,
  path: `/x/backups/${kind}.sqlite`,
  kind,
  createdAt,
  bytes: 1,
  papers,
  restorable: true,
});

describe('backups named apart', () => {
  it('a restore and the backup kept before it, made in the same minute, have different names', () => {
    // Local time: the names are read in the time zone the window runs in.
    const from = backup(new Date(2026, 11, 7, 5, 29, 3).toISOString(), 'manual', 18);
    const previous = backup(new Date(2026, 11, 7, 5, 29, 41).toISOString(), 'before-restore', 15);
    const report: RestoreReport = { restored: { path: from.path, createdAt: from.createdAt }, papers: 18, migrated: false, previous, previousNote: null };
    const message = restoredMessage(report, from);
    expect(backupName(from)).toBe('the backup of 2026-12-07 05:29:03');
    expect(message.title).toBe('Restored the backup of 2026-12-07 05:29:03: 18 papers.');
    expect(message.detail).toBe('Undo history was cleared. The library as it was (15 papers) is kept as the backup of 2026-12-07 05:29:41: restore that to undo this.');
  });
});

describe('sizes', () => {
  it('are SI units as labelled (1 kB = 1,000 bytes)', () => {
    expect(formatBytes(77_688_832)).toBe('78 MB');
    expect(formatBytes(352_256)).toBe('352 kB');
    expect(formatBytes(999)).toBe('999 B');
    expect(formatBytes(1_000)).toBe('1.0 kB');
    expect(formatBytes(9_949)).toBe('9.9 kB');
    expect(formatBytes(999_999)).toBe('1.0 MB');
    expect(formatBytes(1_500_000_000)).toBe('1.5 GB');
  });
});

describe('Empty trash', () => {
  it('says a backup is kept, with the right number', () => {
    expect(emptyTrashMessage(1)).toBe('1 paper will be deleted for good, with its tags, notes and annotations. This cannot be undone here, but Lectern first keeps a backup of the library as it is now: Backups… (at the bottom of the sidebar) can restore it.');
    expect(emptyTrashMessage(3)).toBe('3 papers will be deleted for good, with their tags, notes and annotations. This cannot be undone here, but Lectern first keeps a backup of the library as it is now: Backups… (at the bottom of the sidebar) can restore it.');
  });
});
