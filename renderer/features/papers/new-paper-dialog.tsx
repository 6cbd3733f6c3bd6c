/**
 * New paper: a form for a paper typed by hand. Pasting a DOI, an arXiv id or a doi.org / arxiv.org
 * address into the identifier box fills the identifier fields, the URL and the type
 * (shared/record/identifier-input.ts); Lectern stays offline, so the title, authors and the rest are
 * typed or pasted by the user. Create adds the paper (undoable), selects it and opens it.
 */
import { useRef, useState } from 'react';
import { readIdentifier } from '../../../shared/record/identifier-input';
import { request } from '../../api/client';
import { useUi } from '../../stores/ui-store';
import { isTextEntry } from '../import/use-paste-shortcut';
import { useModalDialog } from '../../ui/modal-dialog';
import { confirm, undo } from '../organise/curation-actions';
import { AuthorsEditor } from './authors-editor';
import { useEditing } from './edit-store';
import { authorInputs, emptyDraft, keywordList, TEXT_FIELDS } from './record-draft';
import { RecordFields } from './record-fields';
import { useRecordDraft } from './use-record-draft';
import { useRecordSubmit } from './use-record-submit';

function NewPaperForm({ onDone }: { onDone(): void }) {
  const form = useRef<HTMLFormElement>(null);
  const d = useRecordDraft(emptyDraft);
  const [identifier, setIdentifier] = useState('');
  const [identified, setIdentified] = useState<{ ok: boolean; text: string } | null>(null);
  const submit = useRecordSubmit(form, d);

  // What the box filled last time: a different identifier pasted after it replaces those values.
  const filled = useRef<Record<string, string>>({});
  const fill = (text: string) => {
    setIdentifier(text);
    if (!text.trim()) return setIdentified(null);
    const r = readIdentifier(text);
    if (!r.ok) return setIdentified({ ok: false, text: r.message });
    const f = r.fields;
    const arxiv = f.arxivId ? `${f.arxivId}${f.arxivVersion ? `v${f.arxivVersion}` : ''}` : undefined;
    const next: Record<string, string> = { ...(f.doi ? { doi: f.doi } : {}), ...(arxiv ? { arxivId: arxiv } : {}), ...(f.url ? { url: f.url } : {}) };
    const text2 = { ...d.draft.text };
    // Values the user has not changed since the box filled them are cleared first.
    for (const [k, v] of Object.entries(filled.current)) if (text2[k] === v) text2[k] = '';
    filled.current = next;
    d.replace({ ...d.draft, itemType: f.itemType, text: { ...text2, ...next } });
    setIdentified({ ok: true, text: r.kind === 'arxiv' ? `arXiv ${arxiv}: identifier, address and type (Preprint) filled. Type or paste the title and authors.` : `DOI ${f.doi}: identifier and address filled. Choose the type, then type or paste the title and authors.` });
  };

  const create = async () => {
    if (!submit.ready()) return;
    const fields: Record<string, unknown> = { itemType: d.draft.itemType, keywords: keywordList(d.draft.keywords) };
    for (const { field } of TEXT_FIELDS) if ((d.draft.text[field] ?? '').trim()) fields[field] = d.draft.text[field];
    await submit.send(async () => {
      const { id } = await request('papers.create', { fields: { ...fields, title: d.draft.text.title ?? '' }, authors: authorInputs(d.draft.authors) });
      onDone();
      useUi.getState().selectPaper(id);
      useUi.getState().openPaperDetail();
      confirm(`Added “${(d.draft.text.title ?? '').trim()}”.`, { label: 'Undo', run: () => void undo() });
    });
  };

  return (
    <form
      ref={form}
      className="paper-editor new-paper-form"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        void create();
      }}
      onPaste={(e) => {
        // A paste on a button of this form is an identifier for it, not a profile to import.
        if (isTextEntry(e.target)) return;
        e.preventDefault();
        e.stopPropagation();
        fill(e.clipboardData.getData('text/plain'));
        document.getElementById('new-paper-identifier')?.focus();
      }}
      onKeyDown={(e) => {
        if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
          e.preventDefault();
          void create();
        }
      }}
    >
      <div className="dialog-head">
        <h2 className="dialog-title" id="new-paper-title">
          New paper
        </h2>
      </div>
      <div className="new-paper-body">
        <div className="record-field record-field-wide identifier-box">
          <label className="field-label" htmlFor="new-paper-identifier">
            DOI, arXiv id or address
          </label>
          <input
            id="new-paper-identifier"
            className="input"
            value={identifier}
            placeholder="https://arxiv.org/abs/2401.01234v2 or 10.1145/3597503"
            aria-describedby="new-paper-identified"
            onChange={(e) => fill(e.target.value)}
          />
          <p id="new-paper-identified" className={identified && !identified.ok ? 'field-error' : 'field-hint'} role="status">
            {identified ? identified.text : 'Paste one to fill the identifiers and the type. Lectern works offline: nothing is looked up.'}
          </p>
        </div>
        {submit.error ? (
          <p className="dialog-error" role="alert">
            {submit.error}
          </p>
        ) : null}
        <RecordFields idPrefix="new" draft={d.draft} messages={d.messages} showAll={d.showAll} touched={d.touched} edited={[]} onText={d.onText} onType={d.onType} onKeywords={d.onKeywords} onBlur={d.onBlur} afterDate={<AuthorsEditor idPrefix="new" rows={d.draft.authors} edited={false} messages={d.messages} showAll={d.showAll} onChange={d.onAuthors} />} />
      </div>
      <div className="paper-editor-actions new-paper-actions">
        <button type="button" className="button" onClick={onDone} disabled={submit.busy}>
          Cancel
        </button>
        <button type="submit" className="button button-primary" disabled={submit.busy} title="Add the paper (Ctrl/Cmd+Enter)">
          Create
        </button>
      </div>
    </form>
  );
}

/** Mount once in the window; open with useEditing().openNewPaper() (the toolbar button, or N). */
export function NewPaperDialog() {
  const open = useEditing((s) => s.newPaperOpen);
  const close = useEditing((s) => s.closeNewPaper);
  const ref = useModalDialog(open, () => document.getElementById('new-paper-identifier')?.focus());
  return (
    <dialog ref={ref} className="dialog new-paper-dialog" aria-labelledby="new-paper-title" onCancel={close} onClose={() => open && close()}>
      {open ? <NewPaperForm onDone={close} /> : null}
    </dialog>
  );
}

/** Toolbar button; in narrow windows only its + shows (its name stays "New paper…"). */
export function NewPaperButton() {
  const openNewPaper = useEditing((s) => s.openNewPaper);
  return (
    <button type="button" className="button new-paper-button" aria-label="New paper…" onClick={openNewPaper} title="Add a paper by hand, from a DOI or an arXiv id if you have one (N)">
      <svg aria-hidden="true" viewBox="0 0 16 16" width="12" height="12">
        <path d="M8 3v10M3 8h10" stroke="currentColor" strokeWidth="1.6" strokeLinecap="round" />
      </svg>
      <span className="new-paper-label">New paper…</span>
    </button>
  );
}
