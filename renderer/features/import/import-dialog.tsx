/**
 * The paste box: a modal <dialog> (native focus trap, Escape closes) with the pasted text on the left
 * and, as it changes, what Lectern recognised on the right. Nothing is written until "Import".
 */
import { useId, useMemo, useState } from 'react';
import type { PastePreview as PastePreviewData } from '../../../shared/contract';
import { useUi } from '../../stores/ui-store';
import { describeError } from '../../stores/notice-store';
import { plural } from '../../ui/format';
import { PastePreview } from './paste-preview';
import { SourcePicker } from './source-picker';
import type { FormatId } from '../../../shared/paste/paste-format';
import { runImport } from './run-import';
import { useJobs } from '../../stores/job-store';
import { LecternError } from '../../../shared/errors';
import { formatCount } from '../../ui/format';
import { usePastePreview, type PreviewProgress } from './use-paste-preview';
import { useModalDialog } from '../../ui/modal-dialog';
import { ReferencePastePreview, referenceFormatOf, usePastedReferences, usePasteSource } from '../references/reference-paste';
import { runReferenceImport } from '../references/run-reference-import';
import { useReferences } from '../references/references-store';
import { CancelImportOrClose, ImportFootStatus } from './import-foot';

/**
 * The confirm button for a preview: what pressing it will do. A paste that would change nothing never
 * offers to "Import 18 papers": an identical copy of an earlier import is refused outright (nothing
 * would be stored), any other paste with nothing new may still be recorded as an import.
 */
export function confirmAction(preview: PastePreviewData): { label: string; enabled: boolean } {
  if (preview.alreadyImported) return { label: 'Already in your library', enabled: false };
  const hasContent = preview.paperCount > 0 || preview.author !== null;
  const changes = preview.wouldImport.added + preview.wouldImport.updated;
  if (changes === 0 && !preview.snapshotWouldBeAdded) return { label: 'Import again (nothing new)', enabled: hasContent };
  if (changes === 0) return { label: 'Record the new metrics', enabled: true };
  return { label: preview.paperCount > 0 ? `Import ${plural(preview.paperCount, 'paper')}` : 'Import profile', enabled: hasContent };
}

/** What the preview is doing: "Reading the paste…", then for a long paste "Reading the paste: 1,200 of 3,000 papers…". */
export function previewProgressText(progress: PreviewProgress | null): string {
  if (progress && progress.total > 0) return `Reading the paste: ${formatCount(progress.done)} of ${formatCount(progress.total)} papers…`;
  return `${progress?.phase ?? 'Reading the paste'}…`;
}

