/**
 * The boxes of a paper's record (title, type, date, venue, volume, issue, pages, number, publisher,
 * identifiers, URL, language, abstract, keywords), each with its check's message under it, an
 * "edited" mark on fields the user changed by hand, and the page's newer value beside with Accept /
 * Ignore. Used by Edit mode and by the New paper form.
 */
import type { ReactNode } from 'react';
import { CSL_TYPES, CSL_TYPE_LABELS, type CslType } from '../../../shared/record/csl-types';
import { TEXT_FIELDS, type Draft } from './record-draft';

export interface SourceValueActions {
  values: Record<string, unknown>;
  onResolve(field: string, accept: boolean): void;
}

function shownValue(v: unknown): string {
  if (Array.isArray(v)) return v.join(', ');
  return typeof v === 'string' || typeof v === 'number' ? String(v) : '';
}

/** The page's newer value of an edited field, with Accept / Ignore. */
export function SourceValue({ field, label, source }: { field: string; label: string; source: SourceValueActions | undefined }) {
  if (!source || !(field in source.values)) return null;
  return (
    <div className="source-value" role="group" aria-label={`The page's newer ${label.toLowerCase()}`} data-testid={`source-value-${field}`}>
      <span className="source-value-text">
        <span className="muted">The page now says: </span>
        {shownValue(source.values[field])}
      </span>
      <span className="source-value-actions">
        <button type="button" className="button button-sm" onClick={() => source.onResolve(field, true)} title="Use the page's value (Ctrl/Cmd+Z undoes)">
          Accept
        </button>
        <button type="button" className="button button-sm button-quiet" onClick={() => source.onResolve(field, false)} title="Keep your value and stop showing this one">
          Ignore
        </button>
      </span>
    </div>
  );
}

export function EditedMark({ edited }: { edited: boolean }) {
  return edited ? (
    <span className="edited-mark" title="Edited by hand: a re-import leaves it as you set it">
      edited
    </span>
  ) : null;
}

interface Props {
  idPrefix: string;
  draft: Draft;
  messages: Record<string, string>;
  /** Show messages of fields the user has not touched yet (after a Save attempt). */
  showAll: boolean;
  touched: ReadonlySet<string>;
  edited: readonly string[];
  source?: SourceValueActions;
  onText(field: string, value: string): void;
  onType(type: CslType): void;
  onKeywords(value: string): void;
  onBlur(field: string): void;
  /** Shown right after the date, across the grid (the author list: it matters more than the identifiers). */
  afterDate?: ReactNode;
}

export function RecordFields({ idPrefix, draft, messages, showAll, touched, edited, source, onText, onType, onKeywords, onBlur, afterDate }: Props) {
  const id = (f: string) => `${idPrefix}-${f}`;
  const message = (f: string) => (showAll || touched.has(f) ? messages[f] : undefined);
  const head = (f: string, label: string) => (
    <span className="field-label record-label">
      <label htmlFor={id(f)}>{label}</label>
      <EditedMark edited={edited.includes(f)} />
    </span>
  );
  const typeBox = (
    <div className="record-field" key="itemType">
      {head('itemType', 'Type')}
      <select id={id('itemType')} className="input" value={draft.itemType} onChange={(e) => onType(e.target.value as CslType)}>
        {(CSL_TYPES as readonly string[]).includes(draft.itemType) ? null : <option value={draft.itemType}>{draft.itemType}</option>}
        {CSL_TYPES.map((t) => (
          <option key={t} value={t}>
            {CSL_TYPE_LABELS[t]}
          </option>
        ))}
      </select>
      <SourceValue field="itemType" label="Type" source={source} />
    </div>
  );
  return (
    <div className="record-fields">
      {TEXT_FIELDS.map(({ field, label, wide, multiline, placeholder }) => {
        const m = message(field);
        const props = {
          id: id(field),
          className: multiline ? 'input record-textarea' : 'input',
          value: draft.text[field] ?? '',
          placeholder,
          'aria-invalid': m ? true : undefined,
          'aria-describedby': m ? `${id(field)}-msg` : undefined,
          onBlur: () => onBlur(field),
        };
        return [
          <div className={wide ? 'record-field record-field-wide' : 'record-field'} key={field}>
            {head(field, label)}
            {multiline ? (
              <textarea {...props} rows={field === 'abstract' ? 6 : 2} onChange={(e) => onText(field, e.target.value)} />
            ) : (
              <input {...props} onChange={(e) => onText(field, e.target.value)} spellCheck={field === 'venue' || field === 'event'} />
            )}
            {m ? (
              <p className="field-error" id={`${id(field)}-msg`} role="alert">
                {m}
              </p>
            ) : null}
            <SourceValue field={field} label={label} source={source} />
          </div>,
          field === 'title' ? typeBox : null,
          field === 'date' && afterDate ? (
            <div className="record-field record-field-wide" key="after-date">
              {afterDate}
            </div>
          ) : null,
        ];
      })}
      <div className="record-field record-field-wide">
        {head('keywords', 'Keywords (separated by commas)')}
        <input id={id('keywords')} className="input" value={draft.keywords} onChange={(e) => onKeywords(e.target.value)} />
        <SourceValue field="keywords" label="Keywords" source={source} />
      </div>
    </div>
  );
}
