/**
 * The one mapping from any thrown error to what the user sees, used by every host (dispatch's
 * toErrorShape for desktop IPC and browser mode, the reader thread, the command line, openLibrary).
 *
 * - A LecternError passes through unchanged: its message was written for the user.
 * - A SQLite failure (better-sqlite3's SqliteError, or Drizzle's "Failed to run the query '…'" wrapper,
 *   whose `cause` is the SqliteError) becomes a LecternError by its primary result code, with a sentence
 *   that says what to do. Result codes: https://www.sqlite.org/rescode.html ; better-sqlite3 reports
 *   extended codes (`SQLITE_IOERR_WRITE`, `SQLITE_READONLY_DBMOVED`, `SQLITE_BUSY_SNAPSHOT` …), whose
 *   primary code is the word after `SQLITE_` (rescode.html, "Primary Result Codes versus Extended Result
 *   Codes": the primary code is the least significant 8 bits of the extended one).
 * - A file-system failure (Node's errno codes: ENOSPC, EROFS, EACCES …) maps the same way.
 * - Anything else is `INTERNAL` with a generic sentence: never the raw message, SQL text, a source path
 *   or a stack. The original goes to the host's failure log (shared/failure-log.ts: the desktop app's
 *   main-process log; in browser mode and on the command line, details only with LECTERN_DEBUG=1).
 *
 * Pure TypeScript (no Node imports): errors are recognised by their `code` property.
 */
import { LecternError, type LecternErrorCode, type LecternErrorShape } from './errors';
import { logFailure } from './failure-log';

/** Where the failure happened, when the caller knows: messages then name the file. */
export interface ErrorContext {
  /** The library file (or other user file) the operation was working on. */
  file?: string;
}

interface Sentence {
  code: LecternErrorCode;
  /** Short machine-readable reason, kept in `details.reason`. */
  reason: string;
  /** The sentence, naming the file when it is known. */
  message(file: string | undefined): string;
}

/** ` <file>` or nothing, to follow "the library file". */
const at = (file: string | undefined): string => (file ? ` ${file}` : '');

const RESTORE =
  'restore a backup (Backups… in the window, or `lectern restore FILE` on the command line) or recover what can still be read (`lectern recover`)';

const FULL: Sentence = { code: 'STORAGE', reason: 'full', message: () => 'The disk is full: free some space and try again; nothing was changed.' };
const IO: Sentence = {
  code: 'STORAGE',
  reason: 'io',
  message: (file) =>
    `The disk could not be read or written${file ? ` (at ${file})` : ''}: check that the drive is still connected and working, then try again; nothing was changed.`,
};
const READ_ONLY: Sentence = {
  code: 'STORAGE',
  reason: 'read-only',
  message: (file) =>
    `The library file${at(file)} or its folder is read-only, so Lectern cannot save changes: allow writing to both (or copy the library somewhere you can write and open that), then try again; nothing was changed.`,
};
const DENIED: Sentence = {
  code: 'STORAGE',
  reason: 'permission',
  message: (file) => `Lectern is not allowed to read or write ${file ?? 'the library file'}: check the permissions of the file and its folder, then try again; nothing was changed.`,
};
const CANT_OPEN: Sentence = {
  code: 'STORAGE',
  reason: 'cannot-open',
  message: (file) =>
    `Lectern cannot open the library file${at(file)}: check that the path names a file (not a folder) in a folder that exists, and that you may read and write both; nothing was changed.`,
};
const DAMAGED: Sentence = {
  code: 'DAMAGED',
  reason: 'damaged',
  message: (file) => `The library file${at(file)} is damaged, so Lectern will not write to it: ${RESTORE}.`,
};
const NOT_A_LIBRARY: Sentence = {
  code: 'DAMAGED',
  reason: 'not-a-database',
  message: (file) =>
    `The file${at(file)} is not a Lectern library, or it is damaged, so Lectern will not write to it. If it is your library, ${RESTORE}; if not, check the path given with --library or LECTERN_LIBRARY.`,
};
const BUSY: Sentence = { code: 'BUSY', reason: 'busy', message: () => 'The library is busy: another Lectern process is writing. Try again in a moment.' };

