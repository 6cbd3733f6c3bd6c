/** Import a paste, land on its author, and say in the window what happened (and what was left out). */
import type { FormatId } from '../../../shared/paste/paste-format';
import type { ImportReport } from '../../../shared/contract';
import { request } from '../../api/client';
import { followJob, newJobId } from '../../api/job-progress';
import { useJobs } from '../../stores/job-store';
import { useNotices, type Notice } from '../../stores/notice-store';
import { useUi } from '../../stores/ui-store';
import { clip, formatCount, plural, sourceName } from '../../ui/format';

/** What the import did to the papers: "18 new papers" or "3 new papers, 2 papers updated, 13 already up to date". */
export function describeImport(report: ImportReport): string {
  if (report.added + report.updated === 0) {
    const upToDate = report.unchanged > 0 ? `; ${plural(report.unchanged, 'paper')} already up to date` : '';
    return `${report.snapshotAdded ? 'no new papers' : 'nothing new'}${upToDate}`;
  }
  const parts = [plural(report.added, 'new paper')];
  if (report.updated > 0) parts.push(`${plural(report.updated, 'paper')} updated`);
  if (report.unchanged > 0) parts.push(`${formatCount(report.unchanged)} already up to date`);
  return parts.join(', ');
}

/** What the paste held that was not imported, one point each, as the preview names them (empty: nothing left out). */
export function describeLeftOut(report: Pick<ImportReport, 'incompleteTail' | 'skipped' | 'warnings'>): string[] {
  const items: string[] = [];
  if (report.incompleteTail) {
    items.push(`1 paper cut off at the end of the paste was not imported (“${clip(report.incompleteTail.text, 60)}”); copy the whole page again to include it.`);
  }
  if (report.skipped.length > 0) {
    const n = report.skipped.length;
    items.push(`${plural(n, 'line')} that could not be read ${n === 1 ? 'was' : 'were'} skipped (the full paste is kept with the import).`);
  }
  return [...items, ...report.warnings];
}

/** The notice after an import (exported for tests). */
export function importNotice(report: ImportReport): Omit<Notice, 'id'> {
  const whose = report.author ? `${report.author.name}'s profile` : `the ${sourceName(report.format)} page`;
  if (report.alreadyImported) {
    return {
      kind: 'success',
      title: 'Nothing imported:',
      detail: `this exact copy of ${whose} was imported before and changes nothing${report.unchanged > 0 ? `; its ${plural(report.unchanged, 'paper')} are already in your library` : ''}.`,
    };
  }
  const sentences = [`${describeImport(report)}.`];
  // A snapshot with no new papers means the figures moved since the last capture (a first capture comes with new papers).
  if (report.snapshotAdded && report.added === 0) {
    sentences.push("The profile's metrics changed; the new values were kept alongside the old.");
  }
  const leftOut = describeLeftOut(report);
  return {
    // Something left out stays on screen until dismissed; a clean import is news for a few seconds.
    kind: leftOut.length > 0 ? 'warning' : 'success',
    title: `Imported ${whose}:`,
    detail: sentences.join(' '),
    ...(leftOut.length > 0 ? { items: leftOut } : {}),
  };
}

/** Ask the library to stop the running import; it then fails with CANCELLED and stores nothing. */
export async function cancelImport(): Promise<void> {
  const job = useJobs.getState().active;
  if (!job) return;
  useJobs.getState().patch(job.jobId, { cancelling: true });
  await request('jobs.cancel', { jobId: job.jobId }).catch(() => undefined);
}

/** The import request, followed with jobs.progress once it runs longer than PROGRESS_AFTER_MS. */
async function importWithProgress(text: string, format: FormatId | null): Promise<ImportReport> {
  const jobId = newJobId('import');
  const jobs = useJobs.getState();
  jobs.set({ jobId, label: 'Importing', progress: null, visible: false, cancelling: false });
  const stopFollowing = followJob(jobId, {
    onShow: () => useJobs.getState().patch(jobId, { visible: true }),
    onProgress: (progress) => useJobs.getState().patch(jobId, { progress }),
  });
  try {
    return await request('paste.import', format ? { text, jobId, format } : { text, jobId });
  } finally {
    stopFollowing();
    if (useJobs.getState().active?.jobId === jobId) useJobs.getState().set(null);
  }
}

/**
 * @param format the source the preview read the paste as when the user chose one (null: detect it)
 * @throws LecternError when the text cannot be imported or the import was cancelled (nothing was changed then).
 */
export async function runImport(text: string, format: FormatId | null = null): Promise<ImportReport> {
  const report = await importWithProgress(text, format);
  const ui = useUi.getState();
  ui.clearFilters();
  ui.selectAuthor(report.author?.id ?? null);
  // The first import ends on the new author's card, also when the pane is a drawer in a narrow window.
  ui.revealDetail();
  useNotices.getState().push(importNotice(report));
  return report;
}
