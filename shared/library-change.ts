/**
 * The "library changed" event every host pushes to its windows (desktop: IPC; browser mode: a stream
 * of answers to a poll), declared once. `tables` names what changed when the host knows (its own
 * writes, from the contract's `changes`), 'everything' when the change was seen only as a new version
 * of the file (another process: the command line, a restore through a connection of its own).
 * `origin` is per window: 'here' when every change in the event was made by the window receiving it
 * (it has refreshed already), 'elsewhere' otherwise (another window or tab, another process).
 */
import { z } from 'zod';
import { LIBRARY_TABLES } from './contract/channel';

export const LibraryChange = z.object({
  /** Counts the events of this host (1, 2, ...): a window can tell it missed one. */
  version: z.number().int().nonnegative(),
  tables: z.union([z.array(z.enum(LIBRARY_TABLES)), z.literal('everything')]),
  origin: z.enum(['here', 'elsewhere']),
});
export type LibraryChange = z.infer<typeof LibraryChange>;

/**
 * Browser mode's answer to a poll: the server's `epoch` (new at each start) and the latest `seq`, to send
 * back next time, and what changed since the poll's `after` for this tab (null: nothing).
 */
export interface LibraryEventsAnswer {
  epoch: string;
  seq: number;
  change: LibraryChange | null;
}

/** The desktop IPC channel the main process sends the event on (webContents.send). */
export const LIBRARY_CHANGE_IPC = 'lectern-event:library-change';

/** Browser mode's events, polled (GET `?after=&epoch=&client=`, same token header as every /api call; electron/server/event-log.ts). */
export const LIBRARY_EVENTS_PATH = '/api/events';

/** The header (and the events poll's `client` parameter) naming the tab a call comes from, so its own writes come back as 'here'. */
export const CLIENT_HEADER = 'x-lectern-client';

/** A tab's id as the server accepts it: 8-64 characters of [A-Za-z0-9_-]. */
export function isClientId(value: unknown): value is string {
  return typeof value === 'string' && /^[\w-]{8,64}$/.test(value);
}
