/**
 * "Keep exported to a file": a collection (or the whole library) written to a file now and after every
 * change (keptExports.set), and the list of files kept so, with when each was last written. The path is
 * typed: browser mode has no native save dialog, and the library's own process writes the file.
 */
import { useId, useState } from 'react';
import { INTEROP_FORMATS, type InteropFormat } from '../../../shared/interop/interop-record';
import { request } from '../../api/client';
import { useChannel } from '../../api/use-channel';
import { describeError } from '../../stores/notice-store';
import { formatDay, formatDayTime } from '../../ui/format';
import { FORMAT_LABELS } from './export-scope';

/** "last written 12:03" today, "last written 2026-12-05 12:03" before, "not written yet". */
export function lastWrittenWords(iso: string | null, now = new Date()): string {
  if (!iso) return 'not written yet';
  const stamp = formatDayTime(iso);
  return formatDay(iso) === formatDay(now.toISOString()) ? `last written ${stamp.slice(11)}` : `last written ${stamp}`;
}

function KeptList() {
  const kept = useChannel('keptExports.list', {});
  const [error, setError] = useState<string | null>(null);
  if (kept.error && !kept.data) return <p className="field-error">The kept exports could not be read: {describeError(kept.error)}</p>;
  if (!kept.data || kept.data.length === 0) return <p className="muted">No file is kept exported yet.</p>;
  return (
    <>
      <ul className="kept-list" aria-label="Files kept exported" data-testid="kept-list">
        {kept.data.map((k) => (
          <li key={k.id} className="kept-item">
            <div className="kept-what">
              <span className="kept-name">{k.collectionName ?? 'Whole library'}</span>
              <code className="kept-path" title={k.path}>
                {k.path}
              </code>
              <span className={k.lastError ? 'field-error' : 'muted'}>{k.lastError ? `Last write failed: ${k.lastError}` : `${FORMAT_LABELS[k.format]}${k.ascii ? ', ASCII' : ''} · ${lastWrittenWords(k.lastWrittenAt)}`}</span>
            </div>
            <button
              type="button"
              className="button button-sm"
              aria-label={`Stop keeping ${k.path} exported`}
              onClick={() => {
                setError(null);
                request('keptExports.remove', { id: k.id }).catch((err: unknown) => setError(describeError(err)));
              }}
            >
              Remove
            </button>
          </li>
        ))}
      </ul>
      {error ? <p className="field-error" role="alert">{error}</p> : null}
    </>
  );
}

/**
 * @param collectionId the collection the export dialog has chosen; null keeps the whole library
 * @param collectionName its name for the labels
 */
export function KeptExports({ collectionId, collectionName }: { collectionId: number | null; collectionName: string | null }) {
  const [path, setPath] = useState('');
  const [format, setFormat] = useState<InteropFormat>('bibtex');
  const [ascii, setAscii] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const pathId = useId();
  const formatId = useId();
  const errorId = useId();
  const keep = async () => {
    setBusy(true);
    setError(null);
    try {
      await request('keptExports.set', { collectionId, path: path.trim(), format, ascii });
      setPath('');
    } catch (err) {
      setError(describeError(err));
    } finally {
      setBusy(false);
    }
  };
  const target = collectionName ? `the collection “${collectionName}”` : 'the whole library';
  return (
    <section className="export-section" aria-labelledby="kept-h">
      <h3 id="kept-h" className="section-title">
        Keep exported to a file
      </h3>
      <p className="field-hint">Writes {target} to the file now and again after every change, so LaTeX always reads the current list.</p>
      <div className="kept-form">
        <label htmlFor={pathId} className="field-label">
          File (full path)
        </label>
        <input
          id={pathId}
          className="input kept-path-input"
          value={path}
          placeholder="/home/me/thesis/references.bib"
          spellCheck={false}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? errorId : undefined}
          onChange={(e) => setPath(e.target.value)}
          onKeyDown={(e) => {
            if (e.key === 'Enter' && path.trim()) {
              e.preventDefault();
              void keep();
            }
          }}
        />
        <label htmlFor={formatId} className="field-label">
          Format of the file
        </label>
        <select id={formatId} className="input" value={format} onChange={(e) => setFormat(e.target.value as InteropFormat)}>
          {INTEROP_FORMATS.map((f) => (
            <option key={f} value={f}>
              {FORMAT_LABELS[f]}
            </option>
          ))}
        </select>
        {format === 'bibtex' || format === 'biblatex' ? (
          <label className="check-label">
            <input type="checkbox" checked={ascii} onChange={(e) => setAscii(e.target.checked)} /> ASCII only
          </label>
        ) : null}
        <button type="button" className="button" disabled={!path.trim() || busy} onClick={() => void keep()}>
          Keep exported
        </button>
      </div>
      {error ? (
        <p id={errorId} className="field-error" role="alert">
          {error}
        </p>
      ) : null}
      <KeptList />
    </section>
  );
}
