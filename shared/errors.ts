/**
 * The one error type that crosses process boundaries (IPC, HTTP, CLI). Its `code` is stable so the
 * renderer can react to it; its `message` is a sentence for the user: what happened and where.
 */
export type LecternErrorCode =
  | 'PASTE_UNRECOGNISED'
  | 'PASTE_EMPTY'
  | 'INVALID_INPUT'
  /** A search query that does not parse; `details: { column, length }` point at the fault (1-based column). */
  | 'INVALID_QUERY'
  | 'NOT_FOUND'
  | 'FORBIDDEN'
  | 'LIBRARY'
  /** Another process (or a long write of this one) holds the library's write lock past the wait; try again. */
  | 'BUSY'
  /** The library file failed its integrity check: writes are refused until it is restored or recovered. */
  | 'DAMAGED'
  /** The disk or file system refused: full, read-only, unreadable, or the file cannot be opened. */
  | 'STORAGE'
  | 'CANCELLED'
  | 'INTERNAL';

export interface LecternErrorShape {
  code: LecternErrorCode;
  message: string;
  details?: Record<string, unknown>;
}

export class LecternError extends Error {
  readonly code: LecternErrorCode;
  readonly details: Record<string, unknown> | undefined;

  /**
   * @param options.cause the error this one explains (a SqliteError, an errno error): kept for the
   *   developer log (LECTERN_DEBUG=1 on the command line and in browser mode), never sent to the window
   */
  constructor(code: LecternErrorCode, message: string, details?: Record<string, unknown>, options?: { cause?: unknown }) {
    super(message, options?.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'LecternError';
    this.code = code;
    this.details = details;
  }

  /** A plain object that survives structured clone and JSON. */
  toShape(): LecternErrorShape {
    return this.details === undefined
      ? { code: this.code, message: this.message }
      : { code: this.code, message: this.message, details: this.details };
  }
}
