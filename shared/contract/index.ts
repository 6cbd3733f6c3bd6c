/**
 * The IPC contract: every channel the renderer (or CLI, or HTTP client) can call, with a zod schema for
 * its input and its output, its kind (how a host runs it) and the library tables it reads or changes
 * (shared/contract/channel.ts). One file per domain declares its channels; this one joins them.
 * Electron's preload, the browser-mode server, the command line, the handler table's routing and the
 * window's cache are all derived from this table; types elsewhere are inferred from it.
 */
import type { z } from 'zod';
import type { ChannelSpec, LibraryTable } from './channel';
import { libraryChannels } from './library';
import { backupsChannels } from './backups';
import { pasteChannels } from './paste';
import { jobsChannels } from './jobs';
import { papersChannels } from './papers';
import { authorsChannels } from './authors';
import { tagsChannels } from './tags';
import { notesChannels } from './notes';
import { annotationsChannels } from './annotations';
import { collectionsChannels } from './collections';
import { marksChannels } from './marks';
import { trashChannels } from './trash';
import { savedSearchesChannels } from './saved-searches';
import { paperEditsChannels } from './paper-edits';
import { referencesChannels } from './references';

export * from '../model';
export * from './inputs';
export * from './papers-metrics';
export * from './channel';
export * from '../import-report-view';
export * from '../metrics/page-figures';
export * from './references';

export const contract = {
  ...libraryChannels,
  ...pasteChannels,
  ...jobsChannels,
  ...papersChannels,
  ...authorsChannels,
  ...tagsChannels,
  ...notesChannels,
  ...annotationsChannels,
  ...collectionsChannels,
  ...marksChannels,
  ...trashChannels,
  ...savedSearchesChannels,
  ...paperEditsChannels,
  ...backupsChannels,
  ...referencesChannels,
} as const satisfies Record<string, ChannelSpec>;

export type Contract = typeof contract;
export type Channel = keyof Contract;
export const CHANNELS = Object.keys(contract) as Channel[];
/** What a caller passes (defaults optional). */
export type ChannelInput<C extends Channel> = z.input<Contract[C]['input']>;
/** What a handler receives (defaults applied). */
export type ChannelArgs<C extends Channel> = z.output<Contract[C]['input']>;
export type ChannelOutput<C extends Channel> = z.output<Contract[C]['output']>;

/** Channels of one kind, as a type (`ChannelOfKind<'slowRead'>` is 'papers.facets' | ...). */
export type ChannelOfKind<K extends ChannelSpec['kind']> = { [C in Channel]: Contract[C]['kind'] extends K ? C : never }[Channel];

/** Every call answers with this envelope, on every host. */
export type Result<T> = { ok: true; value: T } | { ok: false; error: import('../errors').LecternErrorShape };

/** The API object the renderer sees (`window.lectern` on the desktop, HTTP in browser mode). */
export type LecternApi = { [C in Channel]: (input: ChannelInput<C>) => Promise<Result<ChannelOutput<C>>> };

export function isChannel(name: string): name is Channel {
  return Object.prototype.hasOwnProperty.call(contract, name);
}

/** The channels of one kind, in contract order. */
export function channelsOfKind<K extends ChannelSpec['kind']>(kind: K): ChannelOfKind<K>[] {
  return CHANNELS.filter((c) => contract[c].kind === kind) as ChannelOfKind<K>[];
}

/**
 * The tables a call of `channel` with `input` reads (reads and slow reads; a session channel's own list),
 * or 'everything' when any write can change its answer. Writes read nothing cacheable: [].
 */
export function tablesRead(channel: Channel, input: unknown): readonly LibraryTable[] | 'everything' {
  const spec: ChannelSpec = contract[channel];
  if (!('reads' in spec)) return [];
  const { reads } = spec;
  return typeof reads === 'function' ? (reads as (i: unknown) => readonly LibraryTable[])(input ?? {}) : reads;
}

/** The tables a write changes ('everything' when unknown); [] for channels that write nothing. */
export function tablesChanged(channel: Channel): readonly LibraryTable[] | 'everything' {
  const spec: ChannelSpec = contract[channel];
  return 'changes' in spec ? spec.changes : [];
}

/**
 * Whether a change to `changed` tables can alter the answer of a read of `read` tables: the rule the
 * window's cache and the live library event both use.
 */
export function overlaps(read: readonly LibraryTable[] | 'everything', changed: readonly LibraryTable[] | 'everything'): boolean {
  if (read === 'everything') return changed === 'everything' || changed.length > 0;
  if (changed === 'everything') return read.length > 0;
  return read.some((t) => changed.includes(t));
}
