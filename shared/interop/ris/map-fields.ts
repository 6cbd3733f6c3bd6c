/** The tags of one RIS record mapped to an InteropRecord (CSL item, key, tags, note, files, extra). */
import { arxivFromCsl } from '../arxiv-csl';
import type { CslItemJson, CslNameJson, FilePosition, InteropRecord } from '../interop-record';
import { arxivIdFrom, bareDoi, CSL_TO_RIS, parseRisDate, parseRisName, RIS_TO_CSL, standardNumberKind, UNKNOWN_RIS_TYPE } from './ris-fields';

/** One tag line of a record (continuation lines already joined), with its line in the file. */
export interface RisField {
  tag: string;
  value: string;
  line: number;
}

/** Name tags to the CSL name variable they fill (A1 and AU both authors, in file order). */
const NAME_TAGS: Readonly<Record<string, string>> = { AU: 'author', A1: 'author', A2: 'editor', ED: 'editor', A3: 'collection-editor', A4: 'translator' };

/** Tags read into one CSL variable; a second value of the same variable goes to `extra` under its tag. */
const SINGLE_TAGS: Readonly<Record<string, string>> = {
  TI: 'title',
  T1: 'title',
  ST: 'title-short',
  T2: 'container-title',
  JF: 'container-title',
  // JO is the abbreviated journal name (as Zotero reads it); it is the journal only when nothing else names one.
  JO: 'container-title-short',
  JA: 'container-title-short',
  J2: 'container-title-short',
  T3: 'collection-title',
  VL: 'volume',
  IS: 'issue',
  AB: 'abstract',
  N2: 'abstract',
  PB: 'publisher',
  CY: 'publisher-place',
  PP: 'publisher-place',
  LA: 'language',
  M1: 'number',
  ET: 'edition',
  NV: 'number-of-volumes',
  SE: 'section',
  CN: 'call-number',
  UR: 'URL',
};

/** An EndNote `M3` holding a DOI (`10.1145/...`, `doi: 10.1145/...`). */
const DOI_SHAPE = /^(?:doi:\s?)?10\.\d{4,9}\//i;

/** A warning about one record, positioned at a line of it. */
export interface FieldWarning {
  line: number;
  column: number;
  message: string;
}

/**
 * @param type the `TY` value
 * @param fields the record's other tag lines, in file order
 * @param at where the record starts
 * @param index the record's number in the file (1-based), for its CSL id when it has no `ID`
 * @returns the record and the warnings about it (an unknown type, a date that is no date)
 */
