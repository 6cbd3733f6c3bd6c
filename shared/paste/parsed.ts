/**
 * The structure every paste parser returns: one profile (author card + papers), in exactly the shape of
 * `../shared/profiles/*.expected.json` (schema in FORMATS.md section 3). Field names follow that
 * fixture schema (snake_case) because `lectern parse` must print it verbatim.
 */
import { z } from 'zod';
import { FORMAT_IDS } from './paste-format';

export const PASTE_SOURCES = [
  'scholarfeed',
  'google_scholar',
  'semantic_scholar',
  'dblp',
  'arxiv_author',
  'arxiv_search',
  'arxiv_listing',
  'openreview',
  'orcid',
  'researchgate',
  'acm_dl',
  'scopus',
  'paperswithcode',
  'huggingface_papers',
  /** An unknown page read by the generic block parser (FORMATS.md section 5.0). */
  'generic',
] as const;
export const PasteSource = z.enum(PASTE_SOURCES);
export type PasteSource = z.infer<typeof PasteSource>;

/** Metrics a profile page can show; only those the page shows are present. Counts are integers. */
export const ProfileMetrics = z.object({
  h_index: z.number().int().nonnegative().optional(),
  citations: z.number().int().nonnegative().optional(),
  paper_count: z.number().int().nonnegative().optional(),
  i10_index: z.number().int().nonnegative().optional(),
  h_index_recent: z.number().int().nonnegative().optional(),
  citations_recent: z.number().int().nonnegative().optional(),
  i10_index_recent: z.number().int().nonnegative().optional(),
  recent_since_year: z.number().int().optional(),
  highly_influential_citations: z.number().int().nonnegative().optional(),
  /** scholarfeed "Novelty": percent, 0-100. */
  novelty_pct: z.number().nonnegative().optional(),
  /** scholarfeed "AI Score": the site's 0-100 score. */
  ai_score: z.number().nonnegative().optional(),
  /** ResearchGate "Reads". */
  reads: z.number().int().nonnegative().optional(),
  /** Scopus "Citations by N documents": the N. */
  citing_documents: z.number().int().nonnegative().optional(),
  // ACM Digital Library bibliometrics.
  avg_citations_per_article: z.number().nonnegative().optional(),
  /** ACM "Publication Years" as printed (`2014 - 2024`). */
  publication_years: z.string().optional(),
  available_for_download: z.number().int().nonnegative().optional(),
  avg_downloads_per_article: z.number().nonnegative().optional(),
  downloads_cumulative: z.number().int().nonnegative().optional(),
  downloads_12_months: z.number().int().nonnegative().optional(),
  downloads_6_weeks: z.number().int().nonnegative().optional(),
});
export type ProfileMetrics = z.infer<typeof ProfileMetrics>;

export const ParsedAuthor = z.object({
  name: z.string().min(1),
  affiliation: z.string().nullable(),
  interests: z.array(z.string()),
  homepage: z.string().nullable(),
  ids: z.record(z.string(), z.string()),
  metrics: ProfileMetrics,
  extra: z.record(z.string(), z.unknown()),
});
export type ParsedAuthor = z.infer<typeof ParsedAuthor>;

export const ParsedPaper = z.object({
  title: z.string().min(1),
  /** Names exactly as printed, markers removed. */
  authors: z.array(z.string()),
  /** The page elided authors ("et al." and the like). */
  authors_truncated: z.boolean(),
  /** Only when the page states the total number of authors. */
  author_count: z.number().int().nullable(),
  equal_contribution: z.array(z.string()),
  affiliations: z.array(z.string()),
  /** ISO date at the precision the page gives: YYYY-MM-DD or YYYY-MM; null when only a year is shown. */
  date: z.string().regex(/^\d{4}-\d{2}(-\d{2})?$/).nullable(),
  year: z.number().int().nullable(),
  venue: z.string().nullable(),
  pages: z.string().nullable(),
  type: z.string().nullable(),
  /** Subject codes (arXiv sub-codes as the page shows them), primary first. */
  category: z.array(z.string()),
  citations: z.number().int().nonnegative().nullable(),
  /** Verbatim, LaTeX included. */
  abstract: z.string().nullable(),
  abstract_truncated: z.boolean(),
  tldr: z.string().nullable(),
  ids: z.object({
    arxiv: z.string().optional(),
    doi: z.string().optional(),
    eid: z.string().optional(),
    pmid: z.string().optional(),
  }),
  has_code: z.boolean().nullable(),
  has_pdf: z.boolean().nullable(),
  extra: z.record(z.string(), z.unknown()),
});
export type ParsedPaper = z.infer<typeof ParsedPaper>;

export const ParsedProfile = z.object({
  source: PasteSource,
  source_url_hint: z.string().optional(),
  author: ParsedAuthor.nullable(),
  papers: z.array(ParsedPaper),
});
export type ParsedProfile = z.infer<typeof ParsedProfile>;

/** A line of the paste the parser did not use, with its 1-based line number in the pasted text. */
export const SkippedLine = z.object({
  line: z.number().int().positive(),
  text: z.string(),
  reason: z.string(),
});
export type SkippedLine = z.infer<typeof SkippedLine>;

/** What the parser could not use: skipped lines, and a record cut off at the end of the paste. */
export const ParseReport = z.object({
  skipped: z.array(SkippedLine),
  /** The last record when the paste ends in the middle of it; it is not among `papers`. */
  incompleteTail: z
    .object({ line: z.number().int().positive(), text: z.string(), missing: z.string() })
    .nullable(),
  warnings: z.array(z.string()),
});
export type ParseReport = z.infer<typeof ParseReport>;

/**
 * How the format was chosen: `sure` / `likely` / `unsure` by detection (signature counts, FORMATS.md
 * section 2), `chosen` when the user picked the format, `fallback` when nothing matched and the generic
 * block parser read the page.
 */
export const DETECTION_CONFIDENCES = ['sure', 'likely', 'unsure', 'chosen', 'fallback'] as const;
export const Detection = z.object({
  format: z.enum(FORMAT_IDS),
  /** What the page is: `Google Scholar profile`. */
  label: z.string(),
  confidence: z.enum(DETECTION_CONFIDENCES),
  /** Signature line shapes seen (0 for a chosen or fallback format). */
  signatures: z.number().int().nonnegative(),
});
export type Detection = z.infer<typeof Detection>;

export const ParseOutcome = z.object({ profile: ParsedProfile, report: ParseReport, detection: Detection.optional() });
export type ParseOutcome = z.infer<typeof ParseOutcome>;
