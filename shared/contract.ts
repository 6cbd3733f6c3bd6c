/**
 * The IPC contract: every channel the renderer (or CLI, or HTTP client) can call, with a zod schema for
 * its input and its output. Electron's preload, the browser-mode server and the command line are all
 * derived from this one table; types elsewhere are inferred from it.
 */
import { z } from 'zod';
import { ParsedAuthor, ParseReport, PasteSource, SkippedLine } from './paste/parsed';

// ---- shared pieces -------------------------------------------------------------------------------

export const Id = z.number().int().positive();

/** Metrics shown on a profile page at one moment (null: the page did not show it). */
export const MetricSnapshot = z.object({
  id: Id,
  source: PasteSource,
  /** ISO 8601 UTC time of the import that captured it. */
  capturedAt: z.string(),
  hIndex: z.number().int().nullable(),
  i10Index: z.number().int().nullable(),
  citations: z.number().int().nullable(),
  paperCount: z.number().int().nullable(),
  noveltyPct: z.number().nullable(),
  aiScore: z.number().nullable(),
});
export type MetricSnapshot = z.infer<typeof MetricSnapshot>;

export const PAPER_SORT_COLUMNS = ['title', 'authors', 'date', 'year', 'category', 'code', 'affiliations', 'citations', 'added'] as const;
export const PaperSortColumn = z.enum(PAPER_SORT_COLUMNS);
export type PaperSortColumn = z.infer<typeof PaperSortColumn>;

export const PaperRow = z.object({
  id: Id,
  title: z.string(),
  /** Printed names in order. */
  authors: z.array(z.string()),
  authorsTruncated: z.boolean(),
  date: z.string().nullable(),
  year: z.number().int().nullable(),
  categories: z.array(z.string()),
  hasCode: z.boolean().nullable(),
  affiliations: z.array(z.string()),
  citations: z.number().int().nullable(),
});
export type PaperRow = z.infer<typeof PaperRow>;

export const PaperAuthorLink = z.object({ position: z.number().int(), printedName: z.string(), authorId: Id });

