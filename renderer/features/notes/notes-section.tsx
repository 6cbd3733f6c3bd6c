/**
 * The Notes section of a paper: every note (oldest first) rendered, each with Edit and Delete, and an
 * "Add note" editor. Changes go to the library (notes.*, undoable there) and bump the library version
 * so the table's note counts and searches follow.
 */
import { useRef, useState } from 'react';
import type { Note } from '../../../shared/contract';
import { request } from '../../api/client';
import { useChannel } from '../../api/use-channel';
import { useNotices } from '../../stores/notice-store';
import { formatDayTime } from '../../ui/format';
import { MarkdownView } from './markdown-view';
import { NoteEditor } from './note-editor';
import { attrSelector } from '../../ui/focus-return';
import { quoted } from '../organise/acted-on';
import { confirm, undo } from '../organise/curation-actions';

/** Turn a library refusal into words for under the editor ("Invalid input ...: body: X" -> "X"). */
function refusal(err: unknown): Error {
  const message = err instanceof Error ? err.message : String(err);
  return new Error(message.replace(/^Invalid input for "[^"]+":\s*(body:\s*)?/, ''));
}

/** The Edit button of a note (focus goes there after saving it), by the note's id. */
function editButton(noteId: number): string {
  return attrSelector('button', 'data-focus-key', `note-edit-${noteId}`);
}

function NoteItem({ note, paperTitle, editing, onEdit, onDone }: { note: Note; paperTitle: string; editing: boolean; onEdit(): void; onDone(): void }) {
  if (editing) {
    return (
      <li className="note-item is-editing">
        <NoteEditor
          initial={note.body}
          saveLabel="Save"
          focusAfter={editButton(note.id)}
          onCancel={onDone}
          onSave={async (body) => {
            try {
              await request('notes.update', { id: note.id, body });
            } catch (err) {
              throw refusal(err);
            }
            onDone();
          }}
        />
      </li>
    );
  }
  return (
    <li className="note-item" data-testid="note">
      <MarkdownView source={note.body} />
      <div className="note-footer">
        <span className="muted">{note.updatedAt === note.createdAt ? `Written ${formatDayTime(note.createdAt)}` : `Edited ${formatDayTime(note.updatedAt)}`}</span>
        <button type="button" className="link-button" data-focus-key={`note-edit-${note.id}`} onClick={onEdit}>
          Edit
        </button>
        <button
          type="button"
          className="link-button link-danger"
          onClick={() => {
            request('notes.delete', { id: note.id }).then(
              () => {
                confirm(`Deleted the note ${quoted(note.body.replace(/[*_`#>[\]]/g, ''))} from ${quoted(paperTitle)}.`, { label: 'Undo', run: () => void undo() });
              },
              (err: unknown) => useNotices.getState().push({ kind: 'error', title: 'The note could not be deleted.', detail: refusal(err).message }),
            );
          }}
        >
          Delete
        </button>
      </div>
    </li>
  );
}

/** The Notes section of the paper in the detail pane. */
export function NotesSection({ paperId, paperTitle }: { paperId: number; paperTitle: string }) {
  const notes = useChannel('notes.list', { paperId });
  // 'new': the add editor is open; a number: that note is being edited.
  const [editing, setEditing] = useState<number | 'new' | null>(null);
  // The note just added: focus goes to its Edit button once the list shows it.
  const added = useRef<number | null>(null);
  const list = notes.data ?? [];

  return (
    <section className="detail-section notes-section" aria-labelledby="paper-notes-h">
      <div className="section-head">
        <h3 id="paper-notes-h" className="section-title">
          Notes{list.length > 0 ? ` (${list.length})` : ''}
        </h3>
        {editing !== 'new' ? (
          <button
            type="button"
            className="button button-quiet button-small"
            data-focus-key={`note-add-${paperId}`}
            onClick={() => {
              added.current = null;
              setEditing('new');
            }}
          >
            Add note
          </button>
        ) : null}
      </div>
      {notes.error && !notes.data ? <p className="pane-error">The notes could not be read: {notes.error.message}</p> : null}
      {list.length === 0 && editing !== 'new' && notes.data ? <p className="muted">No notes yet. Notes are Markdown and are searched with the rest of the library.</p> : null}
      <ul className="note-list">
        {list.map((n) => (
          <NoteItem key={n.id} note={n} paperTitle={paperTitle} editing={editing === n.id} onEdit={() => setEditing(n.id)} onDone={() => setEditing(null)} />
        ))}
      </ul>
      {editing === 'new' ? (
        <NoteEditor
          initial=""
          saveLabel="Add note"
          focusAfter={() => (added.current === null ? null : document.querySelector(editButton(added.current)))}
          onCancel={() => setEditing(null)}
          onSave={async (body) => {
            try {
              added.current = (await request('notes.create', { paperId, body })).id;
            } catch (err) {
              throw refusal(err);
            }
            setEditing(null);
          }}
        />
      ) : null}
    </section>
  );
}
