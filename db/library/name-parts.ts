/**
 * CSL name parts for authors stored before Lectern split names (libraries made before migration 0011):
 * a re-import that leaves a paper unchanged fills them in, so upgraded libraries gain them without
 * a pass over every author at open.
 */
import { and, eq, isNull } from 'drizzle-orm';
import type { PasteSource } from '../../shared/paste/parsed';
import type { LibraryDb } from '../open';
import { paperAuthors } from '../schema';
import { authorNameParts } from './parsed-record';

type Tx = Parameters<Parameters<LibraryDb['transaction']>[0]>[0];

/**
 * Fills the name parts of a paper's authors when none of them has any (family, given and literal all
 * null), from the printed names. A paper whose authors have parts (split at import, or edited by hand)
 * is left alone.
 * @param printed the printed names in order, as the page shows them (equal to the stored ones)
 * @returns true when parts were written
 */
export function fillMissingNameParts(tx: Tx, paperId: number, printed: readonly string[], source: PasteSource): boolean {
  if (printed.length === 0) return false;
  const unsplit = tx
    .select({ position: paperAuthors.position })
    .from(paperAuthors)
    .where(and(eq(paperAuthors.paperId, paperId), eq(paperAuthors.position, 0), isNull(paperAuthors.family), isNull(paperAuthors.given), isNull(paperAuthors.literal)))
    .get();
  if (!unsplit) return false;
  authorNameParts(printed, source).forEach((parts, position) => {
    tx.update(paperAuthors).set(parts).where(and(eq(paperAuthors.paperId, paperId), eq(paperAuthors.position, position))).run();
  });
  return true;
}
