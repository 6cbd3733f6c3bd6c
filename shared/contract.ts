/**
 * The IPC contract: every channel the renderer (or CLI, or HTTP client) can call, with a zod schema for
 * its input and its output. Electron's preload, the browser-mode server and the command line are all
 * derived from this one table; types elsewhere are inferred from it.
 */
import { z } from 'zod';
import { ParsedAuthor, ParseReport, PasteSource, SkippedLine } from './paste/parsed';
import { QUERY_MAX_LENGTH } from './search/parse';
import { READING_STATUSES, TAG_TYPES } from './curation';
import { PASTE_TOO_LONG_MESSAGE, pasteTooLong } from './paste-limit';
import { freeText, nameText, searchText } from './text-input';
import { jsonValueProblem } from './json-limits';
import { BackupInfo, BackupList, IntegrityInfo, RecoveryReport, RestoreReport } from './backups';

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

export const PAPER_SORT_COLUMNS = ['title', 'authors', 'date', 'year', 'category', 'venue', 'code', 'affiliations', 'citations', 'added', 'status', 'rating', 'starred'] as const;
export const PaperSortColumn = z.enum(PAPER_SORT_COLUMNS);
export type PaperSortColumn = z.infer<typeof PaperSortColumn>;

export { READING_STATUSES };
export const ReadingStatus = z.enum(READING_STATUSES);
export type ReadingStatus = z.infer<typeof ReadingStatus>;

