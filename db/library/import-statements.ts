/**
 * The statements an import runs once per paper, built by drizzle once per import with placeholders.
 * Building a query (drizzle turns the builder into SQL text and parameters every time it runs) cost
 * more than running it: a 1,000-paper paste spent ~150 ms building these five (measured with
 * `node --cpu-prof` on tests/bench/generate-paste.ts); built once, they run straight away.
 */
import { sql, type SQL } from 'drizzle-orm';
import type { LibraryDb } from '../open';
import { importPapers, paperAuthors, paperCitationCounts, papers } from '../schema';
import type { PaperRecordColumns } from './parsed-record';

type Tx = Pick<LibraryDb, 'select' | 'insert'>;

/**
 * One placeholder per key, named as the key, wrapped in raw SQL: drizzle would otherwise pass a
 * placeholder's value through the column's encoder, which turns a null boolean into 0 (a paper whose
 * page says nothing about code would read as "no code"). Values go in as the driver takes them
 * (driverValues).
 */
function placeholders<K extends string>(keys: readonly K[]): Record<K, SQL> {
  return Object.fromEntries(keys.map((k) => [k, sql`${sql.placeholder(k)}`])) as unknown as Record<K, SQL>;
}

/**
 * Values for the placeholders: booleans as SQLite stores them (1 / 0), null kept.
 * @param values column name -> value
 */
export function driverValues(values: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(values)) out[k] = typeof v === 'boolean' ? Number(v) : v;
  return out;
}

const AUTHOR_ROW_KEYS = ['paperId', 'position', 'printedName', 'family', 'given', 'droppingParticle', 'nonDroppingParticle', 'suffix', 'literal', 'authorId'] as const;

/**
 * @param tx the import's transaction
 * @param recordKeys the columns paperRecord fills (the same keys for every paper)
 */
export function importStatements(tx: Tx, recordKeys: ReadonlyArray<keyof PaperRecordColumns>) {
  const paperKeys = [...recordKeys, 'citations', 'createdAt', 'updatedAt'] as const;
  return {
    /** A new paper from its record, citations and times: -> `{ id }`. */
    insertPaper: tx.insert(papers).values(placeholders(paperKeys) as never).returning({ id: papers.id }).prepare(),
    /** One printed author of a paper, with its name parts and linked author. */
    insertPaperAuthor: tx.insert(paperAuthors).values(placeholders(AUTHOR_ROW_KEYS) as never).prepare(),
    /** What the import did to a paper. */
    insertImportPaper: tx.insert(importPapers).values(placeholders(['importId', 'paperId', 'action'] as const) as never).onConflictDoNothing().prepare(),
    /** A source's count for a new paper. */
    insertCitationCount: tx.insert(paperCitationCounts).values(placeholders(['paperId', 'source', 'count', 'readOn', 'importId'] as const) as never).prepare(),
  };
}
export type ImportStatements = ReturnType<typeof importStatements>;
