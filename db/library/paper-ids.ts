/**
 * Checks shared by the operations that act on many papers at once.
 */
import { sql } from 'drizzle-orm';
import { LecternError } from '../../shared/errors';
import type { LibraryDb } from '../open';

/**
 * Distinct ids, each naming a paper in the library (trashed ones included).
 * @returns the ids without duplicates, in the order given
 * @throws LecternError `NOT_FOUND` naming up to five missing ids
 */
export function checkPaperIds(db: LibraryDb, ids: readonly number[]): number[] {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return unique;
  const missing = db
    .all<{ id: number }>(sql`SELECT value AS id FROM json_each(${JSON.stringify(unique)}) WHERE value NOT IN (SELECT id FROM papers)`)
    .map((r) => r.id);
  if (missing.length) {
    throw new LecternError('NOT_FOUND', `${missing.length === 1 ? 'There is no paper' : `There are no papers`} with id ${missing.slice(0, 5).join(', ')}${missing.length > 5 ? ', …' : ''} in the library.`, { missing: missing.slice(0, 100) });
  }
  return unique;
}
