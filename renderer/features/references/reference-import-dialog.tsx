/**
 * Importing a reference file (chosen, dropped, or a BibTeX/RIS/CSL-JSON paste): the preview of what
 * it would do with every problem named by line, Import with progress and Cancel, then the report.
 */
import { useEffect, useState } from 'react';
import { LecternError } from '../../../shared/errors';
import { useJobs } from '../../stores/job-store';
import { describeError } from '../../stores/notice-store';
import { plural } from '../../ui/format';
import { useModalDialog } from '../../ui/modal-dialog';
import { CancelImportOrClose, ImportFootStatus } from '../import/import-foot';
import { copyText } from './clipboard';
import { DialogHead } from './dialog-head';
import { PreviewStatus } from './preview-status';
import { ReferencePreview } from './reference-preview';
import { ReferenceReport } from './reference-report';
import { referenceReportText } from './reference-report-text';
import { useReferences, type ImportSource } from './references-store';
import { runReferenceImport } from './run-reference-import';
import { useReferencePreview } from './use-reference-preview';

function PreviewStep({ source, onClose }: { source: ImportSource; onClose(): void }) {
  const { state, stop, retry } = useReferencePreview(source);
  const [importing, setImporting] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const job = useJobs((s) => s.active);
  const ready = state.status === 'ready' ? state.preview : null;
  const count = ready?.file.recordsRead ?? 0;

  const submit = async () => {
    setImporting(true);
    setError(null);
    try {
      const report = await runReferenceImport(source);
      useReferences.getState().showReport(report);
    } catch (err) {
      setError(err instanceof LecternError && err.code === 'CANCELLED' ? 'Import cancelled. Nothing was imported; the library is as it was.' : `${describeError(err)} Nothing was imported.`);
      setImporting(false);
    }
  };

  return (
    <>
      <div className="reference-body" aria-live="polite">
        <PreviewStatus
          state={state}
          stop={stop}
          retry={retry}
          progressLabel="Reading progress"
          reading={`Reading ${source.fileName}…`}
          stopped="Reading stopped"
          errorTitle={`Lectern could not read ${source.fileName}.`}
          errorNote={<p className="muted">Nothing will be imported. Lectern reads BibTeX, BibLaTeX, RIS and CSL-JSON files.</p>}
          errorTestId="reference-error"
        />
        {ready ? <ReferencePreview preview={ready} /> : null}
      </div>
      <footer className="dialog-foot">
        <ImportFootStatus importing={importing} job={job} error={error} />
        <div className="dialog-actions">
          <CancelImportOrClose importing={importing} job={job} onClose={onClose} />
          <button type="button" className="button button-primary" disabled={!ready || count === 0 || importing} onClick={() => void submit()}>
            {importing ? 'Importing…' : count > 0 ? `Import ${plural(count, 'reference')}` : 'Import'}
          </button>
        </div>
      </footer>
    </>
  );
}

/** Mount once in the window: open while the references store holds a file to import or a report. */
export function ReferenceImportDialog() {
  const source = useReferences((s) => s.source);
  const report = useReferences((s) => s.report);
  const close = useReferences((s) => s.closeImport);
  const open = source !== null || report !== null;
  const ref = useModalDialog(open, (dialog) => dialog.querySelector<HTMLElement>('.dialog-actions .button-primary, .dialog-actions .button')?.focus());
  // The preview's Import button goes with the preview: focus moves to the report's Close, not the page.
  useEffect(() => {
    if (report) ref.current?.querySelector<HTMLElement>('.dialog-actions .button-primary')?.focus();
  }, [report, ref]);
  const title = report ? `Imported ${report.file.fileName}` : source ? `Import ${source.fileName}` : 'Import a file';
  return (
    <dialog ref={ref} className="dialog reference-dialog" aria-labelledby="reference-import-title" onClose={close} onCancel={close}>
      {open ? <DialogHead id="reference-import-title" title={title} onClose={close} /> : null}
      {report ? (
        <>
          <div className="reference-body">
            <ReferenceReport report={report} />
          </div>
          <footer className="dialog-foot">
            <span />
            <div className="dialog-actions">
              <button type="button" className="button" onClick={() => void copyText(referenceReportText(report), 'the import report')}>
                Copy report
              </button>
              <button type="button" className="button button-primary" onClick={close}>
                Close
              </button>
            </div>
          </footer>
        </>
      ) : source ? (
        <PreviewStep key={source.fileName + String(source.content.kind)} source={source} onClose={close} />
      ) : null}
    </dialog>
  );
}