export const PaperDetail = PaperRow.extend({
  abstract: z.string().nullable(),
  venue: z.string().nullable(),
  /** CSL-JSON item type. */
  itemType: z.string(),
  doi: z.string().nullable(),
  arxivId: z.string().nullable(),
  authorCount: z.number().int().nullable(),
  authorLinks: z.array(PaperAuthorLink),
  /** Imports that added or touched this paper, oldest first. */
  imports: z.array(z.object({ importId: Id, format: PasteSource, action: z.enum(['added', 'updated', 'unchanged']), createdAt: z.string() })),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type PaperDetail = z.infer<typeof PaperDetail>;

export const AuthorSummary = z.object({
  id: Id,
  name: z.string(),
  primaryCategory: z.string().nullable(),
  /** Papers in the library that list this author. */
  papersInLibrary: z.number().int(),
  /** True when a profile of this author was imported (a metrics snapshot exists). */
  hasProfile: z.boolean(),
  hIndex: z.number().int().nullable(),
  citations: z.number().int().nullable(),
});
export type AuthorSummary = z.infer<typeof AuthorSummary>;

export const NameCount = z.object({ name: z.string(), count: z.number().int() });

export const AuthorCard = z.object({
  id: Id,
  name: z.string(),
  primaryCategory: z.string().nullable(),
  /** Latest snapshot, or null when no profile of this author was imported. */
  metrics: MetricSnapshot.nullable(),
  papersInLibrary: z.number().int(),
  /** Affiliations printed on this author's papers, most frequent first. */
  affiliations: z.array(NameCount),
  /** Authors who share the most papers with this one, most frequent first (at most 10). */
  coAuthors: z.array(NameCount.extend({ id: Id })),
});
export type AuthorCard = z.infer<typeof AuthorCard>;

export const AuthorMetrics = z.object({
  authorId: Id,
  name: z.string(),
  /** Every snapshot, oldest first. */
  snapshots: z.array(MetricSnapshot),
  papersPerYear: z.array(z.object({ year: z.number().int(), count: z.number().int() })),
  papersPerCategory: z.array(z.object({ category: z.string(), count: z.number().int() })),
  papersInLibrary: z.number().int(),
  papersWithCode: z.number().int(),
  /** papersWithCode / papersInLibrary, 0..1; null when the author has no papers. */
  codeShare: z.number().nullable(),
});
export type AuthorMetrics = z.infer<typeof AuthorMetrics>;

export const ImportCounts = z.object({
  added: z.number().int(),
  updated: z.number().int(),
  unchanged: z.number().int(),
});

export const ImportReport = ImportCounts.extend({
  /** The import record; for an `alreadyImported` paste, the earlier import of the same text. */
  importId: Id,
  /** The identical text was imported before and would change nothing: nothing was stored. */
  alreadyImported: z.boolean(),
  format: PasteSource,
  author: z.object({ id: Id, name: z.string() }).nullable(),
  /** True when the profile's metrics differed from the latest snapshot (or there was none). */
  snapshotAdded: z.boolean(),
  skipped: z.array(SkippedLine),
  incompleteTail: ParseReport.shape.incompleteTail,
  warnings: z.array(z.string()),
});
export type ImportReport = z.infer<typeof ImportReport>;

export const PastePreview = z.object({
  format: PasteSource,
  author: ParsedAuthor.nullable(),
  paperCount: z.number().int(),
  /** The first papers recognised (at most 5). */
  firstPapers: z.array(z.object({ title: z.string(), date: z.string().nullable(), authors: z.array(z.string()), authorsTruncated: z.boolean() })),
  /** What importing would do to the library now. */
  wouldImport: ImportCounts,
  /** True when importing would record a new metrics snapshot (first capture, or the figures changed). */
  snapshotWouldBeAdded: z.boolean(),
  /** The identical text was imported before and importing it again would change nothing. */
  alreadyImported: z.boolean(),
  report: ParseReport,
});
export type PastePreview = z.infer<typeof PastePreview>;

export const LibraryInfo = z.object({
  file: z.string(),
  papers: z.number().int(),
  authors: z.number().int(),
  imports: z.number().int(),
});
export type LibraryInfo = z.infer<typeof LibraryInfo>;

// ---- the channels ----------------------------------------------------------------------------------

/** Longest quick-filter text the papers table accepts (characters). */
export const FILTER_MAX_LENGTH = 500;

const PasteInput = z.object({
  /** The pasted text; up to 20 MB. */
  text: z.string().max(20_000_000, 'The pasted text is over 20 MB.'),
});

export const contract = {
  'library.info': { input: z.object({}), output: LibraryInfo },
  'paste.preview': { input: PasteInput, output: PastePreview },
  'paste.import': { input: PasteInput, output: ImportReport },
  'papers.list': {
    input: z.object({
      /** Sort levels, most significant first; ties fall back to id. */
      sort: z.array(z.object({ column: PaperSortColumn, desc: z.boolean().default(false) })).max(4).default([]),
      /** Case-insensitive substring matched against title, printed authors and abstract. */
      filter: z.string().max(FILTER_MAX_LENGTH, `The filter is over ${FILTER_MAX_LENGTH} characters.`).default(''),
      /** Only papers that list this author. */
      authorId: Id.optional(),
      offset: z.number().int().nonnegative().default(0),
      limit: z.number().int().positive().max(1000).default(200),
    }),
    output: z.object({ rows: z.array(PaperRow), total: z.number().int(), offset: z.number().int() }),
  },
  'papers.get': { input: z.object({ id: Id }), output: PaperDetail },
  'authors.list': {
    input: z.object({
      /** Only authors with an imported profile (default), or every author named on a paper. */
      profilesOnly: z.boolean().default(true),
      filter: z.string().max(200).default(''),
    }),
    output: z.array(AuthorSummary),
  },
  'authors.card': { input: z.object({ id: Id }), output: AuthorCard },
  'authors.metrics': { input: z.object({ id: Id }), output: AuthorMetrics },
} as const;

export type Contract = typeof contract;
export type Channel = keyof Contract;
export const CHANNELS = Object.keys(contract) as Channel[];
/** What a caller passes (defaults optional). */
export type ChannelInput<C extends Channel> = z.input<Contract[C]['input']>;
/** What a handler receives (defaults applied). */
export type ChannelArgs<C extends Channel> = z.output<Contract[C]['input']>;
export type ChannelOutput<C extends Channel> = z.output<Contract[C]['output']>;

/** Every call answers with this envelope, on every host. */
export type Result<T> = { ok: true; value: T } | { ok: false; error: import('./errors').LecternErrorShape };

/** The API object the renderer sees (`window.lectern` on the desktop, HTTP in browser mode). */
export type LecternApi = { [C in Channel]: (input: ChannelInput<C>) => Promise<Result<ChannelOutput<C>>> };

export function isChannel(name: string): name is Channel {
  return Object.prototype.hasOwnProperty.call(contract, name);
}
