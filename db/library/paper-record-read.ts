/**
 * Reading a paper's bibliographic record (shared/record/record-model.ts BibliographicFields) from its
 * row, field by field by the Drizzle property names, so a field added to the schema and the model needs
 * no code here.
 */
import { eq } from 'drizzle-orm';
import { LecternError } from '../../shared/errors';
import { BibliographicFields, JSON_RECORD_FIELDS } from '../../shared/record/record-model';
import type { LibraryDb } from '../open';
import { papers } from '../schema';

const FIELDS = Object.keys(BibliographicFields.shape) as Array<keyof BibliographicFields>;

/** JSON text of a stored column, or `fallback` when it is not valid JSON (a file edited by hand). */
function parsedJson(text: unknown, fallback: unknown): unknown {
  if (typeof text !== 'string') return fallback;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return fallback;
  }
}

/**
 * The record fields of one paper.
 * @returns every BibliographicFields field, JSON columns parsed (`keywords` an array, `extra` an object)
 * @throws LecternError `NOT_FOUND` when no paper has this id
 */
export function recordFieldsOf(db: LibraryDb, id: number): BibliographicFields {
  const row = db.select().from(papers).where(eq(papers.id, id)).get() as Record<string, unknown> | undefined;
  if (!row) throw new LecternError('NOT_FOUND', `There is no paper with id ${id} in the library.`, { id });
  return Object.fromEntries(
    FIELDS.map((field) => {
      const value = row[field];
      if (!JSON_RECORD_FIELDS.has(field)) return [field, value ?? null];
      const empty = field === 'keywords' || field === 'editedFields' ? [] : {};
      return [field, parsedJson(value, empty)];
    }),
  ) as BibliographicFields;
}
