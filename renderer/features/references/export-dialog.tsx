/**
 * Export (Ctrl/Cmd+Shift+E): which papers (the selection, the table's view, a collection, a tag, a
 * saved search, everything), the format (BibTeX, BibLaTeX, RIS, CSL-JSON, a Markdown or plain list in a
 * CSL style), then Save… (a download) or Copy; says how many papers went out and how many got a
 * citation key. Below: keeping a collection exported to a file.
 */
import { useId, useState } from 'react';
import { EXPORT_FORMATS, type ChannelOutput, type ExportFormat } from '../../../shared/contract';
import { request } from '../../api/client';
import { useChannel } from '../../api/use-channel';
import { describeError } from '../../stores/notice-store';
import { paperFilters, useUi } from '../../stores/ui-store';
import { clip, plural } from '../../ui/format';
import { useModalDialog } from '../../ui/modal-dialog';
import { copyText, saveTextFile } from './clipboard';
import { DialogHead } from './dialog-head';
import { FORMAT_LABELS, mimeOf, scopeFilters, takesAscii, takesStyle, type ExportScope } from './export-scope';
import { ExportScopePicker } from './export-scope-picker';
import { KeptExports } from './kept-exports';
import { useReferences } from './references-store';
import { StyleSelect } from './style-select';

type ExportResult = ChannelOutput<'references.export'>;

/** "12 papers exported as BibTeX; 3 citation keys assigned." */
export function exportedWords(result: Pick<ExportResult, 'count' | 'keysAssigned'>, format: ExportFormat, how: 'saved' | 'copied'): string {
  const keys = result.keysAssigned > 0 ? `; ${plural(result.keysAssigned, 'citation key')} assigned` : '';
  return `${plural(result.count, 'paper')} ${how} as ${FORMAT_LABELS[format].replace(/ \(.*\)$/, '')}${keys}.`;
}

/** Characters of the exported text shown in the dialog (Save and Copy give it all). */
const SHOWN_CHARS = 20_000;

function ExportForm({ onClose }: { onClose(): void }) {
  const selected = useUi((s) => s.selectedIds);
  const [scope, setScope] = useState<ExportScope>(selected.size > 0 ? { kind: 'selection' } : { kind: 'view' });
  const [format, setFormat] = useState<ExportFormat>('bibtex');
  const [ascii, setAscii] = useState(false);
  const [styleId, setStyleId] = useState('apa');
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<{ words: string; text: string } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const saved = useChannel('savedSearches.list', {});
  const collections = useChannel('collections.list', {});
  const formatId = useId();
  const filters = scopeFilters(scope, {
    selectedIds: [...selected],
    view: paperFilters(useUi.getState()),
    savedSearches: saved.data ?? [],
  });

  const run = async (how: 'saved' | 'copied') => {
    if (!filters) return;
    setBusy(true);
    setError(null);
    try {
      const result = await request('references.export', { filters, format, ascii: takesAscii(format) && ascii, styleId });
      if (result.count === 0) {
        setOutcome(null);
        setError('No papers to export: the chosen papers are none (or all in the trash).');
        return;
      }
      if (how === 'saved') saveTextFile(result.text, result.fileName, mimeOf(format));
      else await copyText(result.text, `${plural(result.count, 'reference')}`);
      setOutcome({ words: exportedWords(result, format, how), text: result.text });
    } catch (err) {
      setError(describeError(err));
    } finally {
      setBusy(false);
    }
  };

  const keptCollection = scope.kind === 'collection' && scope.id !== null ? (collections.data?.find((c) => c.id === scope.id) ?? null) : null;
  return (
    <>
      <div className="export-body">
        <div className="export-options">
          <ExportScopePicker
            scope={scope}
            selected={selected.size}
            onChange={(s) => {
              setScope(s);
              setOutcome(null);
            }}
          />
          <div className="export-format">
            <label htmlFor={formatId} className="field-label">
              Format
            </label>
            <select
              id={formatId}
              className="input"
              value={format}
              onChange={(e) => {
                setFormat(e.target.value as ExportFormat);
                setOutcome(null);
              }}
            >
              {EXPORT_FORMATS.map((f) => (
                <option key={f} value={f}>
                  {FORMAT_LABELS[f]}
                </option>
              ))}
            </select>
            {takesAscii(format) ? (
              <label className="check-label" title="Write é as {\'e}, ü as {\&quot;u}: for old LaTeX setups without UTF-8">
                <input type="checkbox" checked={ascii} onChange={(e) => setAscii(e.target.checked)} /> ASCII only (letters as LaTeX commands)
              </label>
            ) : null}
            {takesStyle(format) ? <StyleSelect value={styleId} onChange={setStyleId} label="Style of the list" /> : null}
          </div>
        </div>
        <div className="export-result" aria-live="polite">
          {error ? (
            <p className="callout callout-error" role="alert">
              {error}
            </p>
          ) : null}
          {outcome ? (
            <>
              <p className="export-outcome" role="status" data-testid="export-outcome">
                {outcome.words}
              </p>
              <pre className="export-text" tabIndex={0} aria-label="The exported text" data-testid="export-text">
                {clip(outcome.text, SHOWN_CHARS)}
              </pre>
            </>
          ) : (
            <p className="pane-hint">Save… downloads the file; Copy puts the text on the clipboard. Papers without a citation key get one from your pattern.</p>
          )}
        </div>
        <KeptExports collectionId={keptCollection?.id ?? null} collectionName={keptCollection?.name ?? null} />
      </div>
      <footer className="dialog-foot">
        <span className="muted">{filters ? null : 'Choose which papers to export.'}</span>
        <div className="dialog-actions">
          <button type="button" className="button" onClick={onClose}>
            Close
          </button>
          <button type="button" className="button" disabled={!filters || busy} onClick={() => void run('copied')}>
            Copy
          </button>
          <button type="button" className="button button-primary" disabled={!filters || busy} onClick={() => void run('saved')}>
            Save…
          </button>
        </div>
      </footer>
    </>
  );
}

/** Mount once in the window. */
export function ExportDialog() {
  const open = useReferences((s) => s.exportOpen);
  const close = useReferences((s) => s.closeExport);
  // Work starts at the scope: the checked radio button.
  const ref = useModalDialog(open, (dialog) => dialog.querySelector<HTMLElement>('input[type=radio]:checked')?.focus());
  return (
    <dialog ref={ref} className="dialog export-dialog" aria-labelledby="export-title" onClose={close} onCancel={close}>
      {open ? (
        <>
          <DialogHead id="export-title" title="Export references" onClose={close} />
          <ExportForm onClose={close} />
        </>
      ) : null}
    </dialog>
  );
}
