/**
 * Markdown notes on papers (several per paper). The text is stored as written; rendering and
 * sanitising are the renderer's job.
 */
import { sql } from 'drizzle-orm';
import type { Note } from '../../shared/contract';
import { LecternError } from '../../shared/errors';
import type { LibraryDb } from '../open';
import { applySteps, nowIso, recorded, type Outcome } from './changes';
import { checkPaperIds } from './paper-ids';
import { notesMarkdown } from '../../shared/notes-markdown';
import { listAnnotations } from './annotations';
import { getPaper } from './papers';

/**
 * Largest note body: 1 MB of UTF-8, in SI units as every size Lectern shows (1,000,000 bytes); the
 * issue's limit, and far beyond a long review.
 */
export const NOTE_MAX_BYTES = 1_000_000;

function checkBody(body: string): string {
  const bytes = new TextEncoder().encode(body).length;
  if (bytes > NOTE_MAX_BYTES) {
    // Rounded up to 10 kB, so a note just over the limit never reads as "1.00 MB".
    const mb = (Math.ceil(bytes / 10_000) / 100).toFixed(2);
    throw new LecternError('INVALID_INPUT', `The note is ${mb} MB; a note can hold at most 1 MB. Split it into several notes.`, { bytes, limit: NOTE_MAX_BYTES });
  }
  return body;
}

interface NoteRecord {
  id: number;
  paper_id: number;
  body: string;
  created_at: string;
  updated_at: string;
}

const toNote = (r: NoteRecord): Note => ({ id: r.id, paperId: r.paper_id, body: r.body, createdAt: r.created_at, updatedAt: r.updated_at });

/** A paper's notes, oldest first. */
export function listNotes(db: LibraryDb, paperId: number): Note[] {
  return db.all<NoteRecord>(sql`SELECT id, paper_id, body, created_at, updated_at FROM notes WHERE paper_id = ${paperId} ORDER BY created_at, id`).map(toNote);
}

function noteRow(db: LibraryDb, id: number): NoteRecord {
  const r = db.get<NoteRecord>(sql`SELECT id, paper_id, body, created_at, updated_at FROM notes WHERE id = ${id}`);
  if (!r) throw new LecternError('NOT_FOUND', `There is no note with id ${id}.`, { id });
  return r;
}

/**
 * Add a note to a paper.
 * @param input.body Markdown, at most 1 MB (UTF-8); may be empty (a note being started)
 * @throws LecternError `NOT_FOUND` (paper), `INVALID_INPUT` (over 1 MB)
 */
export function createNote(db: LibraryDb, input: { paperId: number; body: string }): Outcome<Note> {
  const body = checkBody(input.body);
  return recorded(db, 'Add note', () => {
    checkPaperIds(db, [input.paperId]);
    const now = nowIso();
    const r = db.get<NoteRecord>(
      sql`INSERT INTO notes (paper_id, body, created_at, updated_at) VALUES (${input.paperId}, ${body}, ${now}, ${now}) RETURNING id, paper_id, body, created_at, updated_at`,
    )!;
    return { value: toNote(r), undo: [{ op: 'delete', table: 'notes', keys: [{ id: r.id }] }] };
  });
}

/**
 * Replace a note's text.
 * @throws LecternError `NOT_FOUND`, `INVALID_INPUT` (over 1 MB)
 */
export function updateNote(db: LibraryDb, input: { id: number; body: string }): Outcome<Note> {
  const body = checkBody(input.body);
  return recorded(db, 'Edit note', () => {
    noteRow(db, input.id);
    const undo = applySteps(db, [{ op: 'update', table: 'notes', groups: [{ set: { body, updated_at: nowIso() }, keys: [{ id: input.id }] }] }]);
    return { value: toNote(noteRow(db, input.id)), undo };
  });
}

/**
 * Delete a note (undo brings it back with its id and dates).
 * @throws LecternError `NOT_FOUND`
 */
export function deleteNote(db: LibraryDb, input: { id: number }): Outcome<{ deleted: number }> {
  return recorded(db, 'Delete note', () => {
    noteRow(db, input.id);
    return { value: { deleted: 1 }, undo: applySteps(db, [{ op: 'delete', table: 'notes', keys: [{ id: input.id }] }]) };
  });
}

/**
 * A paper's notes and annotations as Markdown (shared/notes-markdown.ts).
 * @throws LecternError `NOT_FOUND`
 */
export function exportNotes(db: LibraryDb, paperId: number): string {
  const paper = getPaper(db, paperId);
  return notesMarkdown({
    title: paper.title,
    authors: paper.authors,
    authorsTruncated: paper.authorsTruncated,
    year: paper.year,
    doi: paper.doi,
    arxivId: paper.arxivId,
    notes: listNotes(db, paperId),
    annotations: listAnnotations(db, paperId).map((a) => ({ quote: a.quote, comment: a.comment, detached: a.anchor === null })),
  });
}
