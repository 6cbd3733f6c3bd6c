/**
 * Session-wide undo and redo of curation changes (tags, notes, annotations, collections, status,
 * rating, star, saved searches, trash). Electron-free: one stack per handler table, that is per open
 * library per session; it is not saved, so undo history ends when the app quits.
 *
 * Each entry is the inverse Change an operation returned (db/library/changes.ts); undoing applies it and
 * keeps the change that reverses it for redo. A new change after an undo clears the redo side, as in
 * every editor.
 */
import type { UndoState } from '../../shared/contract';
import { LecternError } from '../../shared/errors';
import { sqlitePrimaryCode, toLecternError } from '../../shared/error-messages';
import type { LibraryDb } from '../../db/open';
import { applyChange, type Change, type Outcome } from '../../db/library/changes';

/** Undo steps kept per session; the oldest are dropped beyond this. */
export const UNDO_LIMIT = 500;

/**
 * Why an undo or redo failed, in a sentence that says nothing changed (its transaction rolled back):
 * disk, damage and lock problems as shared/error-messages.ts words them; a refused constraint (a row it
 * needs was deleted, a name it restores is taken) as "no longer applies"; never SQLite's own message.
 */
function failure(what: 'undo' | 'redo', change: Change, err: unknown): LecternError {
  if (err instanceof LecternError) return err;
  const mapped = toLecternError(err);
  // Keep what SQLite said for the failure log (dispatch logs it with the channel).
  if (mapped.code !== 'INTERNAL') return new LecternError(mapped.code, mapped.message, mapped.details, { cause: err });
  const why = sqlitePrimaryCode(err) === 'CONSTRAINT' ? ': the library has changed since, so it no longer applies' : '';
  return new LecternError('LIBRARY', `Could not ${what} "${change.label}"${why}. Nothing was changed.`, { label: change.label }, { cause: err });
}

export class UndoStack {
  private readonly undos: Change[] = [];
  private readonly redos: Change[] = [];

  constructor(private readonly limit = UNDO_LIMIT) {}

  /** Keep an operation's undo (if it changed anything) and hand back its value. */
  record<T>(outcome: Outcome<T>): T {
    if (outcome.undo) {
      this.undos.push(outcome.undo);
      if (this.undos.length > this.limit) this.undos.shift();
      this.redos.length = 0;
    }
    return outcome.value;
  }

  /**
   * Revert the latest change.
   * @returns its label ("Tag 3 papers")
   * @throws LecternError `NOT_FOUND` when there is nothing to undo
   */
  undo(db: LibraryDb): string {
    const change = this.undos.pop();
    if (!change) throw new LecternError('NOT_FOUND', 'There is nothing to undo.');
    try {
      this.redos.push(applyChange(db, change));
    } catch (err) {
      // The change failed as a whole (its transaction rolled back); keep it so the state stays truthful.
      this.undos.push(change);
      throw failure('undo', change, err);
    }
    return change.label;
  }

  /**
   * Apply again the latest undone change.
   * @throws LecternError `NOT_FOUND` when there is nothing to redo
   */
  redo(db: LibraryDb): string {
    const change = this.redos.pop();
    if (!change) throw new LecternError('NOT_FOUND', 'There is nothing to redo.');
    try {
      this.undos.push(applyChange(db, change));
    } catch (err) {
      this.redos.push(change);
      throw failure('redo', change, err);
    }
    return change.label;
  }

  /** Forget every step (the library's content was replaced by a restore: no step applies to it any more). */
  clear(): void {
    this.undos.length = 0;
    this.redos.length = 0;
  }

  /** Labels of what Undo and Redo would do now. */
  state(): UndoState {
    return { undo: this.undos.at(-1)?.label ?? null, redo: this.redos.at(-1)?.label ?? null };
  }
}
