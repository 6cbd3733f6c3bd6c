/**
 * Saved searches (smart collections): a name and a query in the search syntax, run whenever opened, so
 * they follow the library as it changes.
 */
import { sql } from 'drizzle-orm';
import type { SavedSearch } from '../../shared/contract';
import { LecternError } from '../../shared/errors';
import type { LibraryDb } from '../open';
import { applySteps, nowIso, recorded, type Outcome, type Row } from './changes';
import { compileQuery } from './search-query';

function checkName(raw: string): string {
  const name = raw.trim();
  if (name === '') throw new LecternError('INVALID_INPUT', 'A saved search needs a name.');
  if ([...name].length > 200) throw new LecternError('INVALID_INPUT', `The name is ${[...name].length} characters long; the limit is 200.`);
  return name;
}

function checkQuery(query: string): string {
  compileQuery(query); // throws INVALID_QUERY with the column at fault
  if (query.trim() === '') throw new LecternError('INVALID_INPUT', 'A saved search needs a query.');
  return query.trim();
}

type Record_ = { id: number; name: string; query: string; created_at: string; updated_at: string };
const toSaved = (r: Record_): SavedSearch => ({ id: r.id, name: r.name, query: r.query, createdAt: r.created_at, updatedAt: r.updated_at });

/** Every saved search, by name. */
export function listSavedSearches(db: LibraryDb): SavedSearch[] {
  return db.all<Record_>(sql`SELECT id, name, query, created_at, updated_at FROM saved_searches ORDER BY name COLLATE NOCASE, id`).map(toSaved);
}

function row(db: LibraryDb, id: number): Record_ {
  const r = db.get<Record_>(sql`SELECT id, name, query, created_at, updated_at FROM saved_searches WHERE id = ${id}`);
  if (!r) throw new LecternError('NOT_FOUND', `There is no saved search with id ${id}.`, { id });
  return r;
}

/**
 * Save a search.
 * @throws LecternError `INVALID_INPUT` (empty name or query), `INVALID_QUERY` (the query does not parse)
 */
export function createSavedSearch(db: LibraryDb, input: { name: string; query: string }): Outcome<SavedSearch> {
  const name = checkName(input.name);
  const query = checkQuery(input.query);
  return recorded(db, `Save search ${name}`, () => {
    const now = nowIso();
    const r = db.get<Record_>(sql`INSERT INTO saved_searches (name, query, created_at, updated_at) VALUES (${name}, ${query}, ${now}, ${now}) RETURNING id, name, query, created_at, updated_at`)!;
    return { value: toSaved(r), undo: [{ op: 'delete', table: 'saved_searches', keys: [{ id: r.id }] }] };
  });
}

/**
 * Rename a saved search and/or change its query.
 * @throws LecternError `NOT_FOUND`, `INVALID_INPUT`, `INVALID_QUERY`
 */
export function updateSavedSearch(db: LibraryDb, input: { id: number; name?: string; query?: string }): Outcome<SavedSearch> {
  const set: Row = { updated_at: nowIso() };
  if (input.name !== undefined) set.name = checkName(input.name);
  if (input.query !== undefined) set.query = checkQuery(input.query);
  return recorded(db, 'Edit saved search', () => {
    row(db, input.id);
    const undo = applySteps(db, [{ op: 'update', table: 'saved_searches', groups: [{ set, keys: [{ id: input.id }] }] }]);
    return { value: toSaved(row(db, input.id)), undo };
  });
}

/**
 * Delete a saved search.
 * @throws LecternError `NOT_FOUND`
 */
export function deleteSavedSearch(db: LibraryDb, input: { id: number }): Outcome<{ deleted: number }> {
  return recorded(db, 'Delete saved search', () => {
    row(db, input.id);
    return { value: { deleted: 1 }, undo: applySteps(db, [{ op: 'delete', table: 'saved_searches', keys: [{ id: input.id }] }]) };
  });
}
