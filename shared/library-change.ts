/**
 * The "library changed" event every host pushes to its windows (desktop: IPC; browser mode: a stream
 * of server-sent events), declared once. `tables` names what changed when the host knows (its own
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

/** The desktop IPC channel the main process sends the event on (webContents.send). */
export const LIBRARY_CHANGE_IPC = 'lectern-event:library-change';

/** Browser mode's event stream (GET, `text/event-stream`, same token header as every /api call). */
export const LIBRARY_EVENTS_PATH = '/api/events';

/** The header (and the events route's `client` parameter) naming the tab a call comes from, so its own writes come back as 'here'. */
export const CLIENT_HEADER = 'x-lectern-client';

/** A tab's id as the server accepts it: 8-64 characters of [A-Za-z0-9_-]. */
export function isClientId(value: unknown): value is string {
  return typeof value === 'string' && /^[\w-]{8,64}$/.test(value);
}
