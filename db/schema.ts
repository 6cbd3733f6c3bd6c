/**
 * The library's tables (Drizzle, SQLite). Migrations in db/migrations are generated from this file by
 * `npm run db:generate` (drizzle-kit) and committed; never edit or renumber them by hand.
 *
 * Authors are entities, not strings: `paper_authors` keeps each name exactly as printed and links it
 * to an author. Every import keeps its raw text. Metrics shown on a profile page are dated snapshots,
 * never overwritten.
 */
import { sql } from 'drizzle-orm';
import { index, integer, primaryKey, real, sqliteTable, text, uniqueIndex, type AnySQLiteColumn } from 'drizzle-orm/sqlite-core';
import { READING_STATUSES, TAG_TYPES } from '../shared/curation';

const timestamps = {
  /** ISO 8601 UTC. */
  createdAt: text('created_at').notNull().default(sql`(strftime('%Y-%m-%dT%H:%M:%fZ','now'))`),
  updatedAt: text('updated_at').notNull().default(sql`(strftime('%Y-%m-%dT%H:%M:%fZ','now'))`),
};

export const imports = sqliteTable('imports', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  /** The paste exactly as received, so a better parser can re-read it later. */
  rawText: text('raw_text').notNull(),
  /** Detected source format (`scholarfeed`, ...). */
  format: text('format').notNull(),
  authorId: integer('author_id').references(() => authors.id, { onDelete: 'set null' }),
  papersAdded: integer('papers_added').notNull().default(0),
  papersUpdated: integer('papers_updated').notNull().default(0),
  papersUnchanged: integer('papers_unchanged').notNull().default(0),
  linesSkipped: integer('lines_skipped').notNull().default(0),
  /** JSON: the parse report (skipped lines, incomplete tail, warnings). */
  report: text('report').notNull().default('{}'),
  createdAt: timestamps.createdAt,
});

