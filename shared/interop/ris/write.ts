/** Writing records as RIS. */
import { withArxiv } from '../arxiv-csl';
import { stripCslMarkup } from '../csl-markup';
import type { CslDateJson, CslNameJson, InteropRecord } from '../interop-record';
import { CSL_TO_RIS, formatRisDate, formatRisName, RIS_TO_CSL } from './ris-fields';
import { risTagLine } from './read';

/** CSL name variables and their RIS tags, in the order written. */
const NAME_TAGS: ReadonlyArray<[string, string]> = [
  ['author', 'AU'],
  ['editor', 'A2'],
  ['collection-editor', 'A3'],
  ['translator', 'A4'],
];

/** CSL text variables and their RIS tags, in the order written after the names, title and dates. */
const TEXT_TAGS: ReadonlyArray<[string, string]> = [
  ['volume', 'VL'],
  ['issue', 'IS'],
];
const LATER_TEXT_TAGS: ReadonlyArray<[string, string]> = [
  ['publisher', 'PB'],
  ['publisher-place', 'CY'],
  ['language', 'LA'],
  ['edition', 'ET'],
  ['number', 'M1'],
  ['genre', 'M3'],
  ['number-of-volumes', 'NV'],
  ['section', 'SE'],
  ['call-number', 'CN'],
];

/** An RIS tag as `extra` keeps it (`C1`, `AN`, `DB`); other extra keys (`bibtex_type`, `ris_type`) are not RIS tags. */
const TAG_KEY = /^[A-Z][A-Z0-9]$/;

/**
 * @returns RIS text: one record per item, `TY  - ` first, one `AU` line per author in order, `PY` as
 *   `YYYY` (and `DA` as `YYYY/MM/DD/` when the month is known), no blank line inside a record, `ER  - `
 *   closing each record, a blank line between records; CRLF line ends. Fields with no RIS tag are left out.
 */
export function writeRis(records: readonly InteropRecord[]): string {
  const out: string[] = [];
  for (const record of records) {
    writeRecord(record, out);
    out.push('');
  }
  return out.length ? `${out.join('\r\n')}\r\n` : '';
}

function writeRecord(record: InteropRecord, out: string[]): void {
  const { extra } = record;
  // An arXiv id as Zotero writes a preprint: `UR` its abstract page, `M1` `arXiv:ID`, `PB` arXiv (read back by map-fields.ts).
  const item = withArxiv(record.item, record.arxivId);
  const put = (tag: string, value: unknown): void => {
    if (value === undefined || value === null) return;
    const text = String(value);
    // Continuation lines carry the value's line breaks; blank ones are dropped (no blank line inside a record),
    // and one that would read as a tag line is indented so it stays a continuation.
    const lines = text.split(/\r\n|\n|\r/).map((l) => l.trim()).filter((l) => l !== '');
    if (lines.length === 0) return;
    out.push(`${tag}  - ${lines[0]}`);
    for (const l of lines.slice(1)) out.push(risTagLine(l) ? ` ${l}` : l);
  };
  const keptType = extra.ris_type;
  const risType = keptType !== undefined && (RIS_TO_CSL[keptType] ?? 'document') === item.type ? keptType : (CSL_TO_RIS[item.type] ?? 'GEN');
  put('TY', risType);
  for (const [variable, tag] of NAME_TAGS) {
    const names = item[variable];
    if (Array.isArray(names)) for (const n of names as CslNameJson[]) put(tag, formatName(n));
  }
  // RIS is plain text: CSL rich-text tags (`<i>in vivo</i>`) are left out.
  put('TI', typeof item.title === 'string' ? stripCslMarkup(item.title) : item.title);
  put('ST', typeof item['title-short'] === 'string' ? stripCslMarkup(item['title-short']) : item['title-short']);
  put('T2', item['container-title']);
  put('J2', item['container-title-short']);
  put('T3', item['collection-title']);
  writeDate('PY', 'DA', item.issued, put);
  writeDate('Y2', null, item.accessed, put);
  for (const [variable, tag] of TEXT_TAGS) put(tag, item[variable]);
  if (item.page !== undefined) {
    const page = String(item.page);
    const dash = page.search(/[-\u2013\u2014]/);
    const end = dash > 0 ? page.slice(dash + 1).replace(/^[-\u2013\u2014]+/, '').trim() : '';
    if (end !== '') {
      put('SP', page.slice(0, dash).trim());
      put('EP', end);
    } else {
      put('SP', page);
    }
  }
  put('SN', item.ISSN);
  put('SN', item.ISBN);
  put('DO', item.DOI);
  put('UR', item.URL);
  for (const tag of record.tags) put('KW', tag);
  put('N1', record.note);
  put('AB', item.abstract);
  for (const [variable, tag] of LATER_TEXT_TAGS) put(tag, item[variable]);
  put('ID', record.citationKey);
  for (const file of record.files) put('L1', filePath(file));
  for (const [key, value] of Object.entries(extra)) {
    if (!TAG_KEY.test(key) || key === 'TY' || key === 'ER') continue;
    for (const line of value.split('\n')) put(key, line);
  }
  out.push('ER  - ');
}

/** A name as `Family, Given, Suffix` (see formatRisName); a name with neither family nor literal is not written. */
function formatName(name: CslNameJson): string | undefined {
  return name.literal || name.family ? formatRisName(name) : undefined;
}

function writeDate(yearTag: string, fullTag: string | null, date: CslDateJson | undefined, put: (tag: string, value: unknown) => void): void {
  if (date === undefined) return;
  const formatted = formatRisDate(date);
  if (formatted === null) {
    const text = date.raw ?? date.literal;
    if (text !== undefined) put(yearTag, text);
    return;
  }
  if (fullTag === null) {
    put(yearTag, formatted.full ?? formatted.year);
    return;
  }
  put(yearTag, formatted.year);
  put(fullTag, formatted.full);
}

const MIME = /^[a-z]+\/[a-z0-9.+-]+$/i;

/**
 * @param file one entry of a BibTeX `file` field: a path, or Zotero/JabRef's `description:path:mime`
 *   (`Full Text PDF:/home/me/Zotero/storage/EFGH/x.pdf:application/pdf`, colons in the path escaped `\:`)
 * @returns the path alone (RIS `L1` holds a path or URL)
 */
export function filePath(file: string): string {
  const last = file.lastIndexOf(':');
  if (last <= 0 || !MIME.test(file.slice(last + 1).trim())) return file;
  const first = file.indexOf(':');
  if (first === last) return file;
  return file.slice(first + 1, last).split('\\:').join(':');
}
