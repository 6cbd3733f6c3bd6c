/**
 * One small modal dialog for every "name it" and "are you sure" question of the organise features
 * (new tag, rename, colour, merge target, move collection, save search, empty trash). The caller's
 * `submit` asks the library and returns its message when the answer is no, so the dialog shows the
 * library's own words (empty name, name too long, a collection inside itself) beside the field and
 * stays open for a correction.
 */
import { useEffect, useId, useRef, useState } from 'react';
import { create } from 'zustand';
import { describeError } from '../../stores/notice-store';
import { TagDot } from './tag-chip';
import { useFocusReturn, type FocusTarget } from '../../ui/focus-return';

export interface PromptValues {
  text: string;
  colour: string | null;
  choice: string;
}

export interface PromptConfig {
  title: string;
  /** A sentence under the title (what will happen). */
  message?: string;
  /** The text field's label; none: a confirmation without a field. */
  label?: string;
  initial?: string;
  /** Show a colour picker starting at this colour (null: no colour yet). */
  colour?: string | null;
  /** A select (merge target, new parent). */
  choices?: { label: string; options: { value: string; label: string }[]; initial: string };
  submitLabel: string;
  danger?: boolean;
  /**
   * Where focus goes after a successful submit when not back to the control that opened the dialog
   * (the renamed entry, drawn anew under its new name); waited for while the list refetches.
   */
  focusAfterSubmit?: FocusTarget;
  /** Do the change; throw (a LecternError) to show its message and keep the dialog open. */
  submit(values: PromptValues): Promise<void>;
}

/** The open prompt (one at a time). */
export const usePrompt = create<{ config: PromptConfig | null; open(config: PromptConfig): void; close(): void }>()((set) => ({
  config: null,
  open: (config) => set({ config }),
  close: () => set({ config: null }),
}));

/** Tag colours offered (mid tones: readable as a dot and as a tint in both themes). */
const COLOUR_NAMES: Record<string, string> = {
  '#4f8cc9': 'Blue',
  '#3fa37a': 'Green',
  '#d4a72c': 'Yellow',
  '#e07b39': 'Orange',
  '#d0505a': 'Red',
  '#b05fc4': 'Purple',
  '#3ea8b8': 'Teal',
  '#8a8f98': 'Grey',
};
const TAG_COLOURS = Object.keys(COLOUR_NAMES);

function PromptForm({ config, onDone }: { config: PromptConfig; onDone: (submitted: boolean) => void }) {
  const [text, setText] = useState(config.initial ?? '');
  const [colour, setColour] = useState<string | null>(config.colour === undefined ? null : config.colour);
  const [choice, setChoice] = useState(config.choices?.initial ?? '');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const ids = useId();

  const onSubmit = async (e: React.FormEvent) => {
    e.preventDefault();
    setBusy(true);
    try {
      await config.submit({ text, colour, choice });
      onDone(true);
    } catch (err) {
      setError(describeError(err));
      setBusy(false);
    }
  };

  return (
    <form className="prompt-form" onSubmit={(e) => void onSubmit(e)} noValidate>
      <h2 id={`${ids}-title`} className="dialog-title">
        {config.title}
      </h2>
      {config.message ? <p className="prompt-message">{config.message}</p> : null}
      {config.label !== undefined ? (
        <label className="prompt-field">
          <span className="field-label">{config.label}</span>
          <input
            className="input"
            value={text}
            autoFocus
            aria-invalid={error !== null}
            aria-describedby={error ? `${ids}-error` : undefined}
            onChange={(e) => {
              setText(e.target.value);
              setError(null);
            }}
          />
        </label>
      ) : null}
      {config.choices ? (
        <label className="prompt-field">
          <span className="field-label">{config.choices.label}</span>
          <select className="input" value={choice} autoFocus={config.label === undefined} onChange={(e) => setChoice(e.target.value)}>
            {config.choices.options.map((o) => (
              <option key={o.value} value={o.value}>
                {o.label}
              </option>
            ))}
          </select>
        </label>
      ) : null}
      {config.colour !== undefined ? (
        <div className="prompt-field" role="radiogroup" aria-label="Colour">
          <span className="field-label" aria-hidden="true">
            Colour
          </span>
          <div className="colour-swatches">
            {[null, ...TAG_COLOURS].map((c) => (
              <button key={c ?? 'none'} type="button" role="radio" aria-checked={colour === c} aria-label={c === null ? 'No colour' : (COLOUR_NAMES[c] ?? c)} title={c === null ? 'No colour' : COLOUR_NAMES[c]} className="colour-swatch" onClick={() => setColour(c)}>
                <TagDot colour={c} />
              </button>
            ))}
          </div>
        </div>
      ) : null}
      {error ? (
        <p className="dialog-error" role="alert" id={`${ids}-error`}>
          {error}
        </p>
      ) : null}
      <div className="prompt-actions">
        <button type="button" className="button" onClick={() => onDone(false)} disabled={busy}>
          Cancel
        </button>
        <button type="submit" className={`button ${config.danger ? 'button-danger' : 'button-primary'}`} disabled={busy} autoFocus={config.label === undefined && !config.choices}>
          {config.submitLabel}
        </button>
      </div>
    </form>
  );
}

/** Mount once in the window; opens whenever usePrompt has a config. */
export function PromptDialog() {
  const config = usePrompt((s) => s.config);
  const close = usePrompt((s) => s.close);
  const ref = useRef<HTMLDialogElement>(null);
  // What the last dialog asked for after its submit (read when focus goes back, once it has closed).
  const after = useRef<FocusTarget | undefined>(undefined);

  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (config && !dialog.open) dialog.showModal();
    else if (!config && dialog.open) dialog.close();
  }, [config]);
  // Declared after the effect above, so the dialog is closed before focus goes back (to the table row,
  // the sidebar entry, or the control the submit asked for).
  useFocusReturn(config !== null, () => ({ prefer: after.current }));

  const done = (submitted: boolean) => {
    after.current = submitted ? config?.focusAfterSubmit : undefined;
    close();
  };

  return (
    <dialog
      ref={ref}
      className="dialog prompt-dialog"
      aria-label={config?.title}
      onCancel={() => done(false)}
      onClose={() => {
        // Closed by the browser (not by the effect above, which runs once config is null).
        if (config) done(false);
      }}
    >
      {config ? <PromptForm key={config.title + (config.initial ?? '')} config={config} onDone={done} /> : null}
    </dialog>
  );
}
