/**
 * Import pasted text and land where the user expects (UX.md "First run"): the papers table showing
 * the imported author's papers, with the author's card open, and a line saying what changed.
 */
import type { ImportReport } from '../../../shared/contract';
import { request } from '../../api/client';
import { useNotices } from '../../stores/notice-store';
import { useUi } from '../../stores/ui-store';
import { plural } from '../../ui/format';

export function describeImport(report: ImportReport): string {
  const parts = [`${plural(report.added, 'new paper')}`];
  if (report.updated > 0) parts.push(`${plural(report.updated, 'paper')} updated`);
  if (report.unchanged > 0) parts.push(`${plural(report.unchanged, 'paper')} already up to date`);
  return parts.join(', ');
}

/** @throws LecternError when the text cannot be imported (nothing was changed then). */
export async function runImport(text: string): Promise<ImportReport> {
  const report = await request('paste.import', { text });
  const ui = useUi.getState();
  ui.setFilter('');
  ui.selectAuthor(report.author?.id ?? null);
  ui.libraryChanged();
  const kept = report.skipped.length + (report.incompleteTail ? 1 : 0);
  const sentences = [`${describeImport(report)}.`];
  if (report.snapshotAdded && report.added === 0) sentences.push("The profile's metrics changed; the new values were kept alongside the old.");
  if (kept > 0) sentences.push(`${plural(kept, 'part')} of the paste could not be read; the full text is kept with the import.`);
  useNotices.getState().push({
    kind: 'success',
    title: report.author ? `Imported ${report.author.name}'s profile` : 'Import finished',
    detail: sentences.join(' '),
  });
  return report;
}