export const papers = sqliteTable(
  'papers',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    title: text('title').notNull(),
    /** Lower-case, accent-folded, punctuation-free title: used for matching and sorting. */
    titleKey: text('title_key').notNull(),
    /** YYYY-MM-DD or YYYY-MM, the precision the source gave; null when only a year is known. */
    date: text('date'),
    year: integer('year'),
    abstract: text('abstract'),
    venue: text('venue'),
    /** Sort key of the first printed author: surname, then the whole name, folded (`ren z z ren`). */
    firstAuthorKey: text('first_author_key').notNull().default(''),
    /** Affiliations as printed, joined with ", ": the affiliations column's text and sort key. */
    affiliationsText: text('affiliations_text').notNull().default(''),
    /** Printed authors joined with ", " (plus " et al." when cut): what the quick filter and full-text index search. */
    authorsText: text('authors_text').notNull().default(''),
    /** CSL-JSON item type (`article`, `paper-conference`, ...); scholarfeed papers are arXiv preprints. */
    itemType: text('item_type').notNull().default('article'),
    /** Space-separated subject codes, primary first (`LG CL`); one row each in paper_categories too. */
    categories: text('categories').notNull().default(''),
    hasCode: integer('has_code', { mode: 'boolean' }),
    /** The source printed "et al." (or similar): the author list is incomplete. */
    authorsTruncated: integer('authors_truncated', { mode: 'boolean' }).notNull().default(false),
    /** Total number of authors when the source states it. */
    authorCount: integer('author_count'),
    citations: integer('citations'),
    doi: text('doi'),
    /** arXiv identifier without its version (`2401.01234`, `cs/0612045`). */
    arxivId: text('arxiv_id'),
    /** The arXiv version the source named (`v2` -> 2); null when none was given. */
    arxivVersion: integer('arxiv_version'),
    // The CSL-JSON item model (CSL 1.0.2 variables). `venue` above is CSL `container-title`.
    volume: text('volume'),
    issue: text('issue'),
    /** CSL `page`: verbatim page range (`453-466`, `112:1-112:45`). */
    page: text('page'),
    /** CSL `number`: article number, report number. */
    number: text('number'),
    publisher: text('publisher'),
    publisherPlace: text('publisher_place'),
    /** CSL `event-title`: the conference or event. */
    event: text('event'),
    url: text('url'),
    isbn: text('isbn'),
    issn: text('issn'),
    pmid: text('pmid'),
    pmcid: text('pmcid'),
    language: text('language'),
    /** JSON array of strings: CSL `keyword`. */
    keywords: text('keywords').notNull().default('[]'),
    /** JSON object: source-specific fields with no CSL home (never dropped). */
    extra: text('extra').notNull().default('{}'),
    /** JSON array of field names the user edited by hand; re-imports never overwrite them. */
    editedFields: text('edited_fields').notNull().default('[]'),
    /** JSON object field -> value a later import read for an edited field, to accept or ignore. */
    sourceValues: text('source_values').notNull().default('{}'),
    ...timestamps,
    /** Reading status: one of READING_STATUSES (shared/curation.ts). */
    status: text('status', { enum: READING_STATUSES }).notNull().default('unread'),
    /** The user's rating, 1-5; null when not rated. */
    rating: integer('rating'),
    starred: integer('starred', { mode: 'boolean' }).notNull().default(false),
    /** ISO 8601 UTC time the paper was moved to the trash; null when it is in the library. Purged 30 days later. */
    deletedAt: text('deleted_at'),
    /** BibTeX citation key: given once (from the key pattern, an imported file, or by hand) and kept; unique. */
    citationKey: text('citation_key'),
    /** The key came from an imported file or the user, never regenerated by a pattern change. */
    citationKeyPinned: integer('citation_key_pinned', { mode: 'boolean' }).notNull().default(false),
  },
  (t) => [
    index('papers_title_key_idx').on(t.titleKey),
    index('papers_first_author_key_idx').on(t.firstAuthorKey),
    index('papers_date_idx').on(t.date),
    index('papers_year_date_idx').on(t.year, t.date),
    index('papers_affiliations_text_idx').on(t.affiliationsText),
    index('papers_categories_idx').on(t.categories),
    index('papers_doi_idx').on(t.doi),
    index('papers_has_code_idx').on(t.hasCode),
    index('papers_citations_idx').on(t.citations),
    index('papers_created_at_idx').on(t.createdAt),
    index('papers_venue_idx').on(t.venue),
    index('papers_arxiv_idx').on(t.arxivId),
    // Sorting by status follows reading order (unread, reading, read), not the alphabet: the index
    // holds that expression so the sort is an index walk (see STATUS_ORDER in db/library/papers.ts).
    index('papers_status_order_idx').on(sql`(CASE ${t.status} WHEN 'unread' THEN 0 WHEN 'reading' THEN 1 ELSE 2 END)`),
    index('papers_rating_idx').on(t.rating),
    index('papers_starred_idx').on(t.starred),
    index('papers_deleted_at_idx').on(t.deletedAt),
    uniqueIndex('papers_citation_key_idx').on(t.citationKey),
  ],
);

export const authors = sqliteTable(
  'authors',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    /** Display name, as first seen. */
    name: text('name').notNull(),
    /** Lower-case, accent-folded name used to link printed names to this author. */
    nameKey: text('name_key').notNull(),
    primaryCategory: text('primary_category'),
    /** Papers in the library that are this author's (printed, or from their profile); kept by imports. */
    paperCount: integer('paper_count').notNull().default(0),
    ...timestamps,
  },
  (t) => [uniqueIndex('authors_name_key_idx').on(t.nameKey), index('authors_paper_count_idx').on(t.paperCount)],
);

export const paperAuthors = sqliteTable(
  'paper_authors',
  {
    paperId: integer('paper_id')
      .notNull()
      .references(() => papers.id, { onDelete: 'cascade' }),
    /** 0-based position in the printed list. */
    position: integer('position').notNull(),
    printedName: text('printed_name').notNull(),
    // CSL name parts of this printed name (null until split): family, given, particles, suffix, or a
    // literal for organisations (`DeepSeek-AI`).
    family: text('family'),
    given: text('given'),
    droppingParticle: text('dropping_particle'),
    nonDroppingParticle: text('non_dropping_particle'),
    suffix: text('suffix'),
    literal: text('literal'),
    authorId: integer('author_id')
      .notNull()
      .references(() => authors.id),
  },
  // (author, paper): covering for "papers of these authors" (author: search, facets), no row lookups.
  (t) => [primaryKey({ columns: [t.paperId, t.position] }), index('paper_authors_author_idx').on(t.authorId, t.paperId)],
);

