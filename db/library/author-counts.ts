/**
 * `authors.paper_count`: how many papers in the library are each author's (see author-papers.ts for
 * what counts). Papers in the trash do not count; the count is kept by imports, trash and restore.
 */
import { sql } from 'drizzle-orm';
import type { LibraryDb } from '../open';
import { authorPaperIds, paperAuthorLinks } from './author-papers';

type Runner = Pick<LibraryDb, 'run' | 'all'>;

/** Recount `authors.paper_count` for the given authors (500 per statement, under SQLite's parameter limit). */
export function refreshPaperCounts(db: Runner, authorIds: Iterable<number>): void {
  const ids = [...authorIds];
  for (let i = 0; i < ids.length; i += 500) {
    const chunk = ids.slice(i, i + 500);
    db.run(sql`UPDATE authors SET paper_count = (SELECT COUNT(*) FROM (${authorPaperIds(sql`authors.id`)}) ap
        WHERE ap.paper_id NOT IN (SELECT id FROM papers WHERE deleted_at IS NOT NULL))
      WHERE id IN (${sql.join(chunk.map((id) => sql`${id}`), sql`, `)})`);
  }
}

/**
 * Papers left the library for the trash (`delta` -1) or came back (+1): move each of their authors'
 * counts by the number of those papers that are theirs. Incremental, because recounting the ~10,000
 * authors of 1,000 papers would read every paper of every one of them.
 * @param paperIds papers whose state really changed (live -> trashed, or back), each once
 */
export function shiftAuthorCounts(db: Runner, paperIds: readonly number[], delta: 1 | -1): void {
  if (paperIds.length === 0) return;
  const ids = sql`SELECT value FROM json_each(${JSON.stringify(paperIds)})`;
  db.run(sql`UPDATE authors SET paper_count = paper_count + ${delta} * d.n
    FROM (SELECT author_id, COUNT(*) AS n FROM (${paperAuthorLinks(ids)}) GROUP BY author_id) d
    WHERE d.author_id = authors.id`);
}
