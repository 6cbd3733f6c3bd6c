/**
 * From an editable field (shared/record/editable-fields.ts, Drizzle names) to the `papers` columns it
 * sets, with the columns derived from it (`title` sets `title_key`, `date` sets `year`, `arxivId` splits
 * off `arxiv_version`), and the reverse: the field's value as the editor shows it.
 */
import type { PaperFieldName } from '../../shared/contract/paper-edits';
import { FIELD_CHECKS, splitArxivVersion } from '../../shared/record/field-checks';
import { LecternError } from '../../shared/errors';
import { titleKey } from './keys';
import type { RecordColumn } from './paper-record';

type Columns = Record<RecordColumn, string | number | null>;

/** Plain text fields: the field name and its SQL column. */
const TEXT_COLUMNS = {
  venue: 'venue', volume: 'volume', issue: 'issue', page: 'page', number: 'number', publisher: 'publisher',
  publisherPlace: 'publisher_place', event: 'event', url: 'url', doi: 'doi', isbn: 'isbn', issn: 'issn', pmid: 'pmid',
  pmcid: 'pmcid', language: 'language', abstract: 'abstract', itemType: 'item_type',
} as const satisfies Partial<Record<PaperFieldName, RecordColumn>>;

/** How the window names each field in messages and undo labels ("Undo edit pages"). */
export const FIELD_LABELS: Record<PaperFieldName | 'authors', string> = {
  title: 'title', itemType: 'type', date: 'date', venue: 'venue', volume: 'volume', issue: 'issue', page: 'pages',
  number: 'number', publisher: 'publisher', publisherPlace: 'place', event: 'event', url: 'URL', doi: 'DOI',
  arxivId: 'arXiv id', isbn: 'ISBN', issn: 'ISSN', pmid: 'PMID', pmcid: 'PMCID', language: 'language',
  abstract: 'abstract', keywords: 'keywords', authors: 'authors',
};

/** The field's value as stored for the editor (a date without month is its year, keywords a list). */
export function fieldValue(c: Columns, field: PaperFieldName): unknown {
  if (field === 'title') return c.title;
  if (field === 'date') return c.date ?? (c.year === null ? null : String(c.year));
  if (field === 'arxivId') return c.arxiv_id;
  if (field === 'keywords') return parseList(c.keywords);
  return c[TEXT_COLUMNS[field]];
}

export function parseList(json: unknown): string[] {
  try {
    const v = JSON.parse(typeof json === 'string' ? json : '[]') as unknown;
    return Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : [];
  } catch {
    return [];
  }
}

/**
 * Check one typed value and normalise it (trimmed; '' clears the field, prefixes such as doi.org dropped).
 * @throws LecternError `INVALID_INPUT` with the check's sentence and `details.field`
 */
export function checkedValue(field: PaperFieldName, value: unknown): unknown {
  if (field === 'keywords') {
    const list = (value as string[]).map((k) => k.trim()).filter(Boolean);
    return [...new Set(list)];
  }
  if (field === 'itemType') return value;
  const text = typeof value === 'string' ? value.trim() : '';
  if (text === '' && field !== 'title') return null;
  const check = FIELD_CHECKS[field];
  if (!check) return text;
  const r = check(text);
  if (!r.ok) throw new LecternError('INVALID_INPUT', r.message, { field });
  return r.value;
}

/**
 * The columns after setting `field` to an already checked value (see checkedValue).
 * @returns a new columns object; `columns` is not changed
 */
export function setField(columns: Columns, field: PaperFieldName, value: unknown): Columns {
  const c = { ...columns };
  if (field === 'title') {
    c.title = value as string;
    c.title_key = titleKey(value as string);
  } else if (field === 'date') {
    const d = value as string | null;
    c.year = d === null ? null : Number(d.slice(0, 4));
    // A year alone is kept in `year` (the date column holds months and days: db/schema.ts).
    c.date = d !== null && d.length > 4 ? d : null;
  } else if (field === 'arxivId') {
    const { id, version } = value === null ? { id: null, version: null } : splitArxivVersion(value as string);
    c.arxiv_id = id;
    // The same id typed without a version keeps the version known; another id drops it.
    if (version !== null || id !== columns.arxiv_id) c.arxiv_version = version;
  } else if (field === 'keywords') {
    c.keywords = JSON.stringify(value);
  } else {
    c[TEXT_COLUMNS[field]] = value as string | null;
  }
  return c;
}
