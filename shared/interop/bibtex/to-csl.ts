/**
 * One BibTeX/BibLaTeX entry (fields in LaTeX, macros and crossref already resolved) -> an InteropRecord:
 * the CSL item plus key, tags, note, files, arXiv id and every field without a CSL home in `extra`.
 * The type and field mapping follows citation-js's BibTeX plugin and Better BibTeX where they agree.
 */
import type { CslItemJson, FilePosition, InteropRecord } from '../interop-record';
import { parseBiblatexDate, parseYearMonth } from './dates';
import { collapseSpace, decodeLatex } from './latex-decode';
import { parseNames } from './names';

const TYPES: Record<string, string> = {
  article: 'article-journal', book: 'book', mvbook: 'book', booklet: 'pamphlet', inbook: 'chapter', bookinbook: 'chapter',
  suppbook: 'chapter', incollection: 'chapter', suppcollection: 'chapter', collection: 'book', mvcollection: 'book',
  reference: 'book', mvreference: 'book', inreference: 'entry-encyclopedia', proceedings: 'book', mvproceedings: 'book',
  inproceedings: 'paper-conference', conference: 'paper-conference', manual: 'report', thesis: 'thesis', phdthesis: 'thesis',
  mastersthesis: 'thesis', techreport: 'report', report: 'report', unpublished: 'manuscript', online: 'webpage',
  electronic: 'webpage', www: 'webpage', software: 'software', dataset: 'dataset', data: 'dataset', patent: 'patent',
  periodical: 'periodical', standard: 'standard', artwork: 'graphic', audio: 'song', video: 'motion_picture',
  movie: 'motion_picture', letter: 'personal_communication', legislation: 'legislation', jurisdiction: 'legal_case',
  review: 'review', suppperiodical: 'article-journal', music: 'song', performance: 'performance', image: 'graphic',
  map: 'map', misc: 'document',
};

/** Fields read into CSL variables or the record (everything else goes to `extra`). */
const MAPPED = new Set([
  'title', 'subtitle', 'shorttitle', 'author', 'editor', 'translator', 'bookauthor', 'journal', 'journaltitle', 'booktitle',
  'shortjournal', 'journalsubtitle', 'volume', 'number', 'issue', 'pages', 'year', 'month', 'day', 'date', 'urldate',
  'publisher', 'address', 'location', 'doi', 'url', 'isbn', 'issn', 'pmid', 'pmcid', 'abstract', 'language', 'series',
  'edition', 'howpublished', 'note', 'annote', 'annotation', 'keywords', 'file', 'eventtitle', 'venue', 'type', 'langid',
  'eprint', 'eprinttype', 'archiveprefix', 'chapter', 'numpages', 'pagetotal',
]);

/** Fields that are verbatim in biblatex (no LaTeX decoding); escaped specials are unescaped. */
function verbatim(raw: string): string {
  let out = '';
  for (let i = 0; i < raw.length; i++) {
    const c = raw[i]!;
    if (c === '\\' && i + 1 < raw.length && '_%&#~$'.includes(raw[i + 1]!)) {
      out += raw[++i];
      if (raw[i] === '~' && raw.startsWith('{}', i + 1)) i += 2;
    } else if (c === '\\' && raw.startsWith('\\url{', i)) i += 4;
    else if (c !== '{' && c !== '}') out += c;
  }
  return collapseSpace(out);
}

const ARXIV_NEW = /(\d{4}\.\d{4,5})(v\d+)?/;
const ARXIV_OLD = /([a-z-]{1,20}(?:\.[A-Z]{2})?\/\d{7})(v\d+)?/;

/** An arXiv id in an eprint value or an arxiv.org URL, or null. */
export function arxivIdOf(text: string): string | null {
  const m = ARXIV_NEW.exec(text) ?? ARXIV_OLD.exec(text);
  return m === null ? null : m[1]! + (m[2] ?? '');
}

/** `12--34`, `12 – 34` -> `12-34`: a run of spaces and dashes holding a dash becomes one hyphen. */
function pageRange(pages: string): string {
  let out = '';
  for (let i = 0; i < pages.length; ) {
    let j = i;
    let dash = false;
    while (j < pages.length && ' -–—\u00a0'.includes(pages[j]!)) {
      if (pages[j] !== ' ' && pages[j] !== '\u00a0') dash = true;
      j++;
    }
    if (j > i) {
      out += dash ? '-' : pages.slice(i, j);
      i = j;
    } else out += pages[i++];
  }
  return out;
}