export function mapRisFields(type: string, fields: readonly RisField[], at: FilePosition, index: number): { record: InteropRecord; warnings: FieldWarning[] } {
  const warnings: FieldWarning[] = [];
  const risType = type.trim().toUpperCase();
  const extra: Record<string, string> = {};
  const cslType = RIS_TO_CSL[risType];
  if (cslType === undefined) {
    warnings.push({ line: at.line, column: at.column, message: `unknown RIS type '${risType}'; read as a document` });
  }
  if (cslType === undefined || CSL_TO_RIS[cslType] !== risType) extra.ris_type = risType;
  const item: CslItemJson = { id: '', type: cslType ?? UNKNOWN_RIS_TYPE };
  const record: InteropRecord = { item, citationKey: null, tags: [], note: null, files: [], arxivId: null, extra, at };
  const addExtra = (tag: string, value: string): void => {
    extra[tag] = extra[tag] === undefined ? value : `${extra[tag]}\n${value}`;
  };
  const setOnce = (variable: string, tag: string, value: string): void => {
    if (item[variable] === undefined) item[variable] = value;
    else addExtra(tag, value);
  };
  let sp: string | null = null;
  let ep: string | null = null;
  let da: RisField | null = null;

  for (const f of fields) {
    const { tag, value } = f;
    if (value === '') continue;
    const nameVariable = NAME_TAGS[tag];
    if (nameVariable !== undefined) {
      const name = parseRisName(value);
      if (name) {
        const list = (item[nameVariable] as CslNameJson[] | undefined) ?? [];
        if (list.length === 0) item[nameVariable] = list;
        list.push(name);
      }
      continue;
    }
    const single = SINGLE_TAGS[tag];
    if (single !== undefined) {
      setOnce(single, tag, value);
      continue;
    }
    switch (tag) {
      case 'BT':
        // The book's title in a book record, the containing book's title elsewhere (RIS specification).
        if (item.type === 'book' && item.title === undefined) item.title = value;
        else setOnce('container-title', tag, value);
        break;
      case 'PY':
      case 'Y1':
        if (item.issued === undefined) item.issued = dated(parseRisDate(value), f, warnings);
        else addExtra(tag, value);
        break;
      case 'DA':
        if (da === null) da = f;
        else addExtra(tag, value);
        break;
      case 'Y2':
        if (item.accessed === undefined) item.accessed = dated(parseRisDate(value), f, warnings);
        else addExtra(tag, value);
        break;
      case 'SP':
        if (sp === null) sp = value;
        else addExtra(tag, value);
        break;
      case 'EP':
        if (ep === null) ep = value;
        else addExtra(tag, value);
        break;
      case 'SN': {
        const kind = standardNumberKind(value);
        if (kind && item[kind] === undefined) item[kind] = value;
        else addExtra(tag, value);
        break;
      }
      case 'DO':
        setOnce('DOI', tag, bareDoi(value));
        break;
      case 'M3':
        // EndNote writes the DOI here ("type of work" elsewhere): a DOI the record already has is not repeated.
        if (!DOI_SHAPE.test(value)) setOnce('genre', tag, value);
        else if (item.DOI !== bareDoi(value)) setOnce('DOI', tag, bareDoi(value));
        break;
      case 'L1':
      case 'L4':
        record.files.push(value);
        break;
      case 'KW':
        record.tags.push(value);
        break;
      case 'N1':
        record.note = record.note === null ? value : `${record.note}\n${value}`;
        break;
      case 'ID':
        if (record.citationKey === null) record.citationKey = value;
        else addExtra(tag, value);
        break;
      default:
        addExtra(tag, value);
    }
  }
  const jo = fields.find((f) => f.tag === 'JO' && f.value !== '');
  if (item['container-title'] === undefined && jo !== undefined && item['container-title-short'] === jo.value) {
    item['container-title'] = jo.value;
    delete item['container-title-short'];
  }
  if (da !== null) mergeDate(item, da, extra, warnings);
  if (sp !== null) item.page = ep !== null && ep !== sp ? `${sp}-${ep}` : sp;
  else if (ep !== null) addExtra('EP', ep);
  item.id = record.citationKey ?? `ris-${index}`;
  // `M1 arXiv:ID` (what Lectern and Zotero write) first: it also drops the `PB arXiv` and URL written with it.
  record.arxivId = arxivFromCsl(item) ?? arxivIdFrom(item.DOI, item.URL);
  // An unpublished work on arXiv is a preprint: CSL `article` (written back as UNPB).
  if (risType === 'UNPB' && record.arxivId !== null) item.type = 'article';
  return { record, warnings };
}

function dated(date: ReturnType<typeof parseRisDate>, f: RisField, warnings: FieldWarning[]): ReturnType<typeof parseRisDate> {
  if (date.raw !== undefined) warnings.push({ line: f.line, column: 1, message: `'${f.tag}' date '${f.value}' is not YYYY/MM/DD/; kept as written` });
  return date;
}

/** `DA` refines `PY` (`PY 2020`, `DA 2020/05/03/`); a `DA` of another year is kept in extra. */
function mergeDate(item: CslItemJson, da: RisField, extra: Record<string, string>, warnings: FieldWarning[]): void {
  const date = parseRisDate(da.value);
  const issued = item.issued;
  if (issued === undefined) {
    item.issued = dated(date, da, warnings);
    return;
  }
  const a = issued['date-parts']?.[0];
  const b = date['date-parts']?.[0];
  if (a && b && a[0] === b[0]) {
    if (b.length > a.length || (date.season !== undefined && issued.season === undefined)) item.issued = date;
    else if (b.length < a.length || a.some((n, i) => n !== b[i]) || (date.season !== undefined && date.season !== issued.season)) extra.DA = da.value;
    return;
  }
  extra.DA = da.value;
}