export const affiliations = sqliteTable(
  'affiliations',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    /** As printed by the source (scholarfeed prints lower-case slugs such as `microsoft-research`). */
    name: text('name').notNull(),
    /** Lower-case, accent-folded name (`nameKey`) that the Affiliation facet searches; '' until filled. */
    nameKey: text('name_key').notNull().default(''),
  },
  (t) => [uniqueIndex('affiliations_name_idx').on(t.name)],
);

export const paperAffiliations = sqliteTable(
  'paper_affiliations',
  {
    paperId: integer('paper_id')
      .notNull()
      .references(() => papers.id, { onDelete: 'cascade' }),
    position: integer('position').notNull(),
    affiliationId: integer('affiliation_id')
      .notNull()
      .references(() => affiliations.id),
  },
  (t) => [primaryKey({ columns: [t.paperId, t.position] }), index('paper_affiliations_aff_idx').on(t.affiliationId)],
);

export const paperCategories = sqliteTable(
  'paper_categories',
  {
    paperId: integer('paper_id')
      .notNull()
      .references(() => papers.id, { onDelete: 'cascade' }),
    position: integer('position').notNull(),
    code: text('code').notNull(),
  },
  (t) => [primaryKey({ columns: [t.paperId, t.position] }), index('paper_categories_code_idx').on(t.code)],
);

/** Which imports created or touched a paper, and how. */
export const importPapers = sqliteTable(
  'import_papers',
  {
    importId: integer('import_id')
      .notNull()
      .references(() => imports.id, { onDelete: 'cascade' }),
    paperId: integer('paper_id')
      .notNull()
      .references(() => papers.id, { onDelete: 'cascade' }),
    /** `added` | `updated` | `unchanged` */
    action: text('action').notNull(),
  },
  (t) => [primaryKey({ columns: [t.importId, t.paperId] }), index('import_papers_paper_idx').on(t.paperId)],
);

/** Metrics a profile page showed for an author, as of one capture. Columns are null when not shown. */
export const authorMetricSnapshots = sqliteTable(
  'author_metric_snapshots',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    authorId: integer('author_id')
      .notNull()
      .references(() => authors.id, { onDelete: 'cascade' }),
    /** Source format the metrics came from (`scholarfeed`, `google_scholar`, ...). */
    source: text('source').notNull(),
    importId: integer('import_id').references(() => imports.id, { onDelete: 'set null' }),
    capturedAt: text('captured_at').notNull(),
    hIndex: integer('h_index'),
    i10Index: integer('i10_index'),
    citations: integer('citations'),
    paperCount: integer('paper_count'),
    hIndexRecent: integer('h_index_recent'),
    citationsRecent: integer('citations_recent'),
    i10IndexRecent: integer('i10_index_recent'),
    recentSinceYear: integer('recent_since_year'),
    highlyInfluentialCitations: integer('highly_influential_citations'),
    noveltyPct: real('novelty_pct'),
    aiScore: real('ai_score'),
    /** JSON object of the other metrics the page showed (ResearchGate reads, ACM downloads, ...). */
    otherMetrics: text('other_metrics').notNull().default('{}'),
    /** JSON object year -> citations, when the page shows a per-year histogram that could be read. */
    citationsPerYear: text('citations_per_year'),
  },
  (t) => [index('author_metric_snapshots_author_idx').on(t.authorId, t.capturedAt)],
);

/** Citation counts per paper and per source, as read on a date (cited by N, Google Scholar, 2026-12-07). */
export const paperCitationCounts = sqliteTable(
  'paper_citation_counts',
  {
    paperId: integer('paper_id')
      .notNull()
      .references(() => papers.id, { onDelete: 'cascade' }),
    /** Source format the count came from (`google_scholar`, `semantic_scholar`, ...). */
    source: text('source').notNull(),
    count: integer('count').notNull(),
    /** YYYY-MM-DD the page was read (the import's date). */
    readOn: text('read_on').notNull(),
    importId: integer('import_id').references(() => imports.id, { onDelete: 'set null' }),
  },
  (t) => [primaryKey({ columns: [t.paperId, t.source] })],
);

