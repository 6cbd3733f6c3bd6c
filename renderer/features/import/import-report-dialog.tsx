/**
 * The kept report of one import (imports.report), opened from the sidebar's Imports list: what the
 * import added, updated and left unchanged, the lines it skipped, the fields the generic parser
 * guessed, a record cut off at the end, its warnings and how the source was read, with Copy.
 */
import { create } from 'zustand';
import type { ImportReportView } from '../../../shared/contract';
import { useChannel } from '../../api/use-channel';
import { describeError, useNotices } from '../../stores/notice-store';
import { formatCount, formatDayTime, sourceName } from '../../ui/format';
import { useModalDialog } from '../../ui/modal-dialog';
import { TexText } from '../../ui/tex-text';
import { detectionWords } from './detection-words';
import { importReportText } from './import-report-text';

/** Which import's report is open (null: none). */
export const useImportReport = create<{ id: number | null; show(id: number): void; hide(): void }>()((set) => ({
  id: null,
  show: (id) => set({ id }),
  hide: () => set({ id: null }),
}));

/** Papers listed in full up to this many per list; the rest are counted (Copy gives them all). */
const LIST_LIMIT = 200;

function PaperList({ title, papers }: { title: string; papers: ImportReportView['papers']['added'] }) {
  if (papers.length === 0) return null;
  return (
    <details className="report-section" open={papers.length <= 20} data-testid={`report-${title.toLowerCase()}`}>
      <summary>
        {title} <span className="muted">({formatCount(papers.length)})</span>
      </summary>
      <ol className="report-papers">
        {papers.slice(0, LIST_LIMIT).map((p) => (
          <li key={p.id}>
            <TexText text={p.title} />
          </li>
        ))}
        {papers.length > LIST_LIMIT ? <li className="muted">and {formatCount(papers.length - LIST_LIMIT)} more (Copy gives them all)</li> : null}
      </ol>
    </details>
  );
}

function ReportBody({ report }: { report: ImportReportView }) {
  const { papers } = report;
  return (
    <div className="report-body" data-testid="import-report">
      <p className="preview-source">
        {report.detection ? (
          <>
            Source: <strong>{detectionWords(report.detection)}</strong>
          </>
        ) : (
          <>
            Source: <strong>{sourceName(report.format)}</strong>
          </>
        )}
        {report.author ? ` · profile of ${report.author.name}` : ' · no author card'}
      </p>
      <ul className="would-import" aria-label="What the import did">
        <li>
          <strong>{formatCount(papers.added.length)}</strong> added
        </li>
        <li>
          <strong>{formatCount(papers.updated.length)}</strong> updated
        </li>
        <li>
          <strong>{formatCount(papers.unchanged.length)}</strong> unchanged
        </li>
        <li>
          <strong>{formatCount(report.skipped.length)}</strong> lines skipped
        </li>
      </ul>
      {report.complete ? null : (
        <p className="callout callout-info" role="note">
          This import was made before Lectern kept whole reports: its papers are listed as the library has them now, and what was guessed is not known.
        </p>
      )}
      {report.incompleteTail ? (
        <div className="callout callout-warning" role="note">
          <strong>The paste ended in the middle of a paper</strong> (line {report.incompleteTail.line}; its {report.incompleteTail.missing} were missing); it was left out.
          <div className="callout-quote">“{report.incompleteTail.text}”</div>
        </div>
      ) : null}
      {report.warnings.length > 0 ? (
        <ul className="callout callout-warning warnings">
          {report.warnings.map((w, i) => (
            <li key={i}>{w}</li>
          ))}
        </ul>
      ) : null}
      <PaperList title="Added" papers={papers.added} />
      <PaperList title="Updated" papers={papers.updated} />
      <PaperList title="Unchanged" papers={papers.unchanged} />
      {report.skipped.length > 0 ? (
        <details className="report-section" open data-testid="report-skipped">
          <summary>
            Skipped lines <span className="muted">({formatCount(report.skipped.length)})</span>
          </summary>
          <ul className="skipped-lines">
            {report.skipped.slice(0, LIST_LIMIT).map((s) => (
              <li key={s.line}>
                <span className="muted">Line {s.line}:</span> {s.reason} <span className="callout-quote">“{s.text}”</span>
              </li>
            ))}
          </ul>
        </details>
      ) : null}
      {report.guessed.length > 0 ? (
        <details className="report-section" open data-testid="report-guessed">
          <summary>
            Guessed fields <span className="muted">({formatCount(report.guessed.length)} papers)</span>
          </summary>
          <ul className="report-papers">
            {report.guessed.slice(0, LIST_LIMIT).map((g, i) => (
              <li key={g.id ?? i}>
                <TexText text={g.title} /> <span className="muted">— {g.fields.join(', ')}</span>
              </li>
            ))}
          </ul>
        </details>
      ) : null}
    </div>
  );
}

function ReportContent({ id, onClose }: { id: number; onClose(): void }) {
  const report = useChannel('imports.report', { id });
  const data = report.data && report.data.importId === id ? report.data : null;
  const copy = async () => {
    if (!data) return;
    try {
      await navigator.clipboard.writeText(importReportText(data));
      useNotices.getState().push({ kind: 'success', title: 'Copied the import report.' });
    } catch (err) {
      useNotices.getState().push({ kind: 'error', title: 'The report could not be copied.', detail: describeError(err) });
    }
  };
  return (
    <>
      <header className="dialog-head">
        <h2 id="import-report-title" className="dialog-title">
          Import report{data ? ` · ${formatDayTime(data.createdAt, true)}` : ''}
        </h2>
        <button type="button" className="icon-button" aria-label="Close" onClick={onClose}>
          <svg aria-hidden="true" viewBox="0 0 16 16" width="14" height="14">
            <path d="m4 4 8 8M12 4l-8 8" stroke="currentColor" strokeWidth="1.6" strokeLinecap="round" />
          </svg>
        </button>
      </header>
      {report.error ? (
        <div className="callout callout-error" role="alert">
          <strong>The report could not be read.</strong>
          <p>{describeError(report.error)}</p>
        </div>
      ) : data ? (
        <ReportBody report={data} />
      ) : (
        <p className="pane-hint">Reading the report…</p>
      )}
      <footer className="dialog-foot">
        <span />
        <div className="dialog-actions">
          <button type="button" className="button" disabled={!data} onClick={() => void copy()}>
            Copy
          </button>
          <button type="button" className="button button-primary" onClick={onClose}>
            Close
          </button>
        </div>
      </footer>
    </>
  );
}

/** Mount once in the window. */
export function ImportReportDialog() {
  const id = useImportReport((s) => s.id);
  const hide = useImportReport((s) => s.hide);
  // showModal puts focus on the dialog's first control (Copy once the report is read); Close gives it back.
  const ref = useModalDialog(id !== null, () => {});
  return (
    <dialog ref={ref} className="dialog import-report-dialog" aria-labelledby="import-report-title" onClose={hide} onCancel={hide}>
      {id !== null ? <ReportContent id={id} onClose={hide} /> : null}
    </dialog>
  );
}