/** CSS hex colour `#rrggbb` (what <input type="color"> gives). */
export const Colour = z.string().regex(/^#[0-9a-fA-F]{6}$/, 'A colour is #rrggbb, such as #4f8cc9.');

/** A tag as a chip shows it. */
export const TagRef = z.object({ id: Id, name: z.string(), colour: z.string().nullable() });
export type TagRef = z.infer<typeof TagRef>;

export const Tag = TagRef.extend({
  /** `manual` (made in Lectern) or `imported` (came with a paste). */
  type: z.enum(TAG_TYPES),
  /** Papers in the library (not the trash) carrying this tag itself (children not included). */
  paperCount: z.number().int(),
  /** Papers carrying this tag or any tag below it (what filtering by it shows). */
  subtreeCount: z.number().int(),
});
export type Tag = z.infer<typeof Tag>;

export const Note = z.object({
  id: Id,
  paperId: Id,
  /** Markdown as written (render it sanitised: no scripts, no remote loads). */
  body: z.string(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Note = z.infer<typeof Note>;

export const Annotation = z.object({
  id: Id,
  paperId: Id,
  /** Span in the abstract when it was made: UTF-16 code units (JavaScript string indices). */
  start: z.number().int(),
  end: z.number().int(),
  /** The annotated text, kept so the annotation survives a changed abstract. */
  quote: z.string(),
  colour: z.string(),
  comment: z.string(),
  /** Where the quote is in the abstract now (shared/search/anchor.ts), or null when it is no longer there. */
  anchor: z.object({ start: z.number().int(), end: z.number().int() }).nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Annotation = z.infer<typeof Annotation>;

export const Collection = z.object({
  id: Id,
  name: z.string(),
  /** The collection it sits in; null at the top level. */
  parentId: Id.nullable(),
  /** Papers directly in it (not in sub-collections), trash excluded. */
  paperCount: z.number().int(),
});
export type Collection = z.infer<typeof Collection>;

export const SavedSearch = z.object({ id: Id, name: z.string(), query: z.string(), createdAt: z.string(), updatedAt: z.string() });
export type SavedSearch = z.infer<typeof SavedSearch>;

/** A word or phrase a search matched, for highlighting (shared/search/parse.ts HighlightTerm). */
export const HighlightTerm = z.object({
  text: z.string(),
  /** Highlight any word this text starts. */
  prefix: z.boolean(),
  /** Where it applies: an author name, one text column, or null for anywhere. */
  field: z.enum(['author', 'title', 'abstract', 'notes', 'annotations', 'affiliations']).nullable(),
});
export type HighlightTerm = z.infer<typeof HighlightTerm>;

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
  venue: z.string().nullable(),
  /** When the paper entered the library (ISO 8601 UTC). */
  addedAt: z.string(),
  /** Tags on the paper, by name. */
  tags: z.array(TagRef),
  status: ReadingStatus,
  /** 1-5, or null when not rated. */
  rating: z.number().int().min(1).max(5).nullable(),
  starred: z.boolean(),
  noteCount: z.number().int(),
  /** When it was moved to the trash (ISO 8601 UTC); null when in the library. */
  deletedAt: z.string().nullable(),
});
export type PaperRow = z.infer<typeof PaperRow>;

export const PaperAuthorLink = z.object({ position: z.number().int(), printedName: z.string(), authorId: Id });

export const PaperDetail = PaperRow.extend({
  abstract: z.string().nullable(),
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

/**
 * Which papers a view shows. Every filter narrows (AND); within a list, any value matches (OR).
 */
export const PaperFilters = z.object({
  /** Quick filter: every word must start a word of the title, the printed authors or the abstract (full-text, accents folded). */
  filter: searchText(FILTER_MAX_LENGTH, `The filter is over ${FILTER_MAX_LENGTH} characters.`).default(''),
  /** Only this author's papers (printed on the paper, or listed on their imported profile). */
  authorId: Id.optional(),
  /** Papers from this year on (inclusive). */
  yearFrom: z.number().int().min(1000).max(3000).optional(),
  /** Papers up to this year (inclusive). */
  yearTo: z.number().int().min(1000).max(3000).optional(),
  /** Papers carrying any of these subject codes. */
  categories: z.array(z.string().min(1).max(40)).max(100).default([]),
  /** true: with a code link; false: without. */
  hasCode: z.boolean().optional(),
  /** Papers by any of these authors (same rule as authorId). */
  authorIds: z.array(Id).max(100).default([]),
  /** Papers with any of these affiliations, as printed. */
  affiliations: z.array(z.string().min(1).max(200)).max(100).default([]),
  /** Only papers added or touched by this import. */
  importId: Id.optional(),
  /** Only these papers (a selection). */
  paperIds: z.array(Id).max(100_000).optional(),
  /** Papers carrying these tags; a tag includes its children (`method` takes in `method/rl`). */
  tagIds: z.array(Id).max(100).default([]),
  /** `or`: any of tagIds (default); `and`: every one of them. */
  tagMode: z.enum(['and', 'or']).default('or'),
  /** Only papers in this collection. */
  collectionId: Id.optional(),
  /** With collectionId: also papers in its sub-collections. */
  includeSubcollections: z.boolean().default(false),
  status: ReadingStatus.optional(),
  /** Papers rated at least this (1-5). */
  ratingMin: z.number().int().min(1).max(5).optional(),
  starred: z.boolean().optional(),
  /** `hide` (default): papers in the trash are left out; `only`: the trash view; `include`: both. */
  trash: z.enum(['hide', 'only', 'include']).default('hide'),
  /**
   * A search in the query syntax (shared/search/parse.ts): words, "phrases", OR, -word, author:, tag:,
   * category:, year:, has:, status:, rating:, is:starred ... over the full-text index of title, authors,
   * abstract, affiliations, categories, tags, notes and annotations. A malformed query fails with
   * `INVALID_QUERY` and `details.column`. Unsorted lists with a text query are ranked by relevance (bm25).
   */
  query: searchText(QUERY_MAX_LENGTH, `The query is over ${QUERY_MAX_LENGTH} characters.`).default(''),
});
export type PaperFilters = z.output<typeof PaperFilters>;

export const FacetCount = z.object({ value: z.string(), label: z.string(), count: z.number().int() });
export type FacetCount = z.infer<typeof FacetCount>;

/** Counts for the facet filters: each facet counts papers under every other active filter. */
export const PaperFacets = z.object({
  total: z.number().int(),
  years: z.array(z.object({ year: z.number().int(), count: z.number().int() })),
  categories: z.array(FacetCount),
  hasCode: z.object({ with: z.number().int(), without: z.number().int() }),
  /** Most frequent authors (value: author id), at most 30; only names matching `authorQuery` when given. */
  authors: z.array(FacetCount),
  /**
   * Most frequent affiliations, at most 30, only names matching `affiliationQuery` when given; then each
   * affiliation of the `affiliations` filter not among them, with its count (so chosen ones stay listed).
   */
  affiliations: z.array(FacetCount),
});
export type PaperFacets = z.infer<typeof PaperFacets>;

export const ImportSummary = z.object({
  id: Id,
  /** ISO 8601 UTC. */
  createdAt: z.string(),
  format: PasteSource,
  author: z.object({ id: Id, name: z.string() }).nullable(),
  added: z.number().int(),
  updated: z.number().int(),
  unchanged: z.number().int(),
  linesSkipped: z.number().int(),
});
export type ImportSummary = z.infer<typeof ImportSummary>;

export const AUTHOR_SORT_KEYS = ['papers', 'hIndex', 'citations', 'name'] as const;

export const AuthorGridCard = AuthorSummary.extend({
  /** Capture time of the metrics shown (latest snapshot), or null. */
  capturedAt: z.string().nullable(),
  /** Affiliations printed on their papers, most frequent first (at most 3). */
  affiliations: z.array(NameCount),
  /** Most frequent co-authors (at most 3). */
  coAuthors: z.array(NameCount.extend({ id: Id })),
});
export type AuthorGridCard = z.infer<typeof AuthorGridCard>;

export const SelectionMetrics = z.object({
  papers: z.number().int(),
  papersPerYear: z.array(z.object({ year: z.number().int(), count: z.number().int() })),
  papersPerCategory: z.array(z.object({ category: z.string(), count: z.number().int() })),
  papersWithCode: z.number().int(),
  coAuthors: z.array(NameCount.extend({ id: Id })),
  affiliations: z.array(NameCount),
  /** Citation figures over the papers with a known count; null when none has one. */
  citations: z
    .object({
      papersCounted: z.number().int(),
      totalCitations: z.number().int(),
      meanCitations: z.number().nullable(),
      hIndex: z.number().int(),
      gIndex: z.number().int(),
      i10Index: z.number().int(),
      citationsPerYear: z.number().nullable(),
    })
    .nullable(),
});
export type SelectionMetrics = z.infer<typeof SelectionMetrics>;

export const UndoState = z.object({
  /** Label of the change Undo would revert ("Tag 1,000 papers"), or null. */
  undo: z.string().nullable(),
  redo: z.string().nullable(),
});
export type UndoState = z.infer<typeof UndoState>;

const SETTING_KEY = z.string().regex(/^[a-z][\w.-]{0,63}$/, 'Setting names are letters, digits, dots and dashes.');

/** A setting's value: plain JSON within the limits of shared/json-limits.ts (checked without recursion). */
const SETTING_VALUE = z.unknown().superRefine((value, ctx) => {
  const problem = jsonValueProblem(value);
  if (problem) ctx.addIssue({ code: 'custom', message: problem });
});

const JOB_ID = z.string().regex(/^[\w-]{1,64}$/, 'A job id is 1-64 letters, digits, dashes or underscores.');

const PasteInput = z.object({
  /** The pasted text; up to PASTE_MAX_BYTES (20 MB) of UTF-8 (shared/paste-limit.ts). */
  text: z.string().refine((text) => !pasteTooLong(text), PASTE_TOO_LONG_MESSAGE),
});

export const contract = {
  'library.info': { input: z.object({}), output: LibraryInfo },
  'paste.preview': {
    input: PasteInput.extend({
      /** Name for this preview, so the window can follow a long paste's with jobs.progress and stop it with jobs.cancel. */
      jobId: JOB_ID.optional(),
    }),
    output: PastePreview,
  },
  'paste.import': {
    input: PasteInput.extend({
      /** Name for this import, so the window can follow it with jobs.progress and stop it with jobs.cancel. */
      jobId: JOB_ID.optional(),
    }),
    output: ImportReport,
  },
  /** Every import, newest first (the sidebar's Imports section). */
  'imports.list': { input: z.object({}), output: z.array(ImportSummary) },
  'jobs.progress': {
    input: z.object({ jobId: JOB_ID }),
    /**
     * null when no such job is running (not started yet, or finished); total 0 while the amount of work is
     * unknown (a read, a paste being read); `phase` names what is under way when it is not the job's main
     * work, e.g. "Reading the paste" before an import or a preview counts papers.
     */
    output: z.object({ progress: z.object({ done: z.number().int(), total: z.number().int(), phase: z.string().optional() }).nullable() }),
  },
  'jobs.cancel': {
    input: z.object({ jobId: JOB_ID }),
    /** Whether a running job was asked to stop; it then fails with CANCELLED and changes nothing. */
    output: z.object({ cancelled: z.boolean() }),
  },
  'papers.list': {
    input: PaperFilters.extend({
      /** Sort levels, most significant first; remaining ties newest first, then by title. */
      sort: z.array(z.object({ column: PaperSortColumn, desc: z.boolean().default(false) })).max(4).default([]),
      offset: z.number().int().nonnegative().default(0),
      limit: z.number().int().positive().max(1000).default(200),
    }),
    output: z.object({
      rows: z.array(PaperRow),
      total: z.number().int(),
      offset: z.number().int(),
      /** Words and phrases of `query` to highlight in the rows (none from negated parts). */
      terms: z.array(HighlightTerm),
      /** True when the rows are in relevance order (a text query and no sort). */
      ranked: z.boolean(),
    }),
  },
  'papers.facets': {
    input: PaperFilters.extend({
      /** Narrow the authors facet to names containing this text (case- and accent-insensitive). */
      authorQuery: searchText(200).default(''),
      /** Narrow the affiliations facet to names containing this text (case- and accent-insensitive, punctuation as spaces). */
      affiliationQuery: searchText(200).default(''),
      /** Name for this read, so the window can stop it with jobs.cancel (it then fails with CANCELLED). */
      jobId: JOB_ID.optional(),
    }),
    output: PaperFacets,
  },
  'papers.ids': {
    input: PaperFilters.extend({ sort: z.array(z.object({ column: PaperSortColumn, desc: z.boolean().default(false) })).max(4).default([]) }),
    /** Every matching id in table order (for select-all). */
    output: z.object({ ids: z.array(Id) }),
  },
  /** With a jobId, jobs.cancel stops it (CANCELLED). */
  'metrics.selection': { input: PaperFilters.extend({ jobId: JOB_ID.optional() }), output: SelectionMetrics },
  'papers.get': { input: z.object({ id: Id }), output: PaperDetail },
  'authors.list': {
    input: z.object({
      /** Only authors with an imported profile (default), or every author named on a paper. */
      profilesOnly: z.boolean().default(true),
      filter: searchText(200).default(''),
    }),
    output: z.array(AuthorSummary),
  },
  'authors.grid': {
    input: z.object({
      sort: z.enum(AUTHOR_SORT_KEYS).default('papers'),
      desc: z.boolean().default(true),
      /** Case- and accent-insensitive part of the name. */
      filter: searchText(200).default(''),
      offset: z.number().int().nonnegative().default(0),
      limit: z.number().int().positive().max(500).default(100),
    }),
    output: z.object({ rows: z.array(AuthorGridCard), total: z.number().int(), offset: z.number().int() }),
  },
  'authors.card': { input: z.object({ id: Id }), output: AuthorCard },
  /** With a jobId, jobs.cancel stops it (CANCELLED). */
  'authors.metrics': { input: z.object({ id: Id, jobId: JOB_ID.optional() }), output: AuthorMetrics },
  'settings.get': { input: z.object({ key: SETTING_KEY }), output: z.object({ value: z.unknown().nullable() }) },
  /** `value`: any JSON, at most 32 levels deep and 64 kB (64,000 bytes) as JSON (shared/json-limits.ts), else `INVALID_INPUT`. */
  'settings.set': { input: z.object({ key: SETTING_KEY, value: SETTING_VALUE }), output: z.object({}) },

  // ---- curation: every write is undoable through undo.undo / undo.redo (session-wide) ------------------

  /** Check a query without running it: its highlight terms, or the error and the 1-based column at fault. */
  'search.parse': {
    input: z.object({ query: searchText(QUERY_MAX_LENGTH * 2) }),
    output: z.union([
      z.object({ ok: z.literal(true), terms: z.array(HighlightTerm) }),
      z.object({ ok: z.literal(false), error: z.object({ message: z.string(), column: z.number().int(), length: z.number().int() }) }),
    ]),
  },
  /** Every tag by name, with paper counts (the sidebar builds the tree from the `/` in names). */
  'tags.list': { input: z.object({}), output: z.array(Tag) },
  /** New tag; `INVALID_INPUT` for an empty, over-long (100) or clashing name, or a bad colour. */
  'tags.create': { input: z.object({ name: z.string().max(1000), colour: Colour.nullable().optional() }), output: Tag },
  /** Rename; tags below it follow (`method/rl` -> `approach/rl`). `INVALID_INPUT` when the name is taken. */
  'tags.rename': { input: z.object({ id: Id, name: z.string().max(1000) }), output: Tag },
  /** Set (`#rrggbb`) or clear (null) a tag's colour. */
  'tags.recolour': { input: z.object({ id: Id, colour: Colour.nullable() }), output: Tag },
  /** Papers with any source tag get the target; the sources are deleted. */
  'tags.merge': { input: z.object({ sourceIds: z.array(Id).min(1).max(1000), targetId: Id }), output: Tag },
  /** Delete tags (children stay unless listed); papers lose the links. Undoable, links included. */
  'tags.delete': { input: z.object({ ids: z.array(Id).min(1).max(1000) }), output: z.object({ deleted: z.number().int() }) },
  /** Tag papers with existing tags and/or names (missing names are created). `added`: new links. */
  'tags.assign': {
    input: z.object({ paperIds: z.array(Id).min(1).max(100_000), tagIds: z.array(Id).max(100).default([]), names: z.array(z.string().max(1000)).max(100).default([]) }),
    output: z.object({ added: z.number().int(), tagIds: z.array(Id) }),
  },
  /** Take these tags (not their children) off these papers. `removed`: links removed. */
  'tags.remove': {
    input: z.object({ paperIds: z.array(Id).min(1).max(100_000), tagIds: z.array(Id).min(1).max(100) }),
    output: z.object({ removed: z.number().int() }),
  },
  /** A paper's notes, oldest first. */
  'notes.list': { input: z.object({ paperId: Id }), output: z.array(Note) },
  /** `INVALID_INPUT` over 1 MB of UTF-8. */
  'notes.create': { input: z.object({ paperId: Id, body: freeText(2_000_000).default('') }), output: Note },
  /** Replace a note's Markdown. `INVALID_INPUT` over 1 MB of UTF-8; `NOT_FOUND`. */
  'notes.update': { input: z.object({ id: Id, body: freeText(2_000_000) }), output: Note },
  /** Delete a note (undo restores it with its id and dates). */
  'notes.delete': { input: z.object({ id: Id }), output: z.object({ deleted: z.number().int() }) },
  /** The paper's notes and annotations as one Markdown document (shared/notes-markdown.ts). */
  'notes.export': { input: z.object({ paperId: Id }), output: z.object({ markdown: z.string() }) },
  /** A paper's annotations in text order, each with its current anchor (null: its quote left the abstract). */
  'annotations.list': { input: z.object({ paperId: Id }), output: z.array(Annotation) },
  /** Annotate abstract[start, end) (UTF-16 offsets); the quote is taken from the abstract. */
  'annotations.create': {
    input: z.object({ paperId: Id, start: z.number().int().nonnegative(), end: z.number().int().positive(), colour: Colour.optional(), comment: freeText(100_000).default('') }),
    output: Annotation,
  },
  /** Change an annotation's colour and/or comment (at most 20,000 characters); the span stays. */
  'annotations.update': { input: z.object({ id: Id, colour: Colour.optional(), comment: freeText(100_000).optional() }), output: Annotation },
  /** Delete an annotation. */
  'annotations.delete': { input: z.object({ id: Id }), output: z.object({ deleted: z.number().int() }) },
  /** Every collection (flat, with parentId), with direct paper counts. */
  'collections.list': { input: z.object({}), output: z.array(Collection) },
  /** New collection (name 1-200 characters), at the top level or inside `parentId`. */
  'collections.create': { input: z.object({ name: nameText(1000), parentId: Id.nullable().optional() }), output: Collection },
  /** Rename and/or move (parentId null: top level). `INVALID_INPUT` for a move into itself or below itself. */
  'collections.update': { input: z.object({ id: Id, name: nameText(1000).optional(), parentId: Id.nullable().optional() }), output: Collection },
  /** Deletes the collection and its sub-collections; the papers stay. */
  'collections.delete': { input: z.object({ id: Id }), output: z.object({ deleted: z.number().int() }) },
  /** Put papers in a collection; `added` leaves out papers already there. */
  'collections.addPapers': { input: z.object({ collectionId: Id, paperIds: z.array(Id).min(1).max(100_000) }), output: z.object({ added: z.number().int() }) },
  /** Take papers out of a collection (they stay in the library). */
  'collections.removePapers': { input: z.object({ collectionId: Id, paperIds: z.array(Id).min(1).max(100_000) }), output: z.object({ removed: z.number().int() }) },
  /** Reading status of many papers at once (one statement; undo restores each paper's own status). */
  'papers.setStatus': { input: z.object({ paperIds: z.array(Id).min(1).max(100_000), status: ReadingStatus }), output: z.object({ updated: z.number().int() }) },
  /** Rate many papers 1-5; rating null clears it. */
  'papers.setRating': { input: z.object({ paperIds: z.array(Id).min(1).max(100_000), rating: z.number().int().min(1).max(5).nullable() }), output: z.object({ updated: z.number().int() }) },
  /** Star or unstar many papers. */
  'papers.setStarred': { input: z.object({ paperIds: z.array(Id).min(1).max(100_000), starred: z.boolean() }), output: z.object({ updated: z.number().int() }) },
  /** Move papers to the trash (hidden everywhere unless `trash` asks for them; purged after 30 days). */
  'papers.trash': { input: z.object({ paperIds: z.array(Id).min(1).max(100_000) }), output: z.object({ trashed: z.number().int() }) },
  /** Bring papers back from the trash (ids not in the trash are ignored). */
  'papers.restore': { input: z.object({ paperIds: z.array(Id).min(1).max(100_000) }), output: z.object({ restored: z.number().int() }) },
  /** Papers in the trash and the oldest deletion time (ISO 8601), or null. */
  'trash.info': { input: z.object({}), output: z.object({ count: z.number().int(), oldest: z.string().nullable() }) },
  /** Delete every trashed paper for good (not undoable). */
  'trash.empty': { input: z.object({}), output: z.object({ deleted: z.number().int() }) },
  /** Saved searches (smart collections) by name; run one by passing its query as papers.list `query`. */
  'savedSearches.list': { input: z.object({}), output: z.array(SavedSearch) },
  /** `INVALID_QUERY` (with details.column) when the query does not parse. */
  'savedSearches.create': { input: z.object({ name: nameText(1000), query: searchText(QUERY_MAX_LENGTH) }), output: SavedSearch },
  /** Rename and/or change the query (`INVALID_QUERY` when it does not parse). */
  'savedSearches.update': { input: z.object({ id: Id, name: nameText(1000).optional(), query: searchText(QUERY_MAX_LENGTH).optional() }), output: SavedSearch },
  /** Delete a saved search. */
  'savedSearches.delete': { input: z.object({ id: Id }), output: z.object({ deleted: z.number().int() }) },
  /** What Undo and Redo would do now (labels for the Edit menu), for this session. */
  'undo.state': { input: z.object({}), output: UndoState },
  /**
   * Undo the latest curation change of the session (tags, notes, annotations, collections, status,
   * rating, star, saved searches, trash); `NOT_FOUND` when there is nothing to undo, `LIBRARY` when the
   * change can no longer apply (nothing is changed then). Emptying the trash is not undoable.
   */
  'undo.undo': { input: z.object({}), output: z.object({ label: z.string(), state: UndoState }) },
  /** Apply again the latest undone change; `NOT_FOUND` when there is nothing to redo. A new change clears redo. */
  'undo.redo': { input: z.object({}), output: z.object({ label: z.string(), state: UndoState }) },

  // ---- backups, integrity, restore and recovery (issue 8, items 5-7; shared/backups.ts) ------------
  /** The library's backups, newest first, and the folder they are in (db/upkeep/backup-layout.ts). */
  'backups.list': { input: z.object({}), output: BackupList },
  /**
   * "Back up now": one checked, self-contained copy in the backups folder (kind `manual`). `STORAGE` when
   * it cannot be written (nothing is left behind), `DAMAGED` on a damaged library.
   */
  'backups.create': { input: z.object({}), output: BackupInfo },
  /**
   * Replace the library's content by a backup's (`name`: a restorable file of `backups.list`), brought up to
   * date if it is older; the library as it was is backed up first (`previous`). Undo history is dropped.
   * All or nothing: `INVALID_INPUT` (unknown or unsound backup), `STORAGE`, `BUSY` leave the library as it was.
   */
  'backups.restore': { input: z.object({ name: z.string().max(255) }), output: RestoreReport },
  /** ok / unchecked / checking / damaged, with the reason when damaged. */
  'library.integrity': { input: z.object({}), output: IntegrityInfo },
  /**
   * Make the library a new one holding every row of the damaged file that can still be read; the damaged
   * file is kept in the backups folder. `DAMAGED` when nothing can be read (restore a backup instead).
   */
  'library.recover': { input: z.object({}), output: RecoveryReport },
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
