/**
 * Reading papers: the sorted, filtered, paged table and one paper's detail. Sorting, filtering and
 * paging happen in SQL over whitelisted expressions, so the renderer never holds the whole library.
 */
import { sql, type SQL } from 'drizzle-orm';
import type { ChannelArgs, ChannelOutput, PaperDetail, PaperRow, PaperSortColumn } from '../../shared/contract';
import { LecternError } from '../../shared/errors';
import type { PasteSource } from '../../shared/paste/parsed';
import type { LibraryDb } from '../open';
import { authorPaperIds } from './author-papers';

/** The SQL each sortable column sorts by (the whitelist). */
const SORT_SQL: Record<PaperSortColumn, SQL> = {
  title: sql`p.title_key`,
  authors: sql`NULLIF(p.first_author_key, '')`,
  date: sql`p.date`,
  year: sql`p.year`,
  category: sql`p.categories`,
  code: sql`p.has_code`,
  affiliations: sql`(SELECT a.name FROM paper_affiliations pf JOIN affiliations a ON a.id = pf.affiliation_id WHERE pf.paper_id = p.id AND pf.position = 0)`,
  citations: sql`p.citations`,
  added: sql`p.created_at`,
};

function likePattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

function whereClause(input: { filter: string; authorId?: number | undefined }): SQL {
  const parts: SQL[] = [];
  const filter = input.filter.trim();
  if (filter) {
    const like = likePattern(filter);
    parts.push(sql`(p.title LIKE ${like} ESCAPE '\\' OR p.abstract LIKE ${like} ESCAPE '\\'
      OR EXISTS (SELECT 1 FROM paper_authors pa WHERE pa.paper_id = p.id AND pa.printed_name LIKE ${like} ESCAPE '\\'))`);
  }
  if (input.authorId !== undefined) {
    parts.push(sql`p.id IN (${authorPaperIds(input.authorId)})`);
  }
  return parts.length ? sql`WHERE ${sql.join(parts, sql` AND `)}` : sql``;
}

interface PaperRecord {
  id: number;
  title: string;
  date: string | null;
  year: number | null;
  categories: string;
  has_code: number | null;
  authors_truncated: number;
  citations: number | null;
}

/** Printed authors and affiliation names of the given papers, in order. */
function childLists(db: LibraryDb, ids: number[]): { authors: Map<number, string[]>; affiliations: Map<number, string[]> } {
  const authors = new Map<number, string[]>();
  const affs = new Map<number, string[]>();
  if (ids.length === 0) return { authors, affiliations: affs };
  const idList = sql.join(ids.map((id) => sql`${id}`), sql`, `);
  for (const r of db.all<{ paper_id: number; name: string }>(
    sql`SELECT paper_id, printed_name AS name FROM paper_authors WHERE paper_id IN (${idList}) ORDER BY paper_id, position`,
  )) {
    (authors.get(r.paper_id) ?? authors.set(r.paper_id, []).get(r.paper_id)!).push(r.name);
  }
  for (const r of db.all<{ paper_id: number; name: string }>(
    sql`SELECT pf.paper_id, a.name FROM paper_affiliations pf JOIN affiliations a ON a.id = pf.affiliation_id
        WHERE pf.paper_id IN (${idList}) ORDER BY pf.paper_id, pf.position`,
  )) {
    (affs.get(r.paper_id) ?? affs.set(r.paper_id, []).get(r.paper_id)!).push(r.name);
  }
  return { authors, affiliations: affs };
}

function toRow(r: PaperRecord, authors: string[], affiliations: string[]): PaperRow {
  return {
    id: r.id,
    title: r.title,
    authors,
    authorsTruncated: r.authors_truncated === 1,
    date: r.date,
    year: r.year,
    categories: r.categories ? r.categories.split(' ') : [],
    hasCode: r.has_code === null ? null : r.has_code === 1,
    affiliations,
    citations: r.citations,
  };
}

const ROW_COLUMNS = sql`p.id, p.title, p.date, p.year, p.categories, p.has_code, p.authors_truncated, p.citations`;

/**
 * One page of the papers table.
 * @param input sort levels (whitelisted columns; nulls sort last; authors sorts by the first author's
 *   surname; remaining ties newest first, then by title), text filter, author, offset, limit
 * @returns `rows` in order, `total` matching papers, and the `offset` used
 */
export function listPapers(db: LibraryDb, input: ChannelArgs<'papers.list'>): ChannelOutput<'papers.list'> {
  const where = whereClause(input);
  const order = input.sort.map((s) => sql`${SORT_SQL[s.column]} ${s.desc ? sql`DESC` : sql`ASC`} NULLS LAST`);
  // Ties read best newest first, then by title; id makes paging stable.
  order.push(sql`p.date DESC NULLS LAST`, sql`p.title_key ASC`, sql`p.id ASC`);
  const records = db.all<PaperRecord>(
    sql`SELECT ${ROW_COLUMNS} FROM papers p ${where} ORDER BY ${sql.join(order, sql`, `)} LIMIT ${input.limit} OFFSET ${input.offset}`,
  );
  const total = db.get<{ n: number }>(sql`SELECT COUNT(*) AS n FROM papers p ${where}`)!.n;
  const { authors, affiliations } = childLists(db, records.map((r) => r.id));
  return {
    rows: records.map((r) => toRow(r, authors.get(r.id) ?? [], affiliations.get(r.id) ?? [])),
    total,
    offset: input.offset,
  };
}

/**
 * One paper with everything the library knows about it.
 * @throws LecternError `NOT_FOUND` when no paper has this id
 */
export function getPaper(db: LibraryDb, id: number): PaperDetail {
  const r = db.get<PaperRecord & { abstract: string | null; venue: string | null; item_type: string; doi: string | null; arxiv_id: string | null; author_count: number | null; created_at: string; updated_at: string }>(
    sql`SELECT ${ROW_COLUMNS}, p.abstract, p.venue, p.item_type, p.doi, p.arxiv_id, p.author_count, p.created_at, p.updated_at
        FROM papers p WHERE p.id = ${id}`,
  );
  if (!r) throw new LecternError('NOT_FOUND', `There is no paper with id ${id} in the library.`, { id });
  const { authors, affiliations } = childLists(db, [id]);
  const links = db.all<{ position: number; printed_name: string; author_id: number }>(
    sql`SELECT position, printed_name, author_id FROM paper_authors WHERE paper_id = ${id} ORDER BY position`,
  );
  const history = db.all<{ import_id: number; format: PasteSource; action: 'added' | 'updated' | 'unchanged'; created_at: string }>(
    sql`SELECT ip.import_id, i.format, ip.action, i.created_at FROM import_papers ip JOIN imports i ON i.id = ip.import_id
        WHERE ip.paper_id = ${id} ORDER BY i.created_at, i.id`,
  );
  return {
    ...toRow(r, authors.get(id) ?? [], affiliations.get(id) ?? []),
    abstract: r.abstract,
    venue: r.venue,
    itemType: r.item_type,
    doi: r.doi,
    arxivId: r.arxiv_id,
    authorCount: r.author_count,
    authorLinks: links.map((l) => ({ position: l.position, printedName: l.printed_name, authorId: l.author_id })),
    imports: history.map((h) => ({ importId: h.import_id, format: h.format, action: h.action, createdAt: h.created_at })),
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}
