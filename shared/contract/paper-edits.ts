/**
 * Editing a paper by hand: its bibliographic fields, its author list with CSL name parts, a new paper
 * from scratch, and the page's newer values kept beside fields the user edited. Every write is undoable.
 */
import { z } from 'zod';
import type { ChannelSpec } from './channel';
import { Id } from '../model';
import { CSL_TYPES } from '../record/csl-types';
import { EDITABLE_FIELD_NAMES, type EditableField } from '../record/editable-fields';
import { freeText } from '../text-input';

/** C0 controls other than tab, LF and CR, DEL, and C1 controls (as shared/text-input.ts nameText). */
// eslint-disable-next-line no-control-regex
const CONTROLS = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/;
/** A field typed on one line: control characters are refused (they can only be pasted or scripted). */
const Line = (max: number) => z.string().max(max).refine((s) => !CONTROLS.test(s), 'A paper’s fields cannot contain control characters (such as NUL or terminal escape codes)');
const Text = (max: number) => Line(max).nullable();

/** The editable fields (names as db/schema.ts names them; shared/record/editable-fields.ts). null clears. */
export const PaperFields = z.object({
  title: Line(10_000),
  itemType: z.enum(CSL_TYPES),
  /** `YYYY`, `YYYY-MM` or `YYYY-MM-DD`. */
  date: Text(20),
  venue: Text(1000),
  volume: Text(100),
  issue: Text(100),
  page: Text(200),
  number: Text(200),
  publisher: Text(1000),
  publisherPlace: Text(1000),
  event: Text(1000),
  url: Text(4000),
  doi: Text(500),
  /** With or without a version (`2401.01234v2`): the version goes to arxivVersion. */
  arxivId: Text(100),
  isbn: Text(40),
  issn: Text(40),
  pmid: Text(40),
  pmcid: Text(40),
  language: Text(50),
  /** Free text: line breaks kept, NUL dropped (shared/text-input.ts freeText). */
  abstract: freeText(200_000).nullable(),
  keywords: z.array(Line(200)).max(200),
});
export type PaperFields = z.infer<typeof PaperFields>;
export type PaperFieldName = keyof PaperFields;

/** One author as edited: the name as printed (required) and its CSL name parts. */
export const AuthorInput = z.object({
  printedName: Line(1000),
  family: Line(500).nullable().optional(),
  given: Line(500).nullable().optional(),
  droppingParticle: Line(100).nullable().optional(),
  nonDroppingParticle: Line(100).nullable().optional(),
  suffix: Line(100).nullable().optional(),
  literal: Line(1000).nullable().optional(),
});
export type AuthorInput = z.infer<typeof AuthorInput>;

/** An author as stored (names an import kept are shown as they are, unchecked). */
export const RecordAuthorView = z.object({
  ...Object.fromEntries(Object.keys(AuthorInput.shape).map((k) => [k, z.string().nullable()])),
  printedName: z.string(),
  authorId: Id,
}) as unknown as z.ZodType<Required<AuthorInput> & { authorId: number }>;

/**
 * The fields as stored: any length an import kept, and any CSL type a parser gave (the editor offers
 * CSL_TYPES, and keeps another type as it is until the user picks one).
 */
const StoredFields = z.object({
  ...Object.fromEntries(Object.keys(PaperFields.shape).map((k) => [k, z.string().nullable()])),
  title: z.string(),
  itemType: z.string(),
  keywords: z.array(z.string()),
  arxivVersion: z.number().int().nullable(),
}) as unknown as z.ZodType<Omit<PaperFields, 'itemType'> & { itemType: string; arxivVersion: number | null }>;

/** A paper as the editor shows it. */
export const PaperRecord = z.object({
  id: Id,
  fields: StoredFields,
  authors: z.array(RecordAuthorView),
  /** The source cut the author list ("et al."). */
  authorsTruncated: z.boolean(),
  /** Fields the user edited by hand (`authors` for the author list): a re-import leaves them alone. */
  editedFields: z.array(z.string()),
  /** For edited fields, the value a later import read from the page, to accept or ignore. */
  sourceValues: z.record(z.string(), z.unknown()),
});
export type PaperRecord = z.infer<typeof PaperRecord>;

export const paperEditsChannels = {
  /** Everything the editor shows of one paper. `NOT_FOUND` when there is no such paper. */
  'papers.record': { kind: 'read', reads: ['papers', 'paper_authors'], input: z.object({ id: Id }), output: PaperRecord },
  /**
   * Change some fields; each is checked (shared/record/field-checks.ts) and marked as edited.
   * `INVALID_INPUT` with the field's message (`details.field`); `NOT_FOUND`.
   */
  'papers.update': { kind: 'undoableWrite', changes: ['papers'], input: z.object({ id: Id, fields: PaperFields.partial() }), output: PaperRecord },
  /** Replace the author list (add, remove, reorder, name parts); names are linked to author entities. */
  'papers.setAuthors': {
    kind: 'undoableWrite', changes: ['papers', 'paper_authors', 'authors'],
    input: z.object({ id: Id, authors: z.array(AuthorInput).max(5000), truncated: z.boolean().optional() }),
    output: PaperRecord,
  },
  /** A new paper typed by hand (every given field edited). Returns its id. */
  'papers.create': {
    kind: 'undoableWrite', changes: ['papers', 'paper_authors', 'authors'],
    input: z.object({ fields: PaperFields.partial().extend({ title: Line(10_000), arxivVersion: z.number().int().min(1).max(9999).nullable().optional() }), authors: z.array(AuthorInput).max(5000).default([]) }),
    output: z.object({ id: Id }),
  },
  /** Take the page's newer value of an edited field (`accept`), or drop it. `NOT_FOUND` when none is kept. */
  'papers.resolveSourceValue': {
    kind: 'undoableWrite', changes: ['papers', 'paper_authors', 'authors'],
    input: z.object({ id: Id, field: z.enum(EDITABLE_FIELD_NAMES as [EditableField, ...EditableField[]]), accept: z.boolean() }),
    output: PaperRecord,
  },
} as const satisfies Record<string, ChannelSpec>;
