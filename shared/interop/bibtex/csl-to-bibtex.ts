/**
 * The fields of one BibTeX/BibLaTeX entry from a record, in a fixed order, their values already encoded.
 *
 * Notes (decision): the record's note is the user's own, so it goes where BibTeX keeps personal notes and
 * no style prints it: `annote` (BibTeX) / `annotation` (BibLaTeX). A CSL `note` on the item (bibliographic,
 * "To appear") goes to `note`. The reader maps all three back to the record's note, and `note` also to the
 * item's `note`; so a record's note that starts with the item's note is written as `note` plus the rest as `annote`.
 */
import type { CslItemJson, CslNameJson, InteropRecord } from '../interop-record';
import { type BibtexDialect, isMastersThesis } from './bibtex-types';
import { type EncodeOptions, encodeText, encodeVerbatim } from './latex-encode';
import { biblatexDate, bibtexYearMonth, isoDate } from './write-dates';
import { formatNames } from './write-names';
import { encodeTitle } from './write-title';

/**
 * Where an entry's fields are written: `,\n  name = {value}` pieces appended to the output (one array for
 * the whole file, joined once: 50,000 entries built as objects and strings of their own were mostly
 * garbage collection), and the names written so far (lower case) so extra fields do not repeat them.
 */
export class FieldSink {
  parts: string[] = [];
  written: string[] = [];
  /**
   * The keys of the entries in the file (lower case). A `crossref` or `xdata` is written only to one of
   * them: the reader already copied the parent's fields into the record, and a crossref to an entry the
   * file does not hold makes BibTeX warn.
   */
  keysInFile: ReadonlySet<string> = new Set();
  private readonly plain: EncodeOptions;
  private readonly withMath: EncodeOptions;

  constructor(readonly ascii: boolean) {
    this.plain = { ascii };
    this.withMath = { ascii, math: true };
  }

  /** An already encoded value; `bare` ones (month macros) without braces. */
  raw(name: string, value: string, bare = false): void {
    if (value === '') return;
    // Pieces pushed apart, not concatenated: a million small concatenations were garbage to collect.
    if (bare) this.parts.push(',\n  ', name, ' = ', value);
    else this.parts.push(',\n  ', name, ' = {', value, '}');
    this.written.push(name.toLowerCase());
  }

  /** A text value (trimmed; skipped when empty or not a string or number), escaped, math kept when `math`. */
  text(name: string, value: unknown, math = false): void {
    const v = text(value);
    if (v !== null) this.raw(name, encodeText(v, math ? this.withMath : this.plain));
  }

  /** A URL, DOI or path: braces balanced, nothing escaped. */
  verbatim(name: string, value: unknown): void {
    const v = text(value);
    if (v !== null) this.raw(name, encodeVerbatim(v));
  }

  /** @param truncated the list ended in `and others` in its file: written back */
  names(name: string, list: readonly CslNameJson[] | undefined, truncated = false): void {
    if (list !== undefined && list.length > 0) this.raw(name, truncated ? `${formatNames(list, this.ascii)} and others` : formatNames(list, this.ascii));
  }
}

/** Reader markers in `extra`, never written as fields (also `<names>_truncated`: the list ended in `and others`). */
const MARKERS = new Set(['bibtex_type', 'title_protected', 'author_truncated', 'editor_truncated', 'translator_truncated', 'bookauthor_truncated']);

