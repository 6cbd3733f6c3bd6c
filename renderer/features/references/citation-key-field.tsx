/**
 * A paper's citation key with a field to set it by hand (papers.setCitationKey: the key is then pinned
 * and kept), or to give it back to the pattern. Errors (a key taken by another paper, a character LaTeX
 * cannot take) show under the field.
 */
import { useEffect, useId, useState } from 'react';
import { request } from '../../api/client';
import { useChannel } from '../../api/use-channel';
import { describeError } from '../../stores/notice-store';

/** The editor's citation key field: the key as papers.get gives it (the record the editor edits has none). */
export function PaperCitationKey({ paperId }: { paperId: number }) {
  const paper = useChannel('papers.get', { id: paperId });
  const key = paper.data?.id === paperId ? (paper.data.citationKey ?? null) : null;
  return <CitationKeyField paperId={paperId} current={key} />;
}

export function CitationKeyField({ paperId, current }: { paperId: number; current: string | null }) {
  const [value, setValue] = useState(current ?? '');
  const [error, setError] = useState<string | null>(null);
  const [saved, setSaved] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const id = useId();
  const errorId = useId();
  // Another paper, or the key changed elsewhere: the field follows.
  useEffect(() => {
    setValue(current ?? '');
    setError(null);
  }, [paperId, current]);

  const set = async (key: string | null) => {
    setBusy(true);
    setError(null);
    setSaved(null);
    try {
      const out = await request('papers.setCitationKey', { paperId, key });
      setValue(out.key);
      setSaved(key === null ? `Key from the pattern: ${out.key}` : `Key set: ${out.key}`);
    } catch (err) {
      setError(describeError(err));
    } finally {
      setBusy(false);
    }
  };
  const changed = value.trim() !== (current ?? '') && value.trim() !== '';
  return (
    <div className="citation-key" data-testid="citation-key">
      <label htmlFor={id} className="field-label">
        Citation key
      </label>
      <div className="citation-key-row">
        <input
          id={id}
          className="input citation-key-input"
          value={value}
          placeholder={current ? undefined : 'Given at the first export'}
          spellCheck={false}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? errorId : undefined}
          onChange={(e) => {
            setValue(e.target.value);
            setSaved(null);
          }}
          onKeyDown={(e) => {
            if (e.key === 'Enter' && changed) {
              e.preventDefault();
              e.stopPropagation();
              void set(value.trim());
            }
          }}
        />
        <button type="button" className="button button-sm" disabled={!changed || busy} onClick={() => void set(value.trim())}>
          Set
        </button>
        <button type="button" className="button button-sm button-quiet" disabled={busy} title="Give this paper a key from the citation key pattern (and let it follow the pattern)" onClick={() => void set(null)}>
          From pattern
        </button>
      </div>
      {error ? (
        <p id={errorId} className="field-error" role="alert">
          {error}
        </p>
      ) : saved ? (
        <p className="muted" role="status">
          {saved}
        </p>
      ) : null}
    </div>
  );
}
