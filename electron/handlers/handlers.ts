/**
 * The Electron-free table implementing the contract, used by all three hosts (desktop IPC, browser-mode
 * HTTP, command line). Each handler receives its input already validated (defaults applied).
 */
import { tablesChanged, type Channel, type ChannelArgs, type ChannelOutput } from '../../shared/contract';
import type { Library } from '../../db/open';
import { Jobs } from './jobs';
import { WriteQueue } from './write-queue';
import { LibraryReader } from './library-reader';
import { defaultHost, type Host } from '../../db/activity';
import { ReadWorker } from './read-worker-client';
import { PasteReader } from './paste-worker-client';
import { purgeTrash } from '../../db/library/trash';
import { UndoStack } from './undo-stack';
import { LibraryUpkeep } from './library-upkeep';
import type { DailyTiming } from './daily-backup';
import { handlerTable } from './handler-table';
import { routeAll } from './route';
import type { HandlerTable } from './channel-entry';
import { LibraryWatch, type LibraryWatchOptions } from './library-watch';
import { attachKeptExports, type KeptExportsOptions } from './kept-exports';

export type Handlers = { [C in Channel]: (input: ChannelArgs<C>) => ChannelOutput<C> | Promise<ChannelOutput<C>> };

export interface HandlerOptions {
  /**
   * Run the slow reads (facet counts, metrics) on the library's own connection instead of a reader
   * thread: for one-shot hosts (the CLI), where starting a thread costs more than it saves.
   */
  readsInProcess?: boolean;
  /** Library size (bytes) under which slow reads skip the reader thread (read-worker-client.ts SMALL_LIBRARY_BYTES; 0: never). For tests. */
  smallLibraryBytes?: number;
  /**
   * A long-running host (desktop, browser mode): check a large library's integrity on a thread after
   * opening, and keep daily backups (at open, hourly, and a few minutes after the first changes of a
   * session). See library-upkeep.ts and daily-backup.ts.
   */
  background?: boolean;
  /** When the day's backup follows the first writes, and its clock (daily-backup.ts). For tests. */
  dailyTiming?: DailyTiming;
  /** This process, as another process's BUSY message names it (default: desktop app under Electron, else browser mode). */
  host?: Host;
  /** How long a write waits for the write lock before BUSY (ms; default 30 s, or LECTERN_TEST_LOCK_WAIT_MS). For tests. */
  lockWaitMs?: number;
  /**
   * Detect and parse pastes on the calling thread instead of a paste thread (no time budget, no
   * cancel while reading): for one-shot hosts (the CLI), where nothing else waits on the thread.
   */
  parseInProcess?: boolean;
  /** The entries to route (default: handler-table.ts). For tests of the routing. */
  table?: HandlerTable;
  /**
   * Watch the library for changes from any source (library-watch.ts; `libraryWatchOf`): on by default
   * for long-running hosts (`background`), off for one-shot ones. Options set its timings (tests).
   */
  watch?: boolean | Pick<LibraryWatchOptions, 'pollMs' | 'coalesceMs'>;
  /** Timing of the kept-export writer (kept-exports.ts), which follows the watch. For tests. */
  keptExports?: KeptExportsOptions;
}

/** What closeHandlers stops, per handler table. */
const closers = new WeakMap<Handlers, () => Promise<void>>();
/** The library watch of a handler table that has one. */
const watches = new WeakMap<Handlers, LibraryWatch>();

/**
 * The watch that reports a handler table's library changes (own writes, through dispatch, and other
 * processes' commits), or undefined for a table made without one (`watch: false`, one-shot hosts).
 */
export function libraryWatchOf(handlers: Handlers): LibraryWatch | undefined {
  return watches.get(handlers);
}

/**
 * Shut a handler table down before its library is closed: running imports and long previews are
 * cancelled (nothing of them is stored), queued writes finish, and the reader thread exits with its
 * connection, so Library.close()'s checkpoint finds no other reader. Later calls on the table fail.
 * @returns once all of that is done; never rejects
 */
export async function closeHandlers(handlers: Handlers): Promise<void> {
  await closers.get(handlers)?.();
}

