/**
 * The small form that opens over a selected span of the abstract: pick a colour, write an optional
 * comment, Annotate (or Ctrl/Cmd+Enter); Escape or Cancel drops it. Positioned by its parent.
 */
import { useEffect, useRef, useState } from 'react';
import { DEFAULT_ANNOTATION_COLOUR } from './annotation-colours';
import { ColourPicker } from './colour-picker';
import { editorKeys } from '../../ui/editor-keys';
import { useFocusReturn, type FocusTarget } from '../../ui/focus-return';

export interface AnnotationPopoverProps {
  quote: string;
  /** Offset from the abstract's wrapper, px. */
  left: number;
  top: number;
  onSave(colour: string, comment: string): Promise<void>;
  onCancel(): void;
  /** Where focus goes when it closes (saved or dropped), when not back where it was. */
  focusAfter?: FocusTarget;
}

function clip(text: string, max: number): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > max ? `${flat.slice(0, max - 1).trimEnd()}…` : flat;
}

/** Colour and comment for a new annotation; `onSave` rejects with the library's message to keep it open. */
export function AnnotationPopover({ quote, left, top, onSave, onCancel, focusAfter }: AnnotationPopoverProps) {
  const [colour, setColour] = useState<string>(DEFAULT_ANNOTATION_COLOUR);
  const [comment, setComment] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const box = useRef<HTMLTextAreaElement>(null);
  const root = useRef<HTMLDivElement>(null);
  useFocusReturn(true, () => ({ prefer: focusAfter }));
  useEffect(() => box.current?.focus(), []);
  // A press anywhere else drops the popover (a new drag in the abstract then opens a new one).
  useEffect(() => {
    const onDown = (e: PointerEvent) => {
      if (root.current && !root.current.contains(e.target as Node)) onCancel();
    };
    document.addEventListener('pointerdown', onDown, true);
    return () => document.removeEventListener('pointerdown', onDown, true);
  }, [onCancel]);

  const save = () => {
    if (saving) return;
    setSaving(true);
    onSave(colour, comment).catch((err: unknown) => {
      setSaving(false);
      setError(err instanceof Error ? err.message : String(err));
    });
  };

  return (
    <div
      ref={root}
      className="annotation-popover"
      role="dialog"
      aria-label="Annotate the selected text"
      style={{ left, top }}
      onMouseUp={(e) => e.stopPropagation()}
      onKeyDown={editorKeys(save, onCancel)}
    >
      <p className="annotation-popover-quote">“{clip(quote, 80)}”</p>
      {/* A colour picked with the mouse sends the typing back to the comment (the keyboard keeps arrowing through colours). */}
      <div className="annotation-popover-colours" onClick={(e) => e.detail > 0 && box.current?.focus()}>
        <ColourPicker label="Highlight colour" value={colour} onChange={setColour} />
      </div>
      <textarea ref={box} className="input annotation-comment" aria-label="Comment (optional)" placeholder="Comment (optional)" rows={2} value={comment} onChange={(e) => setComment(e.target.value)} />
      {error ? (
        <p className="field-error" role="alert">
          {error}
        </p>
      ) : null}
      <div className="annotation-popover-actions">
        <button type="button" className="button button-primary" onClick={save} disabled={saving}>
          Annotate
        </button>
        <button type="button" className="button" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </div>
  );
}
