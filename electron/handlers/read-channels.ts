/**
 * The read channels that can take longer than a glance on a large library (seconds for facet counts
 * under a one-letter filter at 100,000 papers), so they run on a reader thread where they can be
 * cancelled without blocking the table's own queries. Shared by the worker and the in-process fallback.
 */
import type { ChannelArgs, ChannelOutput } from '../../shared/contract';
import type { LibraryDb } from '../../db/open';
import { authorMetrics } from '../../db/library/authors';
import { paperFacets } from '../../db/library/papers';
import { selectionMetrics } from '../../db/library/selection-metrics';

import { LONG_READS, type LongRead } from '../../shared/long-reads';

export type ReadChannel = LongRead;

/** What the user sees while one runs (status bar: "Counting filter values…"). */
export const READ_LABELS = LONG_READS;

/** Run one read channel on a connection; the job id (if any) is the caller's business, not the query's. */
export function runRead<C extends ReadChannel>(db: LibraryDb, channel: C, input: ChannelArgs<C>): ChannelOutput<C> {
  switch (channel) {
    case 'papers.facets':
      return paperFacets(db, input as ChannelArgs<'papers.facets'>) as ChannelOutput<C>;
    case 'metrics.selection':
      return selectionMetrics(db, input as ChannelArgs<'metrics.selection'>) as ChannelOutput<C>;
    case 'authors.metrics':
      return authorMetrics(db, (input as ChannelArgs<'authors.metrics'>).id) as ChannelOutput<C>;
    default:
      throw new Error(`not a read channel: ${String(channel)}`);
  }
}
