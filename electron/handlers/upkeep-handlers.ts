/**
 * The handler entries for backups, integrity, restore and recovery, over the session's LibraryUpkeep.
 * Restore and recovery write through SQLite's backup API on a connection of their own: they take the
 * write queue's turn, not the write lock (which would shut that other connection out). A backup reads
 * its own snapshot beside writes.
 *
 * - `backups.list` -> { folder, backups } newest first
 * - `backups.create` -> the checked backup (kind manual)
 * - `backups.restore` ({ name }) -> RestoreReport; `NOT_FOUND` for a name not in the list or not restorable
 * - `library.integrity` -> { state, reason, checkedAt, checkMs }
 * - `library.recover` -> RecoveryReport
 */
import { LecternError } from '../../shared/errors';
import type { HandlerTable } from './channel-entry';

type UpkeepChannel = 'backups.list' | 'backups.create' | 'backups.restore' | 'library.integrity' | 'library.recover';

export const upkeepEntries: Pick<HandlerTable, UpkeepChannel> = {
  'backups.list': (s) => s.upkeep.list(),
  'backups.create': { custom: (s) => s.upkeep.backup('manual') },
  'backups.restore': {
    custom: (s, { name }) => {
      const backup = s.upkeep.list().backups.find((b) => b.name === name && b.restorable);
      if (!backup) throw new LecternError('NOT_FOUND', `There is no backup named "${name}" to restore: it may have been removed. Open the list of backups again.`, { name });
      return s.writes.run(() => s.upkeep.restore(backup.path), { lock: false });
    },
  },
  'library.integrity': (s) => s.upkeep.integrity(),
  'library.recover': { custom: (s) => s.writes.run(() => s.upkeep.recover(), { lock: false }) },
};
