/**
 * A paper's record as a whole (its bibliographic columns, the derived keys and texts that follow them,
 * and its author list with name parts), read and written as one snapshot. Editing by hand undoes and
 * redoes through snapshots: writing the snapshot taken before an edit restores the paper exactly, its
 * derived keys, full-text index (kept by triggers) and authors' paper counts included.
 */
import { sql } from 'drizzle-orm';
import type { CslName } from '../../shared/record/csl-name';
import type { LibraryDb } from '../open';
import { refreshPaperCounts } from './author-counts';
import { firstAuthorKey, nameKey } from './keys';

type Runner = Pick<LibraryDb, 'run' | 'all' | 'get'>;
type Value = string | number | null;

/** Columns of `papers` a snapshot holds (SQL names): every one an edit can change, directly or derived. */
export const RECORD_COLUMNS = [
  'title', 'title_key', 'item_type', 'date', 'year', 'venue', 'volume', 'issue', 'page', 'number', 'publisher',
  'publisher_place', 'event', 'url', 'doi', 'arxiv_id', 'arxiv_version', 'isbn', 'issn', 'pmid', 'pmcid', 'language',
  'abstract', 'keywords', 'authors_text', 'first_author_key', 'authors_truncated', 'author_count', 'edited_fields',
  'source_values', 'created_at', 'updated_at',
] as const;
export type RecordColumn = (typeof RECORD_COLUMNS)[number];

/** One printed author with its CSL name parts and the author entity it is linked to. */
export interface RecordAuthor extends CslName {
  printedName: string;
  authorId: number;
}

export interface PaperSnapshot {
  columns: Record<RecordColumn, Value>;
  authors: RecordAuthor[];
}

const ident = (name: string) => sql.raw(`"${name}"`);

/** The paper's snapshot, or null when there is no paper with this id. */
export function readSnapshot(db: Runner, id: number): PaperSnapshot | null {
  const columns = db.get<Record<RecordColumn, Value>>(sql`SELECT ${sql.join(RECORD_COLUMNS.map(ident), sql`, `)} FROM papers WHERE id = ${id}`);
  if (!columns) return null;
  const authors = db
    .all<{ printed_name: string; family: string | null; given: string | null; dropping_particle: string | null; non_dropping_particle: string | null; suffix: string | null; literal: string | null; author_id: number }>(
      sql`SELECT printed_name, family, given, dropping_particle, non_dropping_particle, suffix, literal, author_id FROM paper_authors WHERE paper_id = ${id} ORDER BY position`,
    )
    .map((r) => ({
      printedName: r.printed_name, family: r.family, given: r.given, droppingParticle: r.dropping_particle,
      nonDroppingParticle: r.non_dropping_particle, suffix: r.suffix, literal: r.literal, authorId: r.author_id,
    }));
  return { columns, authors };
}

/**
 * The author entity for a printed name, found by its name key or created (as an import does).
 * @returns the author's id
 */
export function resolveAuthor(db: Runner, printedName: string): number {
  const key = nameKey(printedName) || printedName;
  const found = db.get<{ id: number }>(sql`SELECT id FROM authors WHERE name_key = ${key}`);
  if (found) return found.id;
  return db.get<{ id: number }>(sql`INSERT INTO authors (name, name_key) VALUES (${printedName}, ${key}) RETURNING id`)!.id;
}

/** `authors_text` and `first_author_key` for an author list, as an import computes them. */
export function authorTexts(names: readonly string[], truncated: boolean): { authors_text: string; first_author_key: string } {
  return { authors_text: names.join(', ') + (truncated ? ' et al.' : ''), first_author_key: firstAuthorKey(names) };
}

/** Write the paper's author list (position order); the paper has no paper_authors rows yet. */
function insertAuthors(db: Runner, id: number, list: readonly RecordAuthor[]): void {
  list.forEach((a, position) => {
    // An author entity removed since the snapshot was taken is found again (or made) by its name.
    const authorId = db.get<{ id: number }>(sql`SELECT id FROM authors WHERE id = ${a.authorId}`)?.id ?? resolveAuthor(db, a.printedName);
    db.run(sql`INSERT INTO paper_authors (paper_id, position, printed_name, family, given, dropping_particle, non_dropping_particle, suffix, literal, author_id)
      VALUES (${id}, ${position}, ${a.printedName}, ${a.family}, ${a.given}, ${a.droppingParticle}, ${a.nonDroppingParticle}, ${a.suffix}, ${a.literal}, ${authorId})`);
  });
}

