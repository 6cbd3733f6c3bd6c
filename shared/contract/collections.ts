/** Collections: nested groups of papers. */
import { z } from 'zod';
import type { ChannelSpec } from './channel';
import { Id, Collection } from '../model';
import { nameText } from '../text-input';

export const collectionsChannels = {
  /** Every collection (flat, with parentId), with direct paper counts. */
  'collections.list': { kind: 'read', reads: ['collections', 'collection_papers', 'papers'], input: z.object({}), output: z.array(Collection) },
  /** New collection (name 1-200 characters), at the top level or inside `parentId`. */
  'collections.create': { kind: 'undoableWrite', changes: ['collections'], input: z.object({ name: nameText(1000), parentId: Id.nullable().optional() }), output: Collection },
  /** Rename and/or move (parentId null: top level). `INVALID_INPUT` for a move into itself or below itself. */
  'collections.update': { kind: 'undoableWrite', changes: ['collections'], input: z.object({ id: Id, name: nameText(1000).optional(), parentId: Id.nullable().optional() }), output: Collection },
  /** Deletes the collection and its sub-collections; the papers stay. */
  'collections.delete': { kind: 'undoableWrite', changes: ['collections', 'collection_papers'], input: z.object({ id: Id }), output: z.object({ deleted: z.number().int() }) },
  /** Put papers in a collection; `added` leaves out papers already there. */
  'collections.addPapers': { kind: 'undoableWrite', changes: ['collection_papers'], input: z.object({ collectionId: Id, paperIds: z.array(Id).min(1).max(100_000) }), output: z.object({ added: z.number().int() }) },
  /** Take papers out of a collection (they stay in the library). */
  'collections.removePapers': { kind: 'undoableWrite', changes: ['collection_papers'], input: z.object({ collectionId: Id, paperIds: z.array(Id).min(1).max(100_000) }), output: z.object({ removed: z.number().int() }) },
} as const satisfies Record<string, ChannelSpec>;
