/** Backups: list, make one now, restore (shared/backups.ts; db/upkeep). */
import { z } from 'zod';
import type { ChannelSpec } from './channel';
import { BackupInfo, BackupList, RestoreReport } from '../backups';

export const backupsChannels = {
  /** The library's backups, newest first, and the folder they are in (db/upkeep/backup-layout.ts). */
  'backups.list': { kind: 'session', reads: [], input: z.object({}), output: BackupList },
  /**
   * "Back up now": one checked, self-contained copy in the backups folder (kind `manual`). `STORAGE` when
   * it cannot be written (nothing is left behind), `DAMAGED` on a damaged library.
   */
  'backups.create': { kind: 'write', changes: [], input: z.object({}), output: BackupInfo },
  /**
   * Replace the library's content by a backup's (`name`: a restorable file of `backups.list`), brought up to
   * date if it is older; the library as it was is backed up first (`previous`). Undo history is dropped.
   * All or nothing: `INVALID_INPUT` (unknown or unsound backup), `STORAGE`, `BUSY` leave the library as it was.
   */
  'backups.restore': { kind: 'write', changes: 'everything', input: z.object({ name: z.string().max(255) }), output: RestoreReport },
} as const satisfies Record<string, ChannelSpec>;