/** The genre an entry type stands for (the reader's words): not written again as `type`. */
const TYPE_GENRES: Record<string, string> = {
  phdthesis: 'PhD thesis', mastersthesis: "Master's thesis", techreport: 'Technical report', software: 'Computer software',
};
/** A field name BibTeX and biber accept: a letter, then letters, digits and `_-.:+`. */
const FIELD_NAME = /^[a-z][a-z0-9_.:+-]*$/i;
/** An RIS tag as the RIS reader keeps it in `extra`. */
const RIS_TAG = /^[A-Z][A-Z0-9]$/;
/** Fields read verbatim (no LaTeX) by BibTeX readers: only their braces are balanced. */
const VERBATIM = new Set(['url', 'doi', 'file', 'eprint', 'pdf', 'verba', 'verbb', 'verbc', 'urlraw']);
/** Whole books and proceedings: what they are part of is never a journal. */
const BOOKS = new Set(['book', 'mvbook', 'proceedings', 'mvproceedings', 'collection', 'mvcollection', 'reference', 'mvreference', 'booklet']);
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
export function writeFields(sink: FieldSink, record: InteropRecord, type: string, dialect: BibtexDialect): void {
  const item: CslItemJson = record.item;
  const latex = dialect === 'biblatex';
  sink.written = [];
  const truncated = (field: string) => record.extra[`${field}_truncated`] === 'true';
  sink.names('author', item.author, truncated('author'));
  sink.names('editor', item.editor, truncated('editor'));
  sink.names('bookauthor', item['container-author'], truncated('bookauthor'));
  sink.names('translator', item.translator, truncated('translator'));
  const title = text(item.title);
  if (title !== null) sink.raw('title', encodeTitle(title, record.extra.title_protected, sink.ascii));
  sink.text('shorttitle', item['title-short'], true);
  // An `@article` preprint without a journal gets Google Scholar's `arXiv preprint arXiv:ID` (BibTeX wants a journal; the reader reads it back as the id).
  const preprint = type === 'article' && text(item['container-title']) === null && record.arxivId !== null && record.arxivId.trim() !== '';
  // A book's or proceedings' own title is `title`; a container title it has (dblp's `booktitle` on `@proceedings`) stays `booktitle`.
  const containerField = IN_BOOK.has(type) || BOOKS.has(type) ? 'booktitle' : latex ? 'journaltitle' : 'journal';
  sink.text(containerField, preprint ? `arXiv preprint arXiv:${record.arxivId!.trim()}` : item['container-title'], true);
  sink.text('shortjournal', item['container-title-short']);
  sink.text('eventtitle', item['event-title']);
  sink.text('venue', item['event-place']);
  sink.text('series', item['collection-title']);
  sink.text('edition', item.edition);
  sink.text('volume', item.volume);
  // An article's number is its issue; a report's, patent's or standard's is its own number.
  const issue = text(item.issue);
  const number = text(item.number);
  const periodical = type === 'article' || type === 'periodical';
  sink.text('number', periodical ? (issue ?? number) : (number ?? issue));
  if (latex && periodical && issue !== null && number !== null && number !== issue) sink.text('issue', number);
  const page = text(item.page);
  // The dashes are BibTeX's `--`; the text between them is escaped as any text.
  if (page !== null) sink.raw('pages', bibtexPages(page).split('--').map((part) => encodeText(part, { ascii: sink.ascii })).join('--'));
  sink.text('chapter', item['chapter-number']);
  sink.text('pagetotal', item['number-of-pages']);
  if (item.issued !== undefined) {
    if (latex) {
      const { date, year } = biblatexDate(item.issued);
      if (date !== undefined) sink.raw('date', date);
      sink.text('year', year);
    } else {
      const { year, month } = bibtexYearMonth(item.issued);
      sink.text('year', year);
      if (month !== undefined) sink.raw('month', month, true);
    }
  }
  // Theses name their school, reports their institution: that is where BibTeX styles look for the publisher.
  const publisherField = type === 'techreport' || type === 'report' ? 'institution' : type.endsWith('thesis') ? (latex ? 'institution' : 'school') : 'publisher';
  // A publisher the reader took from `organization` (kept in extra) is written as that organization (writeExtra).
  const organization = extraValue(record, 'organization');
  if (publisherField !== 'publisher' || organization === null || organization.trim() !== text(item.publisher)) sink.text(publisherField, item.publisher);
  sink.text(latex ? 'location' : 'address', item['publisher-place']);
  // BibLaTeX's thesis and report say their kind in `type` (its keys `phdthesis`, `mathesis`, `techreport`);
  // a genre the entry type already says is not repeated.
  const genre = text(item.genre);
  if (type === 'thesis') sink.text('type', isMastersThesis(genre ?? undefined) ? 'mathesis' : genre === null || /ph\.?\s?d|doctor/i.test(genre) ? 'phdthesis' : genre);
  else if (type === 'report' && genre === TYPE_GENRES.techreport) sink.text('type', 'techreport');
  else if (genre !== TYPE_GENRES[type]) sink.text('type', genre);
  sink.text('isbn', item.ISBN);
  sink.text('issn', item.ISSN);
  sink.verbatim('doi', item.DOI);
  sink.verbatim('url', item.URL);
  if (item.accessed !== undefined) sink.text('urldate', isoDate(item.accessed));
  if (record.arxivId !== null && record.arxivId.trim() !== '') {
    sink.verbatim('eprint', record.arxivId);
    sink.text(latex ? 'eprinttype' : 'archivePrefix', latex ? 'arxiv' : 'arXiv');
    // The class keeps the name it came with (biber reads `primaryClass` as `eprintclass`), so it reads back the same.
    const eprintclass = extraValue(record, 'eprintclass');
    if (eprintclass !== null) sink.text('eprintclass', eprintclass);
    else sink.text('primaryClass', extraValue(record, 'primaryclass'));
  }
  sink.text('pmid', item.PMID);
  sink.text('pmcid', item.PMCID);
  sink.text(latex ? 'langid' : 'language', item.language);
  sink.text('abstract', item.abstract, true);
  if (record.tags.length > 0) sink.raw('keywords', keywords(record.tags, sink.ascii));
  // The reader puts `note` in both the item's note and, first, the record's note: the printed part is written
  // as `note`, what the record's note holds beyond it as `annote`.
  const printedNote = text(item.note);
  sink.text('note', printedNote);
  sink.text(latex ? 'annotation' : 'annote', personalNote(text(record.note), printedNote));
  if (record.files.length > 0) sink.verbatim('file', record.files.join(';'));
  writeExtra(sink, record);
}

