/**
 * What the Backups dialog and the damage banner do: open the dialog, back up now, and the two ways back
 * from a bad state (restore a backup, recover what can be read), each after a confirmation that says
 * what will happen, and each ending with a sentence that says what did.
 */
import { create } from 'zustand';
import { BACKUP_KIND_LABELS, describeRecovery, type BackupInfo, type RecoveryReport, type RestoreReport } from '../../../shared/backups';
import { request } from '../../api/client';
import { useNotices } from '../../stores/notice-store';
import { useUi } from '../../stores/ui-store';
import { formatDayTime, plural } from '../../ui/format';
import { usePrompt } from '../organise/prompt-dialog';
import type { FocusTarget } from '../../ui/focus-return';

/** Whether the Backups dialog is open (one at a time). */
export const useBackupsDialog = create<{ open: boolean; show(): void; hide(): void }>()((set) => ({
  open: false,
  show: () => set({ open: true }),
  hide: () => set({ open: false }),
}));

/**
 * "the backup of 2025-01-31 14:05:09": to the second, as the backups' file names are, so two backups
 * of one minute (a restore and the backup made just before it) are never named alike.
 */
export function backupName(b: Pick<BackupInfo, 'createdAt'>): string {
  return `the backup of ${formatDayTime(b.createdAt, true)}`;
}

/** The library's content changed wholesale: forget the selection (every view refetches: the write changed everything). */
function contentReplaced(): void {
  useUi.getState().setSelection(new Set(), null, null);
}

/** The sentence after a restore. */
export function restoredMessage(report: RestoreReport, from: BackupInfo): { title: string; detail: string } {
  const previous = report.previous;
  const kept = !previous
    ? ''
    : previous.kind === 'damaged'
      ? ` The damaged library file was kept aside (${BACKUP_KIND_LABELS.damaged.toLowerCase()}).`
      : ` The library as it was (${plural(previous.papers ?? 0, 'paper')}) is kept as ${backupName(previous)}: restore that to undo this.`;
  return {
    title: `Restored ${backupName(from)}: ${plural(report.papers, 'paper')}.`,
    detail: `${report.migrated ? 'It came from an older Lectern and was brought up to date. ' : ''}Undo history was cleared.${kept}`,
  };
}

/** The sentence after a recovery, with one line per table that lost rows. */
export function recoveredMessage(report: RecoveryReport): { title: string; detail: string; items: string[] } {
  return {
    title: report.complete ? `Recovered the whole library: ${plural(report.papers, 'paper')}.` : `Recovered what could be read: ${plural(report.papers, 'paper')}.`,
    // The list of losses follows the detail, so the sentence introducing it comes last.
    detail: `The damaged file was kept aside in the backups folder. ${report.complete ? 'Nothing was lost.' : 'Some rows could not be read and were lost:'}`,
    items: report.complete ? [] : describeRecovery(report),
  };
}

/**
 * Ask, then restore `backup`. The result goes to `onDone` (the Backups dialog shows it), else a notice.
 * @param current papers in the library now, for the question (null: unknown, e.g. damaged)
 * @param focusAfter where focus goes once it is done (the Backups dialog: its sentence saying what
 *   happened, so a screen reader reads the outcome); default: back to the button that asked
 */
export function confirmRestore(backup: BackupInfo, current: number | null, onDone?: (message: { title: string; detail: string }) => void, focusAfter?: FocusTarget): void {
  usePrompt.getState().open({
    title: `Restore ${backupName(backup)}?`,
    message: `The library will hold what it held then${backup.papers === null ? '' : `: ${plural(backup.papers, 'paper')}`}${current === null ? '' : ` (it holds ${plural(current, 'paper')} now)`}. What it holds now is kept as a backup first, so you can undo this by restoring that backup. Undo history will be cleared.`,
    submitLabel: 'Restore',
    danger: true,
    ...(focusAfter ? { focusAfterSubmit: focusAfter } : {}),
    submit: async () => {
      const report = await request('backups.restore', { name: backup.name });
      contentReplaced();
      const message = restoredMessage(report, backup);
      if (onDone) onDone(message);
      else useNotices.getState().push({ kind: 'success', ...message });
    },
  });
}

/**
 * Ask, then recover what can be read of the damaged library; the result goes to `onDone` (the Backups
 * dialog shows it), else a notice (a warning when rows were lost). @param focusAfter as confirmRestore's
 */
export function confirmRecover(onDone?: (message: { title: string; detail: string; items: string[] }) => void, focusAfter?: FocusTarget): void {
  usePrompt.getState().open({
    title: 'Recover what can be read?',
    message: 'Lectern will make a new library from every paper, note, tag and annotation it can still read, and use it in place of the damaged file. The damaged file is kept aside. You will see what was lost.',
    submitLabel: 'Recover',
    danger: true,
    ...(focusAfter ? { focusAfterSubmit: focusAfter } : {}),
    submit: async () => {
      const report = await request('library.recover', {});
      contentReplaced();
      const message = recoveredMessage(report);
      if (onDone) onDone(message);
      else useNotices.getState().push({ kind: report.complete ? 'success' : 'warning', ...message });
    },
  });
}
