/**
 * RIS vocabulary shared by the reader and the writer: reference types (RIS `TY`) to CSL types and
 * back, dates (`PY`/`DA`/`Y1`: `2020`, `2020/05/03/`, `2020/05//`, `2020///Spring`), names
 * (`Family, Given, Suffix`), ISBN versus ISSN, and the arXiv identifier in a DOI or URL.
 */
import type { CslDateJson, CslNameJson } from '../interop-record';

/** RIS reference types (RIS specification, Thomson Reuters 2011, and what Zotero, EndNote, WoS, Scopus and PubMed write) to CSL types. */
export const RIS_TO_CSL: Readonly<Record<string, string>> = {
  JOUR: 'article-journal',
  EJOUR: 'article-journal',
  ABST: 'article-journal',
  INPR: 'article-journal',
  JFULL: 'periodical',
  MGZN: 'article-magazine',
  NEWS: 'article-newspaper',
  CONF: 'paper-conference',
  CPAPER: 'paper-conference',
  BOOK: 'book',
  EBOOK: 'book',
  EDBOOK: 'book',
  SER: 'book',
  CTLG: 'book',
  CHAP: 'chapter',
  ECHAP: 'chapter',
  THES: 'thesis',
  RPRT: 'report',
  GOVDOC: 'report',
  GEN: 'document',
  EQUA: 'document',
  GRANT: 'document',
  ELEC: 'webpage',
  WEB: 'webpage',
  BLOG: 'post-weblog',
  DATA: 'dataset',
  DBASE: 'dataset',
  AGGR: 'dataset',
  COMP: 'software',
  PAT: 'patent',
  UNPB: 'manuscript',
  MANSCPT: 'manuscript',
  STAT: 'legislation',
  LEGAL: 'legislation',
  BILL: 'bill',
  CASE: 'legal_case',
  HEAR: 'hearing',
  MAP: 'map',
  MPCT: 'motion_picture',
  VIDEO: 'motion_picture',
  SOUND: 'song',
  MUSIC: 'musical_score',
  ART: 'graphic',
  ADVS: 'graphic',
  FIGURE: 'figure',
  CHART: 'figure',
  PCOMM: 'personal_communication',
  ICOMM: 'personal_communication',
  ENCYC: 'entry-encyclopedia',
  DICT: 'entry-dictionary',
  PAMP: 'pamphlet',
  STAND: 'standard',
  ANCIENT: 'classic',
  CLSWK: 'classic',
  SLIDE: 'speech',
};

/** The RIS type written for each CSL type (the first RIS type above that maps to it, and a few CSL-only types). */
export const CSL_TO_RIS: Readonly<Record<string, string>> = (() => {
  const out: Record<string, string> = { article: 'UNPB', review: 'JOUR', 'review-book': 'JOUR', interview: 'PCOMM', speech: 'SLIDE', post: 'BLOG' };
  for (const [ris, csl] of Object.entries(RIS_TO_CSL)) if (!(csl in out)) out[csl] = ris;
  // arXiv preprints are CSL `article`; Zotero writes them as UNPB too, but JOUR would lose that they are preprints.
  return out;
})();

/** A RIS type with no CSL counterpart: the CSL type it is read as (the RIS type is kept in `extra.ris_type`). */
export const UNKNOWN_RIS_TYPE = 'document';

/**
 * @param value a `PY`, `Y1`, `DA` or `Y2` value: `2020`, `2020/05/03/`, `2020/05//`, `2020///Spring`, `2020-05-03`
 * @returns the CSL date (`date-parts`, with `season` for the fourth RIS part), or `{ raw }` when it is no such date
 */
export function parseRisDate(value: string): CslDateJson {
  const v = value.trim();
  const iso = /^(\d{4})-(\d{2})(?:-(\d{2}))?$/.exec(v);
  if (iso) return { 'date-parts': [[iso[1], iso[2], iso[3]].filter((p): p is string => p !== undefined).map(Number)] };
  const parts = v.split('/');
  if (parts.length > 4 || !/^\d{1,4}$/.test(parts[0]!)) return { raw: v };
  const month = parts[1] ?? '';
  const day = parts[2] ?? '';
  // Zotero writes the access time there (`2024/01/15/10:22:01`): not a season, dropped.
  const fourth = (parts[3] ?? '').trim();
  const other = /^\d{1,2}:\d{2}/.test(fourth) ? '' : fourth;
  if ((month !== '' && !/^\d{1,2}$/.test(month)) || (day !== '' && !/^\d{1,2}$/.test(day)) || (day !== '' && month === '')) return { raw: v };
  const dateParts = [Number(parts[0])];
  if (month !== '') dateParts.push(Number(month));
  if (day !== '') dateParts.push(Number(day));
  if (dateParts.slice(1).some((n) => n === 0)) return { raw: v };
  return other === '' ? { 'date-parts': [dateParts] } : { 'date-parts': [dateParts], season: other };
}

const pad2 = (n: number): string => String(n).padStart(2, '0');

