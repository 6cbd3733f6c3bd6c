/**
 * Papers as the records every reference writer takes (shared/interop/interop-record.ts InteropRecord):
 * the CSL item built from the stored record and its authors' name parts, the paper's tags, its notes,
 * its citation key, and what an import kept in `extra` (reference-record-in.ts), given back so
 * library -> .bib -> library -> .bib is stable. Read in bulk: four queries for any number of papers.
 */
import { withArxiv } from '../../shared/interop/arxiv-csl';
import { stripCslMarkup } from '../../shared/interop/csl-markup';
import type { CslDateJson, CslItemJson, CslNameJson, InteropRecord } from '../../shared/interop/interop-record';
import { cslName } from '../../shared/record/csl-name';
import type { LibraryDb } from '../open';
import { EXTRA_CSL, EXTRA_FILE, EXTRA_INTEROP } from './reference-record-in';

interface PaperRow {
  id: number;
  title: string;
  item_type: string;
  date: string | null;
  year: number | null;
  venue: string | null;
  volume: string | null;
  issue: string | null;
  page: string | null;
  number: string | null;
  publisher: string | null;
  publisher_place: string | null;
  event: string | null;
  url: string | null;
  doi: string | null;
  isbn: string | null;
  issn: string | null;
  pmid: string | null;
  pmcid: string | null;
  language: string | null;
  abstract: string | null;
  keywords: string;
  arxiv_id: string | null;
  arxiv_version: number | null;
  extra: string;
  citation_key: string | null;
}

type AuthorRow = [paperId: number, printed: string, family: string | null, given: string | null, dropping: string | null, nonDropping: string | null, suffix: string | null, literal: string | null];

const COLUMNS =
  'id, title, item_type, date, year, venue, volume, issue, page, number, publisher, publisher_place, event, url, doi, isbn, issn, pmid, pmcid, language, abstract, keywords, arxiv_id, arxiv_version, extra, citation_key';
const IDS = 'SELECT value FROM json_each(?)';

