/**
 * The one shape every reference file reader returns and every writer takes: a CSL-JSON item (CSL 1.0.2
 * specification, "Appendix IV: Variables"; names as "Name-part" objects, dates as `date-parts`) plus what a
 * reference manager keeps beside it (the citation key, tags, a note, attached file paths) and where in the
 * file it came from. BibTeX, BibLaTeX, RIS and CSL-JSON readers map *into* this; writers map *out of* it;
 * the library maps it to and from its stored record (db/library/). Field names are CSL-JSON's own
 * (hyphenated, `DOI` upper case) so a CSL-JSON file round-trips without renaming.
 */

/** A CSL name: personal (family/given with particles and suffix) or institutional (`literal`). */
export interface CslNameJson {
  family?: string;
  given?: string;
  'dropping-particle'?: string;
  'non-dropping-particle'?: string;
  suffix?: string;
  /** Organisations and names that must not be split (`{Barnes and Noble}` in BibTeX). */
  literal?: string;
}

/** A CSL date: `date-parts` [[year, month?, day?]] or a range [[from], [to]]; `circa` for uncertain; `raw` when unparsed. */
export interface CslDateJson {
  'date-parts'?: number[][];
  circa?: boolean | string | number;
  /** A season or other period (`Spring`; RIS `2020///Spring`); CSL allows 1-4 for the seasons too. */
  season?: string | number;
  raw?: string;
  literal?: string;
}

/**
 * A CSL-JSON item. Only the variables Lectern reads or writes are typed; any other CSL variable a file
 * carries is kept by readers under its CSL name (the index signature) and written back by writers.
 */
export interface CslItemJson {
  id: string;
  type: string;
  title?: string;
  'title-short'?: string;
  author?: CslNameJson[];
  editor?: CslNameJson[];
  'container-author'?: CslNameJson[];
  translator?: CslNameJson[];
  issued?: CslDateJson;
  accessed?: CslDateJson;
  'container-title'?: string;
  'collection-title'?: string;
  volume?: string;
  issue?: string;
  page?: string;
  number?: string;
  edition?: string;
  publisher?: string;
  'publisher-place'?: string;
  'event-title'?: string;
  'event-place'?: string;
  genre?: string;
  URL?: string;
  DOI?: string;
  ISBN?: string;
  ISSN?: string;
  PMID?: string;
  PMCID?: string;
  language?: string;
  abstract?: string;
  /** Comma-separated (CSL-JSON convention). */
  keyword?: string;
  note?: string;
  'citation-key'?: string;
  [variable: string]: unknown;
}

/** Where a record or a problem sits in its file: 1-based line and column (columns count UTF-16 code units). */
export interface FilePosition {
  line: number;
  column: number;
}

/** One reference read from a file, ready to import or to write in another format. */
export interface InteropRecord {
  item: CslItemJson;
  /** The key the file gave it (BibTeX key, RIS `ID`, CSL-JSON `id`/`citation-key`); null when it gave none. */
  citationKey: string | null;
  /** BibTeX `keywords`, RIS `KW`, CSL `keyword`: become Lectern tags. */
  tags: string[];
  /** BibTeX `annote`/`note`... (whatever the reader's mapping names), RIS `N1`: becomes a note. */
  note: string | null;
  /** BibTeX `file`, RIS `L1`/`L4`: kept as text, never opened. */
  files: string[];
  /** The arXiv identifier when the file names one (BibTeX `eprint` with `archivePrefix = arXiv`, an arxiv.org URL). */
  arxivId: string | null;
  /**
   * Fields with no CSL home, kept so nothing is lost (BibTeX field name -> decoded value), and reader
   * markers such as `bibtex_type` (the entry type as written) and `title_protected` (the title with the
   * braces the file used to protect capitals, so an export writes them back).
   */
  extra: Record<string, string>;
  /** Where the record starts in its file. */
  at: FilePosition;
}

/** A problem with one part of a file; printed as `FILE:LINE:COLUMN: message`. */
export interface InteropProblem extends FilePosition {
  /** Says what and, when it matters, what was kept: "entry 'smith2020' has no closing brace; read up to line 230". */
  message: string;
  /** The entry's key when known. */
  key?: string;
  /** `error`: the entry was not read; `warning`: it was read, something in it was dropped or guessed. */
  severity: 'error' | 'warning';
}

export const INTEROP_FORMATS = ['bibtex', 'biblatex', 'ris', 'csl-json'] as const;
export type InteropFormat = (typeof INTEROP_FORMATS)[number];

/** How the bytes of a file were decoded (said in the import report). */
export type TextEncodingName = 'utf-8' | 'utf-8-bom' | 'utf-16le' | 'utf-16be' | 'latin-1';

/** What a reader returns for one file: every record it could read, and one problem per thing it could not. */
export interface InteropReadResult {
  format: InteropFormat;
  records: InteropRecord[];
  problems: InteropProblem[];
  /** Entries seen in the file (read or not): the report says "read 498 of 500 entries". */
  entriesSeen: number;
}

/** Progress of a long read: units done of total (bytes for BibTeX, records elsewhere). */
export type ReadProgress = (done: number, total: number) => void;

/** Options every reader takes. */
export interface ReadOptions {
  /** Called now and then during a long read. */
  onProgress?: ReadProgress;
  /** Abort to stop; the reader throws LecternError `CANCELLED`. */
  signal?: AbortSignal;
}

/** Format a problem as compilers do: `refs.bib:214:3: entry 'smith2020' has no closing brace; read up to line 230`. */
export function problemLine(fileName: string, problem: InteropProblem): string {
  return `${fileName}:${problem.line}:${problem.column}: ${problem.message}`;
}