/** Splits at `sep` characters outside braces; trims; drops empties. */
function splitList(raw: string, seps: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let from = 0;
  for (let i = 0; i <= raw.length; i++) {
    const c = raw[i];
    if (c === '{') depth++;
    else if (c === '}') depth--;
    else if (c === '\\' && (raw[i + 1] === ';' || raw[i + 1] === ',')) i++;
    else if (i === raw.length || (depth === 0 && seps.includes(c!))) {
      const part = raw.slice(from, i).trim();
      if (part !== '') out.push(part);
      from = i + 1;
    }
  }
  return out;
}

/** The record's place in the file and the warnings raised while mapping it. */
export interface EntryToCsl {
  record: InteropRecord;
  warnings: string[];
}

/**
 * @param type the entry type as written (`@InProceedings` -> `InProceedings`)
 * @param key the citation key
 * @param fields field name (lower case) -> value in LaTeX, inheritance already applied
 * @param at where the entry starts
 */
export function entryToCsl(type: string, key: string, fields: Map<string, string>, at: FilePosition): EntryToCsl {
  const warnings: string[] = [];
  const lower = type.toLowerCase();
  const get = (name: string): string | undefined => fields.get(name);
  const text = (name: string): string | undefined => {
    const v = fields.get(name);
    if (v === undefined) return undefined;
    const d = decodeLatex(v);
    return d === '' ? undefined : d;
  };
  const extra: Record<string, string> = { bibtex_type: type };
  const item: CslItemJson = { id: key, type: TYPES[lower] ?? 'document', 'citation-key': key };
  const set = (variable: string, value: string | undefined): void => {
    if (value !== undefined && value !== '') item[variable] = value;
  };

  // arXiv: eprint + archivePrefix/eprinttype, an arxiv.org URL, or Google Scholar's
  // `journal = {arXiv preprint arXiv:2101.00001}`.
  const eprintType = (get('archiveprefix') ?? get('eprinttype') ?? '').trim().toLowerCase();
  const eprint = get('eprint');
  let arxivId: string | null = null;
  if (eprint !== undefined && (eprintType === 'arxiv' || (eprintType === '' && /^(arxiv:)?\d{4}\.\d{4,5}(v\d+)?$/i.test(eprint.trim())))) arxivId = arxivIdOf(eprint);
  const url = get('url') === undefined ? undefined : verbatim(get('url')!);
  if (arxivId === null && url !== undefined && /arxiv\.org\/(abs|pdf)\//i.test(url)) arxivId = arxivIdOf(url);
  const journal = text('journaltitle') ?? text('journal');
  if (arxivId === null && journal !== undefined && /^arxiv preprint/i.test(journal)) arxivId = arxivIdOf(journal);
  if (lower === 'misc' || lower === 'online' || lower === 'unpublished') {
    if (arxivId !== null) item.type = 'article';
    else if (lower === 'misc' && url !== undefined) item.type = 'webpage';
  }
  if (eprint !== undefined && arxivId === null) extra.eprint = decodeLatex(eprint);
  if (eprintType !== '' && arxivId === null) extra[get('archiveprefix') !== undefined ? 'archiveprefix' : 'eprinttype'] = eprintType;

  const titleRaw = get('title');
  if (titleRaw !== undefined) {
    let title = decodeLatex(titleRaw);
    let protectedTitle = decodeLatex(titleRaw, true);
    const sub = text('subtitle');
    if (sub !== undefined) {
      title = `${title}: ${sub}`;
      protectedTitle = `${protectedTitle}: ${decodeLatex(get('subtitle')!, true)}`;
    }
    set('title', title);
    if (protectedTitle !== title) extra.title_protected = protectedTitle;
  }
  set('title-short', text('shorttitle'));

  for (const [field, variable] of [['author', 'author'], ['editor', 'editor'], ['translator', 'translator'], ['bookauthor', 'container-author']] as const) {
    const raw = get(field);
    if (raw === undefined) continue;
    const { names, truncated } = parseNames(raw);
    if (names.length > 0) item[variable] = names;
    if (truncated) extra[`${field}_truncated`] = 'true';
  }

  const booktitle = text('booktitle');
  if (journal !== undefined && !(arxivId !== null && /^arxiv preprint/i.test(journal))) {
    set('container-title', journal);
    if (booktitle !== undefined) extra.booktitle = booktitle;
  } else if (booktitle !== undefined) set('container-title', booktitle);
  set('container-title-short', text('shortjournal'));
  set('volume', text('volume'));
  const number = text('number');
  const issue = text('issue');
  if (item.type === 'article-journal' || item.type === 'article-magazine' || item.type === 'article-newspaper') {
    set('issue', issue ?? number);
    if (issue !== undefined && number !== undefined) set('number', number);
  } else {
    set('number', number);
    set('issue', issue);
  }
  const pages = text('pages');
  if (pages !== undefined) set('page', pageRange(pages));
  set('chapter-number', text('chapter'));
  set('number-of-pages', text('pagetotal') ?? text('numpages'));

  const date = get('date');
  const year = get('year');
  if (date !== undefined && date.trim() !== '') item.issued = parseBiblatexDate(decodeLatex(date));
  else if (year !== undefined && year.trim() !== '') item.issued = parseYearMonth(decodeLatex(year), get('month') === undefined ? undefined : decodeLatex(get('month')!), get('day'));
  if (item.issued?.raw !== undefined) warnings.push(`date '${item.issued.raw}' is not a date BibLaTeX reads; kept as text`);
  const urldate = get('urldate');
  if (urldate !== undefined) item.accessed = parseBiblatexDate(decodeLatex(urldate));

  // Fields read here only for some types: left in `extra` unless used.
  const used = new Set<string>();
  const institution = text('institution') ?? text('school');
  const organization = text('organization');
  let publisher = text('publisher');
  if (publisher === undefined && (item.type === 'report' || item.type === 'thesis') && institution !== undefined) {
    publisher = institution;
    used.add('institution').add('school');
  }
  const howpublished = text('howpublished');
  if (howpublished !== undefined && /^(https?:\/\/|www\.)/i.test(verbatim(get('howpublished')!))) {
    if (url === undefined) set('URL', verbatim(get('howpublished')!));
  } else if (publisher === undefined && howpublished !== undefined) publisher = howpublished;
  else if (howpublished !== undefined) extra.howpublished = howpublished;
  if (publisher === undefined && organization !== undefined && lower !== 'inproceedings') {
    publisher = organization;
    used.add('organization');
  }
  set('publisher', publisher);
  set('publisher-place', text('location') ?? text('address'));
  set('event-title', text('eventtitle'));
  set('event-place', text('venue'));
  set('genre', text('type') ?? (lower === 'phdthesis' ? 'PhD thesis' : lower === 'mastersthesis' ? "Master's thesis" : undefined));

  const doi = get('doi');
  if (doi !== undefined) set('DOI', verbatim(doi).replace(/^(?:https?:\/\/(?:dx\.)?doi\.org\/|doi:\s*)/i, ''));
  set('URL', url);
  set('ISBN', text('isbn'));
  set('ISSN', text('issn'));
  set('PMID', text('pmid'));
  set('PMCID', text('pmcid'));
  set('abstract', text('abstract'));
  const language = text('language');
  const langid = text('langid');
  set('language', language ?? langid);
  if (language !== undefined && langid !== undefined) extra.langid = langid;
  set('collection-title', text('series'));
  set('edition', text('edition'));

  // note, annote and annotation all become the record's note (Lectern's note on the paper), in that
  // order, a blank line apart: BibTeX's `note` is as often the user's remark as a citable addition.
  const notes = ['note', 'annote', 'annotation'].map(text).filter((n): n is string => n !== undefined);
  const keywords = get('keywords');
  const tags = keywords === undefined ? [] : [...new Set(splitList(keywords, ',;').map((k) => decodeLatex(k)).filter((k) => k !== ''))];
  const file = get('file');
  const files = file === undefined ? [] : splitList(file, ';');

  for (const [name, value] of fields) {
    if (MAPPED.has(name) || used.has(name)) continue;
    extra[name] = decodeLatex(value);
  }
  return {
    record: { item, citationKey: key, tags, note: notes.length > 0 ? notes.join('\n\n') : null, files, arxivId, extra, at },
    warnings,
  };
}