/**
 * SQLite primary result codes (https://www.sqlite.org/rescode.html) that have a sentence of their own.
 * Not listed (ERROR, INTERNAL, NOMEM, MISUSE, SCHEMA, CONSTRAINT, RANGE …): a fault in Lectern, so `INTERNAL`.
 */
export const SQLITE_SENTENCES: Readonly<Record<string, Sentence>> = {
  /** SQLITE_FULL (13): the disk, or the library's page limit, is full; the statement was rolled back. */
  FULL,
  /** SQLITE_IOERR (10) and its extended codes (IOERR_READ, IOERR_WRITE, IOERR_FSYNC …): the OS reported an I/O error. */
  IOERR: IO,
  /** SQLITE_READONLY (8) and READONLY_DBMOVED, READONLY_DIRECTORY …: the file (or its folder, for the WAL) cannot be written. */
  READONLY: READ_ONLY,
  /** SQLITE_PERM (3): the requested access mode cannot be provided. */
  PERM: DENIED,
  /** SQLITE_CANTOPEN (14) and CANTOPEN_ISDIR, CANTOPEN_FULLPATH …: the file (or its journal) cannot be opened. */
  CANTOPEN: CANT_OPEN,
  /** SQLITE_NOLFS (22): the file system cannot hold a file this large. */
  NOLFS: { code: 'STORAGE', reason: 'too-large', message: (file) => `The library file${at(file)} is too large for its drive's file system: move it to another drive; nothing was changed.` },
  /** SQLITE_CORRUPT (11) and CORRUPT_VTAB, CORRUPT_INDEX …: the database file is malformed. */
  CORRUPT: DAMAGED,
  /** SQLITE_NOTADB (26): the file is not a SQLite database (or its header is destroyed). */
  NOTADB: NOT_A_LIBRARY,
  /** SQLITE_BUSY (5), BUSY_SNAPSHOT, BUSY_RECOVERY: another connection holds the lock. */
  BUSY,
  /** SQLITE_LOCKED (6): a conflict inside one connection (shared cache, open statements): the same advice. */
  LOCKED: BUSY,
  /** SQLITE_TOOBIG (18): a string or blob over SQLite's limit (1,000,000,000 bytes by default). */
  TOOBIG: { code: 'INVALID_INPUT', reason: 'too-big', message: () => 'That is too large for the library to store; nothing was changed.' },
  /** SQLITE_INTERRUPT (9): the statement was interrupted (a cancel); its transaction rolled back. */
  INTERRUPT: { code: 'CANCELLED', reason: 'interrupted', message: () => 'Stopped before it finished; nothing was changed.' },
};

/** Node's errno codes (man 3 errno) met when reading or writing files, with the same sentences. */
export const ERRNO_SENTENCES: Readonly<Record<string, Sentence>> = {
  ENOSPC: FULL,
  EDQUOT: FULL,
  EIO: IO,
  EROFS: READ_ONLY,
  EACCES: DENIED,
  EPERM: DENIED,
  EISDIR: CANT_OPEN,
  ENOTDIR: CANT_OPEN,
};

/** The generic sentence for a failure Lectern did not expect. */
export const INTERNAL_MESSAGE = 'Something went wrong inside Lectern, so this did not finish. Try again; if it keeps happening, please report it with the details from Lectern’s log.';

const NATIVE_ENGINE: Sentence = {
  code: 'LIBRARY',
  reason: 'engine',
  message: () =>
    'Lectern could not load its database engine (better-sqlite3) for this version of Node.js: run `npm rebuild better-sqlite3` in Lectern’s folder (or reinstall Lectern), then try again. Nothing was changed.',
};

