/**
 * The shape of one entry of the handler table, by the channel's declared kind (shared/contract/channel.ts).
 * An entry is the channel's query alone; route.ts decides how it runs from the kind. A channel whose
 * handling does not fit its kind's routing (pastes, restore, undo...) gives `{ custom }` instead, and
 * then runs exactly as written, with the session.
 */
import type { Channel, ChannelArgs, ChannelOutput, Contract } from '../../shared/contract';
import type { LibraryDb } from '../../db/open';
import type { Outcome } from '../../db/library/changes';
import type { Session } from './session';

type KindOf<C extends Channel> = Contract[C]['kind'];
export type Answer<C extends Channel> = ChannelOutput<C> | Promise<ChannelOutput<C>>;

/**
 * - read: `(rdb, input) => output` on the read-only connection, inside one read transaction;
 * - slowRead: the same, on the reader thread (the input without its `jobId`, which names the job);
 * - write: `(db, input) => output` on the writing connection, holding the write lock, in one transaction;
 * - undoableWrite: the same, returning `{ value, undo }` (db/library/changes.ts); the undo is recorded;
 * - session: `(session, input) => output`, called as it is.
 */
export type Query<C extends Channel> =
  KindOf<C> extends 'read'
    ? (rdb: LibraryDb, input: ChannelArgs<C>) => ChannelOutput<C>
    : KindOf<C> extends 'slowRead'
      ? (rdb: LibraryDb, input: Omit<ChannelArgs<C>, 'jobId'>) => ChannelOutput<C>
      : KindOf<C> extends 'write'
        ? (db: LibraryDb, input: ChannelArgs<C>) => Answer<C>
        : KindOf<C> extends 'undoableWrite'
          ? (db: LibraryDb, input: ChannelArgs<C>) => Outcome<ChannelOutput<C>>
          : (session: Session, input: ChannelArgs<C>) => Answer<C>;

/** A handler written out in full: runs as it is, whatever the kind (which must still say what it does). */
export interface Custom<C extends Channel> {
  readonly custom: (session: Session, input: ChannelArgs<C>) => Answer<C>;
}

export type Entry<C extends Channel> = Query<C> | Custom<C>;

/** Every channel of the contract has an entry: a channel added without one does not compile. */
export type HandlerTable = { [C in Channel]: Entry<C> };

export function isCustom<C extends Channel>(entry: Entry<C>): entry is Custom<C> {
  return typeof entry !== 'function';
}
