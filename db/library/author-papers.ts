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
  // CROSS JOIN keeps imports (few rows) as the outer loop: left to choose, SQLite scanned import_papers
  // first, and a 50,000-paper file import (one import, 50,000 links) cost every recounted author a full
  // scan of them (4.8 s of a 5,000-entry .bib's import; bench bibtex_import_50k).
  return sql`SELECT pa.paper_id FROM paper_authors pa WHERE pa.author_id = ${authorId}
    UNION SELECT ip.paper_id FROM imports i CROSS JOIN import_papers ip ON ip.import_id = i.id WHERE i.author_id = ${authorId}`;
}

/**
 * SQL subquery yielding `(paper_id, author_id)` for every author of the given papers: each printed
 * name's author, plus the owner of each profile the paper was imported from (often hidden behind
 * "et al."). The paper condition sits inside both halves of the UNION, so SQLite never builds the
 * links of the whole library (1.5 million at 100,000 papers) to keep a few.
 * @param paperIds SQL yielding paper ids (used as `paper_id IN (paperIds)`)
 */
export function paperAuthorLinks(paperIds: SQL): SQL {
  return sql`SELECT pa.paper_id, pa.author_id FROM paper_authors pa WHERE pa.paper_id IN (${paperIds})
    UNION SELECT ip.paper_id, i.author_id FROM import_papers ip JOIN imports i ON i.id = ip.import_id
    WHERE i.author_id IS NOT NULL AND ip.paper_id IN (${paperIds})`;
}
