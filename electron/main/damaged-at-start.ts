/**
 * The desktop app's answer to a library file that cannot be opened because it is damaged: a dialog
 * with the two ways back (restore the latest backup, recover what can be read) or Quit. Either way
 * back puts a new file in place of the damaged one, which is kept in the backups folder
 * (db/upkeep/offline.ts); then the app opens the library as usual.
 */
import { basename } from 'node:path';
import { dialog } from 'electron';
import { describeRecovery } from '../../shared/backups';
import { LecternError } from '../../shared/errors';
import { parseBackupName } from '../../db/upkeep/backup-layout';
import { recoverOffline, restoreOffline } from '../../db/upkeep/offline';

/**
 * Ask what to do about a damaged library, and do it.
 * @param err the `DAMAGED` error openLibrary threw (`details.backup`: the newest backup, or null)
 * @returns true when the file was replaced (open it again), false to quit
 */
export async function repairDamagedAtStart(file: string, err: LecternError, options: { migrationsFolder: string; nativeBinding?: string }): Promise<boolean> {
  const backup = typeof err.details?.backup === 'string' ? err.details.backup : null;
  const when = backup ? parseBackupName(basename(backup))?.createdAt.toLocaleString() : null;
  const buttons = [...(backup ? [`Restore the backup of ${when}`] : []), 'Recover what can be read', 'Quit'];
  const { response } = await dialog.showMessageBox({
    type: 'error',
    title: 'The library is damaged',
    message: 'Lectern cannot open its library file: it is damaged.',
    detail: `${file}\n\nNothing was written to it. Restoring the latest backup brings back the library as it was then; recovering keeps whatever can still be read. Either way the damaged file is kept in the backups folder.`,
    buttons,
    defaultId: 0,
    cancelId: buttons.length - 1,
    noLink: true,
  });
  const choice = buttons[response];
  try {
    if (backup && choice === buttons[0]) {
      restoreOffline(file, backup, options);
      return true;
    }
    if (choice === 'Recover what can be read') {
      const report = recoverOffline(file, options);
      const lost = describeRecovery({ ...report, previous: null, out: null });
      await dialog.showMessageBox({
        type: report.complete ? 'info' : 'warning',
        message: `Recovered ${report.papers.toLocaleString('en')} papers.`,
        detail: report.complete ? 'Nothing was lost.' : `Some rows could not be read and were lost:\n${lost.join('\n')}\n\nThe damaged file was kept as ${report.kept}.`,
      });
      return true;
    }
  } catch (repairError) {
    dialog.showErrorBox('Lectern could not repair its library', (repairError as Error).message);
  }
  return false;
}
