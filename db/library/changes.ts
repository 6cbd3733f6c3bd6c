/**
 * Reversible changes to the curation tables: the undo/redo engine.
 *
 * A Change is plain data (JSON-safe): a list of steps, each inserting, deleting or updating rows of one
 * whitelisted table, by primary key. Applying a change captures what it overwrites and returns the
 * exact inverse change, so undo returns the redo and redo returns the undo, for ever. Every step is
 * one SQL statement over `json_each` (plus one SELECT to capture the rows it changes): undoing the
 * tagging of 1,000 papers is one DELETE, not 1,000.
 *
 * Curation operations (db/library/*) apply their writes through here or, for rows they create, return
 * the delete that removes them; either way they return `{ value, undo }`.
 */
import { sql, type SQL } from 'drizzle-orm';
import { LecternError } from '../../shared/errors';
import type { LibraryDb } from '../open';
import { shiftAuthorCounts } from './author-counts';
import { mergeSnapshot, readSnapshot, writeSnapshot, type PaperSnapshot } from './paper-record';

/** Tables a change may touch, their primary key columns and the columns it may write. */
const TABLES = {
  tags: { key: ['id'], columns: ['id', 'name', 'name_key', 'colour', 'type', 'created_at', 'updated_at'] },
  paper_tags: { key: ['tag_id', 'paper_id'], columns: ['tag_id', 'paper_id'] },
  notes: { key: ['id'], columns: ['id', 'paper_id', 'body', 'created_at', 'updated_at'] },
  annotations: { key: ['id'], columns: ['id', 'paper_id', 'start', 'end', 'quote', 'colour', 'comment', 'created_at', 'updated_at'] },
  collections: { key: ['id'], columns: ['id', 'name', 'parent_id', 'created_at', 'updated_at'] },
  collection_papers: { key: ['collection_id', 'paper_id'], columns: ['collection_id', 'paper_id', 'added_at'] },
  saved_searches: { key: ['id'], columns: ['id', 'name', 'query', 'created_at', 'updated_at'] },
  // Papers are never inserted or deleted by a change (imports and purges are not undoable), only marked
  // (and given a citation key by hand: citation-keys.ts).
  papers: { key: ['id'], columns: ['status', 'rating', 'starred', 'deleted_at', 'updated_at', 'citation_key', 'citation_key_pinned'] },
} as const;

export type ChangeTable = keyof typeof TABLES;
export type Row = Record<string, string | number | null>;

export type Step =
  /** Insert these rows, primary keys included (rows that already exist are left alone). */
  | { op: 'insert'; table: ChangeTable; rows: Row[] }
  /** Delete the rows with these primary keys. */
  | { op: 'delete'; table: ChangeTable; keys: Row[] }
  /** Set `set` on the rows with these keys; one group per distinct set of values. */
  | { op: 'update'; table: ChangeTable; groups: Array<{ set: Row; keys: Row[] }> }
  /**
   * Make one paper's record (bibliographic columns and author list) this snapshot: edits by hand and
   * New paper (null deletes the paper: the undo of creating it). See db/library/paper-record.ts.
   */
  | {
      op: 'paperRecord'; id: number; record: PaperSnapshot | null; table?: never; /** The redo of New paper: may insert the paper. */ insert?: true;
      /** The paper as the change left it: only fields still so are set back (mergeSnapshot). */
      after?: PaperSnapshot;
    };

export interface Change {
  /** What the user did, for the Edit menu ("Undo Tag 1,000 papers"). */
  label: string;
  steps: Step[];
}

/** What a curation operation returns: its result and the change that undoes it (null: nothing changed). */
export interface Outcome<T> {
  value: T;
  undo: Change | null;
}

const ident = (name: string): SQL => sql.raw(`"${name}"`);

function check(table: string, columns: readonly string[]): (typeof TABLES)[ChangeTable] {
  const spec = (TABLES as Record<string, (typeof TABLES)[ChangeTable]>)[table];
  if (!spec) throw new LecternError('INTERNAL', `A change may not write the table ${table}.`);
  for (const c of columns) {
    if (!(spec.columns as readonly string[]).includes(c)) throw new LecternError('INTERNAL', `A change may not write ${table}.${c}.`);
  }
  return spec;
}

/** `(k1, k2) IN (SELECT value->>'k1', value->>'k2' FROM json_each(?))` over the given keys. */
function keyMatch(key: readonly string[], keys: Row[]): SQL {
  const json = JSON.stringify(keys.map((k) => key.map((c) => k[c])));
  const lhs = key.length === 1 ? ident(key[0]!) : sql`(${sql.join(key.map(ident), sql`, `)})`;
  const rhs = sql.join(key.map((_, i) => sql.raw(`value->>${i}`)), sql`, `);
  return sql`${lhs} IN (SELECT ${rhs} FROM json_each(${json}))`;
}

function pick(row: Row, columns: readonly string[]): Row {
  return Object.fromEntries(columns.map((c) => [c, row[c] ?? null]));
}