/** Window and table preferences (pane sizes, sort, visible columns, last view), as JSON per key. */
export const settings = sqliteTable('settings', {
  key: text('key').primaryKey(),
  /** JSON text. */
  value: text('value').notNull(),
  updatedAt: timestamps.updatedAt,
});

// ---- curation (issue 4) ----------------------------------------------------------------------------

/**
 * Tags. Hierarchy lives in the name: `method/rl` is a child of `method` (the parent need not exist as a
 * row; the sidebar shows it as a folder). Names are unique ignoring case.
 */
export const tags = sqliteTable(
  'tags',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    /** As the user typed it (trimmed, segments trimmed), e.g. `method/rl`; 1-200 characters. */
    name: text('name').notNull(),
    /** Lower-case name: uniqueness and `tag:` lookups (a parent's subtree is the key range `name/`..`name0`). */
    nameKey: text('name_key').notNull(),
    /** CSS hex colour `#rrggbb`, or null for the default chip colour. */
    colour: text('colour'),
    /** `manual` (made by the user) or `imported` (came with a paste). */
    type: text('type', { enum: TAG_TYPES }).notNull().default('manual'),
    ...timestamps,
  },
  (t) => [uniqueIndex('tags_name_key_idx').on(t.nameKey)],
);

export const paperTags = sqliteTable(
  'paper_tags',
  {
    paperId: integer('paper_id')
      .notNull()
      .references(() => papers.id, { onDelete: 'cascade' }),
    tagId: integer('tag_id')
      .notNull()
      .references(() => tags.id, { onDelete: 'cascade' }),
  },
  (t) => [primaryKey({ columns: [t.tagId, t.paperId] }), index('paper_tags_paper_idx').on(t.paperId)],
);

/** Markdown notes; a paper may have several. Body at most 1 MB (UTF-8), checked by db/library/notes.ts. */
export const notes = sqliteTable(
  'notes',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    paperId: integer('paper_id')
      .notNull()
      .references(() => papers.id, { onDelete: 'cascade' }),
    body: text('body').notNull(),
    ...timestamps,
  },
  (t) => [index('notes_paper_idx').on(t.paperId)],
);

/**
 * Highlights on a paper's abstract. Offsets are UTF-16 code units into the abstract as it was when the
 * annotation was made; `quote` keeps the text itself, so a re-import that changes the abstract cannot
 * lose it (the span is found again by its quote, see shared/search/anchor.ts).
 */
export const annotations = sqliteTable(
  'annotations',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    paperId: integer('paper_id')
      .notNull()
      .references(() => papers.id, { onDelete: 'cascade' }),
    start: integer('start').notNull(),
    end: integer('end').notNull(),
    quote: text('quote').notNull(),
    /** CSS hex colour `#rrggbb`. */
    colour: text('colour').notNull().default('#ffd54f'),
    comment: text('comment').notNull().default(''),
    ...timestamps,
  },
  (t) => [index('annotations_paper_idx').on(t.paperId)],
);

/** Collections (folders): nested through parent_id; a paper may sit in many. */
export const collections = sqliteTable(
  'collections',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    name: text('name').notNull(),
    parentId: integer('parent_id').references((): AnySQLiteColumn => collections.id, { onDelete: 'cascade' }),
    ...timestamps,
  },
  (t) => [index('collections_parent_idx').on(t.parentId)],
);

export const collectionPapers = sqliteTable(
  'collection_papers',
  {
    collectionId: integer('collection_id')
      .notNull()
      .references(() => collections.id, { onDelete: 'cascade' }),
    paperId: integer('paper_id')
      .notNull()
      .references(() => papers.id, { onDelete: 'cascade' }),
    /** ISO 8601 UTC. */
    addedAt: text('added_at').notNull().default(sql`(strftime('%Y-%m-%dT%H:%M:%fZ','now'))`),
  },
  (t) => [primaryKey({ columns: [t.collectionId, t.paperId] }), index('collection_papers_paper_idx').on(t.paperId)],
);

/** Smart collections: a name and a query in the search syntax (shared/search/parse.ts), run when opened. */
export const savedSearches = sqliteTable('saved_searches', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  name: text('name').notNull(),
  query: text('query').notNull(),
  ...timestamps,
});

export * from './schema-references';