/** At most this many `cause` links are followed (a chain that loops must not hang the error path). */
const MAX_CAUSES = 8;

/** The error and the causes it wraps, outermost first. */
function causes(err: unknown): unknown[] {
  const chain: unknown[] = [];
  let current = err;
  while (current !== null && current !== undefined && chain.length < MAX_CAUSES && !chain.includes(current)) {
    chain.push(current);
    current = typeof current === 'object' ? (current as { cause?: unknown }).cause : undefined;
  }
  return chain;
}

function codeOf(err: unknown): string | undefined {
  if (typeof err !== 'object' || err === null) return undefined;
  const code = (err as { code?: unknown }).code;
  return typeof code === 'string' ? code : undefined;
}

/**
 * The SQLite primary result code of an error or the error it wraps: `SQLITE_IOERR_WRITE` -> `IOERR`.
 * @returns the code without its `SQLITE_` prefix and extension, or undefined when no SQLite error is in the chain
 */
export function sqlitePrimaryCode(err: unknown): string | undefined {
  for (const e of causes(err)) {
    const code = codeOf(e);
    if (code?.startsWith('SQLITE_')) return code.slice('SQLITE_'.length).split('_')[0];
  }
  return undefined;
}

function isNativeLoadFailure(err: unknown): boolean {
  const code = codeOf(err);
  const message = err instanceof Error ? err.message : '';
  return code === 'ERR_DLOPEN_FAILED' || /NODE_MODULE_VERSION|Could not locate the bindings file|better_sqlite3\.node/.test(message);
}

function fromSentence(sentence: Sentence, file: string | undefined): LecternError {
  return new LecternError(sentence.code, sentence.message(file), file ? { reason: sentence.reason, file } : { reason: sentence.reason });
}

/**
 * The STORAGE error for a library file that cannot be opened or created, whatever the reason the file
 * system gave (a missing or unmakeable folder, a file where a folder should be …).
 */
export function cannotOpen(file: string | undefined): LecternError {
  return fromSentence(CANT_OPEN, file);
}

/**
 * What the user is told about `err`.
 * @param err anything thrown
 * @param context the file the operation worked on, when known (named in STORAGE and DAMAGED messages)
 * @returns the LecternError itself, a mapped LecternError (STORAGE, DAMAGED, BUSY, INVALID_INPUT,
 *   CANCELLED, LIBRARY for a database engine that cannot load), or `INTERNAL` with INTERNAL_MESSAGE
 */
export function toLecternError(err: unknown, context: ErrorContext = {}): LecternError {
  for (const e of causes(err)) {
    if (e instanceof LecternError) return e;
    const code = codeOf(e);
    if (code?.startsWith('SQLITE_')) {
      const sentence = SQLITE_SENTENCES[code.slice('SQLITE_'.length).split('_')[0]!];
      if (sentence) return fromSentence(sentence, context.file);
      break; // a SQLite error without a sentence of its own is a fault in Lectern
    }
    const errno = code === undefined ? undefined : ERRNO_SENTENCES[code];
    if (errno) {
      const path = (e as { path?: unknown }).path;
      return fromSentence(errno, context.file ?? (typeof path === 'string' ? path : undefined));
    }
    if (isNativeLoadFailure(e)) return fromSentence(NATIVE_ENGINE, undefined);
  }
  return new LecternError('INTERNAL', INTERNAL_MESSAGE);
}

/**
 * toLecternError as a plain `{ code, message, details? }` for IPC and HTTP answers. A failure with
 * details (not a LecternError, or one wrapping another error) goes to the host's failure log first
 * (shared/failure-log.ts), as `what` failed.
 */
export function toErrorShape(err: unknown, context: ErrorContext = {}, what = 'A request'): LecternErrorShape {
  const mapped = toLecternError(err, context);
  logFailure(what, err, mapped);
  return mapped.toShape();
}
