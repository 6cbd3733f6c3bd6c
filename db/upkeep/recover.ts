/**
 * "Recover what can be read": a new library with every row of a damaged one that SQLite can still
 * read, and a count per table of what was kept and what was lost.
 *
 * The new library is made by openLibrary (so it has the current schema, triggers and full-text index);
 * rows are copied table by table in foreign-key order, by column name (a library from an older Lectern
 * lacks some columns: they take their defaults). Rows whose parent row was lost (a note of a lost paper)
 * are dropped and counted lost. The full-text index and the author paper counts are rebuilt from the
 * copied rows at the end. The damaged file is only read.
 */
import Database from 'better-sqlite3';
import type { RecoveredTable } from '../../shared/backups';
import { LecternError } from '../../shared/errors';
import { refreshPaperCounts } from '../library/author-counts';
import { fillDerivedKeys } from '../library/derived-keys';
import { openLibrary } from '../open';
import { checkIntegrity } from './integrity';
import { readDamagedTable } from './read-damaged';
import { livePapers, removeQuietly } from './write-backup';

/** Names for the report (tables not listed show their SQL name). */
const TABLE_LABELS: Record<string, string> = {
  papers: 'papers',
  notes: 'notes',
  annotations: 'annotations',
  tags: 'tags',
  paper_tags: 'tags on papers',
  collections: 'collections',
  collection_papers: 'papers in collections',
  saved_searches: 'saved searches',
  imports: 'imports (pasted pages)',
  import_papers: 'papers of imports',
  authors: 'authors',
  paper_authors: 'authors of papers',
  affiliations: 'affiliations',
  paper_affiliations: 'affiliations of papers',
  paper_categories: 'categories of papers',
  author_metric_snapshots: 'author metric snapshots',
  paper_citation_counts: 'citation counts of papers',
  settings: 'window settings',
};

/** The order the report lists tables in: what a researcher cares about first. */
const REPORT_ORDER = Object.keys(TABLE_LABELS);

const quote = (name: string) => `"${name.replace(/"/g, '""')}"`;

/** Tables holding the library's own rows (no SQLite, migration, statistics or full-text internals). */
function dataTables(db: Database.Database): string[] {
  const virtual = (db.prepare(`SELECT name FROM sqlite_master WHERE type = 'table' AND sql LIKE 'CREATE VIRTUAL%'`).all() as Array<{ name: string }>).map((r) => r.name);
  return (db.prepare(`SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE '__drizzle%'`).all() as Array<{ name: string }>)
    .map((r) => r.name)
    .filter((name) => !virtual.includes(name) && !virtual.some((v) => name.startsWith(`${v}_`)));
}

/** Parents before children (self-references ignored; the schema has no cycles otherwise). */
function foreignKeyOrder(db: Database.Database, tables: string[]): string[] {
  const parents = new Map(tables.map((t) => [t, (db.pragma(`foreign_key_list(${quote(t)})`) as Array<{ table: string }>).map((f) => f.table).filter((p) => p !== t && tables.includes(p))]));
  const done: string[] = [];
  const visit = (t: string, path: Set<string>) => {
    if (done.includes(t) || path.has(t)) return;
    path.add(t);
    for (const p of parents.get(t) ?? []) visit(p, path);
    done.push(t);
  };
  for (const t of tables) visit(t, new Set());
  return done;
}

function columnsOf(db: Database.Database, table: string): string[] {
  try {
    return (db.pragma(`table_info(${quote(table)})`) as Array<{ name: string }>).map((c) => c.name);
  } catch {
    return [];
  }
}

/** Delete rows whose parent is missing until none is left; @returns rows deleted per table */
function dropOrphans(db: Database.Database): Map<string, number> {
  const dropped = new Map<string, number>();
  for (;;) {
    const bad = db.pragma('foreign_key_check') as Array<{ table: string; rowid: number | null }>;
    if (bad.length === 0) return dropped;
    for (const row of bad) {
      if (row.rowid === null) continue;
      const n = db.prepare(`DELETE FROM ${quote(row.table)} WHERE rowid = ?`).run(row.rowid).changes;
      dropped.set(row.table, (dropped.get(row.table) ?? 0) + n);
    }
  }
}

/** Refill the contentless full-text index from its source view (the triggers were off while copying). */
function rebuildFullText(db: Database.Database): void {
  const hasIndex = db.prepare(`SELECT 1 FROM sqlite_master WHERE name = 'papers_fts'`).get();
  const hasSource = db.prepare(`SELECT 1 FROM sqlite_master WHERE name = 'papers_fts_source'`).get();
  if (!hasIndex || !hasSource) return;
  const cols = columnsOf(db, 'papers_fts').map(quote).join(', ');
  db.exec(`DELETE FROM papers_fts; INSERT INTO papers_fts (rowid, ${cols}) SELECT * FROM papers_fts_source;`);
}

