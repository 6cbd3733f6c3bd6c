/**
 * A large import's full-text indexing, done once at the end instead of by the triggers on every row:
 * each paper's insert, then each of its tags and its note, re-reads the paper for the index (three or
 * four re-reads per paper of a .bib with keywords and notes). For a large import the triggers are
 * dropped inside the import's transaction and recreated before it commits, and the papers the import
 * touched are indexed in two statements. A rollback (failure, cancel, dry run) restores the triggers
 * with everything else; other connections never see them missing (they read the committed schema).
 */
import type { LibraryDb } from '../open';

/** Records above which an import defers indexing (below, the triggers cost less than the rebuild's scan). */
export const FTS_DEFER_ABOVE = 500;

/** Tables whose full-text triggers an import fires. */
const TABLES = ['papers', 'paper_authors', 'paper_tags', 'notes', 'import_papers'];
const INDEX_COLUMNS = 'rowid, `title`, `authors_text`, `abstract`, `affiliations`, `categories`, `tags`, `notes`, `annotations`';

export interface DeferredFts {
  /** Recreate the triggers and index the papers linked to this import. Call before commit. */
  resume(importId: number): void;
}

/**
 * Drop the full-text triggers for the rest of this transaction (call inside it).
 * @param records the import's size: at or below FTS_DEFER_ABOVE, nothing is deferred (null)
 */
export function deferFts(db: LibraryDb, records: number): DeferredFts | null {
  if (records <= FTS_DEFER_ABOVE) return null;
  const c = db.$client;
  const marks = TABLES.map(() => '?').join(', ');
  const triggers = c
    .prepare(`SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND name LIKE 'papers_fts_%' AND tbl_name IN (${marks})`)
    .all(...TABLES) as Array<{ name: string; sql: string }>;
  for (const t of triggers) c.exec(`DROP TRIGGER "${t.name.replaceAll('"', '""')}"`);
  return {
    resume(importId: number): void {
      for (const t of triggers) c.exec(t.sql);
      const touched = 'SELECT paper_id FROM import_papers WHERE import_id = ?';
      c.prepare(`DELETE FROM papers_fts WHERE rowid IN (${touched})`).run(importId);
      c.prepare(`INSERT INTO papers_fts (${INDEX_COLUMNS}) SELECT * FROM papers_fts_source WHERE rowid IN (${touched})`).run(importId);
    },
  };
}
