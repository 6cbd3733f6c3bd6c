/**
 * Settings (Ctrl/Cmd+,): the citation key pattern (citationKeys.pattern / setPattern), with the key it
 * gives as an example and a refused pattern's error pointing at its column.
 */
import { useEffect, useId, useState } from 'react';
import { request } from '../../api/client';
import { useChannel } from '../../api/use-channel';
import { LecternError } from '../../../shared/errors';
import { describeError } from '../../stores/notice-store';
import { useModalDialog } from '../../ui/modal-dialog';
import { DialogHead } from './dialog-head';
import { useReferences } from './references-store';

/** The column an error names (LecternError details.column, 1-based), if any. */
export function errorColumn(err: unknown): number | null {
  if (!(err instanceof LecternError)) return null;
  const column = (err.details as { column?: unknown } | undefined)?.column;
  return typeof column === 'number' && column >= 1 ? column : null;
}

function PatternForm() {
  const pattern = useChannel('citationKeys.pattern', {});
  const [value, setValue] = useState<string | null>(null);
  const [example, setExample] = useState<string | null>(null);
  const [error, setError] = useState<{ message: string; column: number | null } | null>(null);
  const [busy, setBusy] = useState(false);
  const id = useId();
  const hintId = useId();
  const errorId = useId();
  const shown = value ?? pattern.data?.pattern ?? '';
  useEffect(() => setError(null), [value]);

  const save = async (next: string) => {
    setBusy(true);
    setError(null);
    try {
      const out = await request('citationKeys.setPattern', { pattern: next });
      setExample(out.example);
      setValue(null);
    } catch (err) {
      setError({ message: describeError(err), column: errorColumn(err) });
    } finally {
      setBusy(false);
    }
  };
  return (
    <section className="settings-section" aria-labelledby="keys-h">
      <h3 id="keys-h" className="section-title">
        Citation keys
      </h3>
      <label htmlFor={id} className="field-label">
        Pattern for new keys
      </label>
      <p id={hintId} className="field-hint">
        Fields in brackets, as Better BibTeX writes them: <code>[auth:lower]</code>, <code>[year]</code>, <code>[shorttitle:lower]</code>, <code>[veryshorttitle]</code>… Keys already given
        are kept; a clash gets a, b, c.
      </p>
      <form
        className="pattern-row"
        onSubmit={(e) => {
          e.preventDefault();
          void save(shown.trim());
        }}
      >
        <input
          id={id}
          className="input pattern-input"
          value={shown}
          spellCheck={false}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? `${hintId} ${errorId}` : hintId}
          onChange={(e) => setValue(e.target.value)}
        />
        <button type="submit" className="button" disabled={busy || value === null || !shown.trim()}>
          Save pattern
        </button>
      </form>
      {error ? (
        <div id={errorId} className="field-error" role="alert" data-testid="pattern-error">
          {error.column ? (
            <pre className="pattern-caret" aria-hidden="true">
              {`${shown}\n${' '.repeat(error.column - 1)}^`}
            </pre>
          ) : null}
          {error.column && !/column/i.test(error.message) ? `Column ${error.column}: ` : ''}
          {error.message}
        </div>
      ) : example ? (
        <p className="muted" role="status" data-testid="pattern-example">
          Saved. A key it gives: <code>{example}</code>
        </p>
      ) : pattern.data ? (
        <p className="muted">{pattern.data.isDefault ? 'This is the default pattern.' : 'Your own pattern.'}</p>
      ) : pattern.error ? (
        <p className="field-error">The pattern could not be read: {describeError(pattern.error)}</p>
      ) : null}
      {pattern.data && !pattern.data.isDefault ? (
        <button type="button" className="link-button" disabled={busy} onClick={() => void save('[auth:lower][year][shorttitle:lower]')}>
          Back to the default
        </button>
      ) : null}
    </section>
  );
}

/** Mount once in the window. */
export function SettingsDialog() {
  const open = useReferences((s) => s.settingsOpen);
  const close = useReferences((s) => s.closeSettings);
  const ref = useModalDialog(open, (dialog) => dialog.querySelector<HTMLElement>('input')?.focus());
  return (
    <dialog ref={ref} className="dialog settings-dialog" aria-labelledby="settings-title" onClose={close} onCancel={close}>
      {open ? (
        <>
          <DialogHead id="settings-title" title="Settings" onClose={close} />
          <div className="settings-body">
            <PatternForm />
          </div>
          <footer className="dialog-foot">
            <span />
            <div className="dialog-actions">
              <button type="button" className="button button-primary" onClick={close}>
                Close
              </button>
            </div>
          </footer>
        </>
      ) : null}
    </dialog>
  );
}
