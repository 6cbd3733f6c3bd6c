/**
 * Collections: nested folders of papers (a paper may sit in many). Create, rename, move, delete.
 */
import { sql } from 'drizzle-orm';
import type { Collection } from '../../shared/contract';
import { LecternError } from '../../shared/errors';
import type { LibraryDb } from '../open';
import { applySteps, nowIso, recorded, type Outcome } from './changes';

/** Longest collection name, in characters. */
export const COLLECTION_NAME_MAX = 200;

function checkName(raw: string): string {
  const name = raw.trim().replace(/\s+/g, ' ');
  if (name === '') throw new LecternError('INVALID_INPUT', 'A collection needs a name.');
  if ([...name].length > COLLECTION_NAME_MAX) throw new LecternError('INVALID_INPUT', `The collection name is ${[...name].length} characters long; the limit is ${COLLECTION_NAME_MAX}.`);
  return name;
}

function collectionExists(db: LibraryDb, id: number): void {
  if (!db.get(sql`SELECT 1 FROM collections WHERE id = ${id}`)) throw new LecternError('NOT_FOUND', `There is no collection with id ${id}.`, { id });
}

/** Ids of a collection and every collection below it. */
function subtree(db: LibraryDb, id: number): number[] {
  return db
    .all<{ id: number }>(sql`WITH RECURSIVE s(id) AS (SELECT ${id} UNION SELECT c.id FROM collections c JOIN s ON c.parent_id = s.id) SELECT id FROM s`)
    .map((r) => r.id);
}

/**
 * Every collection (flat; parentId builds the tree), by name, with the papers directly in it that are not
 * in the trash.
 */
export function listCollections(db: LibraryDb): Collection[] {
  return db
    .all<{ id: number; name: string; parent_id: number | null; papers: number }>(
      sql`SELECT c.id, c.name, c.parent_id,
        (SELECT COUNT(*) FROM collection_papers cp JOIN papers p ON p.id = cp.paper_id WHERE cp.collection_id = c.id AND p.deleted_at IS NULL) AS papers
        FROM collections c ORDER BY c.name COLLATE NOCASE, c.id`,
    )
    .map((r) => ({ id: r.id, name: r.name, parentId: r.parent_id, paperCount: r.papers }));
}

const one = (db: LibraryDb, id: number): Collection => listCollections(db).find((c) => c.id === id)!;

/**
 * Create a collection.
 * @param input.name 1-200 characters (trimmed)
 * @param input.parentId the collection it sits in, or null/absent for the top level
 * @throws LecternError `INVALID_INPUT` (name), `NOT_FOUND` (parent)
 */
export function createCollection(db: LibraryDb, input: { name: string; parentId?: number | null }): Outcome<Collection> {
  const name = checkName(input.name);
  return recorded(db, `Create collection ${name}`, () => {
    if (input.parentId != null) collectionExists(db, input.parentId);
    const now = nowIso();
    const id = db.get<{ id: number }>(sql`INSERT INTO collections (name, parent_id, created_at, updated_at) VALUES (${name}, ${input.parentId ?? null}, ${now}, ${now}) RETURNING id`)!.id;
    return { value: one(db, id), undo: [{ op: 'delete', table: 'collections', keys: [{ id }] }] };
  });
}

/**
 * Rename and/or move a collection.
 * @param input.parentId new parent (null: top level; absent: stays where it is)
 * @throws LecternError `NOT_FOUND`; `INVALID_INPUT` for a bad name or a move into itself or one of its
 *   own descendants (which would cut the branch off the tree)
 */
export function updateCollection(db: LibraryDb, input: { id: number; name?: string; parentId?: number | null }): Outcome<Collection> {
  const name = input.name === undefined ? undefined : checkName(input.name);
  return recorded(db, input.parentId !== undefined ? 'Move collection' : 'Rename collection', () => {
    collectionExists(db, input.id);
    const set: Record<string, string | number | null> = { updated_at: nowIso() };
    if (name !== undefined) set.name = name;
    if (input.parentId !== undefined) {
      if (input.parentId !== null) {
        collectionExists(db, input.parentId);
        if (subtree(db, input.id).includes(input.parentId)) {
          throw new LecternError(
            'INVALID_INPUT',
            input.parentId === input.id ? 'A collection cannot be put inside itself.' : 'A collection cannot be put inside one of its own sub-collections.',
            { id: input.id, parentId: input.parentId },
          );
        }
      }
      set.parent_id = input.parentId;
    }
    const undo = applySteps(db, [{ op: 'update', table: 'collections', groups: [{ set, keys: [{ id: input.id }] }] }]);
    return { value: one(db, input.id), undo };
  });
}

/**
 * Delete a collection and every collection inside it. Papers stay in the library (and in other collections).
 * @returns the number of collections deleted
 * @throws LecternError `NOT_FOUND`
 */
export function deleteCollection(db: LibraryDb, input: { id: number }): Outcome<{ deleted: number }> {
  return recorded(db, 'Delete collection', () => {
    collectionExists(db, input.id);
    const ids = subtree(db, input.id);
    const json = JSON.stringify(ids);
    const members = db.all<{ collection_id: number; paper_id: number }>(
      sql`SELECT collection_id, paper_id FROM collection_papers WHERE collection_id IN (SELECT value FROM json_each(${json}))`,
    );
    const undo = applySteps(db, [
      { op: 'delete', table: 'collection_papers', keys: members },
      { op: 'delete', table: 'collections', keys: ids.map((id) => ({ id })) },
    ]);
    return { value: { deleted: ids.length }, undo };
  });
}
