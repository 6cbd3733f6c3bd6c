/**
 * What every paste source provides to detection and parsing. One object per source, in one file per
 * source under shared/paste/ (google-scholar.ts, dblp.ts, ...); formats.ts lists them.
 */
import type { ParseOutcome, PasteSource } from './parsed';

/** Formats Lectern can read: the sources of FORMATS.md, the scholarfeed paper page, and the generic parser. */
export const FORMAT_IDS = [
  'scholarfeed',
  'scholarfeed_paper',
  'google_scholar',
  'semantic_scholar',
  'dblp',
  'arxiv_author',
  'arxiv_listing',
  'arxiv_search',
  'openreview',
  'orcid',
  'researchgate',
  'acm_dl',
  'scopus',
  'paperswithcode',
  'huggingface_papers',
  'generic',
] as const;
export type FormatId = (typeof FORMAT_IDS)[number];

export interface PasteFormat {
  id: FormatId;
  /** The `source` the parse reports (the scholarfeed paper page reports `scholarfeed`). */
  source: PasteSource;
  /** What the page is, for the preview: `Google Scholar profile`. */
  label: string;
  /** The site, for citation counts: `cited by 12 (Google Scholar, 2026-12-07)`. */
  site: string;
  /** A profile page makes an author card; a listing or search (arXiv listing, Hugging Face) does not. */
  isProfile: boolean;
  /**
   * How many of the format's signature line shapes (FORMATS.md section 2) the sampled normalised lines
   * show; 0 for the generic parser, which is never detected, only fallen back to.
   */
  signatures(lines: readonly string[]): number;
  /** Parse normalised lines (line i is line i+1 of the paste). Never throws for odd content; linear. */
  parse(lines: readonly string[]): ParseOutcome;
  /**
   * Said to the user when a paste detected as this format yields no paper, after "This looks like a
   * <label>, but no papers were found:". Plain words about what to copy, never parser jargon.
   */
  noPapersHint: string;
}
