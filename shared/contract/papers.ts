/** Reading papers: the paged table, facet counts, ids for select-all, one paper, metrics of a selection. */
import { z } from 'zod';
import type { ChannelSpec } from './channel';
import { Id, PaperSortColumn, HighlightTerm, PaperRow, PaperDetail, PaperFacets } from '../model';
import { PaperFilters, JOB_ID } from './inputs';
import { searchText } from '../text-input';
import { SelectionMetrics } from './papers-metrics';
import { readsUnderFilter, FILTER_TABLES } from './channel';

export const papersChannels = {
  'papers.list': {
    kind: 'read', reads: readsUnderFilter([...FILTER_TABLES, 'notes']),
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
    kind: 'slowRead', label: 'Counting filter values', reads: readsUnderFilter(FILTER_TABLES),
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
    kind: 'read', reads: readsUnderFilter(FILTER_TABLES),
    input: PaperFilters.extend({ sort: z.array(z.object({ column: PaperSortColumn, desc: z.boolean().default(false) })).max(4).default([]) }),
    /** Every matching id in table order (for select-all). */
    output: z.object({ ids: z.array(Id) }),
  },
  /** With a jobId, jobs.cancel stops it (CANCELLED). */
  'metrics.selection': { kind: 'slowRead', label: 'Computing metrics', reads: readsUnderFilter(FILTER_TABLES), input: PaperFilters.extend({ jobId: JOB_ID.optional() }), output: SelectionMetrics },
  'papers.get': { kind: 'read', reads: ['papers', 'paper_authors', 'authors', 'paper_affiliations', 'affiliations', 'paper_categories', 'paper_tags', 'tags', 'notes', 'imports', 'import_papers', 'paper_citation_counts'], input: z.object({ id: Id }), output: PaperDetail },
} as const satisfies Record<string, ChannelSpec>;