function parseObject(text: string): Record<string, unknown> {
  if (text === '{}') return {};
  try {
    const v = JSON.parse(text) as unknown;
    return v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}

function group<V>(rows: Iterable<[number, V]>): Map<number, V[]> {
  const out = new Map<number, V[]>();
  for (const [id, v] of rows) {
    const list = out.get(id);
    if (list) list.push(v);
    else out.set(id, [v]);
  }
  return out;
}

/** A stored author as a CSL name: its parts, or (stored before names were split) its printed name split now. */
function nameOf(a: AuthorRow): CslNameJson {
  const [, printed, family, given, dropping, nonDropping, suffix, literal] = a;
  const parts = family === null && given === null && literal === null ? cslName(printed) : { family, given, droppingParticle: dropping, nonDroppingParticle: nonDropping, suffix, literal };
  if (parts.literal) return { literal: parts.literal };
  const n: CslNameJson = {};
  if (parts.family) n.family = parts.family;
  if (parts.given) n.given = parts.given;
  if (parts.droppingParticle) n['dropping-particle'] = parts.droppingParticle;
  if (parts.nonDroppingParticle) n['non-dropping-particle'] = parts.nonDroppingParticle;
  if (parts.suffix) n.suffix = parts.suffix;
  return Object.keys(n).length > 0 ? n : { literal: printed };
}

function issuedOf(p: PaperRow): CslDateJson | undefined {
  const parts = (p.date ?? '').split('-').map(Number).filter((n) => Number.isInteger(n) && n > 0);
  if (parts.length > 0) return { 'date-parts': [parts] };
  return p.year === null ? undefined : { 'date-parts': [[p.year]] };
}

/** The CSL item of a stored paper (without the variables `extra.csl` adds). */
function itemOf(p: PaperRow, authors: readonly AuthorRow[], csl: Record<string, unknown>): CslItemJson {
  // The title's rich text (reference-record-in.ts) while the title is unedited, else the title as it now is.
  const rich = typeof csl.title === 'string' && stripCslMarkup(csl.title).trim() === p.title ? csl.title : p.title;
  const item: CslItemJson = { ...(csl as Partial<CslItemJson>), id: p.citation_key ?? String(p.id), type: p.item_type, title: rich };
  if (authors.length > 0) item.author = authors.map(nameOf);
  const issued = (csl.issued as CslDateJson | undefined) ?? issuedOf(p);
  if (issued) item.issued = issued;
  const set = (variable: string, value: string | null) => {
    if (value !== null && value !== '') item[variable] = value;
  };
  set('container-title', p.venue);
  set('volume', p.volume);
  set('issue', p.issue);
  set('page', p.page);
  set('number', p.number);
  set('publisher', p.publisher);
  set('publisher-place', p.publisher_place);
  set('event-title', p.event);
  set('URL', p.url);
  set('DOI', p.doi);
  set('ISBN', p.isbn);
  set('ISSN', p.issn);
  set('PMID', p.pmid);
  set('PMCID', p.pmcid);
  set('language', p.language);
  set('abstract', p.abstract);
  let keywords: unknown = [];
  if (p.keywords !== '[]') {
    try {
      keywords = JSON.parse(p.keywords);
    } catch {
      keywords = [];
    }
  }
  if (Array.isArray(keywords) && keywords.length > 0) item.keyword = keywords.join(', ');
  if (p.citation_key) item['citation-key'] = p.citation_key;
  return item;
}

/**
 * The records of these papers, in the order given (ids that are not papers are left out).
 * Notes become one `note`: the paper's notes, oldest first, joined by a blank line.
 * @param ids paper ids (any number: passed as one JSON array)
 */
export function paperRecordsOut(db: LibraryDb, ids: readonly number[]): InteropRecord[] {
  if (ids.length === 0) return [];
  const c = db.$client;
  const json = JSON.stringify(ids);
  const rows = new Map((c.prepare(`SELECT ${COLUMNS} FROM papers WHERE id IN (${IDS})`).all(json) as PaperRow[]).map((r) => [r.id, r]));
  const authors = group(
    (c.prepare(`SELECT paper_id, printed_name, family, given, dropping_particle, non_dropping_particle, suffix, literal FROM paper_authors WHERE paper_id IN (${IDS}) ORDER BY paper_id, position`).raw().all(json) as AuthorRow[]).map(
      (a) => [a[0], a] as [number, AuthorRow],
    ),
  );
  const tags = group(c.prepare(`SELECT pt.paper_id, t.name FROM paper_tags pt JOIN tags t ON t.id = pt.tag_id WHERE pt.paper_id IN (${IDS}) ORDER BY t.name_key`).raw().all(json) as Array<[number, string]>);
  const notes = group(c.prepare(`SELECT paper_id, body FROM notes WHERE paper_id IN (${IDS}) ORDER BY created_at, id`).raw().all(json) as Array<[number, string]>);
  const out: InteropRecord[] = [];
  for (const id of ids) {
    const p = rows.get(id);
    if (!p) continue;
    const extra = parseObject(p.extra);
    const csl = (extra[EXTRA_CSL] && typeof extra[EXTRA_CSL] === 'object' ? extra[EXTRA_CSL] : {}) as Record<string, unknown>;
    const interop = (extra[EXTRA_INTEROP] && typeof extra[EXTRA_INTEROP] === 'object' ? extra[EXTRA_INTEROP] : {}) as Record<string, string>;
    const file = typeof extra[EXTRA_FILE] === 'string' ? (extra[EXTRA_FILE] as string) : '';
    const paperNotes = (notes.get(id) ?? []).map((n) => n.trim()).filter(Boolean);
    out.push({
      item: itemOf(p, authors.get(id) ?? [], csl),
      citationKey: p.citation_key,
      tags: tags.get(id) ?? [],
      note: paperNotes.length > 0 ? paperNotes.join('\n\n') : null,
      files: file ? file.split(';') : [],
      arxivId: p.arxiv_id ? p.arxiv_id + (p.arxiv_version ? `v${p.arxiv_version}` : '') : null,
      extra: { ...interop },
      at: { line: 1, column: 1 },
    });
  }
  return out;
}

/**
 * The CSL items of these papers (for citation keys and formatted citations), in the order given; an
 * arXiv id becomes the item's `number`, `URL` (and a preprint's `publisher`) so styles print it.
 */
export function paperCslItems(db: LibraryDb, ids: readonly number[]): CslItemJson[] {
  return paperRecordsOut(db, ids).map((r) => withArxiv(r.item, r.arxivId));
}
