/**
 * The mapping from a record read from a reference file (shared/interop/interop-record.ts InteropRecord,
 * a CSL-JSON item) to the stored record (db/schema.ts `papers`) and its authors' name parts. A file's
 * names come structured (BibTeX `von Last, Jr, First`, CSL-JSON name objects): their parts are kept as
 * the file gave them, never re-split from a printed string. What has no column is kept in `extra`
 * (under `interop`: the reader's own fields and markers; under `csl`: CSL variables with no column), so
 * an export gives it back (paper-records-out.ts).
 */
import { stripCslMarkup } from '../../shared/interop/csl-markup';
import type { CslDateJson, CslItemJson, CslNameJson, InteropRecord } from '../../shared/interop/interop-record';
import type { CslName } from '../../shared/record/csl-name';
import { CSL_TYPES } from '../../shared/record/csl-types';
import { firstAuthorKey, titleKey } from './keys';
import { bareDoi, splitArxivId, type PaperRecordColumns } from './parsed-record';

/** One author of a file's record: the printed name (how the library shows and links it) and its parts. */
export interface RecordAuthorIn extends CslName {
  printedName: string;
}

/** A file's record ready to store. */
export interface RecordIn {
  columns: PaperRecordColumns;
  authors: RecordAuthorIn[];
}

/** `extra` keys the import writes (and the export reads back). */
export const EXTRA_INTEROP = 'interop';
export const EXTRA_CSL = 'csl';
export const EXTRA_FILE = 'file';

/** CSL variables that have a column of `papers` (or are read into one), so are not kept under `extra.csl`. */
const WITH_A_COLUMN = new Set([
  'id', 'type', 'title', 'author', 'issued', 'container-title', 'volume', 'issue', 'page', 'number', 'publisher', 'publisher-place',
  'event-title', 'URL', 'DOI', 'ISBN', 'ISSN', 'PMID', 'PMCID', 'language', 'abstract', 'keyword', 'citation-key',
]);

const TYPES = new Set<string>(CSL_TYPES);
const clean = (v: unknown): string | null => (typeof v === 'string' ? v.trim() || null : typeof v === 'number' ? String(v) : null);

/**
 * The printed form of a CSL name, as the library shows names: `Given particles Family, Suffix`, or the
 * literal. `{ family: 'Beethoven', given: 'Ludwig', 'non-dropping-particle': 'van' }` -> `Ludwig van Beethoven`.
 */
export function printedName(n: CslNameJson): string {
  if (clean(n.literal)) return clean(n.literal)!;
  const body = [n.given, n['dropping-particle'], n['non-dropping-particle'], n.family].map(clean).filter(Boolean).join(' ');
  const suffix = clean(n.suffix);
  return suffix ? `${body}, ${suffix}` : body;
}

function nameParts(n: CslNameJson): CslName {
  const literal = clean(n.literal);
  if (literal) return { family: null, given: null, droppingParticle: null, nonDroppingParticle: null, suffix: null, literal };
  return {
    family: clean(n.family),
    given: clean(n.given),
    droppingParticle: clean(n['dropping-particle']),
    nonDroppingParticle: clean(n['non-dropping-particle']),
    suffix: clean(n.suffix),
    literal: null,
  };
}

/** `date` (YYYY-MM-DD or YYYY-MM, null for a year alone) and `year` of a CSL date; a range or an uncertain date is kept whole in `extra`. */
function dateColumns(issued: CslDateJson | undefined): { date: string | null; year: number | null; keepWhole: boolean } {
  const parts = issued?.['date-parts'];
  const first = Array.isArray(parts) ? parts[0] : undefined;
  const year = Array.isArray(first) && Number.isInteger(first[0]) ? first[0]! : null;
  if (year === null) return { date: null, year: null, keepWhole: issued !== undefined };
  const pad = (v: number) => String(v).padStart(2, '0');
  const [, month, day] = first!;
  const date = month ? (day ? `${year}-${pad(month)}-${pad(day)}` : `${year}-${pad(month)}`) : null;
  return { date, year, keepWhole: parts!.length > 1 || issued!.circa !== undefined || issued!.raw !== undefined || issued!.literal !== undefined };
}

/**
 * The stored record of a file's record.
 * @returns the papers columns (JSON columns as JSON text) and the authors in order
 */
export function recordFromInterop(r: InteropRecord): RecordIn {
  const item: CslItemJson = r.item;
  const authors = (item.author ?? [])
    .map((n) => ({ printedName: printedName(n), ...nameParts(n) }))
    .filter((a) => a.printedName !== '');
  const printed = authors.map((a) => a.printedName);
  // The column holds plain text (the library shows and searches it); CSL rich text (`<i>in vivo</i>`) is kept under `extra.csl`.
  const richTitle = clean(item.title);
  const title = (richTitle === null ? null : clean(stripCslMarkup(richTitle))) ?? (r.citationKey ? `(untitled: ${r.citationKey})` : '(untitled)');
  const { date, year, keepWhole } = dateColumns(item.issued);

  const csl: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(item)) {
    if (!WITH_A_COLUMN.has(key) && value !== undefined && value !== null && value !== '') csl[key] = value;
  }
  if (keepWhole && item.issued) csl.issued = item.issued;
  if (richTitle !== null && richTitle !== title) csl.title = richTitle;
  const extra: Record<string, unknown> = {};
  if (Object.keys(r.extra).length > 0) extra[EXTRA_INTEROP] = r.extra;
  if (Object.keys(csl).length > 0) extra[EXTRA_CSL] = csl;
  if (r.files.length > 0) extra[EXTRA_FILE] = r.files.join(';');

  const arxiv = r.arxivId ? splitArxivId(r.arxivId) : null;
  const keywords = (clean(item.keyword) ?? '').split(',').map((k) => k.trim()).filter(Boolean);
  const doi = clean(item.DOI);
  return {
    authors,
    columns: {
      title,
      titleKey: titleKey(title),
      firstAuthorKey: firstAuthorKey(printed),
      authorsText: printed.join(', '),
      affiliationsText: '',
      date,
      year,
      abstract: clean(item.abstract),
      venue: clean(item['container-title']),
      categories: '',
      hasCode: null,
      authorsTruncated: false,
      authorCount: null,
      itemType: TYPES.has(item.type) ? item.type : 'article',
      doi: doi ? bareDoi(doi) : null,
      arxivId: arxiv?.id ?? null,
      arxivVersion: arxiv?.version ?? null,
      volume: clean(item.volume),
      issue: clean(item.issue),
      page: clean(item.page),
      number: clean(item.number),
      publisher: clean(item.publisher),
      publisherPlace: clean(item['publisher-place']),
      event: clean(item['event-title']),
      url: clean(item.URL),
      isbn: clean(item.ISBN),
      issn: clean(item.ISSN),
      pmid: clean(item.PMID),
      pmcid: clean(item.PMCID),
      language: clean(item.language),
      keywords: JSON.stringify(keywords),
      extra: JSON.stringify(extra),
    },
  };
}
