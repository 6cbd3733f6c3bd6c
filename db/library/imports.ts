/**
 * The import history: what was pasted when, and what it did.
 */
import { sql } from 'drizzle-orm';
import type { ImportSummary } from '../../shared/contract';
import type { PasteSource } from '../../shared/paste/parsed';
import type { LibraryDb } from '../open';

/**
 * Every import, newest first, with its author, what it did (counts as of the import) and how many of its
 * papers are in the library now (the trash left out, as every other count). The raw text stays in the
 * library, not here.
 */
export function listImports(db: LibraryDb): ImportSummary[] {
  return db
    .all<{ id: number; created_at: string; format: PasteSource; author_id: number | null; author_name: string | null; papers_added: number; papers_updated: number; papers_unchanged: number; lines_skipped: number; in_library: number }>(
      sql`SELECT i.id, i.created_at, i.format, i.author_id, a.name AS author_name, i.papers_added, i.papers_updated, i.papers_unchanged, i.lines_skipped,
                 (SELECT COUNT(*) FROM import_papers ip JOIN papers p ON p.id = ip.paper_id WHERE ip.import_id = i.id AND p.deleted_at IS NULL) AS in_library
          FROM imports i LEFT JOIN authors a ON a.id = i.author_id ORDER BY i.created_at DESC, i.id DESC`,
    )
    .map((r) => ({
      id: r.id,
      createdAt: r.created_at,
      format: r.format,
      author: r.author_id === null ? null : { id: r.author_id, name: r.author_name ?? '' },
      added: r.papers_added,
      updated: r.papers_updated,
      unchanged: r.papers_unchanged,
      papersInLibrary: r.in_library,
      linesSkipped: r.lines_skipped,
    }));
}
