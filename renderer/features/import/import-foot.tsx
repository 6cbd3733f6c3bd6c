/**
 * The foot of an import dialog while it imports: the job's progress (or the import's error), and
 * Cancel import in place of Cancel while the job runs. Shared by the paste import and the reference
 * file import.
 */
import type { ActiveJob } from '../../stores/job-store';
import { formatCount } from '../../ui/format';
import { cancelImport } from './run-import';

/** Progress while importing, else the error, else an empty cell (the foot keeps its layout). */
export function ImportFootStatus({ importing, job, error, unit = '' }: { importing: boolean; job: ActiveJob | null; error: string | null; /** ` papers` after the counts, or nothing. */ unit?: string }) {
  if (importing && job?.visible) {
    const counted = job.progress !== null && job.progress.total > 0 ? job.progress : null;
    return (
      <div className="import-progress" role="status" aria-live="polite">
        {counted ? <progress max={counted.total} value={counted.done} aria-label="Import progress" /> : <progress aria-label="Import progress" />}
        <span data-testid="import-progress-text">
          {job.cancelling ? 'Cancelling…' : counted ? `Importing ${formatCount(counted.done)} of ${formatCount(counted.total)}${unit}…` : `${job.progress?.phase ?? 'Importing'}…`}
        </span>
      </div>
    );
  }
  if (error) {
    return (
      <p className="dialog-error" role="alert">
        {error}
      </p>
    );
  }
  return <span />;
}

/** Cancel import while the job runs (and can be seen), else Cancel (closing the dialog). */
export function CancelImportOrClose({ importing, job, onClose }: { importing: boolean; job: ActiveJob | null; onClose(): void }) {
  return importing && job?.visible ? (
    <button type="button" className="button" disabled={job.cancelling} onClick={() => void cancelImport()}>
      Cancel import
    </button>
  ) : (
    <button type="button" className="button" onClick={onClose} disabled={importing}>
      Cancel
    </button>
  );
}
