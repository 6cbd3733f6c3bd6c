/**
 * The paper's annotations under the abstract, in text order: the quote (click: scroll to it in the
 * abstract and flash it), the comment, Edit (colour and comment) and Delete. Annotations whose quote is
 * no longer in the abstract (after a re-import rewrote it) are listed as detached, with their quote.
 */
import { useState } from 'react';
import type { Annotation } from '../../../shared/contract';
import { request } from '../../api/client';
import { useNotices } from '../../stores/notice-store';
import { colourName } from './annotation-colours';
import { ColourPicker } from './colour-picker';
import { TexText } from '../../ui/tex-text';
import { editorKeys } from '../../ui/editor-keys';
import { attrSelector, useFocusReturn } from '../../ui/focus-return';
import { quoted } from '../organise/acted-on';
import { confirm, undo } from '../organise/curation-actions';

const FLASH_MS = 1600;

/** Scroll the annotation's highlight into view and flash it. */
export function flashAnnotation(id: number): void {
  const marks = [...document.querySelectorAll<HTMLElement>(`mark[data-annotation-id="${id}"]`)];
  marks[0]?.scrollIntoView({ block: 'center', behavior: 'smooth' });
  for (const m of marks) {
    m.classList.remove('is-flashing');
    void m.offsetWidth; // restart the animation when clicked twice
    m.classList.add('is-flashing');
  }
  setTimeout(() => marks.forEach((m) => m.classList.remove('is-flashing')), FLASH_MS);
}

function AnnotationEditor({ annotation, onDone }: { annotation: Annotation; onDone(): void }) {
  // Mounted only while editing: focus goes back to this annotation's Edit button, drawn again.
  useFocusReturn(true, { prefer: attrSelector('button', 'data-focus-key', `annotation-edit-${annotation.id}`) });
  const [colour, setColour] = useState(annotation.colour);
  const [comment, setComment] = useState(annotation.comment);
  const [error, setError] = useState<string | null>(null);
  const save = () =>
    request('annotations.update', { id: annotation.id, colour, comment }).then(
      () => {
        onDone();
      },
      (err: unknown) => setError(err instanceof Error ? err.message : String(err)),
    );
  return (
    <div
      className="annotation-edit"
      onKeyDown={editorKeys(() => void save(), onDone)}
    >
      <ColourPicker label="Highlight colour" value={colour} onChange={setColour} />
      <textarea className="input annotation-comment" aria-label="Comment" rows={2} value={comment} onChange={(e) => setComment(e.target.value)} autoFocus />
      {error ? (
        <p className="field-error" role="alert">
          {error}
        </p>
      ) : null}
      <div className="annotation-popover-actions">
        <button type="button" className="button button-primary" onClick={() => void save()}>
          Save
        </button>
        <button type="button" className="button" onClick={onDone}>
          Cancel
        </button>
      </div>
    </div>
  );
}

function AnnotationItem({ annotation: a }: { annotation: Annotation }) {
  const [editing, setEditing] = useState(false);
  const detached = a.anchor === null;
  return (
    <li className={detached ? 'annotation-item is-detached' : 'annotation-item'} data-testid="annotation" style={{ '--mark-colour': a.colour } as React.CSSProperties}>
      {detached ? (
        <p className="annotation-quote">
          <span className="annotation-detached">No longer in the abstract</span> “<TexText text={a.quote} />”
        </p>
      ) : (
        <button type="button" className="annotation-quote annotation-jump" onClick={() => flashAnnotation(a.id)} title="Show it in the abstract">
          “<TexText text={a.quote} />”
        </button>
      )}
      {editing ? (
        <AnnotationEditor annotation={a} onDone={() => setEditing(false)} />
      ) : (
        <>
          {a.comment.trim() ? <p className="annotation-text">{a.comment}</p> : null}
          <div className="note-footer">
            <span className="muted">{colourName(a.colour)}</span>
            <button type="button" className="link-button" data-focus-key={`annotation-edit-${a.id}`} onClick={() => setEditing(true)} aria-label={`Edit the annotation “${a.quote.slice(0, 40)}”`}>
              Edit
            </button>
            <button
              type="button"
              className="link-button link-danger"
              aria-label={`Delete the annotation “${a.quote.slice(0, 40)}”`}
              onClick={() =>
                request('annotations.delete', { id: a.id }).then(
                  () => {
                    confirm(`Deleted the annotation ${quoted(a.quote)}.`, { label: 'Undo', run: () => void undo() });
                  },
                  (err: unknown) => useNotices.getState().push({ kind: 'error', title: 'The annotation could not be deleted.', detail: err instanceof Error ? err.message : String(err) }),
                )
              }
            >
              Delete
            </button>
          </div>
        </>
      )}
    </li>
  );
}

/** The Annotations section: every annotation of the paper, detached ones flagged. */
export function AnnotationList({ annotations }: { annotations: readonly Annotation[] }) {
  const detached = annotations.filter((a) => a.anchor === null).length;
  return (
    <section className="detail-section" aria-labelledby="paper-annotations-h">
      <h3 id="paper-annotations-h" className="section-title">
        Annotations{annotations.length > 0 ? ` (${annotations.length})` : ''}
      </h3>
      {annotations.length === 0 ? (
        <p className="muted">Select words in the abstract to highlight them and add a comment.</p>
      ) : (
        <ul className="annotation-list">
          {annotations.map((a) => (
            <AnnotationItem key={a.id} annotation={a} />
          ))}
        </ul>
      )}
      {detached > 0 ? <p className="muted annotation-detached-note">A re-import changed the abstract: {detached === 1 ? 'one annotation’s quote is' : `${detached} annotations’ quotes are`} no longer in it. They are kept with their quotes.</p> : null}
    </section>
  );
}
