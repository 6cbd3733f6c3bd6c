/**
 * The slow reads (channels of kind `slowRead`: seconds for facet counts under a one-letter filter at
 * 100,000 papers) as the reader thread runs them: the handler table's own queries, so the thread and
 * the in-process fallback answer exactly what the table declares.
 */
import type { ChannelArgs, ChannelOfKind, ChannelOutput } from '../../shared/contract';
import type { LibraryDb } from '../../db/open';
import { handlerTable } from './handler-table';
import { runSlowReadQuery } from './route';

export type ReadChannel = ChannelOfKind<'slowRead'>;

/**
 * Run one slow read on a connection; the job id (if any) is the caller's business, not the query's.
 * @throws Error for a channel that is not a slow read (a developer error), or what the query throws
 */
export function runRead<C extends ReadChannel>(db: LibraryDb, channel: C, input: ChannelArgs<C>): ChannelOutput<C> {
  return runSlowReadQuery(handlerTable, db, channel, input) as ChannelOutput<C>;
}
