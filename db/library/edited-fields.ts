/**
 * Re-import protection: a field the user edited by hand (`papers.edited_fields`) is never overwritten
 * by an import. When the page now says something else, its value is kept in `papers.source_values`
 * (field -> the page's value) for the detail pane to show beside the user's, with Accept / Ignore
 * (db/library/paper-edits.ts resolveSourceValue).
 *
 * A page value is offered only when it is new to the user: `source_values` also keeps, under the key
 * `_dismissed`, field -> the values the user replaced by editing or ignored (a list, newest last), and
 * the page saying one of them again is not offered again (else every re-import would offer back the
 * title just fixed). Dismissed titles also let an import find a paper whose title the user retyped.
 */
import { eq, sql } from 'drizzle-orm';
import type { LibraryDb } from '../open';
import { paperAuthors, papers } from '../schema';
import { titleKey } from './keys';

/** Key of `source_values` holding the values the user replaced or ignored (never a field name). */
export const DISMISSED = '_dismissed';

type Tx = Pick<LibraryDb, 'select' | 'update'>;

/** The columns (Drizzle names) each editable field governs: they are left alone together. */
const GOVERNED: Record<string, readonly string[]> = {
  title: ['title', 'titleKey'],
  date: ['date', 'year'],
  arxivId: ['arxivId', 'arxivVersion'],
  authors: ['authorsText', 'firstAuthorKey', 'authorsTruncated', 'authorCount'],
};

function parseJson<T>(text: string | null | undefined, fallback: T): T {
  try {
    const v = JSON.parse(text ?? '') as unknown;
    return (v ?? fallback) as T;
  } catch {
    return fallback;
  }
}

/** A field's value from a set of columns, as the editor shows it (a date with only a year is the year). */
function valueOf(columns: Record<string, unknown>, field: string): unknown {
  if (field === 'date') return columns.date ?? (columns.year === null || columns.year === undefined ? null : String(columns.year));
  if (field === 'keywords') return typeof columns.keywords === 'string' ? parseJson<unknown>(columns.keywords, []) : (columns.keywords ?? null);
  return columns[field] ?? null;
}

/** Values of `field` the user replaced or ignored, from a parsed `source_values`. */
export function dismissedValues(sourceValues: Record<string, unknown>, field: string): unknown[] {
  const all = sourceValues[DISMISSED];
  const list = all && typeof all === 'object' ? (all as Record<string, unknown>)[field] : undefined;
  return Array.isArray(list) ? list : [];
}

/** `sourceValues` with `value` added to the dismissed values of `field` (at most 10 kept, newest last). */
export function withDismissed(sourceValues: Record<string, unknown>, field: string, value: unknown): Record<string, unknown> {
  const all = { ...((sourceValues[DISMISSED] ?? {}) as Record<string, unknown>) };
  const list = dismissedValues(sourceValues, field).filter((v) => JSON.stringify(v) !== JSON.stringify(value));
  all[field] = [...list, value].slice(-10);
  return { ...sourceValues, [DISMISSED]: all };
}

const wasDismissed = (kept: Record<string, unknown>, field: string, value: unknown) => dismissedValues(kept, field).some((v) => JSON.stringify(v) === JSON.stringify(value));

/**
 * Papers whose title the user edited, by the title key of each title they replaced (one scan per
 * import): the import matches a page's paper against these too, so retyping a title does not make
 * the next import add the paper again.
 */
export function editedTitleIndex(tx: Pick<LibraryDb, 'all'>): Map<string, number[]> {
  const index = new Map<string, number[]>();
  const rows = tx.all<{ id: number; source_values: string }>(sql`SELECT id, source_values FROM papers WHERE edited_fields LIKE '%"title"%'`);
  for (const r of rows) {
    for (const t of dismissedValues(parseJson<Record<string, unknown>>(r.source_values, {}), 'title')) {
      if (typeof t !== 'string') continue;
      const key = titleKey(t);
      index.set(key, [...(index.get(key) ?? []), r.id]);
    }
  }
  return index;
}

const isEmpty = (v: unknown) => v === null || v === '' || (Array.isArray(v) && v.length === 0);

/**
 * What an import may write over a matched paper: the page's columns without those of edited fields.
 * Where an edited field's page value differs from the stored one, it is recorded in `source_values`
 * (and dropped from there once the page agrees again). Call inside the import's transaction.
 * @param stored the paper's row as the import read it (one read serves the merge, this and the comparison)
 * @param next the columns the import would write (Drizzle names, as import-profile's paperColumns)
 * @param pageAuthors the printed names the page gives
 * @returns `columns` to write; `keepAuthors` when the author list was edited (do not rewrite
 *   paper_authors); `sourceValuesChanged` when a page value was recorded or cleared
 */
export function guardEditedFields<T extends Record<string, unknown>>(
  tx: Tx,
  paperId: number,
  stored: typeof papers.$inferSelect,
  next: T,
  pageAuthors: readonly string[],
): { columns: Partial<T>; keepAuthors: boolean; sourceValuesChanged: boolean } {
  const row = stored as Record<string, unknown> & { editedFields: string; sourceValues: string };
  const edited = parseJson<unknown>(row.editedFields, []);
  if (!Array.isArray(edited) || edited.length === 0) return { columns: next, keepAuthors: false, sourceValuesChanged: false };
  const kept = parseJson<Record<string, unknown>>(row.sourceValues, {});
  const before = JSON.stringify(kept);
  const columns: Record<string, unknown> = { ...next };
  let keepAuthors = false;
  for (const field of edited) {
    if (typeof field !== 'string') continue;
    if (field === 'authors') {
      keepAuthors = true;
      const mine = tx.select({ name: paperAuthors.printedName }).from(paperAuthors).where(eq(paperAuthors.paperId, paperId)).orderBy(paperAuthors.position).all().map((r) => r.name);
      if (pageAuthors.length > 0 && JSON.stringify(mine) !== JSON.stringify(pageAuthors) && !wasDismissed(kept, 'authors', pageAuthors)) kept.authors = [...pageAuthors];
      else delete kept.authors;
    } else {
      if (!(field in next) && !(GOVERNED[field] ?? []).some((c) => c in next)) continue;
      const page = valueOf(next, field);
      if (!isEmpty(page) && JSON.stringify(page) !== JSON.stringify(valueOf(row, field)) && !wasDismissed(kept, field, page)) kept[field] = page;
      else delete kept[field];
    }
    for (const c of GOVERNED[field] ?? [field]) delete columns[c];
  }
  const after = JSON.stringify(kept);
  if (after !== before) tx.update(papers).set({ sourceValues: after }).where(eq(papers.id, paperId)).run();
  return { columns: columns as Partial<T>, keepAuthors, sourceValuesChanged: after !== before };
}
