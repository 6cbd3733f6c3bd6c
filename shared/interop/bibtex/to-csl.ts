/**
 * One BibTeX/BibLaTeX entry (fields in LaTeX, macros and crossref already resolved) -> an InteropRecord:
 * the CSL item plus key, tags, note, files, arXiv id and every field without a CSL home in `extra`.
 * The type and field mapping follows citation-js's BibTeX plugin and Better BibTeX where they agree.
 */
import type { CslItemJson, FilePosition, InteropRecord } from '../interop-record';
import { latexMarkupToMarks, marksToCsl } from '../csl-markup';
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

/** Entry types whose `organization` is written back as such (BibTeX and BibLaTeX both have the field for them). */
const KEEPS_ORGANIZATION = new Set(['online', 'manual', 'misc', 'electronic', 'www']);

/** BibLaTeX's thesis and report `type` keys (and the BibTeX entry types they stand for) -> words. */
const GENRES: Record<string, string> = {
  phdthesis: 'PhD thesis', mathesis: "Master's thesis", mastersthesis: "Master's thesis", candthesis: 'Candidate thesis',
  techreport: 'Technical report', resreport: 'Research report', software: 'Computer software', datacd: 'CD-ROM',
};

const NAME_FIELDS = [['author', 'author'], ['editor', 'editor'], ['translator', 'translator'], ['bookauthor', 'container-author']] as const;

