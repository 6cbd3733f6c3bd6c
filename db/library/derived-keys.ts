/**
 * Columns derived from other rows, filled in for rows written before the column existed
 * (a migration can add the column, but the folding rules live in TypeScript, not SQL).
 */
import { sql } from 'drizzle-orm';
import type { LibraryDb } from '../open';
import { firstAuthorKey, nameKey } from './keys';

/**
 * Fill `papers.first_author_key` where it is still empty but the paper has authors, and
 * `affiliations.name_key` where it is still empty (migration 0006 added it as '').
 * @returns the number of rows updated (0 on an up-to-date library, after one indexed lookup and a scan
 *   of the affiliations, a small table: one row per distinct affiliation)
 */
export function fillDerivedKeys(db: LibraryDb): number {
  const rows = db.all<{ id: number; name: string }>(
    sql`SELECT p.id, pa.printed_name AS name FROM papers p JOIN paper_authors pa ON pa.paper_id = p.id AND pa.position = 0
        WHERE p.first_author_key = ''`,
  );
  // A name whose key is '' (punctuation only) is looked at again on every open: harmless, and rare.
  const affiliations = db.all<{ id: number; name: string }>(sql`SELECT id, name FROM affiliations WHERE name_key = ''`).filter((a) => nameKey(a.name) !== '');
  if (rows.length === 0 && affiliations.length === 0) return 0;
  const update = db.$client.prepare('UPDATE papers SET first_author_key = ? WHERE id = ?');
  const updateAffiliation = db.$client.prepare('UPDATE affiliations SET name_key = ? WHERE id = ?');
  db.$client
    .transaction(() => {
      for (const r of rows) update.run(firstAuthorKey([r.name]), r.id);
      for (const a of affiliations) updateAffiliation.run(nameKey(a.name), a.id);
    })
    .immediate();
  return rows.length + affiliations.length;
}
