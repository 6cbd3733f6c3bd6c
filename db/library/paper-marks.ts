/**
 * Reading status, rating and star on one or many papers: one UPDATE each, undone by one UPDATE per
 * distinct previous value.
 */
import type { ReadingStatus } from '../../shared/contract';
import { LecternError } from '../../shared/errors';
import type { LibraryDb } from '../open';
import { applySteps, nowIso, recorded, type Outcome, type Row } from './changes';
import { checkPaperIds } from './paper-ids';

function mark(db: LibraryDb, label: string, paperIds: number[], set: Row): Outcome<{ updated: number }> {
  return recorded(db, label, () => {
    const ids = checkPaperIds(db, paperIds);
    const undo = applySteps(db, [{ op: 'update', table: 'papers', groups: [{ set: { ...set, updated_at: nowIso() }, keys: ids.map((id) => ({ id })) }] }]);
    return { value: { updated: ids.length }, undo };
  });
}

const many = (n: number) => `${n.toLocaleString('en')} paper${n === 1 ? '' : 's'}`;

/**
 * Set the reading status of papers (`unread` | `reading` | `read`).
 * @throws LecternError `NOT_FOUND`
 */
export function setStatus(db: LibraryDb, input: { paperIds: number[]; status: ReadingStatus }): Outcome<{ updated: number }> {
  return mark(db, `Mark ${many(input.paperIds.length)} ${input.status}`, input.paperIds, { status: input.status });
}

/**
 * Rate papers 1-5, or clear the rating (null).
 * @throws LecternError `NOT_FOUND`; `INVALID_INPUT` for a rating outside 1-5
 */
export function setRating(db: LibraryDb, input: { paperIds: number[]; rating: number | null }): Outcome<{ updated: number }> {
  if (input.rating !== null && !(Number.isInteger(input.rating) && input.rating >= 1 && input.rating <= 5)) {
    throw new LecternError('INVALID_INPUT', `A rating is a whole number from 1 to 5, not ${input.rating}.`);
  }
  return mark(db, input.rating === null ? `Clear rating of ${many(input.paperIds.length)}` : `Rate ${many(input.paperIds.length)} ${input.rating}`, input.paperIds, { rating: input.rating });
}

/**
 * Star or unstar papers.
 * @throws LecternError `NOT_FOUND`
 */
export function setStarred(db: LibraryDb, input: { paperIds: number[]; starred: boolean }): Outcome<{ updated: number }> {
  return mark(db, `${input.starred ? 'Star' : 'Unstar'} ${many(input.paperIds.length)}`, input.paperIds, { starred: input.starred ? 1 : 0 });
}
