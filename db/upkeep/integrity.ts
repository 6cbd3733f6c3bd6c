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

/** Problems a check reports at most (SQLite's own cap is 100; it counts problems, not rows). */
const MAX_PROBLEMS = 20;

/** SQLite's heading above a row's problems when it checks page structure (not a problem itself). */
const HEADING = /^\*\*\* in database \w+ \*\*\*$/;

/**
 * SQLite's words for damage to the file's structure (pages, the free list, overflow chains), as
 * integrity_check words them (sqlite3 src/btree.c checkTreePage, checkList, checkRef). Linear: alternatives
 * of fixed words.
 */
const PAGE_PROBLEM = /\bpage\b|btree|freelist|overflow|fragment|never used|2nd reference|ptrmap|corrupt/i;

/** How a check that met damage it could not read past is listed (SQLite's message in brackets). */
export const STOPPED = 'the check stopped at damage it could not read past';

export interface CheckResult {
  ok: boolean;
  /**
   * One line per problem, in SQLite's words (technical: for `lectern check` and logs, never the window);
   * a check that had to stop ends with `STOPPED (SQLite's message)`.
   */
  problems: string[];
  /** Whether SQLite stopped listing at MAX_PROBLEMS (there may be more). */
  capped: boolean;
  ms: number;
}

/**
 * SQLite's result rows as one problem per line. A row can hold several problems separated by newlines,
 * under a "*** in database main ***" heading (integrity_check's page-structure report), so rows are
 * not problems; the cap (the pragma's argument) counts problems, the lines.
 */
function problemLines(rows: Array<Record<string, unknown>>): string[] {
  return rows
    .flatMap((r) => String(Object.values(r)[0] ?? '').split('\n'))
    .map((line) => line.trim())
    .filter((line) => line !== '' && !HEADING.test(line));
}

function runCheck(sqlite: Database.Database, pragma: 'quick_check' | 'integrity_check'): { problems: string[]; capped: boolean } {
  try {
    const lines = problemLines(sqlite.pragma(`${pragma}(${MAX_PROBLEMS})`) as Array<Record<string, unknown>>);
    if (lines.length === 1 && lines[0] === 'ok') return { problems: [], capped: false };
    return { problems: lines, capped: lines.length >= MAX_PROBLEMS };
  } catch (err) {
    return { problems: [`${STOPPED} (${sqliteMessage(err)})`], capped: false };
  }
}

/**
 * Run `PRAGMA quick_check` on a connection; with `full`, `integrity_check` too, reporting every problem
 * either found (integrity_check reads more, but can stop at damage quick_check lists and reads past).
 * A check that cannot even run (the file is not a database, or too damaged to read its schema) counts
 * as a failed check.
 */
export function checkIntegrity(sqlite: Database.Database, full = false): CheckResult {
  const started = performance.now();
  const quick = runCheck(sqlite, 'quick_check');
  let { problems, capped } = quick;
  if (full) {
    const deep = runCheck(sqlite, 'integrity_check');
    // The quick check's problems first, then what only the full one found; a stop is listed last.
    const all = [...problems, ...deep.problems];
    const stop = all.find((p) => p.startsWith(STOPPED));
    problems = [...new Set(all.filter((p) => !p.startsWith(STOPPED)))];
    if (stop) problems.push(stop);
    capped = quick.capped || deep.capped;
  }
  return { ok: problems.length === 0, problems, capped, ms: performance.now() - started };
}

/** The CheckResult for a file that cannot even be opened to check it. */
export function uncheckable(err: unknown): CheckResult {
  return { ok: false, problems: [`${STOPPED} (${sqliteMessage(err)})`], capped: false, ms: 0 };
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

/**
 * What a failed check found, in words a researcher can follow: how many problems, and of which kind
 * (parts of the file that cannot be read; indexes, the lists Lectern keeps to find papers fast, that no
 * longer match the data; others), e.g. `Lectern's check found 20 problems in it: 5 parts of the file
 * cannot be read, 15 indexes no longer match the data`. SQLite's own lines stay out of it.
 */
export function describeFindings(result: CheckResult): string {
  if (notADatabase(result)) return 'it is not a readable SQLite database any more (its first page is damaged)';
  let unreadable = 0;
  let indexes = 0;
  let other = 0;
  let stopped = false;
  for (const p of result.problems) {
    if (p.startsWith(STOPPED)) stopped = true;
    else if (/\bindex\b/i.test(p)) indexes++;
    else if (PAGE_PROBLEM.test(p)) unreadable++;
    else other++;
  }
  const n = result.problems.length;
  const parts = [
    unreadable ? `${unreadable} ${unreadable === 1 ? 'part of the file cannot be read' : 'parts of the file cannot be read'}` : '',
    indexes ? `${indexes} ${indexes === 1 ? 'index (a list Lectern keeps to find papers fast) no longer matches' : 'indexes (lists Lectern keeps to find papers fast) no longer match'} the data` : '',
    other ? `${other} ${other === 1 ? 'entry breaks' : 'entries break'} the library's own rules` : '',
    stopped ? `${unreadable + indexes + other ? 'then ' : ''}the check stopped at damage it could not read past` : '',
  ].filter(Boolean);
  return `Lectern's check found ${result.capped ? 'at least ' : ''}${n} problem${n === 1 ? '' : 's'} in it: ${parts.join(', ')}`;
}

/** The user's sentence for a failed check: `The library file is damaged: <findings>.` */
export function describeCheckFailure(result: CheckResult): string {
  if (notADatabase(result)) return 'The library file is not a readable SQLite database any more (its first page is damaged).';
  return `The library file is damaged: ${describeFindings(result)}.`;
}

function notADatabase(result: CheckResult): boolean {
  return result.problems.some((p) => /file is not a database/.test(p));
}
