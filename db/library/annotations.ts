/**
 * Annotations: a highlighted span of a paper's abstract, with a colour and a comment. The quoted text
 * is stored with the offsets, so a re-import that rewrites the abstract cannot lose what was marked
 * (listAnnotations finds the span again, or reports it detached).
 */
import { sql } from 'drizzle-orm';
import type { Annotation } from '../../shared/contract';
import { LecternError } from '../../shared/errors';
import { locateQuote } from '../../shared/search/anchor';
import type { LibraryDb } from '../open';
import { applySteps, nowIso, recorded, type Outcome, type Row } from './changes';
import { checkColour } from './tag-names';

/** Default highlight colour (a soft yellow that reads in both themes). */
export const DEFAULT_ANNOTATION_COLOUR = '#ffd54f';
/** Longest comment, in characters. */
export const COMMENT_MAX = 20_000;

interface AnnotationRecord {
  id: number;
  paper_id: number;
  start: number;
  end: number;
  quote: string;
  colour: string;
  comment: string;
  created_at: string;
  updated_at: string;
}

const COLUMNS = sql`a.id, a.paper_id, a.start, a."end", a.quote, a.colour, a.comment, a.created_at, a.updated_at`;

function toAnnotation(r: AnnotationRecord, abstract: string | null): Annotation {
  return {
    id: r.id,
    paperId: r.paper_id,
    start: r.start,
    end: r.end,
    quote: r.quote,
    colour: r.colour,
    comment: r.comment,
    anchor: locateQuote(abstract, r.quote, r.start),
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}

function abstractOf(db: LibraryDb, paperId: number): string | null {
  const p = db.get<{ abstract: string | null }>(sql`SELECT abstract FROM papers WHERE id = ${paperId}`);
  if (!p) throw new LecternError('NOT_FOUND', `There is no paper with id ${paperId} in the library.`, { id: paperId });
  return p.abstract;
}

function checkComment(comment: string): string {
  if (comment.length > COMMENT_MAX) throw new LecternError('INVALID_INPUT', `The comment is ${comment.length.toLocaleString('en')} characters; the limit is ${COMMENT_MAX.toLocaleString('en')}. Use a note for longer text.`);
  return comment;
}

/** A paper's annotations in the order of the text (detached ones last), each with where it sits now (`anchor`). */
export function listAnnotations(db: LibraryDb, paperId: number): Annotation[] {
  const abstract = abstractOf(db, paperId);
  return db
    .all<AnnotationRecord>(sql`SELECT ${COLUMNS} FROM annotations a WHERE a.paper_id = ${paperId} ORDER BY a.start, a.id`)
    .map((r) => toAnnotation(r, abstract))
    .sort((x, y) => (x.anchor?.start ?? Infinity) - (y.anchor?.start ?? Infinity) || x.id - y.id);
}

function annotationRow(db: LibraryDb, id: number): AnnotationRecord {
  const r = db.get<AnnotationRecord>(sql`SELECT ${COLUMNS} FROM annotations a WHERE a.id = ${id}`);
  if (!r) throw new LecternError('NOT_FOUND', `There is no annotation with id ${id}.`, { id });
  return r;
}

/**
 * Annotate a span of the paper's abstract.
 * @param input.start, input.end offsets in UTF-16 code units (JavaScript string indices), 0 <= start < end <= length
 * @param input.colour `#rrggbb` (default DEFAULT_ANNOTATION_COLOUR)
 * @param input.comment plain text or Markdown, at most COMMENT_MAX characters
 * @returns the annotation; its quote is the abstract's text between the offsets
 * @throws LecternError `NOT_FOUND` (paper), `INVALID_INPUT` (no abstract, span outside it or empty, colour, comment)
 */
export function createAnnotation(
  db: LibraryDb,
  input: { paperId: number; start: number; end: number; colour?: string; comment?: string },
): Outcome<Annotation> {
  const colour = checkColour(input.colour ?? DEFAULT_ANNOTATION_COLOUR);
  const comment = checkComment(input.comment ?? '');
  return recorded(db, 'Annotate', () => {
    const abstract = abstractOf(db, input.paperId);
    if (!abstract) throw new LecternError('INVALID_INPUT', 'This paper has no abstract to annotate.', { paperId: input.paperId });
    if (!(input.start >= 0 && input.start < input.end && input.end <= abstract.length)) {
      throw new LecternError('INVALID_INPUT', `The span ${input.start}-${input.end} is not inside the abstract (0-${abstract.length}) or is empty.`, { start: input.start, end: input.end });
    }
    const quote = abstract.slice(input.start, input.end);
    const now = nowIso();
    const { id } = db.get<{ id: number }>(sql`INSERT INTO annotations (paper_id, start, "end", quote, colour, comment, created_at, updated_at)
      VALUES (${input.paperId}, ${input.start}, ${input.end}, ${quote}, ${colour}, ${comment}, ${now}, ${now}) RETURNING id`)!;
    const r = annotationRow(db, id);
    return { value: toAnnotation(r, abstract), undo: [{ op: 'delete', table: 'annotations', keys: [{ id: r.id }] }] };
  });
}

/**
 * Change an annotation's colour and/or comment (the span stays).
 * @throws LecternError `NOT_FOUND`, `INVALID_INPUT`
 */
export function updateAnnotation(db: LibraryDb, input: { id: number; colour?: string; comment?: string }): Outcome<Annotation> {
  const set: Row = { updated_at: nowIso() };
  if (input.colour !== undefined) set.colour = checkColour(input.colour);
  if (input.comment !== undefined) set.comment = checkComment(input.comment);
  return recorded(db, 'Edit annotation', () => {
    annotationRow(db, input.id);
    const undo = applySteps(db, [{ op: 'update', table: 'annotations', groups: [{ set, keys: [{ id: input.id }] }] }]);
    const r = annotationRow(db, input.id);
    return { value: toAnnotation(r, abstractOf(db, r.paper_id)), undo };
  });
}

/**
 * Delete an annotation.
 * @throws LecternError `NOT_FOUND`
 */
export function deleteAnnotation(db: LibraryDb, input: { id: number }): Outcome<{ deleted: number }> {
  return recorded(db, 'Delete annotation', () => {
    annotationRow(db, input.id);
    return { value: { deleted: 1 }, undo: applySteps(db, [{ op: 'delete', table: 'annotations', keys: [{ id: input.id }] }]) };
  });
}