/** @returns the record's note without the printed note it starts with (null when nothing is left) */
function personalNote(note: string | null, printed: string | null): string | null {
  if (note === null || printed === null) return note;
  if (note === printed) return null;
  return note.startsWith(`${printed}\n\n`) ? text(note.slice(printed.length + 2)) : note;
}

/** The record's extra fields, in their own order: valid field names, not reader markers, not written already. */
function writeExtra(sink: FieldSink, record: InteropRecord): void {
  let written: Set<string> | null = null;
  for (const key in record.extra) {
    const name = key.toLowerCase();
    // Two capitals are an RIS tag kept by the RIS reader (`JO`, `AN`, `C1`): RIS's own, not a BibTeX field.
    if (MARKERS.has(name) || !FIELD_NAME.test(name) || RIS_TAG.test(key)) continue;
    if (written === null) {
      written = new Set(sink.written);
      for (const [field, alias] of Object.entries(ALIAS_OF)) if (written.has(field)) written.add(alias);
      // A date written in either form stands for all of year, month, day and date.
      if (written.has('year') || written.has('date')) for (const part of ['year', 'month', 'day', 'date']) written.add(part);
    }
    if (written.has(name)) continue;
    if ((name === 'crossref' || name === 'xdata') && !sink.keysInFile.has(record.extra[key]!.trim().toLowerCase())) continue;
    if (VERBATIM.has(name)) sink.verbatim(name, record.extra[key]);
    else sink.text(name, record.extra[key]);
    written.add(name);
  }
}

/** The other dialect's name of a field (an extra field under it would repeat what is written). */
const ALIAS_OF: Record<string, string> = {
  journal: 'journaltitle', journaltitle: 'journal', address: 'location', location: 'address', school: 'institution',
  institution: 'school', archiveprefix: 'eprinttype', eprinttype: 'archiveprefix', primaryclass: 'eprintclass',
  eprintclass: 'primaryclass', language: 'langid', langid: 'language', annote: 'annotation', annotation: 'annote',
};

/** @returns the tags joined by `, `; a tag holding a comma or semicolon braced so readers do not split it */
function keywords(tags: readonly string[], ascii: boolean): string {
  const options = { ascii };
  return tags
    .map((tag) => tag.trim())
    .filter((tag) => tag !== '')
    .map((tag) => (tag.includes(',') || tag.includes(';') ? `{${encodeText(tag, options)}}` : encodeText(tag, options)))
    .join(', ');
}

/** @returns the extra field of that name, whatever its case in the file (`primaryClass`), or null */
function extraValue(record: InteropRecord, lowerName: string): string | null {
  for (const [key, value] of Object.entries(record.extra)) if (key.toLowerCase() === lowerName) return value;
  return null;
}
