/** The trash: move papers in and out, count it, empty it. */
import { z } from 'zod';
import type { ChannelSpec } from './channel';
import { Id } from '../model';
import { allTablesBut } from './channel';

export const trashChannels = {
  /** Move papers to the trash (hidden everywhere unless `trash` asks for them; purged after 30 days). */
  'papers.trash': { kind: 'undoableWrite', changes: ['papers'], input: z.object({ paperIds: z.array(Id).min(1).max(100_000) }), output: z.object({ trashed: z.number().int() }) },
  /** Bring papers back from the trash (ids not in the trash are ignored). */
  'papers.restore': { kind: 'undoableWrite', changes: ['papers'], input: z.object({ paperIds: z.array(Id).min(1).max(100_000) }), output: z.object({ restored: z.number().int() }) },
  /** Papers in the trash and the oldest deletion time (ISO 8601), or null. */
  'trash.info': { kind: 'read', reads: ['papers'], input: z.object({}), output: z.object({ count: z.number().int(), oldest: z.string().nullable() }) },
  /** Delete every trashed paper for good (not undoable). */
  'trash.empty': { kind: 'write', changes: allTablesBut('settings', 'saved_searches'), input: z.object({}), output: z.object({ deleted: z.number().int() }) },
} as const satisfies Record<string, ChannelSpec>;
