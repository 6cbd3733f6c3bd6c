/**
 * The Notes section of a paper: every note (oldest first) rendered, each with Edit and Delete, and an
 * "Add note" editor. Changes go to the library (notes.*, undoable there) and bump the library version
 * so the table's note counts and searches follow.
 */
import { useState } from 'react';
import type { Note } from '../../../shared/contract';
import { request } from '../../api/client';
import { useChannel } from '../../api/use-channel';
import { useNotices } from '../../stores/notice-store';
import { useUi } from '../../stores/ui-store';
import { formatDayTime } from '../../ui/format';
import { MarkdownView } from './markdown-view';
import { NoteEditor } from './note-editor';

/** Turn a library refusal into words for under the editor ("Invalid input ...: body: X" -> "X"). */
function refusal(err: unknown): Error {
  const message = err instanceof Error ? err.message : String(err);
  return new Error(message.replace(/^Invalid input for "[^"]+":\s*(body:\s*)?/, ''));
}

function NoteItem({ note, editing, onEdit, onDone }: { note: Note; editing: boolean; onEdit(): void; onDone(): void }) {
  const changed = useUi((s) => s.libraryChanged);
  if (editing) {
    return (
      <li className="note-item is-editing">
        <NoteEditor
          initial={note.body}
          saveLabel="Save"
          onCancel={onDone}
          onSave={async (body) => {
            try {
              await request('notes.update', { id: note.id, body });
            } catch (err) {
              throw refusal(err);
            }
            onDone();
            changed();
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
        <button type="button" className="link-button" onClick={onEdit}>
          Edit
        </button>
        <button
          type="button"
          className="link-button link-danger"
          onClick={() => {
            request('notes.delete', { id: note.id }).then(
              () => {
                changed();
                useNotices.getState().push({ kind: 'success', title: 'Note deleted.', detail: 'Undo (Ctrl+Z) brings it back.' });
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
export function NotesSection({ paperId }: { paperId: number }) {
  const notes = useChannel('notes.list', { paperId });
  const changed = useUi((s) => s.libraryChanged);
  // 'new': the add editor is open; a number: that note is being edited.
  const [editing, setEditing] = useState<number | 'new' | null>(null);
  const list = notes.data ?? [];

  return (
    <section className="detail-section notes-section" aria-labelledby="paper-notes-h">
      <div className="section-head">
        <h3 id="paper-notes-h" className="section-title">
          Notes{list.length > 0 ? ` (${list.length})` : ''}
        </h3>
        {editing !== 'new' ? (
          <button type="button" className="button button-quiet button-small" onClick={() => setEditing('new')}>
            Add note
          </button>
        ) : null}
      </div>
      {notes.error && !notes.data ? <p className="pane-error">The notes could not be read: {notes.error.message}</p> : null}
      {list.length === 0 && editing !== 'new' && notes.data ? <p className="muted">No notes yet. Notes are Markdown and are searched with the rest of the library.</p> : null}
      <ul className="note-list">
        {list.map((n) => (
          <NoteItem key={n.id} note={n} editing={editing === n.id} onEdit={() => setEditing(n.id)} onDone={() => setEditing(null)} />
        ))}
      </ul>
      {editing === 'new' ? (
        <NoteEditor
          initial=""
          saveLabel="Add note"
          onCancel={() => setEditing(null)}
          onSave={async (body) => {
            try {
              await request('notes.create', { paperId, body });
            } catch (err) {
              throw refusal(err);
            }
            setEditing(null);
            changed();
          }}
        />
      ) : null}
    </section>
  );
}
