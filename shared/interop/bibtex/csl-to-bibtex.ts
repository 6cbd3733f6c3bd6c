/**
 * The fields of one BibTeX/BibLaTeX entry from a record, in a fixed order, their values already encoded.
 *
 * Notes (decision): the record's note is the user's own, so it goes where BibTeX keeps personal notes and
 * no style prints it: `annote` (BibTeX) / `annotation` (BibLaTeX). A CSL `note` on the item (bibliographic,
 * "To appear") goes to `note`. The reader maps all three back to the record's note.
 */
import type { CslItemJson, InteropRecord } from '../interop-record';
import { type BibtexDialect, isMastersThesis } from './bibtex-types';
import { encodeText, encodeVerbatim } from './latex-encode';
import { biblatexDate, bibtexYearMonth, isoDate } from './write-dates';
import { formatNames } from './write-names';
import { encodeTitle } from './write-title';

/** One `name = {value}` line; `bare` values (month macros) are written without braces. */
export interface BibtexField {
  name: string;
  value: string;
  bare?: boolean;
}

/** Reader markers in `extra`, never written as fields. */
const MARKERS = new Set(['bibtex_type', 'title_protected']);
/** A field name BibTeX and biber accept: a letter, then letters, digits and `_-.:+`. */
const FIELD_NAME = /^[a-z][a-z0-9_.:+-]*$/i;
/** Fields read verbatim (no LaTeX) by BibTeX readers: only their braces are balanced. */
const VERBATIM = new Set(['url', 'doi', 'file', 'eprint', 'pdf', 'verba', 'verbb', 'verbc', 'urlraw']);
/** Entry types whose container is a book or proceedings (`booktitle`), not a journal. */
const IN_BOOK = new Set(['inproceedings', 'conference', 'incollection', 'inbook', 'inreference', 'bookinbook', 'suppbook', 'suppcollection']);

/** @returns a page range with BibTeX's `--` between its ends (`123-145`, `123–145` -> `123--145`) */
export function bibtexPages(page: string): string {
  let out = '';
  for (let i = 0; i < page.length; i++) {
    const c = page.charAt(i);
    if (c === '-' || c === '\u2013' || c === '\u2014' || c === '\u2010' || c === '\u2011' || c === '\u2212') {
      while (out.endsWith(' ')) out = out.slice(0, -1);
      while (i + 1 < page.length && '-\u2013\u2014\u2010\u2011\u2212 '.includes(page.charAt(i + 1))) i++;
      out += '--';
    } else {
      out += c;
    }
  }
  return out;
}

function text(value: unknown): string | null {
  if (typeof value === 'number') return String(value);
  if (typeof value !== 'string') return null;
  const trimmed = value.trim();
  return trimmed === '' ? null : trimmed;
}

/**
 * @param record the record to write
 * @param type the entry type chosen for it (bibtex-types.ts)
 * @returns its fields in the order they are written: names, titles, container, numbers, dates, publisher,
 *   identifiers, arXiv, language, abstract, keywords, notes, files, then the record's extra fields in
 *   their own order (those whose name is a valid field name, not a reader marker, not written already)
 */
