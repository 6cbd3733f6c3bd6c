/**
 * Adding papers to a collection and taking them out (one statement for any number of papers).
 */
import { sql } from 'drizzle-orm';
import { LecternError } from '../../shared/errors';
import type { LibraryDb } from '../open';
import { applySteps, nowIso, recorded, type Outcome } from './changes';
import { checkPaperIds } from './paper-ids';

function collectionExists(db: LibraryDb, id: number): void {
  if (!db.get(sql`SELECT 1 FROM collections WHERE id = ${id}`)) throw new LecternError('NOT_FOUND', `There is no collection with id ${id}.`, { id });
}

/**
 * Put papers in a collection (papers already there are left as they are).
 * @returns how many were added
 * @throws LecternError `NOT_FOUND` (collection or paper)
 */
export function addToCollection(db: LibraryDb, input: { collectionId: number; paperIds: number[] }): Outcome<{ added: number }> {
  return recorded(db, 'Add to collection', () => {
    collectionExists(db, input.collectionId);
    const ids = checkPaperIds(db, input.paperIds);
    const now = nowIso();
    const rows = db
      .all<{ paper_id: number }>(
        sql`SELECT value AS paper_id FROM json_each(${JSON.stringify(ids)})
            WHERE value NOT IN (SELECT paper_id FROM collection_papers WHERE collection_id = ${input.collectionId})`,
      )
      .map((r) => ({ collection_id: input.collectionId, paper_id: r.paper_id, added_at: now }));
    return { value: { added: rows.length }, undo: applySteps(db, [{ op: 'insert', table: 'collection_papers', rows }]) };
  });
}

/**
 * Take papers out of a collection (they stay in the library).
 * @returns how many were removed
 * @throws LecternError `NOT_FOUND` (collection)
 */
export function removeFromCollection(db: LibraryDb, input: { collectionId: number; paperIds: number[] }): Outcome<{ removed: number }> {
  return recorded(db, 'Remove from collection', () => {
    collectionExists(db, input.collectionId);
    const keys = db.all<{ collection_id: number; paper_id: number }>(
      sql`SELECT collection_id, paper_id FROM collection_papers WHERE collection_id = ${input.collectionId}
          AND paper_id IN (SELECT value FROM json_each(${JSON.stringify([...new Set(input.paperIds)])}))`,
    );
    return { value: { removed: keys.length }, undo: applySteps(db, [{ op: 'delete', table: 'collection_papers', keys }]) };
  });
}
