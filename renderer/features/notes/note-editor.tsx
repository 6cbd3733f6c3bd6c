/**
 * Writing a note: a Markdown textarea with a Write / Preview switch (the pane is too narrow for both
 * side by side). Ctrl/Cmd+Enter saves, Escape cancels. The library's refusal (a note over 1 MB) is
 * shown under the box and the text is kept, so nothing typed is lost.
 */
import { useEffect, useId, useRef, useState } from 'react';
import { MarkdownView } from './markdown-view';
import { editorKeys } from '../../ui/editor-keys';
import { useFocusReturn, type FocusTarget } from '../../ui/focus-return';

const SAVE_SHORTCUT = navigator.platform.startsWith('Mac') ? '⌘↩' : 'Ctrl+Enter';

export interface NoteEditorProps {
  initial: string;
  /** Label of the save button ("Add note", "Save"). */
  saveLabel: string;
  /** Resolves when saved; rejects with the library's error to keep the editor open with its message. */
  onSave(body: string): Promise<void>;
  onCancel(): void;
  /**
   * Where focus goes when the editor closes, when not back to the button that opened it (the saved
   * note's Edit button); waited for while the list refetches.
   */
  focusAfter?: FocusTarget;
}

/** Markdown textarea with Write/Preview; keeps the text and shows the refusal when saving fails. */
export function NoteEditor({ initial, saveLabel, onSave, onCancel, focusAfter }: NoteEditorProps) {
  const [body, setBody] = useState(initial);
  const [mode, setMode] = useState<'write' | 'preview'>('write');
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const area = useRef<HTMLTextAreaElement>(null);
  const id = useId();
  // Mounted only while editing: focus goes back when it closes (saved or cancelled).
  useFocusReturn(true, () => ({ prefer: focusAfter }));

  useEffect(() => {
    if (mode === 'write') area.current?.focus();
  }, [mode]);

  const save = () => {
    if (saving) return;
    setSaving(true);
    setError(null);
    onSave(body).then(
      () => setSaving(false),
      (err: unknown) => {
        setSaving(false);
        setError(err instanceof Error ? err.message : String(err));
      },
    );
  };

  return (
    <div
      className="note-editor"
      onKeyDown={editorKeys(save, onCancel)}
    >
      <div className="note-mode">
        <div className="segmented" role="group" aria-label="Editor view">
          <button type="button" className="segment" aria-pressed={mode === 'write'} onClick={() => setMode('write')}>
            Write
          </button>
          <button type="button" className="segment" aria-pressed={mode === 'preview'} onClick={() => setMode('preview')}>
            Preview
          </button>
        </div>
        <span className="note-hint muted" title="Markdown, with $…$ for inline math">
          Markdown · {SAVE_SHORTCUT} saves
        </span>
      </div>
      {mode === 'write' ? (
        <textarea
          ref={area}
          id={`${id}-text`}
          className="input note-textarea"
          aria-label="Note (Markdown)"
          aria-invalid={error !== null}
          aria-describedby={error ? `${id}-error` : undefined}
          value={body}
          rows={8}
          onChange={(e) => setBody(e.target.value)}
          placeholder="Write in Markdown: **bold**, *italic*, - lists, [links](https://…), $x^2$"
        />
      ) : (
        <MarkdownView source={body} className="note-preview" />
      )}
      {error ? (
        <p id={`${id}-error`} className="field-error" role="alert">
          {error}
        </p>
      ) : null}
      <div className="note-actions">
        <button type="button" className="button button-primary" onClick={save} disabled={saving || body.trim() === ''}>
          {saveLabel}
        </button>
        <button type="button" className="button" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </div>
  );
}
