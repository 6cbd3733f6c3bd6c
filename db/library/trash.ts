/**
 * The trash: deleting a paper moves it here (hidden from every list, facet, metric and author count);
 * it can be restored until the trash is emptied or 30 days pass.
 */
import { sql } from 'drizzle-orm';
import type { LibraryDb } from '../open';
import { applySteps, nowIso, recorded, type Outcome } from './changes';
import { checkPaperIds } from './paper-ids';

/** Days a paper stays in the trash before purgeTrash deletes it for good. */
export const TRASH_DAYS = 30;

/**
 * Move papers to the trash (papers already there keep their date).
 * @returns how many papers moved
 * @throws LecternError `NOT_FOUND`
 */
export function trashPapers(db: LibraryDb, input: { paperIds: number[] }, now = nowIso()): Outcome<{ trashed: number }> {
  return recorded(db, `Delete ${input.paperIds.length.toLocaleString('en')} paper${input.paperIds.length === 1 ? '' : 's'}`, () => {
    const ids = checkPaperIds(db, input.paperIds);
    const live = db.all<{ id: number }>(sql`SELECT id FROM papers WHERE deleted_at IS NULL AND id IN (SELECT value FROM json_each(${JSON.stringify(ids)}))`);
    const undo = applySteps(db, [{ op: 'update', table: 'papers', groups: [{ set: { deleted_at: now }, keys: live }] }]);
    return { value: { trashed: live.length }, undo };
  });
}

/**
 * Bring papers back from the trash.
 * @returns how many were restored (ids not in the trash are ignored)
 * @throws LecternError `NOT_FOUND`
 */
export function restorePapers(db: LibraryDb, input: { paperIds: number[] }): Outcome<{ restored: number }> {
  return recorded(db, 'Restore from trash', () => {
    const ids = checkPaperIds(db, input.paperIds);
    const trashed = db.all<{ id: number }>(sql`SELECT id FROM papers WHERE deleted_at IS NOT NULL AND id IN (SELECT value FROM json_each(${JSON.stringify(ids)}))`);
    const undo = applySteps(db, [{ op: 'update', table: 'papers', groups: [{ set: { deleted_at: null }, keys: trashed }] }]);
    return { value: { restored: trashed.length }, undo };
  });
}

/** Papers in the trash, and when the oldest was put there (ISO 8601), or null when it is empty. */
export function trashInfo(db: LibraryDb): { count: number; oldest: string | null } {
  return db.get<{ count: number; oldest: string | null }>(sql`SELECT COUNT(*) AS count, MIN(deleted_at) AS oldest FROM papers WHERE deleted_at IS NOT NULL`)!;
}

/** Delete the given trashed papers for good, with everything attached to them (cascades). */
function purge(db: LibraryDb, where: ReturnType<typeof sql>): number {
  return db.$client.transaction(() => db.run(sql`DELETE FROM papers WHERE deleted_at IS NOT NULL AND ${where}`).changes).immediate();
}

/**
 * Empty the trash: its papers, their notes, annotations, tags links and collection places are deleted
 * for good. Not undoable (undo entries that touch these papers then skip them).
 * @returns how many papers were deleted
 */
export function emptyTrash(db: LibraryDb): { deleted: number } {
  return { deleted: purge(db, sql`1`) };
}

/**
 * Delete for good the papers trashed more than TRASH_DAYS days before `now` (run when a library opens).
 * @param now ISO 8601 (default: the current time)
 * @returns how many papers were deleted
 */
export function purgeTrash(db: LibraryDb, now = nowIso()): { deleted: number } {
  const cutoff = new Date(Date.parse(now) - TRASH_DAYS * 86_400_000).toISOString();
  return { deleted: purge(db, sql`deleted_at < ${cutoff}`) };
}

/** Whether purgeTrash(now) would delete anything (one indexed lookup; no write lock needed). */
export function hasExpiredTrash(db: LibraryDb, now = nowIso()): boolean {
  const cutoff = new Date(Date.parse(now) - TRASH_DAYS * 86_400_000).toISOString();
  return db.get(sql`SELECT 1 FROM papers WHERE deleted_at IS NOT NULL AND deleted_at < ${cutoff} LIMIT 1`) !== undefined;
}
