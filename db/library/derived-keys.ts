/**
 * Columns derived from other rows, filled in for rows written before the column existed
 * (a migration can add the column, but the folding rules live in TypeScript, not SQL).
 */
import { sql } from 'drizzle-orm';
import type { LibraryDb } from '../open';
import { firstAuthorKey } from './keys';

/**
 * Fill `papers.first_author_key` where it is still empty but the paper has authors.
 * @returns the number of papers updated (0 on an up-to-date library, after one indexed lookup)
 */
export function fillDerivedKeys(db: LibraryDb): number {
  const rows = db.all<{ id: number; name: string }>(
    sql`SELECT p.id, pa.printed_name AS name FROM papers p JOIN paper_authors pa ON pa.paper_id = p.id AND pa.position = 0
        WHERE p.first_author_key = ''`,
  );
  if (rows.length === 0) return 0;
  const update = db.$client.prepare('UPDATE papers SET first_author_key = ? WHERE id = ?');
  db.$client.transaction(() => {
    for (const r of rows) update.run(firstAuthorKey([r.name]), r.id);
  })();
  return rows.length;
}