/**
 * Build the handlers over an open library: each entry of the handler table (handler-table.ts) routed by
 * its channel's declared kind (route.ts).
 * - `paste.preview` ({text, jobId?}) -> what was recognised and what importing would add/update (nothing is
 *   stored); with a jobId, `jobs.progress` follows it (phase "Reading the paste", then for a long paste
 *   the papers of the dry run) and `jobs.cancel` stops it at any point (`CANCELLED`)
 * - `paste.import` ({text, jobId?}) -> import report; throws `PASTE_EMPTY` / `PASTE_UNRECOGNISED` and stores
 *   nothing then; with a jobId, `jobs.progress` follows it and `jobs.cancel` stops it (`CANCELLED`, nothing stored).
 * - Writes (imports, previews' dry runs, curation, settings, undo) run one at a time through the write queue
 *   (write-queue.ts), each holding the library's write lock (BEGIN IMMEDIATE, waited for without blocking);
 *   one that cannot get it within 30 s fails with `BUSY` ("The library is busy: the command line is
 *   importing. Try again in a moment."). Reads run on a second, read-only connection (library-reader.ts)
 *   and see only committed data.
 * - Both detect and parse the paste on a paste thread (paste-worker-client.ts) with a time budget
 *   (PASTE_TIME_LIMIT_MS; past it `PASTE_UNRECOGNISED`, nothing stored), so the host's thread stays free;
 *   the parse happens before the write lock is taken.
 * - Slow reads (kind `slowRead`: `papers.facets`, `metrics.selection`, `authors.metrics`) run on a reader
 *   thread (read-worker-client.ts) one at a time; with a jobId, `jobs.progress` reports them (total 0:
 *   unknown) and `jobs.cancel` stops them.
 * - Undoable writes (kind `undoableWrite`: curation of tags, notes, annotations, collections, marks, trash,
 *   saved searches) go through the write queue and record their inverse on this table's undo stack;
 *   `undo.undo` / `undo.redo` / `undo.state` walk it (one stack per handler table: the session).
 * - On creation, papers trashed more than 30 days ago are purged (after a backup, library-upkeep.ts).
 * - Backups, integrity, restore and recovery: upkeep-handlers.ts. Every write is refused with `DAMAGED`
 *   on a damaged library, and damage met by any handler marks the library damaged.
 */
export function createHandlers(library: Library, options: HandlerOptions = {}): Handlers {
  const { db } = library;
  const jobs = new Jobs();
  const host = options.host ?? defaultHost();
  const writes = new WriteQueue(db, {
    host,
    ...(options.lockWaitMs !== undefined ? { waitMs: options.lockWaitMs } : {}),
    // Every write is refused on a damaged library (library-upkeep.ts), before it takes the lock.
    beforeWrite: () => upkeep.assertWritable(),
    // The day's backup follows the first changes of a session (long-running hosts).
    afterCommit: () => upkeep.noteWrite(),
  });
  const watching = options.watch ?? options.background ?? false;
  // data_version of the writing connection changes only for other connections' commits (library-watch.ts).
  const watch = watching ? new LibraryWatch({ probe: () => db.$client.pragma('data_version', { simple: true }) as number, ...(typeof watching === 'object' ? watching : {}) }) : null;
  const reader = new LibraryReader(library, writes);
  const history = new UndoStack();
  const upkeep: LibraryUpkeep = new LibraryUpkeep(library, {
    host,
    inProcess: options.readsInProcess,
    // Restore and recovery write through SQLite's backup API on a connection of their own, and the wait
    // for the integrity check writes nothing: they take the queue's turn, not the write lock (which
    // would shut that other connection out).
    exclusive: (work) => writes.run(work, { lock: false }),
    locked: (work, { waitMs }) => writes.run(work, { waitMs, activity: 'emptying the trash' }),
    onReplaced: () => history.clear(),
    ...(options.dailyTiming ? { dailyTiming: options.dailyTiming } : {}),
  });
  if (options.background) upkeep.start();
  // Now (one-shot hosts: before any call, so the CLI never closes the library with a purge queued) or
  // first on the write queue (long-running hosts: after the background check, and off the main thread).
  // Tried once: when another process holds the lock the purge is left for a later opening.
  upkeep.purgeAtOpen(() => {
    const purged = purgeTrash(db);
    // Not a call of any window's: the watch hears of it here (reported after the commit that follows).
    watch?.wrote(tablesChanged('trash.empty'));
    return purged;
  });
  const reads = new ReadWorker({ ...library, db: reader.db }, { ...(options.readsInProcess ? { inProcess: true } : {}), ...(options.smallLibraryBytes !== undefined ? { smallBytes: options.smallLibraryBytes } : {}) });
  const pastes = new PasteReader({ inProcess: options.parseInProcess ?? false });
  const session = { db, reader, reads, writes, history, jobs, pastes, upkeep };
  const table: Handlers = upkeep.watch<Handlers>(routeAll(options.table ?? handlerTable, session));
  if (watch) watches.set(table, watch);
  // Files kept exported follow the library's changes wherever a watch runs (desktop and browser mode).
  const kept = attachKeptExports(session, table['references.export'], watch, options.keptExports);
  closers.set(table, async () => {
    watch?.stop();
    await kept.stop();
    jobs.cancelAll();
    await writes.idle();
    upkeep.close();
    pastes.close();
    await reads.close();
  });
  return table;
}
