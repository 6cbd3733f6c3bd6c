/** Tags: hierarchical names (`method/rl`) with colours, on papers. */
import { z } from 'zod';
import type { ChannelSpec } from './channel';
import { Id, Colour, Tag } from '../model';

export const tagsChannels = {
  /** Every tag by name, with paper counts (the sidebar builds the tree from the `/` in names). */
  'tags.list': { kind: 'read', reads: ['tags', 'paper_tags', 'papers'], input: z.object({}), output: z.array(Tag) },
  /** New tag; `INVALID_INPUT` for an empty, over-long (100) or clashing name, or a bad colour. */
  'tags.create': { kind: 'undoableWrite', changes: ['tags'], input: z.object({ name: z.string().max(1000), colour: Colour.nullable().optional() }), output: Tag },
  /** Rename; tags below it follow (`method/rl` -> `approach/rl`). `INVALID_INPUT` when the name is taken. */
  'tags.rename': { kind: 'undoableWrite', changes: ['tags'], input: z.object({ id: Id, name: z.string().max(1000) }), output: Tag },
  /** Set (`#rrggbb`) or clear (null) a tag's colour. */
  'tags.recolour': { kind: 'undoableWrite', changes: ['tags'], input: z.object({ id: Id, colour: Colour.nullable() }), output: Tag },
  /** Papers with any source tag get the target; the sources are deleted. */
  'tags.merge': { kind: 'undoableWrite', changes: ['tags', 'paper_tags'], input: z.object({ sourceIds: z.array(Id).min(1).max(1000), targetId: Id }), output: Tag },
  /** Delete tags (children stay unless listed); papers lose the links. Undoable, links included. */
  'tags.delete': { kind: 'undoableWrite', changes: ['tags', 'paper_tags'], input: z.object({ ids: z.array(Id).min(1).max(1000) }), output: z.object({ deleted: z.number().int() }) },
  /** Tag papers with existing tags and/or names (missing names are created). `added`: new links. */
  'tags.assign': {
    kind: 'undoableWrite', changes: ['tags', 'paper_tags'],
    input: z.object({ paperIds: z.array(Id).min(1).max(100_000), tagIds: z.array(Id).max(100).default([]), names: z.array(z.string().max(1000)).max(100).default([]) }),
    output: z.object({ added: z.number().int(), tagIds: z.array(Id) }),
  },
  /** Take these tags (not their children) off these papers. `removed`: links removed. */
  'tags.remove': {
    kind: 'undoableWrite', changes: ['paper_tags'],
    input: z.object({ paperIds: z.array(Id).min(1).max(100_000), tagIds: z.array(Id).min(1).max(100) }),
    output: z.object({ removed: z.number().int() }),
  },
} as const satisfies Record<string, ChannelSpec>;
