/**
 * What a handler table holds for its session (one open library in one process): the connections, the
 * write queue, the undo stack, the running jobs and the threads. Custom and session entries of the
 * handler table (handler-table.ts) receive it; plain queries never see it.
 */
import type { LibraryDb } from '../../db/open';
import type { Jobs } from './jobs';
import type { LibraryReader } from './library-reader';
import type { LibraryUpkeep } from './library-upkeep';
import type { PasteReader } from './paste-worker-client';
import type { ReadWorker } from './read-worker-client';
import type { UndoStack } from './undo-stack';
import type { WriteQueue } from './write-queue';

export interface Session {
  /** The writing connection (only inside a write queue's turn). */
  db: LibraryDb;
  /** The read-only connection: committed data. */
  reader: LibraryReader;
  /** The reader thread (slow reads, cancellable by jobId). */
  reads: ReadWorker;
  writes: WriteQueue;
  /** This session's undo and redo. */
  history: UndoStack;
  /** Long imports and previews. */
  jobs: Jobs;
  /** The paste thread (detecting and parsing a paste within a time budget). */
  pastes: PasteReader;
  /** Backups, integrity, restore, recovery, the damaged-library guard. */
  upkeep: LibraryUpkeep;
}
