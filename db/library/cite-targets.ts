/**
 * Papers named on the command line (`lectern cite 12 smith2020`, `lectern key 12`): by id or by
 * citation key.
 */
import { sql } from 'drizzle-orm';
import { LecternError } from '../../shared/errors';
import type { LibraryDb } from '../open';

/**
 * @param refs paper ids (digits) or citation keys (exact, as exported)
 * @returns the paper ids, in the order given (a paper named twice once)
 * @throws LecternError `NOT_FOUND` naming every ref that matches no paper (papers in the trash count as missing)
 */
export function resolvePaperRefs(db: LibraryDb, refs: readonly string[]): number[] {
  const ids: number[] = [];
  const missing: string[] = [];
  for (const ref of refs) {
    const byKey = db.get<{ id: number }>(sql`SELECT id FROM papers WHERE citation_key = ${ref} AND deleted_at IS NULL`);
    const byId = /^\d{1,15}$/.test(ref) ? db.get<{ id: number }>(sql`SELECT id FROM papers WHERE id = ${Number(ref)} AND deleted_at IS NULL`) : undefined;
    // A key made of digits is rare; an id is what digits usually mean.
    const found = byId ?? byKey;
    if (!found) missing.push(ref);
    else if (!ids.includes(found.id)) ids.push(found.id);
  }
  if (missing.length) {
    const list = missing.map((m) => `"${m}"`).join(', ');
    throw new LecternError('NOT_FOUND', `No paper in the library has the id or citation key ${list}.`, { missing });
  }
  return ids;
}

/**
 * A paper's citation key and whether it is pinned (set by hand or kept from an imported file).
 * @returns key null when the paper has none yet (it gets one at its first export)
 * @throws LecternError `NOT_FOUND` for a paper that does not exist
 */
export function paperCitationKey(db: LibraryDb, id: number): { key: string | null; pinned: boolean } {
  const row = db.get<{ key: string | null; pinned: number }>(sql`SELECT citation_key AS key, citation_key_pinned AS pinned FROM papers WHERE id = ${id}`);
  if (!row) throw new LecternError('NOT_FOUND', `There is no paper with id ${id}.`, { id });
  return { key: row.key, pinned: row.pinned !== 0 };
}
