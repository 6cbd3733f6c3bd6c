/** Which BibTeX or BibLaTeX entry type a CSL item is written as. */
import type { InteropRecord } from '../interop-record';

export type BibtexDialect = 'bibtex' | 'biblatex';

/** Entry types the standard BibTeX styles know (plus `patent`, which the common ones accept). */
const BIBTEX_TYPES = new Set([
  'article', 'book', 'booklet', 'conference', 'inbook', 'incollection', 'inproceedings', 'manual',
  'mastersthesis', 'misc', 'phdthesis', 'proceedings', 'techreport', 'unpublished', 'patent',
]);

/** BibLaTeX's entry types (manual, section 2.1), its aliases for the BibTeX ones included. */
const BIBLATEX_TYPES = new Set([
  'article', 'book', 'mvbook', 'inbook', 'bookinbook', 'suppbook', 'booklet', 'collection', 'mvcollection',
  'incollection', 'suppcollection', 'dataset', 'manual', 'misc', 'online', 'patent', 'periodical',
  'suppperiodical', 'proceedings', 'mvproceedings', 'inproceedings', 'reference', 'mvreference',
  'inreference', 'report', 'software', 'thesis', 'unpublished', 'conference', 'electronic',
  'mastersthesis', 'phdthesis', 'techreport', 'www',
]);

/** CSL type -> [BibTeX type, BibLaTeX type]. Types not listed are `misc` in both. */
const BY_CSL_TYPE: Record<string, readonly [string, string]> = {
  'article-journal': ['article', 'article'],
  'article-magazine': ['article', 'article'],
  'article-newspaper': ['article', 'article'],
  review: ['article', 'article'],
  'review-book': ['article', 'article'],
  'paper-conference': ['inproceedings', 'inproceedings'],
  chapter: ['incollection', 'incollection'],
  entry: ['incollection', 'inreference'],
  'entry-dictionary': ['incollection', 'inreference'],
  'entry-encyclopedia': ['incollection', 'inreference'],
  book: ['book', 'book'],
  collection: ['book', 'collection'],
  periodical: ['misc', 'periodical'],
  thesis: ['phdthesis', 'thesis'],
  report: ['techreport', 'report'],
  webpage: ['misc', 'online'],
  post: ['misc', 'online'],
  'post-weblog': ['misc', 'online'],
  article: ['misc', 'online'],
  manuscript: ['unpublished', 'unpublished'],
  dataset: ['misc', 'dataset'],
  software: ['misc', 'software'],
  patent: ['patent', 'patent'],
  pamphlet: ['booklet', 'booklet'],
};

/**
 * The CSL types each BibTeX/BibLaTeX type is read as (the reader's mapping, loosely): the written type is
 * kept only when it still describes the item (a paper whose type was edited in Lectern gets the new one).
 */
const CSL_TYPES_OF: Record<string, readonly string[]> = {
  article: ['article-journal', 'article-magazine', 'article-newspaper', 'review', 'review-book', 'article'],
  book: ['book'], mvbook: ['book'], booklet: ['book', 'pamphlet'], collection: ['book', 'collection'],
  mvcollection: ['book', 'collection'], proceedings: ['book', 'collection'], mvproceedings: ['book', 'collection'],
  reference: ['book', 'collection'], mvreference: ['book', 'collection'], manual: ['book', 'report'],
  periodical: ['periodical', 'book'],
  inbook: ['chapter'], bookinbook: ['chapter', 'book'], suppbook: ['chapter'], incollection: ['chapter'],
  suppcollection: ['chapter'], inreference: ['chapter', 'entry', 'entry-dictionary', 'entry-encyclopedia'],
  inproceedings: ['paper-conference'], conference: ['paper-conference'],
  phdthesis: ['thesis'], mastersthesis: ['thesis'], thesis: ['thesis'],
  techreport: ['report'], report: ['report'],
  online: ['webpage', 'post', 'post-weblog', 'article'], electronic: ['webpage'], www: ['webpage'],
  unpublished: ['manuscript', 'article'], dataset: ['dataset'], software: ['software'], patent: ['patent'],
};

/** A thesis genre that names a master's degree ("Master's thesis", "MSc thesis", "Diplomarbeit"). */
const MASTERS = /master|m\.?\s?sc|m\.?\s?a\.? thesis|magister|diplom/i;

/** @returns whether the thesis is a master's (BibTeX `mastersthesis`) by its genre */
export function isMastersThesis(genre: string | undefined): boolean {
  return genre !== undefined && MASTERS.test(genre);
}

/**
 * @returns the entry type to write (lower case): the one the file gave (`extra.bibtex_type`) when the
 *   dialect knows it and it still describes the item's CSL type, else the dialect's type for the CSL type
 *   (`misc` when the CSL type has no closer one); `misc` for BibTeX `article` preprints is kept `misc`
 */
export function entryType(record: InteropRecord, dialect: BibtexDialect): string {
  const cslType = record.item.type;
  const written = record.extra.bibtex_type?.trim().toLowerCase();
  if (written !== undefined && written !== '' && (dialect === 'bibtex' ? BIBTEX_TYPES : BIBLATEX_TYPES).has(written)) {
    if (CSL_TYPES_OF[written]?.includes(cslType) === true) return written;
    // `misc` fits whatever the dialect would also write as misc.
    if (written === 'misc' && mapped(cslType, record, dialect) === 'misc') return written;
  }
  return mapped(cslType, record, dialect);
}

function mapped(cslType: string, record: InteropRecord, dialect: BibtexDialect): string {
  const pair = BY_CSL_TYPE[cslType];
  if (pair === undefined) return 'misc';
  if (dialect === 'bibtex' && cslType === 'thesis' && isMastersThesis(record.item.genre)) return 'mastersthesis';
  return dialect === 'bibtex' ? pair[0] : pair[1];
}