export function bibtexFields(record: InteropRecord, type: string, dialect: BibtexDialect, ascii: boolean): BibtexField[] {
  const item: CslItemJson = record.item;
  const latex = dialect === 'biblatex';
  const fields: BibtexField[] = [];
  const add = (name: string, value: unknown, kind: 'text' | 'verbatim' | 'math' = 'text') => {
    const v = text(value);
    if (v === null) return;
    const encoded = kind === 'verbatim' ? encodeVerbatim(v) : encodeText(v, { ascii, math: kind === 'math' });
    if (encoded !== '') fields.push({ name, value: encoded });
  };
  const names = (name: string, list: CslItemJson['author']) => {
    if (list === undefined || list.length === 0) return;
    const value = formatNames(list, ascii);
    if (value !== '') fields.push({ name, value });
  };

  names('author', item.author);
  names('editor', item.editor);
  names('bookauthor', item['container-author']);
  names('translator', item.translator);
  const title = text(item.title);
  if (title !== null) fields.push({ name: 'title', value: encodeTitle(title, record.extra.title_protected, ascii) });
  add('shorttitle', item['title-short'], 'math');
  add(IN_BOOK.has(type) ? 'booktitle' : latex ? 'journaltitle' : 'journal', item['container-title'], 'math');
  add('eventtitle', item['event-title']);
  add('venue', item['event-place']);
  add('series', item['collection-title']);
  add('edition', item.edition);
  add('volume', item.volume);
  // An article's number is its issue; a report's, patent's or standard's is its own number.
  const issue = text(item.issue);
  const number = text(item.number);
  add('number', type === 'article' || type === 'periodical' ? (issue ?? number) : (number ?? issue));
  if (latex && (type === 'article' || type === 'periodical') && issue !== null && number !== null && number !== issue) add('issue', number);
  const page = text(item.page);
  if (page !== null) add('pages', bibtexPages(page));
  if (item.issued !== undefined) {
    if (latex) {
      const { date, year } = biblatexDate(item.issued);
      if (date !== undefined) fields.push({ name: 'date', value: date });
      add('year', year);
    } else {
      const { year, month } = bibtexYearMonth(item.issued);
      add('year', year);
      if (month !== undefined) fields.push({ name: 'month', value: month, bare: true });
    }
  }
  // Theses name their school, reports their institution: that is where BibTeX styles look for the publisher.
  const publisherField = type === 'techreport' || type === 'report' ? 'institution' : type.endsWith('thesis') ? (latex ? 'institution' : 'school') : 'publisher';
  add(publisherField, item.publisher);
  add(latex ? 'location' : 'address', item['publisher-place']);
  const genre = text(item.genre);
  if (type === 'thesis') add('type', isMastersThesis(genre ?? undefined) ? 'mathesis' : genre === null || /ph\.?\s?d|doctor/i.test(genre) ? 'phdthesis' : genre);
  else if (type !== 'phdthesis' && type !== 'mastersthesis') add('type', genre);
  add('isbn', item.ISBN);
  add('issn', item.ISSN);
  add('doi', item.DOI, 'verbatim');
  add('url', item.URL, 'verbatim');
  if (item.accessed !== undefined) add('urldate', isoDate(item.accessed));
  if (record.arxivId !== null && record.arxivId.trim() !== '') {
    add('eprint', record.arxivId, 'verbatim');
    add(latex ? 'eprinttype' : 'archivePrefix', latex ? 'arxiv' : 'arXiv');
    add(latex ? 'eprintclass' : 'primaryClass', extraValue(record, 'primaryclass') ?? extraValue(record, 'eprintclass'));
  }
  add('pmid', item.PMID);
  add('pmcid', item.PMCID);
  add(latex ? 'langid' : 'language', item.language);
  add('abstract', item.abstract, 'math');
  if (record.tags.length > 0) add('keywords', record.tags.join(', '));
  // The same text as the record's note is the reader having put it in both: written once, as the note.
  if (text(item.note) !== text(record.note)) add('note', item.note);
  add(latex ? 'annotation' : 'annote', record.note);
  if (record.files.length > 0) add('file', record.files.join(';'), 'verbatim');

  const written = new Set(fields.map((f) => f.name.toLowerCase()));
  // What the extra fields may not repeat: the names written above under either dialect's spelling.
  for (const [name, alias] of Object.entries(ALIAS_OF)) if (written.has(name)) written.add(alias);
  // A date written in either form stands for all of year, month, day and date.
  if (written.has('year') || written.has('date')) for (const part of ['year', 'month', 'day', 'date']) written.add(part);
  for (const [key, value] of Object.entries(record.extra)) {
    const name = key.toLowerCase();
    if (MARKERS.has(name) || written.has(name) || !FIELD_NAME.test(name)) continue;
    add(name, value, VERBATIM.has(name) ? 'verbatim' : 'text');
    written.add(name);
  }
  return fields;
}

/** The other dialect's name of a field (an extra field under it would repeat what is written). */
const ALIAS_OF: Record<string, string> = {
  journal: 'journaltitle', journaltitle: 'journal', address: 'location', location: 'address', school: 'institution',
  institution: 'school', archiveprefix: 'eprinttype', eprinttype: 'archiveprefix', primaryclass: 'eprintclass',
  eprintclass: 'primaryclass', language: 'langid', langid: 'language', annote: 'annotation', annotation: 'annote',
};

/** @returns the extra field of that name, whatever its case in the file (`primaryClass`), or null */
function extraValue(record: InteropRecord, lowerName: string): string | null {
  for (const [key, value] of Object.entries(record.extra)) if (key.toLowerCase() === lowerName) return value;
  return null;
}
