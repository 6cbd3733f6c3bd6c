/**
 * Edit mode of the detail pane: every field of the open paper and its author list, checked as typed;
 * Save (Ctrl/Cmd+Enter) sends what changed, Cancel (Escape) leaves it as it was. Fields edited by hand
 * are marked, and where a later import read a different value, the page's value shows beside the
 * field with Accept / Ignore. Every save is undoable (Ctrl/Cmd+Z, "Undo edit title").
 */
import { useEffect, useRef } from 'react';
import { PaperCitationKey } from '../references/citation-key-field';
import type { PaperRecord } from '../../../shared/contract/paper-edits';
import type { EditableField } from '../../../shared/record/editable-fields';
import { request } from '../../api/client';
import { useChannel } from '../../api/use-channel';
import { describeError } from '../../stores/notice-store';
import { editorKeys } from '../../ui/editor-keys';
import { confirm, undo } from '../organise/curation-actions';
import { AuthorsEditor } from './authors-editor';
import { useEditing } from './edit-store';
import { authorInputs, authorsChanged, changedFields, draftOf } from './record-draft';
import { RecordFields } from './record-fields';
import { useRecordDraft } from './use-record-draft';
import { useRecordSubmit } from './use-record-submit';

function EditorForm({ record }: { record: PaperRecord }) {
  const stopEdit = useEditing((s) => s.stopEdit);
  const form = useRef<HTMLFormElement>(null);
  const d = useRecordDraft(() => draftOf(record));
  const submit = useRecordSubmit(form, d);

  useEffect(() => {
    form.current?.querySelector<HTMLElement>('textarea, input')?.focus();
    // Another paper opened, or the pane closed: leaving is Cancel (nothing unsaved is written).
    return () => useEditing.getState().stopEdit();
  }, []);

  const done = () => {
    stopEdit();
    requestAnimationFrame(() => document.getElementById('paper-edit-button')?.focus());
  };

  const save = async () => {
    if (!submit.ready()) return;
    const fields = changedFields(d.draft, record);
    const authors = authorsChanged(d.draft, record);
    if (Object.keys(fields).length === 0 && !authors) return done();
    await submit.send(async () => {
      if (Object.keys(fields).length > 0) await request('papers.update', { id: record.id, fields });
      if (authors) await request('papers.setAuthors', { id: record.id, authors: authorInputs(d.draft.authors) });
      const state = await request('undo.state', {});
      done();
      confirm(`Saved${state.undo ? `: ${state.undo.toLowerCase()}` : ''}.`, { label: 'Undo', run: () => void undo() });
    });
  };

  const resolve = async (field: string, accept: boolean) => {
    try {
      const next = await request('papers.resolveSourceValue', { id: record.id, field: field as EditableField, accept });
      if (accept) {
        const fresh = draftOf(next);
        d.replace(field === 'authors' ? { ...d.draft, authors: fresh.authors } : field === 'itemType' ? { ...d.draft, itemType: fresh.itemType } : field === 'keywords' ? { ...d.draft, keywords: fresh.keywords } : { ...d.draft, text: { ...d.draft.text, [field]: fresh.text[field] ?? '' } });
      }
      // Accept and Ignore go away with the offer: focus moves to its field, not to the page, so the
      // form's keys (Escape, Ctrl/Cmd+Enter) still work.
      (form.current?.querySelector<HTMLElement>(`#edit-${CSS.escape(field)}`) ?? form.current?.querySelector<HTMLElement>('textarea, input'))?.focus();
    } catch (err) {
      submit.setError(describeError(err));
    }
  };

  const source = { values: record.sourceValues, onResolve: (f: string, a: boolean) => void resolve(f, a) };
  return (
    <form
      ref={form}
      className="paper-editor"
      aria-label="Edit the paper"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        void save();
      }}
      onKeyDown={(e) => {
        editorKeys(() => void save(), done)(e);
        // Keys pressed in the form stay in it: Backspace on "Remove author" must not trash the paper,
        // nor a letter on a button tag or rate it (the window's keys listen on the document).
        if (!e.ctrlKey && !e.metaKey && !e.altKey && (e.key.length === 1 || e.key === 'Delete' || e.key === 'Backspace')) e.stopPropagation();
      }}
    >
      <div className="paper-editor-head">
        <h2 className="section-title">Edit paper</h2>
        <p className="field-hint">Ctrl/Cmd+Enter saves, Escape cancels. Fields you change are marked “edited”: a re-import keeps your value.</p>
      </div>
      {submit.error ? (
        <p className="dialog-error" role="alert">
          {submit.error}
        </p>
      ) : null}
      <RecordFields idPrefix="edit" draft={d.draft} messages={d.messages} showAll={d.showAll} touched={d.touched} edited={record.editedFields} source={source} onText={d.onText} onType={d.onType} onKeywords={d.onKeywords} onBlur={d.onBlur} afterDate={<AuthorsEditor idPrefix="edit" rows={d.draft.authors} edited={record.editedFields.includes('authors')} messages={d.messages} showAll={d.showAll} source={source} onChange={d.onAuthors} />} />
      <PaperCitationKey paperId={record.id} />
      <div className="paper-editor-actions">
        <button type="button" className="button" onClick={done} disabled={submit.busy}>
          Cancel
        </button>
        <button type="submit" className="button button-primary" disabled={submit.busy}>
          Save
        </button>
      </div>
    </form>
  );
}

/** Edit mode for one paper (loads its full record first). */
export function PaperEditor({ paperId }: { paperId: number }) {
  const record = useChannel('papers.record', { id: paperId });
  if (record.error && !record.data) return <p className="pane-error">{record.error.message}</p>;
  if (!record.data || record.data.id !== paperId) return <p className="pane-hint" aria-busy="true">Loading the paper…</p>;
  return <EditorForm key={paperId} record={record.data} />;
}

/** How a field is named in a sentence ("another title", "another arXiv id"). */
const FIELD_WORDS: Partial<Record<string, string>> = {
  itemType: 'type', venue: 'venue', page: 'pages', number: 'number', publisherPlace: 'place of publication', event: 'event',
  url: 'URL', doi: 'DOI', arxivId: 'arXiv id', isbn: 'ISBN', issn: 'ISSN', pmid: 'PMID', pmcid: 'PMCID', authors: 'author list',
};
const fieldWord = (field: string) => FIELD_WORDS[field] ?? field;
const joinWithAnd = (words: string[]) => (words.length <= 1 ? words.join('') : `${words.slice(0, -1).join(', ')} and ${words[words.length - 1]}`);

/** The detail pane's Edit button (or E with a paper open), and a line when the page has newer values. */
export function PaperEditButton({ paperId }: { paperId: number }) {
  const startEdit = useEditing((s) => s.startEdit);
  const record = useChannel('papers.record', { id: paperId });
  const fields = record.data?.id === paperId ? Object.keys(record.data.sourceValues).map(fieldWord) : [];
  const newer = fields.length;
  return (
    <>
      <button type="button" id="paper-edit-button" className="button button-sm" onClick={() => startEdit(paperId)} title="Edit this paper's fields and authors (E)">
        Edit
      </button>
      {newer > 0 ? (
        <p className="source-value-hint" data-testid="source-value-hint">
          A later import read another {joinWithAnd(fields)} than you set by hand.{' '}
          <button type="button" className="link-button" onClick={() => startEdit(paperId)}>
            Review
          </button>
        </p>
      ) : null}
    </>
  );
}
