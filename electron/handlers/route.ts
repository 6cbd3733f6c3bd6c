/**
 * From the handler table's entries to callable handlers: each channel's declared kind
 * (shared/contract/channel.ts) decides how its query runs.
 * - read: on the read-only connection, in one read transaction (committed data only);
 * - slowRead: on the reader thread, one at a time, named by the input's `jobId` so that `jobs.progress`
 *   reports it and `jobs.cancel` stops it (CANCELLED);
 * - write: on the write queue, holding the library's write lock, in one transaction (BUSY when the lock
 *   cannot be had in time, DAMAGED on a damaged library);
 * - undoableWrite: the same, and its inverse goes on the session's undo stack once committed;
 * - session: called as it is, with the session.
 * A custom entry runs as written, whatever its kind.
 */
import { contract, CHANNELS, type Channel, type ChannelArgs, type ChannelOfKind } from '../../shared/contract';
import type { Outcome } from '../../db/library/changes';
import type { LibraryDb } from '../../db/open';
import { isCustom, type Entry, type HandlerTable } from './channel-entry';
import type { Handlers } from './handlers';
import type { Session } from './session';

type Handler = (input: unknown) => unknown;

/** One channel's handler, as its kind says it runs. */
export function route<C extends Channel>(channel: C, entry: Entry<C>, s: Session): Handler {
  if (isCustom(entry)) return (input) => entry.custom(s, input as ChannelArgs<C>);
  // The entry's parameters follow from the kind (channel-entry.ts); the switch re-reads the kind at run time.
  const query = entry as (first: unknown, input: unknown) => unknown;
  const spec = contract[channel];
  switch (spec.kind) {
    case 'read':
      return (input) => s.reader.run((rdb) => query(rdb, input));
    case 'slowRead':
      return (input) => {
        const { jobId, ...rest } = input as { jobId?: string };
        const slow = channel as ChannelOfKind<'slowRead'>;
        return s.reader.whenCommitted(() => s.reads.run(slow, rest as ChannelArgs<typeof slow>, jobId));
      };
    case 'write':
      return (input) => s.writes.run(() => query(s.db, input));
    case 'undoableWrite':
      return (input) => s.writes.run(() => query(s.db, input) as Outcome<unknown>, { committed: (outcome) => s.history.record(outcome) });
    case 'session':
      return (input) => query(s, input);
  }
}

/** Every channel's handler over one session. */
export function routeAll(table: HandlerTable, s: Session): Handlers {
  const out: Partial<Record<Channel, Handler>> = {};
  for (const channel of CHANNELS) out[channel] = route(channel, table[channel] as Entry<typeof channel>, s);
  return out as Handlers;
}

/** Run a slow read's query on a connection (the reader thread's, or in process): the table's own entry. */
export function runSlowReadQuery(table: HandlerTable, db: LibraryDb, channel: ChannelOfKind<'slowRead'>, input: unknown): unknown {
  const entry = table[channel] as Entry<typeof channel>;
  if (contract[channel].kind !== 'slowRead' || isCustom(entry)) throw new Error(`not a slow read: ${String(channel)}`);
  return (entry as (rdb: LibraryDb, input: unknown) => unknown)(db, input);
}
