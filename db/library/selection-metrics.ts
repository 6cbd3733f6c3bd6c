/**
 * Figures of the metrics panel for any set of papers (a selection, or whatever the filters show).
 */
import { sql, type SQL } from 'drizzle-orm';
import type { PaperFilters, SelectionMetrics } from '../../shared/contract';
import { summariseCitations } from '../../shared/metrics/citation-indices';
import type { LibraryDb } from '../open';
import { paperAuthorLinks } from './author-papers';
import { byCountThenName, filterContext, isTrashCondition, minusCounts, paperConditions, paperWhere, TRASHED } from './paper-filters';

const TOP = 10;

/**
 * Papers per year and category, share with code, top co-authors and affiliations, and citation indices
 * (h, g, i10, totals; see shared/metrics/citation-indices.ts) over the papers matching `filters`.
 * @param currentYear the year "citations per year" counts up to
 * @returns `citations` is null when no matching paper has a citation count
 */
export function selectionMetrics(db: LibraryDb, filters: PaperFilters, currentYear = new Date().getUTCFullYear()): SelectionMetrics {
  const ctx = filterContext(db);
  const ids = sql`SELECT p.id FROM papers p ${paperWhere(filters, undefined, ctx)}`;
  const conditions = paperConditions(filters, undefined, ctx);
  // Hiding the trash alone does not narrow the view: whole-library paths stay, less the trashed papers.
  const filtered = conditions.some((c) => !isTrashCondition(c));
  const hides = !filtered && conditions.some(isTrashCondition);
  /**
   * Counts over the matching papers: `AND <column> IN (matching ids)`; for the whole library no id list
   * (100,000 ids), and with the trash hidden, the whole library's counts less the trash's (minusCounts).
   */
  const counted = <R extends { count: number }>(column: SQL, query: (where: SQL) => R[], key: (r: NoInfer<R>) => string | number): R[] => {
    if (filtered) return query(sql`AND ${column} IN (${ids})`);
    const whole = query(sql``);
    return hides ? minusCounts(whole, query(sql`AND ${column} IN (${TRASHED})`), key) : whole;
  };
  const restrict = (column: SQL): SQL => (filtered ? sql`AND ${column} IN (${ids})` : hides ? sql`AND ${column} NOT IN (${TRASHED})` : sql``);
  const counts = db.get<{ papers: number; with_code: number }>(
    sql`SELECT COUNT(*) AS papers, COALESCE(SUM(p.has_code = 1), 0) AS with_code FROM papers p ${paperWhere(filters, undefined, ctx)}`,
  )!;
  const papersPerYear = counted(
    sql`id`,
    (where) => db.all<{ year: number; count: number }>(sql`SELECT year, COUNT(*) AS count FROM papers WHERE year IS NOT NULL ${where} GROUP BY year ORDER BY year`),
    (r) => r.year,
  );
  const papersPerCategory = counted(
    sql`paper_id`,
    (where) => db.all<{ category: string; count: number }>(sql`SELECT code AS category, COUNT(*) AS count FROM paper_categories WHERE 1 ${where} GROUP BY code ORDER BY count DESC, code`),
    (r) => r.category,
  ).sort(byCountThenName((r) => r.category));
  const topAuthors = filtered
    ? db.all<{ id: number; name: string; count: number }>(
        sql`SELECT a.id, a.name, COUNT(*) AS count FROM (${paperAuthorLinks(ids)}) l JOIN authors a ON a.id = l.author_id
            ${filters.authorId === undefined ? sql`` : sql`WHERE a.id <> ${filters.authorId}`}
            GROUP BY a.id ORDER BY count DESC, a.name LIMIT ${TOP}`,
      )
    : // The whole library: the kept per-author counts are the answer.
      db.all<{ id: number; name: string; count: number }>(sql`SELECT id, name, paper_count AS count FROM authors WHERE paper_count > 0 ORDER BY paper_count DESC, name LIMIT ${TOP}`);
  const affiliations = counted(
    sql`pf.paper_id`,
    (where) =>
      db.all<{ id: number; name: string; count: number }>(
        sql`SELECT a.id, a.name, COUNT(*) AS count FROM paper_affiliations pf JOIN affiliations a ON a.id = pf.affiliation_id
            WHERE 1 ${where} GROUP BY a.id`,
      ),
    (r) => r.id,
  )
    .sort(byCountThenName((r) => r.name))
    .slice(0, TOP)
    .map(({ name, count }) => ({ name, count }));
  const cited = db.all<{ citations: number; year: number | null }>(
    sql`SELECT citations, year FROM papers WHERE citations IS NOT NULL ${restrict(sql`id`)}`,
  );
  return {
    papers: counts.papers,
    papersPerYear,
    papersPerCategory,
    papersWithCode: counts.with_code,
    topAuthors,
    coAuthorsOf: filtered ? (filters.authorId ?? null) : null,
    affiliations,
    citations: cited.length ? summariseCitations(cited, currentYear) : null,
  };
}