/**
 * @returns `{ year: 'YYYY', full: 'YYYY/MM/DD/' }` (month or day empty when unknown, `///Season` kept),
 *   `full` null when the date has only a year; null when the date has no year (a raw date: see rawDate)
 */
export function formatRisDate(date: CslDateJson): { year: string; full: string | null } | null {
  const first = date['date-parts']?.[0];
  const year = first?.[0];
  if (typeof year !== 'number' || !Number.isFinite(year)) return null;
  const y = String(Math.trunc(year)).padStart(4, '0');
  const month = typeof first![1] === 'number' ? pad2(first![1]) : '';
  const day = month && typeof first![2] === 'number' ? pad2(first![2]) : '';
  const season = typeof date.season === 'string' || typeof date.season === 'number' ? String(date.season) : '';
  if (!month && !season) return { year: y, full: null };
  return { year: y, full: `${y}/${month}/${day}/${season}` };
}

/** German particles dropped when the family name stands alone (CSL `dropping-particle`). */
const DROPPING = new Set(['von', 'zu', 'vom', 'zum', 'zur']);

/**
 * @param value an `AU`/`A1`/`A2`/`A3`/`A4`/`ED` value: `Family, Given, Suffix` (lower-case words leading
 *   the family are particles: `van der Berg, Jan`), or anything without a comma (an organisation) as a literal
 * @returns the CSL name, or null for an empty value
 */
export function parseRisName(value: string): CslNameJson | null {
  const v = value.trim();
  if (v === '') return null;
  const comma = v.indexOf(',');
  if (comma < 0) return { literal: v };
  const familyPart = v.slice(0, comma).trim();
  const rest = v.slice(comma + 1);
  const second = rest.indexOf(',');
  const given = (second < 0 ? rest : rest.slice(0, second)).trim();
  const suffix = second < 0 ? '' : rest.slice(second + 1).trim();
  if (familyPart === '') return { literal: v };
  const name: CslNameJson = {};
  const words = familyPart.split(' ').filter((w) => w !== '');
  let i = 0;
  const dropping: string[] = [];
  const nonDropping: string[] = [];
  // Particles: the lower-case words before the last word (`van der Berg`, `von Neumann`, `de la Cruz`).
  while (i < words.length - 1 && isLowerCaseWord(words[i]!)) {
    if (nonDropping.length === 0 && DROPPING.has(words[i]!)) dropping.push(words[i]!);
    else nonDropping.push(words[i]!);
    i++;
  }
  name.family = words.slice(i).join(' ');
  if (given !== '') name.given = given;
  if (dropping.length) name['dropping-particle'] = dropping.join(' ');
  if (nonDropping.length) name['non-dropping-particle'] = nonDropping.join(' ');
  if (suffix !== '') name.suffix = suffix;
  return name;
}

function isLowerCaseWord(word: string): boolean {
  return /^\p{Ll}/u.test(word) && word.toLowerCase() === word;
}

/**
 * @returns `Family, Given, Suffix` with particles before the family (`von van der Berg, Jan, Jr.`), `Family,`
 *   for a family name alone (so it is not read back as an organisation), the literal as is
 */
export function formatRisName(name: CslNameJson): string {
  if (name.literal !== undefined && name.literal !== '') return name.literal;
  const family = [name['dropping-particle'], name['non-dropping-particle'], name.family].filter((p) => p !== undefined && p !== '').join(' ');
  const given = name.given ?? '';
  if (name.suffix) return `${family}, ${given}, ${name.suffix}`;
  return given === '' ? `${family},` : `${family}, ${given}`;
}

/** `SN` values: an ISSN is `1234-5678` (or `12345678`, last digit X allowed); an ISBN has 10 or 13 digits. */
export function standardNumberKind(value: string): 'ISSN' | 'ISBN' | null {
  const first = value.trim().split(/[\s;,]/)[0] ?? '';
  if (/^\d{4}-?\d{3}[\dXx]$/.test(first)) return 'ISSN';
  const digits = first.replace(/[-\s]/g, '');
  if (/^(?:\d{9}[\dXx]|\d{13})$/.test(digits)) return 'ISBN';
  return null;
}

/**
 * @param doi a DOI (arXiv's are `10.48550/arXiv.2401.01234`)
 * @param url a URL (`https://arxiv.org/abs/2401.01234v2`, `/pdf/...`)
 * @returns the arXiv identifier without version, or null
 */
export function arxivIdFrom(doi: string | undefined, url: string | undefined): string | null {
  const fromDoi = doi && /^10\.48550\/arxiv\.(\d{4}\.\d{4,5})/i.exec(doi);
  if (fromDoi) return fromDoi[1]!;
  const fromUrl = url && /arxiv\.org\/(?:abs|pdf)\/(\d{4}\.\d{4,5}|[a-z-]{1,20}(?:\.[A-Z]{2})?\/\d{7})/i.exec(url);
  return fromUrl ? fromUrl[1]! : null;
}

/** A DOI without its resolver or `doi:` prefix. */
export function bareDoi(value: string): string {
  return value.trim().replace(/^(?:https?:\/\/(?:dx\.)?doi\.org\/|doi:\s?)/i, '');
}
