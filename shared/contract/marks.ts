/** Reading status, rating and star, on many papers at once. */
import { z } from 'zod';
import type { ChannelSpec } from './channel';
import { Id, ReadingStatus } from '../model';

export const marksChannels = {
  /** Reading status of many papers at once (one statement; undo restores each paper's own status). */
  'papers.setStatus': { kind: 'undoableWrite', changes: ['papers'], input: z.object({ paperIds: z.array(Id).min(1).max(100_000), status: ReadingStatus }), output: z.object({ updated: z.number().int() }) },
  /** Rate many papers 1-5; rating null clears it. */
  'papers.setRating': { kind: 'undoableWrite', changes: ['papers'], input: z.object({ paperIds: z.array(Id).min(1).max(100_000), rating: z.number().int().min(1).max(5).nullable() }), output: z.object({ updated: z.number().int() }) },
  /** Star or unstar many papers. */
  'papers.setStarred': { kind: 'undoableWrite', changes: ['papers'], input: z.object({ paperIds: z.array(Id).min(1).max(100_000), starred: z.boolean() }), output: z.object({ updated: z.number().int() }) },
} as const satisfies Record<string, ChannelSpec>;