export interface Recovered {
  tables: RecoveredTable[];
  papers: number;
  complete: boolean;
}

/**
 * Copy what can be read from `damagedFile` into a new library at `outFile`.
 * @param damagedFile the damaged library (opened read-only; never written)
 * @param outFile where to write the new library (must not exist; removed again when this throws)
 * @param migrationsFolder the app's migrations (openLibrary's option)
 * @returns per table: rows kept and rows lost (null: unknown), papers kept, and whether nothing was lost
 * @throws LecternError `STORAGE` when the new library cannot be written (nothing is left at `outFile`)
 */
export function recoverReadable(damagedFile: string, outFile: string, options: { migrationsFolder?: string; nativeBinding?: string } = {}): Recovered {
  let src: Database.Database | null = null;
  try {
    src = new Database(damagedFile, { readonly: true, fileMustExist: true, ...(options.nativeBinding ? { nativeBinding: options.nativeBinding } : {}) });
    src.prepare('SELECT COUNT(*) FROM sqlite_master').get();
  } catch {
    src?.close();
    src = null;
  }
  const fresh = openLibrary(outFile, options);
  const db = fresh.db.$client;
  try {
    const tables = foreignKeyOrder(db, dataTables(db));
    const triggers = db.prepare(`SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND sql IS NOT NULL`).all() as Array<{ name: string; sql: string }>;
    db.pragma('foreign_keys = OFF');
    const report = new Map<string, RecoveredTable>();
    db.transaction(() => {
      for (const t of triggers) db.exec(`DROP TRIGGER ${quote(t.name)}`);
      for (const table of tables) {
        const label = TABLE_LABELS[table] ?? table.replace(/_/g, ' ');
        const have = src ? columnsOf(src, table) : [];
        const columns = columnsOf(db, table).filter((c) => have.includes(c));
        if (!src || columns.length === 0) {
          // Not in the damaged file at all: unreadable schema (unknown loss) or an older library without it.
          report.set(table, { table, label, kept: 0, lost: src ? 0 : null });
          continue;
        }
        let read;
        try {
          read = readDamagedTable(src, table, columns);
        } catch {
          report.set(table, { table, label, kept: 0, lost: null });
          continue;
        }
        const insert = db.prepare(`INSERT INTO ${quote(table)} (${columns.map(quote).join(', ')}) VALUES (${columns.map(() => '?').join(', ')})`);
        let kept = 0;
        let refused = 0;
        for (const row of read.rows) {
          try {
            insert.run(...row);
            kept++;
          } catch {
            // A row whose values no longer fit the table (damaged bytes that still parse): lost.
            refused++;
          }
        }
        report.set(table, { table, label, kept, lost: read.lost === null ? null : read.lost + refused });
      }
      for (const [table, n] of dropOrphans(db)) {
        const r = report.get(table)!;
        report.set(table, { ...r, kept: r.kept - n, lost: r.lost === null ? null : r.lost + n });
      }
      for (const t of triggers) db.exec(t.sql);
      rebuildFullText(db);
    })();
    db.pragma('foreign_keys = ON');
    fillDerivedKeys(fresh.db);
    const authorIds = (db.prepare('SELECT id FROM authors').pluck(true).all() as number[]);
    db.transaction(() => refreshPaperCounts(fresh.db, authorIds))();
    const check = checkIntegrity(db);
    if (!check.ok) throw new LecternError('STORAGE', 'The recovered library failed its own integrity check, so it was not kept.');
    // One self-contained file: fold the WAL in and leave WAL mode.
    db.pragma('journal_mode = DELETE');
    const tablesOut = [...report.values()].sort((a, b) => rank(a.table) - rank(b.table));
    const papers = livePapers(db);
    return { tables: tablesOut, papers, complete: tablesOut.every((t) => t.lost === 0) };
  } catch (err) {
    fresh.close();
    for (const suffix of ['', '-wal', '-shm', '-journal']) removeQuietly(`${outFile}${suffix}`);
    throw err;
  } finally {
    src?.close();
    try {
      fresh.close();
    } catch {
      // Already closed on the failure path.
    }
  }
}

function rank(table: string): number {
  const i = REPORT_ORDER.indexOf(table);
  return i < 0 ? REPORT_ORDER.length : i;
}
