/**
 * Reading what can still be read from one table of a damaged SQLite file, skipping what fails
 * (the `.recover` idea, with SQL only: better-sqlite3 has no page-level access).
 *
 * A damaged page makes every statement that walks through it fail, so the table is read in rowid order
 * in chunks; where a chunk fails, reading jumps past the damage (to the next rowid some index still
 * knows, else by doubling steps, then back by halving to the first rowid that reads again). Every index
 * of the table is also scanned on its own (an index lives on other pages), which gives the rowids that
 * exist: those not read by the scan are fetched one by one, and those that still fail are counted lost.
 */
import type Database from 'better-sqlite3';

export interface ReadTable {
  columns: string[];
  /** Values in `columns` order. */
  rows: unknown[][];
  /** Rows known to exist that could not be read; null when some failed and their number is unknown. */
  lost: number | null;
}

const CHUNK = 500;
const MAX_ROWID = 2n ** 62n;

const quote = (name: string) => `"${name.replace(/"/g, '""')}"`;

/** Rowids an index lists (as far as the index can be read), or null when it cannot be used at all. */
function indexRowids(src: Database.Database, table: string, index: string, partialWhere: string | null): { ids: bigint[]; complete: boolean } | null {
  const ids: bigint[] = [];
  try {
    const stmt = src.prepare(`SELECT rowid AS r FROM ${quote(table)} INDEXED BY ${quote(index)}${partialWhere ? ` WHERE ${partialWhere}` : ''}`).safeIntegers(true);
    for (const row of stmt.iterate() as Iterable<{ r: bigint }>) ids.push(row.r);
    return { ids, complete: true };
  } catch {
    return ids.length > 0 ? { ids, complete: false } : null;
  }
}

/** The WHERE clause of a partial index, from its CREATE INDEX text (null for a full index). */
function partialWhereOf(sql: string | null): string | null {
  if (!sql) return null;
  // The index's column list ends at the last ')' before a WHERE (a WHERE clause may hold brackets too).
  const upper = sql.toUpperCase();
  const close = upper.indexOf(')');
  const where = close < 0 ? -1 : upper.indexOf(' WHERE ', close);
  return where < 0 ? null : sql.slice(where + 7).trim() || null;
}

/**
 * The smallest start after `last` (found by doubling the step, then halving back) from which a seek
 * works again, or null when none does up to the largest rowid.
 */
function seekPastDamage(last: bigint, works: (after: bigint) => bigint | null): bigint | null {
  let step = 1n;
  while (last + step < MAX_ROWID && works(last + step) === null) step *= 2n;
  if (last + step >= MAX_ROWID) return null;
  let ok = last + step;
  let bad = step > 1n ? last + step / 2n : last;
  while (ok - bad > 1n) {
    const mid: bigint = bad + (ok - bad) / 2n;
    if (works(mid) !== null) ok = mid;
    else bad = mid;
  }
  return ok;
}

/**
 * Read every row of `table` that can be read.
 * @param src a read-only connection to the damaged file
 * @param columns the columns wanted (those the table has; the caller intersects with the new schema)
 * @returns the rows read and how many known rows were lost
 * @throws when the table cannot be read at all (not even its first chunk and no index); callers count it lost
 */
export function readDamagedTable(src: Database.Database, table: string, columns: string[]): ReadTable {
  const list = columns.map(quote).join(', ');
  const chunk = src.prepare(`SELECT rowid AS __rowid, ${list} FROM ${quote(table)} WHERE rowid > ? ORDER BY rowid LIMIT ${CHUNK}`).safeIntegers(true).raw(true);
  const one = src.prepare(`SELECT ${list} FROM ${quote(table)} WHERE rowid = ?`).safeIntegers(true).raw(true);
  const probe = src.prepare(`SELECT rowid FROM ${quote(table)} WHERE rowid > ? ORDER BY rowid LIMIT 1`).safeIntegers(true).pluck(true);

  // Rowids the indexes know of (the set of rows that exist, as far as any index can tell).
  const known = new Set<bigint>();
  let someIndexComplete = false;
  const indexes = src.prepare(`SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name = ?`).all(table) as Array<{ name: string; sql: string | null }>;
  for (const idx of indexes) {
    const where = partialWhereOf(idx.sql);
    const read = indexRowids(src, table, idx.name, where);
    if (!read) continue;
    for (const id of read.ids) known.add(id);
    if (read.complete && where === null) someIndexComplete = true;
  }
  const sortedKnown = [...known].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));

  const rows = new Map<bigint, unknown[]>();
  let failed = false;
  const tryProbe = (after: bigint): bigint | null => {
    try {
      const id = probe.get(after) as bigint | undefined;
      return id === undefined ? -1n : id;
    } catch {
      return null;
    }
  };
  let last = -MAX_ROWID;
  for (;;) {
    let batch: unknown[][];
    try {
      batch = chunk.all(last) as unknown[][];
    } catch {
      failed = true;
      // The next rowid an index knows, past the damage; else step forward until a seek works again.
      const next = sortedKnown.find((id) => id > last + 1n && !rows.has(id));
      let resume: bigint;
      if (next !== undefined) resume = next - 1n;
      else {
        const found = seekPastDamage(last, tryProbe);
        if (found === null) break;
        resume = found;
      }
      if (resume <= last) resume = last + 1n;
      last = resume;
      continue;
    }
    if (batch.length === 0) break;
    for (const row of batch) rows.set(row[0] as bigint, row.slice(1));
    last = batch[batch.length - 1]![0] as bigint;
  }

  // Rows the indexes know of that the scan did not reach: one by one.
  let lostKnown = 0;
  for (const id of sortedKnown) {
    if (rows.has(id)) continue;
    try {
      const row = one.get(id) as unknown[] | undefined;
      if (row) rows.set(id, row);
      else lostKnown++;
    } catch {
      failed = true;
      lostKnown++;
    }
  }

  let lost: number | null = lostKnown;
  if (failed && !someIndexComplete) {
    // No index saw every row: the count (if SQLite can still take it) is the best measure.
    try {
      const total = Number((src.prepare(`SELECT COUNT(*) FROM ${quote(table)}`).pluck(true).get() as number) ?? 0);
      lost = Math.max(lostKnown, total - rows.size);
    } catch {
      lost = null;
    }
  }
  const ordered = [...rows.entries()].sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0)).map(([, r]) => r);
  return { columns, rows: ordered, lost };
}