const sameAuthors = (a: readonly RecordAuthor[], b: readonly RecordAuthor[]) => JSON.stringify(a) === JSON.stringify(b);

/**
 * Make the paper what `next` says: update its columns and author list, insert it (with this id) when it
 * does not exist, or delete it when `next` is null (the undo of "New paper"). Authors whose papers
 * changed are recounted. Call inside a transaction.
 * @returns the snapshot that was there before (null when the paper did not exist): writing it back undoes this
 */
export function writeSnapshot(db: Runner, id: number, next: PaperSnapshot | null): PaperSnapshot | null {
  const before = readSnapshot(db, id);
  const touched = new Set<number>([...(before?.authors ?? []), ...(next?.authors ?? [])].map((a) => a.authorId));
  if (next === null) {
    if (before) db.run(sql`DELETE FROM papers WHERE id = ${id}`);
  } else if (before === null) {
    db.run(sql`INSERT INTO papers (id, ${sql.join(RECORD_COLUMNS.map(ident), sql`, `)}) VALUES (${id}, ${sql.join(RECORD_COLUMNS.map((c) => sql`${next.columns[c]}`), sql`, `)})`);
    insertAuthors(db, id, next.authors);
  } else {
    const changed = RECORD_COLUMNS.filter((c) => before.columns[c] !== next.columns[c]);
    const authorsChanged = !sameAuthors(before.authors, next.authors);
    // Old links go while the printed list (authors_text) still names them, and new ones come after it
    // names them: a link whose name is printed does not fire migration 0010's full-text re-read of the
    // paper, which reads every link (one re-read per link made replacing 1,000 authors take ~20 s).
    if (authorsChanged) db.run(sql`DELETE FROM paper_authors WHERE paper_id = ${id}`);
    if (changed.length) db.run(sql`UPDATE papers SET ${sql.join(changed.map((c) => sql`${ident(c)} = ${next.columns[c]}`), sql`, `)} WHERE id = ${id}`);
    if (authorsChanged) insertAuthors(db, id, next.authors);
  }
  // Entities made while writing (a renamed author) count too.
  if (next) for (const r of db.all<{ author_id: number }>(sql`SELECT author_id FROM paper_authors WHERE paper_id = ${id}`)) touched.add(r.author_id);
  refreshPaperCounts(db, touched);
  return before;
}

/** Columns that change together (a field and what is derived from it); the author list goes with the last. */
const COLUMN_GROUPS: ReadonlyArray<readonly RecordColumn[]> = [
  ['title', 'title_key'], ['date', 'year'], ['arxiv_id', 'arxiv_version'], ['authors_text', 'first_author_key', 'authors_truncated', 'author_count'],
];
const AUTHOR_COLUMNS = COLUMN_GROUPS[3]!;

/**
 * What undoing (or redoing) a hand edit writes: `target`'s value for each field that is still as the
 * edit left it (`after`), and the current value for one changed since (by an import, say), so the undo
 * of "Edit title" does not revert an abstract or author list a later import brought. A field and the
 * columns derived from it count as one; the author list goes with the author columns.
 * @param current the paper now; after the paper as the edit left it; target the paper before the edit
 */
export function mergeSnapshot(current: PaperSnapshot, after: PaperSnapshot, target: PaperSnapshot): PaperSnapshot {
  const columns = { ...current.columns };
  const grouped = new Set<RecordColumn>(COLUMN_GROUPS.flat());
  const groups = [...COLUMN_GROUPS, ...RECORD_COLUMNS.filter((c) => !grouped.has(c)).map((c) => [c])];
  let authors = current.authors;
  for (const group of groups) {
    const untouched = group.every((c) => current.columns[c] === after.columns[c]) && (group !== AUTHOR_COLUMNS || sameAuthors(current.authors, after.authors));
    if (!untouched) continue;
    for (const c of group) columns[c] = target.columns[c];
    if (group === AUTHOR_COLUMNS) authors = target.authors;
  }
  return { columns, authors };
}

