/**
 * `authors.paper_count`: how many papers in the library are each author's (see author-papers.ts for
 * what counts). Papers in the trash do not count; the count is kept by imports, trash and restore.
 */
import { sql } from 'drizzle-orm';
import type { LibraryDb } from '../open';
import { authorPaperIds } from './author-papers';

type Runner = Pick<LibraryDb, 'run' | 'all'>;

/** Recount `authors.paper_count` for the given authors (500 per statement, under SQLite's parameter limit). */
export function refreshPaperCounts(db: Runner, authorIds: Iterable<number>): void {
  const ids = [...authorIds];
  for (let i = 0; i < ids.length; i += 500) {
    const chunk = ids.slice(i, i + 500);
    db.run(sql`UPDATE authors SET paper_count = (SELECT COUNT(*) FROM (${authorPaperIds(sql`authors.id`)}) ap
        WHERE ap.paper_id IN (SELECT id FROM papers WHERE deleted_at IS NULL))
      WHERE id IN (${sql.join(chunk.map((id) => sql`${id}`), sql`, `)})`);
  }
}

/** Recount the authors of these papers (printed, or owners of a profile the paper was imported from). */
export function refreshAuthorCountsForPapers(db: Runner, paperIds: readonly number[]): void {
  if (paperIds.length === 0) return;
  const json = JSON.stringify(paperIds);
  const authors = db.all<{ id: number }>(sql`SELECT author_id AS id FROM paper_authors WHERE paper_id IN (SELECT value FROM json_each(${json}))
    UNION SELECT i.author_id FROM import_papers ip JOIN imports i ON i.id = ip.import_id
      WHERE i.author_id IS NOT NULL AND ip.paper_id IN (SELECT value FROM json_each(${json}))`);
  refreshPaperCounts(db, authors.map((a) => a.id));
}
