/** Import a reference file (or a BibTeX/RIS/CSL-JSON paste) with progress, then show the whole library. */
import type { ReferenceImportReport } from '../../../shared/contract';
import { request } from '../../api/client';
import { followJob, newJobId } from '../../api/job-progress';
import { useJobs } from '../../stores/job-store';
import { useUi } from '../../stores/ui-store';
import type { ImportSource } from './references-store';

/**
 * Run references.import under a job the status bar and the dialog follow (jobs.progress past 300 ms;
 * the paste import's cancelImport() stops it). On success the table shows the whole library, where the
 * new papers are.
 * @throws LecternError as the channel does (CANCELLED when stopped: nothing was imported)
 */
export async function runReferenceImport(source: ImportSource): Promise<ReferenceImportReport> {
  const jobId = newJobId('refimport');
  useJobs.getState().set({ jobId, label: 'Importing', progress: null, visible: false, cancelling: false });
  const stopFollowing = followJob(jobId, {
    onShow: () => useJobs.getState().patch(jobId, { visible: true }),
    onProgress: (progress) => useJobs.getState().patch(jobId, { progress }),
  });
  try {
    const report = await request('references.import', { ...source, format: null, jobId });
    const ui = useUi.getState();
    ui.clearFilters();
    ui.selectAuthor(null);
    return report;
  } finally {
    stopFollowing();
    if (useJobs.getState().active?.jobId === jobId) useJobs.getState().set(null);
  }
}
