/** The CSL style picker (styles.list: bundled first, then added), with "Add style…" for a .csl file. */
import { useId, useState } from 'react';
import { useChannel } from '../../api/use-channel';
import { request } from '../../api/client';
import { describeError } from '../../stores/notice-store';
import { chooseFiles } from './file-intake';
import { reportName } from './file-content';

/**
 * @param value the chosen style id
 * @param onChange called with the new id (also with a style just added)
 * @param canAdd offer "Add style…" (the Cite dialog); its errors show under the picker
 */
export function StyleSelect({ value, onChange, canAdd = false, label = 'Style' }: { value: string; onChange(styleId: string): void; canAdd?: boolean; label?: string }) {
  const styles = useChannel('styles.list', {});
  const [error, setError] = useState<string | null>(null);
  const [added, setAdded] = useState<string | null>(null);
  const id = useId();
  const errorId = useId();
  const list = styles.data ?? [];
  const known = list.some((s) => s.styleId === value);
  const add = () =>
    chooseFiles('.csl,.xml', ([file]) => {
      if (!file) return;
      setError(null);
      setAdded(null);
      void file
        .text()
        .then((xml) => request('styles.add', { fileName: reportName(file.name), xml }))
        .then(
          (style) => {
            setAdded(`${style.replaced ? 'Replaced' : 'Added'} “${style.title}”.`);
            onChange(style.styleId);
          },
          (err: unknown) => setError(`${file.name} was not added: ${describeError(err)}`),
        );
    });
  return (
    <div className="style-select">
      <label htmlFor={id} className="field-label">
        {label}
      </label>
      <div className="style-select-row">
        <select id={id} className="input" value={value} aria-describedby={error ? errorId : undefined} onChange={(e) => onChange(e.target.value)}>
          {known ? null : <option value={value}>{styles.data ? `${value} (not in the library)` : value}</option>}
          {list.some((s) => s.builtIn) ? (
            <optgroup label="Bundled">
              {list.filter((s) => s.builtIn).map((s) => (
                <option key={s.styleId} value={s.styleId}>
                  {s.title}
                </option>
              ))}
            </optgroup>
          ) : null}
          {list.some((s) => !s.builtIn) ? (
            <optgroup label="Added by you">
              {list.filter((s) => !s.builtIn).map((s) => (
                <option key={s.styleId} value={s.styleId}>
                  {s.title}
                </option>
              ))}
            </optgroup>
          ) : null}
        </select>
        {canAdd ? (
          <button type="button" className="button" onClick={add} title="Add a citation style from a .csl file (from the Zotero Style Repository, a journal's site…)">
            Add style…
          </button>
        ) : null}
      </div>
      {styles.error && !styles.data ? <p className="field-error">The styles could not be listed: {describeError(styles.error)}</p> : null}
      {error ? (
        <p id={errorId} className="field-error" role="alert" data-testid="style-error">
          {error}
        </p>
      ) : null}
      {added ? (
        <p className="muted" role="status">
          {added}
        </p>
      ) : null}
    </div>
  );
}