/** Applies one step; returns the step that undoes it. */
function applyStep(db: LibraryDb, step: Step): Step | null {
  if (step.op === 'paperRecord') {
    // An edit of a paper purged since does not bring a bare copy of it back; only New paper's redo inserts.
    if (!step.insert && step.record !== null && !db.get(sql`SELECT 1 FROM papers WHERE id = ${step.id}`)) return null;
    const current = step.after && step.record ? readSnapshot(db, step.id) : null;
    const before = writeSnapshot(db, step.id, current && step.after && step.record ? mergeSnapshot(current, step.after, step.record) : step.record);
    if (step.record === null) return { op: 'paperRecord', id: step.id, record: before, insert: true };
    return { op: 'paperRecord', id: step.id, record: before, after: readSnapshot(db, step.id) ?? undefined };
  }
  if (step.op === 'insert') {
    if (step.rows.length === 0) return null;
    const columns = Object.keys(step.rows[0]!);
    const spec = check(step.table, columns);
    const json = JSON.stringify(step.rows.map((r) => columns.map((c) => r[c] ?? null)));
    // Rows of papers purged since the change was recorded are skipped rather than failing the whole undo.
    const live = columns.includes('paper_id') ? sql`WHERE EXISTS (SELECT 1 FROM papers WHERE id = ${sql.raw(`value->>${columns.indexOf('paper_id')}`)})` : sql``;
    db.run(sql`INSERT OR IGNORE INTO ${ident(step.table)} (${sql.join(columns.map(ident), sql`, `)})
      SELECT ${sql.join(columns.map((_, i) => sql.raw(`value->>${i}`)), sql`, `)} FROM json_each(${json}) ${live}`);
    return { op: 'delete', table: step.table, keys: step.rows.map((r) => pick(r, spec.key)) };
  }
  if (step.op === 'delete') {
    if (step.keys.length === 0) return null;
    const spec = check(step.table, []);
    if (step.table === 'papers') throw new LecternError('INTERNAL', 'A change may not delete papers.');
    const where = keyMatch(spec.key, step.keys);
    const rows = db.all<Row>(sql`SELECT ${sql.join(spec.columns.map(ident), sql`, `)} FROM ${ident(step.table)} WHERE ${where}`);
    if (rows.length === 0) return null;
    db.run(sql`DELETE FROM ${ident(step.table)} WHERE ${where}`);
    return { op: 'insert', table: step.table, rows };
  }
  const inverse: Array<{ set: Row; keys: Row[] }> = [];
  for (const group of step.groups) {
    if (group.keys.length === 0) continue;
    const columns = Object.keys(group.set);
    const spec = check(step.table, columns);
    const where = keyMatch(spec.key, group.keys);
    // Capture the values about to be overwritten, grouped by value so the inverse is one UPDATE per
    // distinct old value (undoing "mark 1,000 papers read" is typically a single statement).
    const before = db.all<Row>(sql`SELECT ${sql.join([...spec.key, ...columns].map(ident), sql`, `)} FROM ${ident(step.table)} WHERE ${where}`);
    const byValue = new Map<string, { set: Row; keys: Row[] }>();
    for (const r of before) {
      const set = pick(r, columns);
      const id = JSON.stringify(set);
      (byValue.get(id) ?? byValue.set(id, { set, keys: [] }).get(id)!).keys.push(pick(r, spec.key));
    }
    inverse.push(...byValue.values());
    const assignments = sql.join(columns.map((c) => sql`${ident(c)} = ${group.set[c] ?? null}`), sql`, `);
    db.run(sql`UPDATE ${ident(step.table)} SET ${assignments} WHERE ${where}`);
    if (step.table === 'papers' && columns.includes('deleted_at')) {
      // Trashed papers do not count towards an author's papers; restoring counts them again. Only papers
      // whose state flips move the counts (re-trashing a trashed paper changes nothing).
      const trashing = group.set.deleted_at !== null;
      const flipped = before.filter((r) => (r.deleted_at === null) === trashing).map((r) => Number(r.id));
      shiftAuthorCounts(db, flipped, trashing ? -1 : 1);
    }
  }
  return inverse.length ? { op: 'update', table: step.table, groups: inverse } : null;
}

/**
 * Apply the steps in order, in one transaction.
 * @returns the inverse steps (in reverse order): applying them restores every row these steps changed
 * @throws LecternError `INTERNAL` for a table or column outside the whitelist; SQLite errors (a foreign
 *   key to a row that is gone) roll the whole change back
 */
export function applySteps(db: LibraryDb, steps: Step[]): Step[] {
  return db.$client
    .transaction(() => {
      const inverse: Step[] = [];
      for (const step of steps) {
        const back = applyStep(db, step);
        if (back) inverse.unshift(back);
      }
      return inverse;
    })
    .immediate();
}

/**
 * Apply a recorded change (an undo or a redo).
 * @returns the change that reverses it, with the same label
 */
export function applyChange(db: LibraryDb, change: Change): Change {
  return { label: change.label, steps: applySteps(db, change.steps) };
}

/** Run `work` in a transaction, collecting the undo steps it returns into one change. */
export function recorded<T>(db: LibraryDb, label: string, work: () => { value: T; undo: Step[] }): Outcome<T> {
  const { value, undo } = db.$client.transaction(work).immediate();
  return { value, undo: undo.length ? { label, steps: undo } : null };
}

/** Number of rows a change touches (for tests and the Edit menu). */
export function changeSize(change: Change): number {
  return change.steps.reduce((n, s) => n + (s.op === 'paperRecord' ? 1 : s.op === 'insert' ? s.rows.length : s.op === 'delete' ? s.keys.length : s.groups.reduce((m, g) => m + g.keys.length, 0)), 0);
}

/** The current time as stored in the library (ISO 8601 UTC, milliseconds). */
export function nowIso(): string {
  return new Date().toISOString();
}
