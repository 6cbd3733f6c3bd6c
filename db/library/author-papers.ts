/**
 * Which papers belong to an author. A profile page lists the owner's papers but prints only the first
 * three authors, so the owner is often hidden behind "et al.": a paper is the author's when a printed
 * name links to them, or when it came from an import of their profile.
 */
import { sql, type SQL } from 'drizzle-orm';

/**
 * SQL subquery yielding the ids of the author's papers (use inside `IN (...)` or `COUNT(*) FROM (...)`).
 * @param authorId an author id, or an SQL expression such as `a.id` for a correlated subquery
 */
export function authorPaperIds(authorId: number | SQL): SQL {
  return sql`SELECT pa.paper_id FROM paper_authors pa WHERE pa.author_id = ${authorId}
    UNION SELECT ip.paper_id FROM import_papers ip JOIN imports i ON i.id = ip.import_id WHERE i.author_id = ${authorId}`;
}
