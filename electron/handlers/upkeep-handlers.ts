/**
 * The handler entries for backups, integrity, restore and recovery (contract block "backups, integrity,
 * restore and recovery"), over the handler table's LibraryUpkeep.
 */
import { LecternError } from '../../shared/errors';
import type { Handlers } from './handlers';
import type { LibraryUpkeep } from './library-upkeep';

type UpkeepChannel = 'backups.list' | 'backups.create' | 'backups.restore' | 'library.integrity' | 'library.recover';

/**
 * @param upkeep the library's upkeep
 * @param exclusive runs work alone on the write queue (restore and recovery replace the whole content)
 * - `backups.list` -> { folder, backups } newest first
 * - `backups.create` -> the checked backup (kind manual); runs beside writes (its own read-only snapshot)
 * - `backups.restore` ({ name }) -> RestoreReport; `NOT_FOUND` for a name not in the list or not restorable
 * - `library.integrity` -> { state, reason, checkedAt, checkMs }
 * - `library.recover` -> RecoveryReport
 */
export function upkeepHandlers(upkeep: LibraryUpkeep, exclusive: <T>(work: () => Promise<T>) => Promise<T>): Pick<Handlers, UpkeepChannel> {
  return {
    'backups.list': () => upkeep.list(),
    'backups.create': () => upkeep.backup('manual'),
    'backups.restore': ({ name }) => {
      const backup = upkeep.list().backups.find((b) => b.name === name && b.restorable);
      if (!backup) throw new LecternError('NOT_FOUND', `There is no backup named "${name}" to restore: it may have been removed. Open the list of backups again.`, { name });
      return exclusive(() => upkeep.restore(backup.path));
    },
    'library.integrity': () => upkeep.integrity(),
    'library.recover': () => exclusive(() => upkeep.recover()),
  };
}
