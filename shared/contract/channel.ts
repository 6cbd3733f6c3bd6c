/**
 * What a channel declares besides its input and output: how it runs and which tables of the library it
 * reads or changes. The host derives its routing from `kind` (electron/handlers), the window derives
 * which cached answers a write makes stale from `reads` and `changes` (renderer/api), and the live
 * library event names `changes` when the write was this process's own.
 */
import type { z } from 'zod';

/**
 * The library's SQLite tables, by their names in db/schema.ts (a unit test keeps the two lists equal).
 * The full-text index is left out: it is derived from these and follows them.
 */
export const LIBRARY_TABLES = [
  'imports',
  'papers',
  'authors',
  'paper_authors',
  'affiliations',
  'paper_affiliations',
  'paper_categories',
  'import_papers',
  'author_metric_snapshots',
  'paper_citation_counts',
  'settings',
  'tags',
  'paper_tags',
  'notes',
  'annotations',
  'collections',
  'collection_papers',
  'saved_searches',
  'csl_styles',
  'kept_exports',
] as const;
export type LibraryTable = (typeof LIBRARY_TABLES)[number];

/**
 * - `read`: answers from committed data on the reader connection, in a glance.
 * - `slowRead`: can take seconds on a large library (facet counts, metrics): runs on the reader thread,
 *   reports progress under `label` and can be cancelled with its `jobId`.
 * - `write`: runs through the write queue holding the write lock; not undoable.
 * - `undoableWrite`: a write whose inverse goes on the session's undo stack.
 * - `session`: answers from the host's own state, not the library (jobs, undo labels, query checks).
 */
export type ChannelKind = 'read' | 'slowRead' | 'write' | 'undoableWrite' | 'session';

/** The tables a read depends on: a list, or (for filters that search text) a function of its input. */
export type TablesRead = readonly LibraryTable[] | ((input: never) => readonly LibraryTable[]);
/** The tables a write changes; `everything` when it cannot be known (undo, restore, recovery). */
export type TablesChanged = readonly LibraryTable[] | 'everything';

interface Schemas {
  input: z.ZodType;
  output: z.ZodType;
}
export type ReadSpec = Schemas & { kind: 'read'; reads: TablesRead };
export type SlowReadSpec = Schemas & { kind: 'slowRead'; reads: TablesRead; /** Status bar text while it runs ("Counting filter values"). */ label: string };
export type WriteSpec = Schemas & { kind: 'write' | 'undoableWrite'; changes: TablesChanged };
/** `reads: 'everything'`: its answer can change after any write (the undo labels). */
export type SessionSpec = Schemas & { kind: 'session'; reads: readonly LibraryTable[] | 'everything' };
export type ChannelSpec = ReadSpec | SlowReadSpec | WriteSpec | SessionSpec;

/** Every table but the ones listed. */
export function allTablesBut(...left: LibraryTable[]): readonly LibraryTable[] {
  return LIBRARY_TABLES.filter((t) => !left.includes(t));
}

/** The tables any search over papers may read (full-text index of titles, authors, notes, annotations, tags...). */
export const SEARCHED_TABLES = ['papers', 'paper_authors', 'authors', 'paper_affiliations', 'affiliations', 'paper_categories', 'paper_tags', 'tags', 'notes', 'annotations'] as const satisfies readonly LibraryTable[];

/** The tables a paper filter (PaperFilters) may read besides the paper itself, without a text search. */
export const FILTER_TABLES = [
  'papers',
  'paper_authors',
  'authors',
  'author_metric_snapshots',
  'paper_affiliations',
  'affiliations',
  'paper_categories',
  'paper_tags',
  'tags',
  'import_papers',
  'collection_papers',
  'collections',
] as const satisfies readonly LibraryTable[];

/**
 * A read over a paper filter: `base`, plus notes and annotations when the input searches text (only a
 * text search looks into them, so a note edit leaves unsearched counts alone).
 */
export function readsUnderFilter(base: readonly LibraryTable[]): (input: { query?: string; filter?: string }) => readonly LibraryTable[] {
  const searching = [...new Set<LibraryTable>([...base, ...SEARCHED_TABLES])];
  return (input) => ((input.query ?? '').trim() || (input.filter ?? '').trim() ? searching : base);
}
