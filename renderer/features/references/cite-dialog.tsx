/**
 * Copy citation (Ctrl/Cmd+Shift+C): the selected papers (or the open one) formatted in a CSL style as
 * bibliography entries or an in-text citation, previewed live, copied as plain text, rich text (HTML for
 * Word and Docs) or Markdown. The last style chosen is kept in the library (setting `cite.style`).
 */
import { useId, useState } from 'react';
import { request } from '../../api/client';
import { useChannel } from '../../api/use-channel';
import { describeError } from '../../stores/notice-store';
import { plural } from '../../ui/format';
import { useModalDialog } from '../../ui/modal-dialog';
import { safeCitationHtml } from './citation-html';
import { copyRich, copyText } from './clipboard';
import { DialogHead } from './dialog-head';
import { useReferences } from './references-store';
import { StyleSelect } from './style-select';

export const CITE_STYLE_KEY = 'cite.style';
type Mode = 'bibliography' | 'citation';

function CiteForm({ paperIds, onClose }: { paperIds: number[]; onClose(): void }) {
  const kept = useChannel('settings.get', { key: CITE_STYLE_KEY });
  const [chosen, setChosen] = useState<string | null>(null);
  const [mode, setMode] = useState<Mode>('bibliography');
  const [copyError, setCopyError] = useState<string | null>(null);
  const keptStyle = typeof kept.data?.value === 'string' ? kept.data.value : null;
  // Until the kept style has been read (or failed), nothing is formatted twice.
  const styleId = chosen ?? keptStyle ?? (kept.data || kept.error ? 'apa' : null);
  const preview = useChannel('cite.format', styleId ? { paperIds, styleId, mode, output: 'html' } : null);
  const modeName = useId();
  const what = mode === 'bibliography' ? (paperIds.length === 1 ? 'the bibliography entry' : 'the bibliography entries') : 'the citation';

  const choose = (id: string) => {
    setChosen(id);
    request('settings.set', { key: CITE_STYLE_KEY, value: id }).catch(() => undefined);
  };
  const copy = async (as: 'text' | 'html' | 'markdown') => {
    if (!styleId) return;
    setCopyError(null);
    try {
      if (as === 'html') {
        const [html, plain] = await Promise.all([
          request('cite.format', { paperIds, styleId, mode, output: 'html' }),
          request('cite.format', { paperIds, styleId, mode, output: 'text' }),
        ]);
        await copyRich(html.text, plain.text, what);
      } else {
        const out = await request('cite.format', { paperIds, styleId, mode, output: as });
        await copyText(out.text, `${what}${as === 'markdown' ? ' as Markdown' : ''}`);
      }
    } catch (err) {
      setCopyError(describeError(err));
    }
  };

  const shown = preview.data && preview.dataInput?.styleId === styleId && preview.dataInput?.mode === mode ? preview.data : null;
  return (
    <>
      <div className="cite-body">
        <div className="cite-options">
          <StyleSelect value={styleId ?? 'apa'} onChange={choose} canAdd />
          <fieldset className="cite-mode">
            <legend className="field-label">Cite as</legend>
            <label className="check-label">
              <input type="radio" name={modeName} checked={mode === 'bibliography'} onChange={() => setMode('bibliography')} /> Bibliography {paperIds.length === 1 ? 'entry' : 'entries'}
            </label>
            <label className="check-label">
              <input type="radio" name={modeName} checked={mode === 'citation'} onChange={() => setMode('citation')} /> In-text citation
            </label>
          </fieldset>
        </div>
        <section className="cite-preview-box" aria-label="Preview">
          <h3 className="section-title">Preview · {plural(paperIds.length, 'paper')}</h3>
          {preview.error ? (
            <p className="callout callout-error" role="alert" data-testid="cite-error">
              {describeError(preview.error)}
            </p>
          ) : null}
          {shown ? (
            <div className={`cite-preview${preview.loading ? ' is-stale' : ''}`} data-testid="cite-preview" dangerouslySetInnerHTML={{ __html: safeCitationHtml(shown.text) }} />
          ) : preview.error ? null : (
            <p className="pane-hint">Formatting…</p>
          )}
        </section>
      </div>
      <footer className="dialog-foot">
        {copyError ? (
          <p className="dialog-error" role="alert">
            {copyError}
          </p>
        ) : (
          <span />
        )}
        <div className="dialog-actions">
          <button type="button" className="button" onClick={onClose}>
            Close
          </button>
          <button type="button" className="button" disabled={!styleId} onClick={() => void copy('markdown')}>
            Copy as Markdown
          </button>
          <button type="button" className="button" disabled={!styleId} onClick={() => void copy('html')} title="HTML with italics for Word, Docs and mail, and plain text for everything else">
            Copy as rich text
          </button>
          <button type="button" className="button button-primary" disabled={!styleId} onClick={() => void copy('text')}>
            Copy as plain text
          </button>
        </div>
      </footer>
    </>
  );
}

/** Mount once in the window. */
export function CiteDialog() {
  const ids = useReferences((s) => s.citeIds);
  const close = useReferences((s) => s.closeCite);
  const ref = useModalDialog(ids !== null, (dialog) => dialog.querySelector<HTMLElement>('select')?.focus());
  return (
    <dialog ref={ref} className="dialog cite-dialog" aria-labelledby="cite-title" onClose={close} onCancel={close}>
      {ids ? (
        <>
          <DialogHead id="cite-title" title="Copy citation" onClose={close} />
          <CiteForm paperIds={ids} onClose={close} />
        </>
      ) : null}
    </dialog>
  );
}