/** Fields that are verbatim in biblatex (no LaTeX decoding); escaped specials are unescaped. */
function verbatim(raw: string): string {
  if (!raw.includes('\\') && !raw.includes('{') && !raw.includes('}')) return collapseSpace(raw);
  const out: string[] = [];
  let from = 0;
  for (let i = 0; i < raw.length; i++) {
    const c = raw[i]!;
    if (c !== '\\' && c !== '{' && c !== '}') continue;
    out.push(raw.slice(from, i));
    from = i + 1;
    if (c === '\\' && i + 1 < raw.length && '_%&#~$'.includes(raw[i + 1]!)) {
      // `\_` -> `_`; `\~{}` -> `~`.
      out.push(raw[++i]!);
      from = i + 1;
      if (raw[i] === '~' && raw.startsWith('{}', i + 1)) {
        i += 2;
        from = i + 1;
      }
    } else if (c === '\\' && raw.startsWith('\\url', i)) {
      i += 3;
      from = i + 1;
    } else if (c === '\\') {
      out.push('\\');
    }
  }
  out.push(raw.slice(from));
  return collapseSpace(out.join(''));
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

/** A field decoded from LaTeX, or undefined when absent or empty. */
function textOf(fields: Map<string, string>, name: string): string | undefined {
  const v = fields.get(name);
  if (v === undefined) return undefined;
  const d = decodeLatex(v);
  return d === '' ? undefined : d;
}

function setVar(item: CslItemJson, variable: string, value: string | undefined): void {
  if (value !== undefined && value !== '') item[variable] = value;
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
  const extra: Record<string, string> = { bibtex_type: type };
  const item: CslItemJson = { id: key, type: TYPES[lower] ?? 'document', 'citation-key': key };

  // arXiv: eprint + archivePrefix/eprinttype, an arxiv.org URL, or Google Scholar's
  // `journal = {arXiv preprint arXiv:2101.00001}`.
  const eprintType = (fields.get('archiveprefix') ?? fields.get('eprinttype') ?? '').trim().toLowerCase();
  const eprint = fields.get('eprint');
  let arxivId: string | null = null;
  if (eprint !== undefined && (eprintType === 'arxiv' || (eprintType === '' && /^(arxiv:)?\d{4}\.\d{4,5}(v\d+)?$/i.test(eprint.trim())))) arxivId = arxivIdOf(eprint);
  const url = fields.get('url') === undefined ? undefined : verbatim(fields.get('url')!);
  if (arxivId === null && url !== undefined && /arxiv\.org\/(abs|pdf)\//i.test(url)) arxivId = arxivIdOf(url);
  const journal = textOf(fields, 'journaltitle') ?? textOf(fields, 'journal');
  if (arxivId === null && journal !== undefined && /^arxiv preprint/i.test(journal)) arxivId = arxivIdOf(journal);
  if (lower === 'misc' || lower === 'online' || lower === 'unpublished') {
    if (arxivId !== null) item.type = 'article';
    else if (lower === 'misc' && url !== undefined) item.type = 'webpage';
  }
  // Google Scholar's `@article` with `journal = {arXiv preprint arXiv:...}` is a preprint, not a journal article.
  if (lower === 'article' && arxivId !== null && journal !== undefined && /^arxiv preprint/i.test(journal)) item.type = 'article';
  if (eprint !== undefined && arxivId === null) extra.eprint = decodeLatex(eprint);
  if (eprintType !== '' && arxivId === null) extra[fields.get('archiveprefix') !== undefined ? 'archiveprefix' : 'eprinttype'] = eprintType;

  // Italics and the like in a title (`\textit{in vivo}`) become CSL rich text (`<i>in vivo</i>`), see csl-markup.ts.
  const titleRaw = fields.get('title') === undefined ? undefined : latexMarkupToMarks(fields.get('title')!);
  if (titleRaw !== undefined) {
    let title = decodeLatex(titleRaw);
    // Without a brace there is nothing protected: no second pass.
    let protectedTitle = titleRaw.includes('{') ? decodeLatex(titleRaw, true) : title;
    const subRaw = fields.get('subtitle') === undefined ? undefined : latexMarkupToMarks(fields.get('subtitle')!);
    const sub = subRaw === undefined ? undefined : decodeLatex(subRaw);
    if (sub !== undefined && sub !== '') {
      title = `${title}: ${sub}`;
      protectedTitle = `${protectedTitle}: ${decodeLatex(subRaw!, true)}`;
    }
    setVar(item, 'title', marksToCsl(title));
    if (protectedTitle !== title) extra.title_protected = marksToCsl(protectedTitle);
  }
  setVar(item, 'title-short', textOf(fields, 'shorttitle'));

  for (const [field, variable] of NAME_FIELDS) {
    const raw = fields.get(field);
    if (raw === undefined) continue;
    const { names, truncated } = parseNames(raw);
    if (names.length > 0) item[variable] = names;
    if (truncated) extra[`${field}_truncated`] = 'true';
  }

  const booktitle = textOf(fields, 'booktitle');
  if (journal !== undefined && !(arxivId !== null && /^arxiv preprint/i.test(journal))) {
    setVar(item, 'container-title', journal);
    if (booktitle !== undefined) extra.booktitle = booktitle;
  } else if (booktitle !== undefined) setVar(item, 'container-title', booktitle);
  setVar(item, 'container-title-short', textOf(fields, 'shortjournal'));
  setVar(item, 'volume', textOf(fields, 'volume'));
  const number = textOf(fields, 'number');
  const issue = textOf(fields, 'issue');
  if (item.type === 'article-journal' || item.type === 'article-magazine' || item.type === 'article-newspaper') {
    setVar(item, 'issue', issue ?? number);
    if (issue !== undefined && number !== undefined) setVar(item, 'number', number);
  } else {
    setVar(item, 'number', number);
    setVar(item, 'issue', issue);
  }
  const pages = textOf(fields, 'pages');
  if (pages !== undefined) setVar(item, 'page', pageRange(pages));
  setVar(item, 'chapter-number', textOf(fields, 'chapter'));
  setVar(item, 'number-of-pages', textOf(fields, 'pagetotal') ?? textOf(fields, 'numpages'));

  const date = fields.get('date');
  const year = fields.get('year');
  // Dates are read as written, braces aside: `~` is EDTF's circa here, not LaTeX's tie.
  if (date !== undefined && date.trim() !== '') item.issued = parseBiblatexDate(verbatim(date));
  else if (year !== undefined && year.trim() !== '') item.issued = parseYearMonth(decodeLatex(year), fields.get('month') === undefined ? undefined : decodeLatex(fields.get('month')!), fields.get('day'));
  if (item.issued?.raw !== undefined) warnings.push(`date '${item.issued.raw}' is not a date BibLaTeX reads; kept as text`);
  const urldate = fields.get('urldate');
  if (urldate !== undefined) item.accessed = parseBiblatexDate(verbatim(urldate));

  // Fields read here only for some types: left in `extra` unless used.
  const used = new Set<string>();
  const institution = textOf(fields, 'institution') ?? textOf(fields, 'school');
  const organization = textOf(fields, 'organization');
  let publisher = textOf(fields, 'publisher');
  if (publisher === undefined && (item.type === 'report' || item.type === 'thesis') && institution !== undefined) {
    publisher = institution;
    used.add('institution').add('school');
  }
  const howpublished = textOf(fields, 'howpublished');
  if (howpublished !== undefined && /^(https?:\/\/|www\.)/i.test(verbatim(fields.get('howpublished')!))) {
    if (url === undefined) setVar(item, 'URL', verbatim(fields.get('howpublished')!));
  } else if (publisher === undefined && howpublished !== undefined) publisher = howpublished;
  else if (howpublished !== undefined) extra.howpublished = howpublished;
  if (publisher === undefined && organization !== undefined && lower !== 'inproceedings') {
    publisher = organization;
    // An online resource's, manual's or misc's organization stays one (kept in extra): the writer puts it
    // back as `organization`, not `publisher`.
    if (!KEEPS_ORGANIZATION.has(lower)) used.add('organization');
  }
  setVar(item, 'publisher', publisher);
  setVar(item, 'publisher-place', textOf(fields, 'location') ?? textOf(fields, 'address'));
  setVar(item, 'event-title', textOf(fields, 'eventtitle'));
  setVar(item, 'event-place', textOf(fields, 'venue'));
  const genre = textOf(fields, 'type') ?? lower;
  setVar(item, 'genre', GENRES[genre.toLowerCase()] ?? (fields.has('type') ? genre : undefined));

  const doi = fields.get('doi');
  if (doi !== undefined) setVar(item, 'DOI', verbatim(doi).replace(/^(?:https?:\/\/(?:dx\.)?doi\.org\/|doi:\s*)/i, ''));
  setVar(item, 'URL', url);
  // `@misc` with `howpublished = {\url{...}}` (Google Scholar, many hand-written files) is a web page too.
  if (lower === 'misc' && item.type === 'document' && item.URL !== undefined) item.type = 'webpage';
  setVar(item, 'ISBN', textOf(fields, 'isbn'));
  setVar(item, 'ISSN', textOf(fields, 'issn'));
  setVar(item, 'PMID', textOf(fields, 'pmid'));
  setVar(item, 'PMCID', textOf(fields, 'pmcid'));
  setVar(item, 'abstract', textOf(fields, 'abstract'));
  const language = textOf(fields, 'language');
  const langid = textOf(fields, 'langid');
  setVar(item, 'language', language ?? langid);
  if (language !== undefined && langid !== undefined) extra.langid = langid;
  setVar(item, 'collection-title', textOf(fields, 'series'));
  setVar(item, 'edition', textOf(fields, 'edition'));

  // note, annote and annotation all become the record's note (Lectern's note on the paper), in that
  // order, a blank line apart: BibTeX's `note` is as often the user's remark as a citable addition.
  // `note` is also the item's CSL `note`: styles print it ("Accepted", "In press"), and the writer puts it back as `note`.
  const notes = ['note', 'annote', 'annotation'].map((f) => textOf(fields, f)).filter((n): n is string => n !== undefined);
  setVar(item, 'note', textOf(fields, 'note'));
  const keywords = fields.get('keywords');
  const tags: string[] = [];
  const seen = new Set<string>();
  if (keywords !== undefined) {
    for (const k of splitList(keywords, ',;')) {
      const tag = decodeLatex(k);
      // `includes` for the usual handful; a set would cost more than it saves below ~16.
      if (tag !== '' && (tags.length < 16 ? !tags.includes(tag) : !seen.has(tag))) {
        tags.push(tag);
        if (tags.length === 16) for (const t of tags) seen.add(t);
        else if (tags.length > 16) seen.add(tag);
      }
    }
  }
  const file = fields.get('file');
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
