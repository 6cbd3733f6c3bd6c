/**
 * The author list in Edit mode and in New paper: add, remove, reorder (buttons, or Alt+Up / Alt+Down
 * in a row), and each name split into its CSL parts (given, family, particles, suffix, or a literal for
 * an organisation) under "Name parts".
 */
import { useState } from 'react';
import { newAuthorRow, type AuthorRow } from './record-draft';
import { EditedMark, SourceValue, type SourceValueActions } from './record-fields';

const PARTS: ReadonlyArray<{ key: Exclude<keyof AuthorRow, 'key' | 'printedName'>; label: string }> = [
  { key: 'given', label: 'Given' },
  { key: 'family', label: 'Family' },
  { key: 'nonDroppingParticle', label: 'Particle (kept: “van”)' },
  { key: 'droppingParticle', label: 'Particle (dropped: “de”)' },
  { key: 'suffix', label: 'Suffix' },
  { key: 'literal', label: 'Organisation (literal)' },
];

interface Props {
  idPrefix: string;
  rows: AuthorRow[];
  edited: boolean;
  messages: Record<string, string>;
  showAll: boolean;
  source?: SourceValueActions;
  onChange(rows: AuthorRow[]): void;
}

function focusRow(idPrefix: string, index: number, part = 'name'): void {
  requestAnimationFrame(() => document.getElementById(`${idPrefix}-author-${index}-${part}`)?.focus());
}

export function AuthorsEditor({ idPrefix, rows, edited, messages, showAll, source, onChange }: Props) {
  const [open, setOpen] = useState<ReadonlySet<string>>(new Set());
  const move = (i: number, by: -1 | 1, part = 'name') => {
    const j = i + by;
    if (j < 0 || j >= rows.length) return;
    const next = [...rows];
    [next[i], next[j]] = [next[j]!, next[i]!];
    onChange(next);
    focusRow(idPrefix, j, part);
  };
  const set = (i: number, patch: Partial<AuthorRow>) => onChange(rows.map((r, k) => (k === i ? { ...r, ...patch } : r)));
  const remove = (i: number) => {
    onChange(rows.filter((_, k) => k !== i));
    if (rows.length > 1) focusRow(idPrefix, Math.min(i, rows.length - 2));
    else requestAnimationFrame(() => document.getElementById(`${idPrefix}-author-add`)?.focus());
  };
  const toggle = (key: string) => setOpen((s) => {
    const n = new Set(s);
    if (n.has(key)) n.delete(key);
    else n.add(key);
    return n;
  });

  return (
    <fieldset className="authors-editor">
      <legend className="field-label record-label">
        Authors <EditedMark edited={edited} />
      </legend>
      <SourceValue field="authors" label="Authors" source={source} />
      {rows.length === 0 ? <p className="muted">No authors yet.</p> : null}
      <ol className="author-rows">
        {rows.map((r, i) => {
          const m = showAll || r.printedName || r.family ? messages[`author-${i}`] : undefined;
          return (
            <li
              key={r.key}
              className="author-row"
              onKeyDown={(e) => {
                if (e.altKey && (e.key === 'ArrowUp' || e.key === 'ArrowDown')) {
                  e.preventDefault();
                  const part = (e.target as HTMLElement).id.split('-').pop() ?? 'name';
                  move(i, e.key === 'ArrowUp' ? -1 : 1, part);
                }
              }}
            >
              <div className="author-row-main">
                <span className="author-row-number" aria-hidden="true">{i + 1}</span>
                <input
                  id={`${idPrefix}-author-${i}-name`}
                  className="input author-row-name"
                  aria-label={`Author ${i + 1}, name as printed (Alt+Up or Alt+Down moves it)`}
                  placeholder="Name as printed"
                  value={r.printedName}
                  aria-invalid={m ? true : undefined}
                  onChange={(e) => set(i, { printedName: e.target.value })}
                />
                <button type="button" className="icon-button" aria-label={`Move author ${i + 1} up`} title="Move up (Alt+Up)" disabled={i === 0} onClick={() => move(i, -1, 'up')} id={`${idPrefix}-author-${i}-up`}>
                  ↑
                </button>
                <button type="button" className="icon-button" aria-label={`Move author ${i + 1} down`} title="Move down (Alt+Down)" disabled={i === rows.length - 1} onClick={() => move(i, 1, 'down')} id={`${idPrefix}-author-${i}-down`}>
                  ↓
                </button>
                <button type="button" className="button button-sm button-quiet author-parts-toggle" aria-expanded={open.has(r.key)} aria-label={`Name parts of author ${i + 1}`} onClick={() => toggle(r.key)} title="Split the name into its parts: given, family, particles, suffix">
                  Parts
                </button>
                <button type="button" className="icon-button" aria-label={`Remove author ${i + 1}${r.printedName ? `, ${r.printedName}` : ''}`} title="Remove" onClick={() => remove(i)}>
                  ×
                </button>
              </div>
              {m ? <p className="field-error" role="alert">{m}</p> : null}
              {open.has(r.key) ? (
                <div className="author-parts">
                  {PARTS.map((p) => (
                    <label key={p.key} className="author-part">
                      <span className="field-hint">{p.label}</span>
                      <input id={`${idPrefix}-author-${i}-${p.key}`} className="input" value={r[p.key]} onChange={(e) => set(i, { [p.key]: e.target.value })} />
                    </label>
                  ))}
                </div>
              ) : null}
            </li>
          );
        })}
      </ol>
      <button
        type="button"
        id={`${idPrefix}-author-add`}
        className="button button-sm"
        onClick={() => {
          onChange([...rows, newAuthorRow()]);
          focusRow(idPrefix, rows.length);
        }}
      >
        + Add author
      </button>
    </fieldset>
  );
}
