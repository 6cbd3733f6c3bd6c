/** Annotations: spans of a paper's abstract with a colour and a comment. */
import { z } from 'zod';
import type { ChannelSpec } from './channel';
import { Id, Colour, Annotation } from '../model';
import { freeText } from '../text-input';

export const annotationsChannels = {
  /** A paper's annotations in text order, each with its current anchor (null: its quote left the abstract). */
  'annotations.list': { kind: 'read', reads: ['annotations', 'papers'], input: z.object({ paperId: Id }), output: z.array(Annotation) },
  /** Annotate abstract[start, end) (UTF-16 offsets); the quote is taken from the abstract. */
  'annotations.create': {
    kind: 'undoableWrite', changes: ['annotations'],
    input: z.object({ paperId: Id, start: z.number().int().nonnegative(), end: z.number().int().positive(), colour: Colour.optional(), comment: freeText(100_000).default('') }),
    output: Annotation,
  },
  /** Change an annotation's colour and/or comment (at most 20,000 characters); the span stays. */
  'annotations.update': { kind: 'undoableWrite', changes: ['annotations'], input: z.object({ id: Id, colour: Colour.optional(), comment: freeText(100_000).optional() }), output: Annotation },
  /** Delete an annotation. */
  'annotations.delete': { kind: 'undoableWrite', changes: ['annotations'], input: z.object({ id: Id }), output: z.object({ deleted: z.number().int() }) },
} as const satisfies Record<string, ChannelSpec>;
