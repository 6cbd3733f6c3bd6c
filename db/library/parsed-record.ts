/**
 * The one mapping from a parsed paper (shared/paste/parsed.ts, the fixture shape of FORMATS.md section 3)
 * to the stored record (db/schema.ts `papers`, the CSL-JSON item model) and its authors' CSL name parts.
 * A field added later is added here and in the schema; import-profile.ts writes and compares whatever
 * this returns. Every parsed field without a CSL column lands in `extra`: nothing is dropped.
 */
import type { ParsedPaper, PasteSource } from '../../shared/paste/parsed';
import { cslName, type CslName } from '../../shared/record/csl-name';
import { cslTypeFromPage } from '../../shared/record/csl-type-from-page';
import { splitScholarVenue } from '../../shared/record/venue-parts';
import type { papers } from '../schema';
import { firstAuthorKey, titleKey } from './keys';

type PaperInsert = typeof papers.$inferInsert;

/** The columns an import writes (citations aside: paper_citation_counts decides those, see citation-counts.ts). */
export type PaperRecordColumns = Required<
  Pick<
    PaperInsert,
    | 'title' | 'titleKey' | 'firstAuthorKey' | 'authorsText' | 'affiliationsText' | 'date' | 'year' | 'abstract'
    | 'venue' | 'categories' | 'hasCode' | 'authorsTruncated' | 'authorCount' | 'itemType' | 'doi' | 'arxivId'
    | 'arxivVersion' | 'volume' | 'issue' | 'page' | 'number' | 'publisher' | 'publisherPlace' | 'event' | 'url'
    | 'isbn' | 'issn' | 'pmid' | 'pmcid' | 'language' | 'keywords' | 'extra'
  >
>;

/** `extra` keys some parsers use for values that have a CSL column, and that column. */
const EXTRA_WITH_A_HOME = {
  volume: 'volume',
  issue: 'issue',
  article_no: 'number',
  number: 'number',
  publisher: 'publisher',
  publisher_place: 'publisherPlace',
  event: 'event',
  url: 'url',
  isbn: 'isbn',
  issn: 'issn',
  pmcid: 'pmcid',
  language: 'language',
} as const satisfies Record<string, keyof PaperRecordColumns>;

/**
 * An arXiv id without its version, and the version: `2401.01234v2` -> [`2401.01234`, 2],
 * `arXiv:cs/0612045` -> [`cs/0612045`, null]. An old-style id loses the subject class pages print
 * with it (`math.OC/0601001` -> `math/0601001`): arXiv's identifier is archive/YYMMNNN (arXiv
 * identifier scheme, https://info.arxiv.org/help/arxiv_identifier.html), so the same paper from two
 * pages matches.
 */
export function splitArxivId(raw: string): { id: string; version: number | null } {
  let id = raw.trim().replace(/^arxiv:/i, '');
  const slash = id.indexOf('/');
  const dot = id.indexOf('.');
  if (slash > 0 && dot > 0 && dot < slash) id = id.slice(0, dot) + id.slice(slash);
  const v = /v(\d{1,3})$/.exec(id);
  return v ? { id: id.slice(0, v.index), version: Number(v[1]) } : { id, version: null };
}

/** A DOI without a resolver prefix: `https://doi.org/10.1145/1` -> `10.1145/1`. */
export function bareDoi(raw: string): string {
  return raw.trim().replace(/^(?:https?:\/\/(?:dx\.)?doi\.org\/|doi:\s?)/i, '');
}

const text = (v: unknown): string | null => (typeof v === 'string' && v.trim() !== '' ? v.trim() : typeof v === 'number' ? String(v) : null);

/**
 * The stored record of a parsed paper.
 * @param p the parsed paper
 * @param source the paste's source (decides how the type label is read, and Google Scholar's venue split)
 * @returns the papers columns an import writes; JSON columns (`keywords`, `extra`) as JSON text
 */
