/**
 * Background work in the status bar: the running import with its percentage, and any slow read (facet
 * counts, metrics) that has run past 300 ms, each with an indeterminate progress bar and a Cancel
 * button. Reads only read, so cancelling one changes nothing in the library.
 */
import { cancelRead } from '../api/tracked-read';
import { useJobs } from '../stores/job-store';

export function BackgroundWork() {
  const job = useJobs((s) => s.active);
  const reads = useJobs((s) => s.reads);
  return (
    <>
      {job ? (
        <span className="status-job" data-testid="status-job">
          {job.label}
          {job.progress && job.progress.total > 0 ? ` ${Math.round((job.progress.done / job.progress.total) * 100)}%` : '…'}
        </span>
      ) : null}
      {reads.map((read) => (
        <span key={read.jobId} className="status-job status-read" data-testid="status-read" role="status">
          <progress aria-label={read.label} />
          <span>{read.cancelling ? 'Stopping…' : `${read.label}…`}</span>
          <button type="button" className="status-cancel" disabled={read.cancelling} onClick={() => void cancelRead(read.jobId)}>
            Cancel
          </button>
        </span>
      ))}
    </>
  );
}
