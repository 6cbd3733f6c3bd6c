/**
 * The data shapes of the library as every host sends them (zod schemas; types are inferred from them).
 * Channel declarations (shared/contract/) use these as inputs and outputs.
 */
import { z } from 'zod';
import { Id } from './model-imports';
import { PasteSource } from './paste/parsed';
import { ImportSource } from './import-source';
import { LibraryFigures, PageFigures } from './metrics/page-figures';
import { READING_STATUSES, TAG_TYPES } from './curation';
import { BibliographicFields, CitationCount, CslNameParts } from './record/record-model';


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
  /** Per author, the surname from its stored CSL name parts (partsSurname), null when not split. */
  surnames: z.array(z.string().nullable()).optional(),
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

/** A printed author with its CSL name parts. */
export const PaperAuthorLink = z.object({ position: z.number().int(), printedName: z.string(), authorId: Id, ...CslNameParts.shape });

export const PaperDetail = PaperRow.extend({
  abstract: z.string().nullable(),
  ...BibliographicFields.shape,
  /** Each source's count, largest first; PaperRow.citations is the largest. */
  citationCounts: z.array(CitationCount),
  doi: z.string().nullable(),
  arxivId: z.string().nullable(),
  authorCount: z.number().int().nullable(),
  authorLinks: z.array(PaperAuthorLink),
  /** Imports that added or touched this paper, oldest first. */
  imports: z.array(z.object({ importId: Id, format: ImportSource, action: z.enum(['added', 'updated', 'unchanged']), createdAt: z.string() })),
  createdAt: z.string(),
  updatedAt: z.string(),
  /** The paper's citation key; absent until it has one (given at the first export, or from an imported file). */
  citationKey: z.string().optional(),
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
  /** Latest snapshot, or null when no imported profile of this author showed metrics. */
  metrics: MetricSnapshot.nullable(),
  /** Sources of the profile pages of this author that were imported (dblp, ORCID ... show no metrics). */
  profileSources: z.array(PasteSource),
  papersInLibrary: z.number().int(),
  /**
   * Affiliations printed on this author's papers with how many of those papers print each, most frequent
   * first. The papers', not the person's: a source lists affiliations per paper, never says whose.
   */
  paperAffiliations: z.array(NameCount),
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
  /** The latest figures each source's page showed (one per source, most recent capture first). */
  pageFigures: z.array(PageFigures),
  /** The library's own indices over the author's papers with a citation count; null when none has one. */
  libraryFigures: LibraryFigures.nullable(),
});
export type AuthorMetrics = z.infer<typeof AuthorMetrics>;

export const LibraryInfo = z.object({
  file: z.string(),
  papers: z.number().int(),
  authors: z.number().int(),
  imports: z.number().int(),
});
export type LibraryInfo = z.infer<typeof LibraryInfo>;

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

export const AUTHOR_SORT_KEYS = ['papers', 'hIndex', 'citations', 'name'] as const;

export const AuthorGridCard = AuthorSummary.extend({
  /** Capture time of the metrics shown (latest snapshot), or null. */
  capturedAt: z.string().nullable(),
  /** As AuthorCard.paperAffiliations (the papers' affiliations, not the person's), at most 3. */
  paperAffiliations: z.array(NameCount),
  /** Most frequent co-authors (at most 3). */
  coAuthors: z.array(NameCount.extend({ id: Id })),
});
export type AuthorGridCard = z.infer<typeof AuthorGridCard>;

export const UndoState = z.object({
  /** Label of the change Undo would revert ("Tag 1,000 papers"), or null. */
  undo: z.string().nullable(),
  redo: z.string().nullable(),
});
export type UndoState = z.infer<typeof UndoState>;

// Imports and the paste preview: their own module (shared/model-imports.ts), one list of shapes for every host.
export * from './model-imports';