export function paperRecord(p: ParsedPaper, source: PasteSource): PaperRecordColumns {
  const extra: Record<string, unknown> = {};
  const homed: Partial<Record<(typeof EXTRA_WITH_A_HOME)[keyof typeof EXTRA_WITH_A_HOME], string>> = {};
  for (const [key, value] of Object.entries(p.extra)) {
    const column = Object.hasOwn(EXTRA_WITH_A_HOME, key) ? EXTRA_WITH_A_HOME[key as keyof typeof EXTRA_WITH_A_HOME] : undefined;
    const asText = text(value);
    if (column && asText !== null && homed[column] === undefined) homed[column] = asText;
    else extra[key] = value;
  }
  // Parsed fields with no CSL column, kept when they say something.
  if (p.type !== null) extra.type_label = p.type;
  if (p.tldr !== null) extra.tldr = p.tldr;
  if (p.abstract_truncated) extra.abstract_truncated = true;
  if (p.has_pdf !== null) extra.has_pdf = p.has_pdf;
  if (p.equal_contribution.length > 0) extra.equal_contribution = p.equal_contribution;
  const { arxiv, doi, pmid, ...otherIds } = p.ids;
  for (const [key, value] of Object.entries(otherIds)) if (value) extra[key] = value;

  let venue = p.venue;
  let volume = homed.volume ?? null;
  let issue = homed.issue ?? null;
  let page = p.pages;
  if (source === 'google_scholar' && venue && p.extra.venue_truncated !== true) {
    const parts = splitScholarVenue(venue, p.year);
    if (parts && volume === null && issue === null && page === null) {
      extra.printed_venue = venue;
      ({ containerTitle: venue, volume, issue, page } = parts);
    }
  }
  const arxivParts = arxiv ? splitArxivId(arxiv) : null;
  const keywords = Array.isArray(p.extra.keywords) ? p.extra.keywords.filter((k): k is string => typeof k === 'string') : [];
  if (keywords.length > 0) delete extra.keywords;

  return {
    title: p.title,
    titleKey: titleKey(p.title),
    firstAuthorKey: firstAuthorKey(p.authors),
    authorsText: p.authors.join(', ') + (p.authors_truncated ? ' et al.' : ''),
    affiliationsText: p.affiliations.join(', '),
    date: p.date,
    year: p.year,
    abstract: p.abstract,
    venue,
    categories: p.category.join(' '),
    hasCode: p.has_code,
    authorsTruncated: p.authors_truncated,
    authorCount: p.author_count,
    itemType: cslTypeFromPage(source, p.type, p.venue),
    doi: doi ? bareDoi(doi) : null,
    arxivId: arxivParts?.id ?? null,
    arxivVersion: arxivParts?.version ?? null,
    volume,
    issue,
    page,
    number: homed.number ?? null,
    publisher: homed.publisher ?? null,
    publisherPlace: homed.publisherPlace ?? null,
    event: homed.event ?? null,
    url: homed.url ?? null,
    isbn: homed.isbn ?? null,
    issn: homed.issn ?? null,
    pmid: pmid ?? null,
    pmcid: homed.pmcid ?? null,
    language: homed.language ?? null,
    keywords: JSON.stringify(keywords),
    extra: JSON.stringify(extra),
  };
}

/**
 * CSL name parts of each printed author, in order.
 * @param names printed names
 * @param source the paste's source (Google Scholar prints glued initials: `JL` -> `J. L.`)
 */
export function authorNameParts(names: readonly string[], source: PasteSource): CslName[] {
  return names.map((n) => cslName(n, { initials: source === 'google_scholar' }));
}

/** Record fields a page that does not show them leaves as they are (another source may have given them). */
const FILLED_NOT_ERASED = [
  'date', 'year', 'abstract', 'venue', 'doi', 'arxivId', 'hasCode', 'authorCount',
  'arxivVersion', 'volume', 'issue', 'page', 'number', 'publisher', 'publisherPlace', 'event', 'url', 'isbn', 'issn', 'pmid', 'pmcid', 'language',
] as const;
/** Columns that describe the printed author list: kept together when a page lists no authors (ORCID). */
const AUTHOR_COLUMNS = ['authorsText', 'firstAuthorKey', 'authorsTruncated', 'authorCount'] as const;

/**
 * The record a re-import stores for a paper the library has: the page's values, except that a field a
 * page does not show keeps what the library has (Semantic Scholar prints no pages: the pages Google
 * Scholar gave stay; ORCID lists no authors and often no venue: dblp's stay), `keywords`, affiliations
 * and categories stay when the page lists none, `extra` keeps keys the page did not give (key by key,
 * inside its groups too: a .bib's `interop` fields such as dblp's `biburl`), and a type
 * guessed from the venue (no label on the page) does not replace a stored type.
 * @param stored the paper's row
 * @param next paperRecord() of the page's paper
 * @param typeGuessed true when the page printed no type label
 */
export function mergeRecord(stored: typeof papers.$inferSelect, next: PaperRecordColumns, typeGuessed: boolean): PaperRecordColumns {
  const merged: PaperRecordColumns = { ...next };
  for (const field of FILLED_NOT_ERASED) {
    if (merged[field] === null && stored[field] !== null) (merged as Record<string, unknown>)[field] = stored[field];
  }
  if (next.keywords === '[]') merged.keywords = stored.keywords;
  if (next.authorsText === '' && stored.authorsText !== '') for (const c of AUTHOR_COLUMNS) (merged as Record<string, unknown>)[c] = stored[c];
  if (next.affiliationsText === '') merged.affiliationsText = stored.affiliationsText;
  if (next.categories === '') merged.categories = stored.categories;
  const keptExtra = parseObject(stored.extra);
  const nextExtra = parseObject(next.extra);
  // A venue this page printed whole replaces an older page's printed (split) venue.
  if (!('printed_venue' in nextExtra)) delete keptExtra.printed_venue;
  merged.extra = JSON.stringify(mergeExtra(keptExtra, nextExtra));
  if (typeGuessed && stored.itemType) merged.itemType = stored.itemType;
  return merged;
}

const isPlainObject = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v);

/**
 * `extra` merged key by key: the new keys added, the values the source shows replacing the stored ones,
 * keys it does not show kept; a group (`interop`, `csl`) is merged the same way one level down, so a
 * file without dblp's `timestamp` does not drop it.
 */
function mergeExtra(kept: Record<string, unknown>, next: Record<string, unknown>): Record<string, unknown> {
  const merged: Record<string, unknown> = { ...kept, ...next };
  for (const [key, value] of Object.entries(next)) {
    const old = kept[key];
    if (isPlainObject(old) && isPlainObject(value)) merged[key] = { ...old, ...value };
  }
  return merged;
}

function parseObject(text: string): Record<string, unknown> {
  try {
    const value = JSON.parse(text) as unknown;
    return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}