function ImportForm({ seed, onClose }: { seed: string; onClose: () => void }) {
  const [text, setText] = useState(seed);
  const [importing, setImporting] = useState(false);
  const [importError, setImportError] = useState<string | null>(null);
  // The source the user chose to read the paste as (null: detected); a new paste is detected afresh.
  const [format, setFormat] = useState<FormatId | null>(null);
  // A BibTeX, RIS or CSL-JSON paste is a reference file: previewed and imported by references.*.
  const refFormat = useMemo(() => referenceFormatOf(text), [text]);
  const refSource = usePasteSource(text, refFormat);
  const refs = usePastedReferences(refSource);
  const { state: preview, stop: stopPreview, retry: readAgain } = usePastePreview(refFormat ? '' : text, format);
  const job = useJobs((s) => s.active);
  const textareaId = useId();
  const hintId = useId();

  const ready = preview.status === 'ready' ? preview.preview : null;
  const refCount = refs.state.status === 'ready' ? refs.state.preview.file.recordsRead : 0;
  const action = refSource ? { label: refCount > 0 ? `Import ${plural(refCount, 'reference')}` : 'Import', enabled: refCount > 0 } : ready ? confirmAction(ready) : { label: 'Import', enabled: false };
  const canImport = action.enabled && !importing;
  const label = action.label;

  const submit = async () => {
    if (!canImport) return;
    setImporting(true);
    setImportError(null);
    try {
      if (refSource) {
        const report = await runReferenceImport(refSource);
        onClose();
        useReferences.getState().showReport(report);
      } else {
        await runImport(text, format);
        onClose();
      }
    } catch (err) {
      if (err instanceof LecternError && err.code === 'CANCELLED') setImportError('Import cancelled. Nothing was imported; the library is as it was.');
      else setImportError(`${describeError(err)} Nothing was imported.`);
      setImporting(false);
    }
  };

  return (
    <form
      className="import-form"
      method="dialog"
      onSubmit={(e) => {
        e.preventDefault();
        void submit();
      }}
    >
      <header className="dialog-head">
        <h2 id="import-title" className="dialog-title">
          {refFormat ? 'Import references' : 'Import a profile page'}
        </h2>
        <button type="button" className="icon-button" aria-label="Close" onClick={onClose}>
          <svg aria-hidden="true" viewBox="0 0 16 16" width="14" height="14">
            <path d="m4 4 8 8M12 4l-8 8" stroke="currentColor" strokeWidth="1.6" strokeLinecap="round" />
          </svg>
        </button>
      </header>

      <div className="import-body">
        <div className="import-input">
          <label htmlFor={textareaId} className="field-label">
            Pasted page
          </label>
          <p id={hintId} className="field-hint">
            Open the scholar's profile page, select all (Ctrl/Cmd+A), copy, and paste it here. BibTeX, RIS and CSL-JSON are read as references.
          </p>
          <textarea
            id={textareaId}
            className="input paste-area"
            aria-describedby={hintId}
            value={text}
            onChange={(e) => {
              setText(e.target.value);
              setFormat(null);
              setImportError(null);
            }}
            placeholder="Paste the profile page here"
            spellCheck={false}
          />
        </div>

        <div className="import-preview" aria-live="polite">
          {refFormat ? <ReferencePastePreview format={refFormat} {...refs} /> : null}
          {preview.status !== 'empty' && !refFormat ? (
            <SourcePicker
              chosen={format}
              disabled={importing}
              onChoose={(f) => {
                setFormat(f);
                setImportError(null);
              }}
            />
          ) : null}
          {preview.status === 'empty' && !refFormat ? (
            <p className="pane-hint">What Lectern recognises in the paste will show here before anything is imported.</p>
          ) : null}
          {preview.status === 'loading' ? (
            <>
              {/* Stop from the first moment: a pathological paste must never hold the dialog. */}
              <div className="import-progress" role="status" data-testid="preview-progress">
                {preview.progress && preview.progress.total > 0 ? (
                  <progress max={preview.progress.total} value={preview.progress.done} aria-label="Preview progress" />
                ) : (
                  <progress aria-label="Preview progress" />
                )}
                <span>{previewProgressText(preview.progress)}</span>
                <button type="button" className="button" onClick={stopPreview}>
                  Stop
                </button>
              </div>
              {preview.previous ? (
                <div className="is-stale">
                  <PastePreview preview={preview.previous} />
                </div>
              ) : null}
            </>
          ) : null}
          {preview.status === 'stopped' ? (
            <p className="pane-hint" role="status" data-testid="preview-stopped">
              Preview stopped; nothing was imported.{' '}
              <button type="button" className="link-button" onClick={readAgain}>
                Read it again
              </button>
            </p>
          ) : null}
          {preview.status === 'ready' ? <PastePreview preview={preview.preview} /> : null}
          {preview.status === 'error' ? (
            <div className="callout callout-error" role="alert" data-testid="paste-error">
              <strong>Lectern could not read this paste.</strong>
              <p>{preview.message}</p>
              <p className="muted">
                {format
                  ? 'Nothing will be imported. Choose another source above, or copy the whole page again (select all, then copy) and paste it here.'
                  : 'Nothing will be imported. Copy the whole profile page again (select all, then copy) and paste it here.'}
              </p>
            </div>
          ) : null}
        </div>
      </div>

      <footer className="dialog-foot">
        <ImportFootStatus importing={importing} job={job} error={importError} unit=" papers" />
        <div className="dialog-actions">
          <CancelImportOrClose importing={importing} job={job} onClose={onClose} />
          <button type="submit" className="button button-primary" disabled={!canImport}>
            {importing ? 'Importing…' : label}
          </button>
        </div>
      </footer>
    </form>
  );
}

export function ImportDialog() {
  const open = useUi((s) => s.importOpen);
  const seed = useUi((s) => s.importSeed);
  const closeImport = useUi((s) => s.closeImport);
  // showModal() focuses the first control (the close button); the paste box is where work starts. On
  // close, focus goes back on Import… (or where the paste was caught).
  const ref = useModalDialog(open, (dialog) => dialog.querySelector('textarea')?.focus());

  return (
    <dialog ref={ref} className="dialog import-dialog" aria-labelledby="import-title" onClose={closeImport} onCancel={closeImport}>
      {/* Mounted only while open, so every opening starts from its own seed. */}
      {open ? <ImportForm seed={seed} onClose={closeImport} /> : null}
    </dialog>
  );
}
