/** Notes: Markdown per paper, several per paper. */
import { z } from 'zod';
import type { ChannelSpec } from './channel';
import { Id, Note } from '../model';
import { freeText } from '../text-input';

export const notesChannels = {
  /** A paper's notes, oldest first. */
  'notes.list': { kind: 'read', reads: ['notes'], input: z.object({ paperId: Id }), output: z.array(Note) },
  /** `INVALID_INPUT` over 1 MB of UTF-8. */
  'notes.create': { kind: 'undoableWrite', changes: ['notes'], input: z.object({ paperId: Id, body: freeText(2_000_000).default('') }), output: Note },
  /** Replace a note's Markdown. `INVALID_INPUT` over 1 MB of UTF-8; `NOT_FOUND`. */
  'notes.update': { kind: 'undoableWrite', changes: ['notes'], input: z.object({ id: Id, body: freeText(2_000_000) }), output: Note },
  /** Delete a note (undo restores it with its id and dates). */
  'notes.delete': { kind: 'undoableWrite', changes: ['notes'], input: z.object({ id: Id }), output: z.object({ deleted: z.number().int() }) },
  /** The paper's notes and annotations as one Markdown document (shared/notes-markdown.ts). */
  'notes.export': { kind: 'read', reads: ['notes', 'annotations', 'papers'], input: z.object({ paperId: Id }), output: z.object({ markdown: z.string() }) },
} as const satisfies Record<string, ChannelSpec>;
