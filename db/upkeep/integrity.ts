/**
 * Is the library file sound? SQLite's own checks (`PRAGMA quick_check`, `integrity_check`), and telling
 * damage apart from other failures when it is met while reading or writing.
 *
 * Measured on a generated library of 100,000 papers (210 MB, `npx tsx tests/bench/generate-library.ts`)
 * on the 2-core build machine, file in the page cache: quick_check 0.9 s of CPU (0.9 s wall when the
 * machine was quiet, 1.9-6 s at a load average of 12), integrity_check about 3 s of CPU. A backup of it
 * (VACUUM INTO, then the copy's own quick_check and row counts) takes 1.6 s of CPU and 203 MB. So
 * libraries over SYNC_CHECK_BYTES are checked on a thread after the window opens; smaller ones at open.
 */
import type Database from 'better-sqlite3';

/** Files up to this size are quick-checked while opening (about 0.1 s at the rate above). */
export const SYNC_CHECK_BYTES = 24 * 1024 * 1024;

/** Problems a check reports at most (SQLite's own cap is 100). */
const MAX_PROBLEMS = 20;

export interface CheckResult {
  ok: boolean;
  /** SQLite's lines (technical: for `lectern check` and logs, never the window). */
  problems: string[];
  ms: number;
}

/**
 * Run `PRAGMA quick_check` (or `integrity_check` with `full`) on a connection.
 * A check that cannot even run (the file is not a database, or too damaged to read its schema) counts
 * as a failed check.
 */
export function checkIntegrity(sqlite: Database.Database, full = false): CheckResult {
  const started = performance.now();
  try {
    const rows = sqlite.pragma(`${full ? 'integrity_check' : 'quick_check'}(${MAX_PROBLEMS})`) as Array<Record<string, string>>;
    const lines = rows.map((r) => String(Object.values(r)[0] ?? ''));
    const ok = lines.length === 1 && lines[0] === 'ok';
    return { ok, problems: ok ? [] : lines, ms: performance.now() - started };
  } catch (err) {
    return { ok: false, problems: [sqliteMessage(err)], ms: performance.now() - started };
  }
}

function sqliteMessage(err: unknown): string {
  const e = err as { message?: string; cause?: { message?: string } };
  return e?.cause?.message ?? e?.message ?? String(err);
}

/** better-sqlite3's error code, also when Drizzle wrapped the error (as its `cause`). */
export function sqliteCode(err: unknown): string | null {
  for (let e = err as { code?: unknown; cause?: unknown } | undefined, depth = 0; e && depth < 4; e = e.cause as typeof e, depth++) {
    if (typeof e.code === 'string' && e.code.startsWith('SQLITE_')) return e.code;
  }
  return null;
}

/**
 * Whether an error means the file is damaged: SQLITE_CORRUPT (and its extended codes) or SQLITE_NOTADB,
 * directly or wrapped, or a LecternError `DAMAGED` (the reader thread's mapped errors).
 */
export function isDamageError(err: unknown): boolean {
  const code = sqliteCode(err);
  if (code && (code.startsWith('SQLITE_CORRUPT') || code === 'SQLITE_NOTADB')) return true;
  if ((err as { name?: string; code?: string })?.name === 'LecternError' && (err as { code?: string }).code === 'DAMAGED') return true;
  // The reader thread's errors cross as plain messages when nothing mapped them.
  const message = sqliteMessage(err);
  return /database disk image is malformed|file is not a database/.test(message);
}

/** The user's sentence for a failed check. */
export function describeCheckFailure(result: CheckResult): string {
  if (result.problems.some((p) => /file is not a database/.test(p))) return 'The library file is not a readable SQLite database any more (its first page is damaged).';
  const n = result.problems.length;
  return `The library file failed its integrity check: SQLite found ${n >= MAX_PROBLEMS ? `at least ${MAX_PROBLEMS}` : n} problem${n === 1 ? '' : 's'} in its tables and indexes.`;
}
