/**
 * The Electron-free table implementing the contract, used by all three hosts (desktop IPC, browser-mode
 * HTTP, command line). Each handler receives its input already validated (defaults applied).
 */
import { tablesChanged, type Channel, type ChannelArgs, type ChannelOutput } from '../../shared/contract';
import type { Library } from '../../db/open';
import { authorCard, authorGrid, libraryInfo, listAuthors } from '../../db/library/authors';
import { importCancelled, importProfile, importProfileAsync } from '../../db/library/import-profile';
import { listImports } from '../../db/library/imports';
import { Jobs } from './jobs';
import { WriteQueue } from './write-queue';
import { LibraryReader } from './library-reader';
import { defaultHost, type Host } from '../../db/activity';
import { getPaper, listPaperIds, listPapers } from '../../db/library/papers';
import { ReadWorker } from './read-worker-client';
import { PasteReader } from './paste-worker-client';
import type { ParseOutcome } from '../../shared/paste/parsed';
import { getSetting, setSetting } from '../../db/library/settings';
import { parseQuery } from '../../shared/search/parse';
import { assignTags, removeTags } from '../../db/library/paper-tags';
import { createTag, deleteTags, listTags, mergeTags, recolourTag, renameTag } from '../../db/library/tags';
import { createNote, deleteNote, exportNotes, listNotes, updateNote } from '../../db/library/notes';
import { createAnnotation, deleteAnnotation, listAnnotations, updateAnnotation } from '../../db/library/annotations';
import { createCollection, deleteCollection, listCollections, updateCollection } from '../../db/library/collections';
import { addToCollection, removeFromCollection } from '../../db/library/collection-papers';
import { setRating, setStarred, setStatus } from '../../db/library/paper-marks';
import { createSavedSearch, deleteSavedSearch, listSavedSearches, updateSavedSearch } from '../../db/library/saved-searches';
import { emptyTrash, purgeTrash, restorePapers, trashInfo, trashPapers } from '../../db/library/trash';
import type { Outcome } from '../../db/library/changes';
import { UndoStack } from './undo-stack';
import { LibraryUpkeep } from './library-upkeep';
import { upkeepHandlers } from './upkeep-handlers';
import type { DailyTiming } from './daily-backup';
import { LibraryWatch, type LibraryWatchOptions } from './library-watch';

export type Handlers = { [C in Channel]: (input: ChannelArgs<C>) => ChannelOutput<C> | Promise<ChannelOutput<C>> };

const PREVIEW_PAPERS = 5;
/** Papers above which a preview with a jobId runs step by step (about 0.3 s of dry run on these machines). */
const LONG_PREVIEW_PAPERS = 100;

export interface HandlerOptions {
  /**
   * Run the slow reads (facet counts, metrics) on the library's own connection instead of a reader
   * thread: for one-shot hosts (the CLI), where starting a thread costs more than it saves.
   */
  readsInProcess?: boolean;
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
  /**
   * Watch the library for changes from any source (library-watch.ts; `libraryWatchOf`): on by default
   * for long-running hosts (`background`), off for one-shot ones. Options set its timings (tests).
   */
  watch?: boolean | Pick<LibraryWatchOptions, 'pollMs' | 'coalesceMs'>;
}

/**
 * Build the handler table over an open library.
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
 * - `papers.facets`, `metrics.selection`, `authors.metrics` run on a reader thread (read-worker-client.ts)
 *   one at a time; with a jobId, `jobs.progress` reports them (total 0: unknown) and `jobs.cancel` stops them.
 * - `papers.list`, `papers.facets`, `papers.ids`, `papers.get`, `metrics.selection`, `authors.list`, `authors.grid`,
 *   `authors.card`, `authors.metrics`, `settings.get`/`settings.set`, `library.info`: see db/library
 * - curation (`tags.*`, `notes.*`, `annotations.*`, `collections.*`, `papers.setStatus|setRating|setStarred|trash|restore`,
 *   `savedSearches.*`): writes go through the write queue and record their inverse on this table's undo
 *   stack; `undo.undo` / `undo.redo` / `undo.state` walk it (one stack per handler table: the session).
 * - On creation, papers trashed more than 30 days ago are purged (after a backup, library-upkeep.ts).
 * - Backups, integrity, restore and recovery: upkeep-handlers.ts. Every write is refused with `DAMAGED`
 *   on a damaged library, and damage met by any handler marks the library damaged.
 */
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
  /** Run a query on committed data (the read-only connection). */
  const read = <T>(query: (rdb: typeof db) => T) => reader.run(query);
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
  /** Run a curation operation as a queued write and keep its undo once it is committed. */
  const undoable = <T>(op: () => Outcome<T>): Promise<T> => writes.run(op, { committed: (outcome) => history.record(outcome) });
  /** A long import or preview as a job: cancellable while it waits for the lock and while it runs. */
  const importJob = (jobId: string, text: string, outcome: ParseOutcome, dryRun: boolean) => {
    const total = outcome.profile.papers.length;
    return jobs.run(jobId, total, (signal, onProgress) =>
      writes.run(() => importProfileAsync(db, text, outcome, { signal, onProgress, dryRun }), {
        activity: dryRun ? 'previewing a paste' : 'importing',
        signal,
        cancelled: () => importCancelled(0, total, dryRun),
      }),
    );
  };
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
  const reads = new ReadWorker({ ...library, db: reader.db }, options.readsInProcess ? { inProcess: true } : {});
  const pastes = new PasteReader({ inProcess: options.parseInProcess ?? false });
  const table: Handlers = upkeep.watch<Handlers>({
    'library.info': () => read((rdb) => libraryInfo(rdb, library.file)),
    'paste.preview': async ({ text, jobId }) => {
      const outcome = await pastes.read(text, { jobId, purpose: 'preview' });
      const papers = outcome.profile.papers.length;
      // A dry run writes (then rolls back), so it takes the write lock like any write. A long paste's
      // takes seconds: it runs step by step, with progress and cancel, like an import.
      const dry =
        jobId && papers > LONG_PREVIEW_PAPERS
          ? await importJob(jobId, text, outcome, true)
          : await writes.run(() => importProfile(db, text, outcome, { dryRun: true }));
      return {
        format: outcome.profile.source,
        author: outcome.profile.author,
        paperCount: outcome.profile.papers.length,
        firstPapers: outcome.profile.papers.slice(0, PREVIEW_PAPERS).map((p) => ({
          title: p.title,
          date: p.date,
          authors: p.authors,
          authorsTruncated: p.authors_truncated,
        })),
        wouldImport: { added: dry.added, updated: dry.updated, unchanged: dry.unchanged },
        snapshotWouldBeAdded: dry.snapshotAdded,
        alreadyImported: dry.alreadyImported,
        report: outcome.report,
      };
    },
    'paste.import': async ({ text, jobId }) => {
      // Parsed (on the paste thread) before the lock is taken: no other write waits for the parsing.
      const outcome = await pastes.read(text, { jobId, purpose: 'import' });
      if (jobId) return importJob(jobId, text, outcome, false);
      return writes.run(() => importProfileAsync(db, text, outcome), { activity: 'importing' });
    },
    'imports.list': () => read((rdb) => listImports(rdb)),
    'jobs.progress': ({ jobId }) => ({ progress: jobs.progress(jobId) ?? pastes.progress(jobId) ?? (reads.has(jobId) ? { done: 0, total: 0 } : null) }),
    'jobs.cancel': ({ jobId }) => ({ cancelled: jobs.cancel(jobId) || pastes.cancel(jobId) || reads.cancel(jobId) }),
    'papers.list': (input) => read((rdb) => listPapers(rdb, input)),
    'papers.facets': ({ jobId, ...input }) => reader.whenCommitted(() => reads.run('papers.facets', input, jobId)),
    'papers.ids': (input) => read((rdb) => ({ ids: listPaperIds(rdb, input) })),
    'metrics.selection': ({ jobId, ...input }) => reader.whenCommitted(() => reads.run('metrics.selection', input, jobId)),
    'authors.grid': (input) => read((rdb) => authorGrid(rdb, input)),
    'settings.get': ({ key }) => read((rdb) => ({ value: getSetting(rdb, key) })),
    'settings.set': ({ key, value }) =>
      writes.run(() => {
        setSetting(db, key, value);
        return {};
      }),
    'papers.get': ({ id }) => read((rdb) => getPaper(rdb, id)),
    'authors.list': (input) => read((rdb) => listAuthors(rdb, input)),
    'authors.card': ({ id }) => read((rdb) => authorCard(rdb, id)),
    'authors.metrics': ({ id, jobId }) => reader.whenCommitted(() => reads.run('authors.metrics', { id }, jobId)),

    'search.parse': ({ query }) => {
      const r = parseQuery(query);
      return r.ok ? { ok: true as const, terms: r.terms } : { ok: false as const, error: r.error };
    },
    'tags.list': () => read((rdb) => listTags(rdb)),
    'tags.create': (input) => undoable(() => createTag(db, input)),
    'tags.rename': (input) => undoable(() => renameTag(db, input)),
    'tags.recolour': (input) => undoable(() => recolourTag(db, input)),
    'tags.merge': (input) => undoable(() => mergeTags(db, input)),
    'tags.delete': (input) => undoable(() => deleteTags(db, input)),
    'tags.assign': (input) => undoable(() => assignTags(db, input)),
    'tags.remove': (input) => undoable(() => removeTags(db, input)),
    'notes.list': ({ paperId }) => read((rdb) => listNotes(rdb, paperId)),
    'notes.create': (input) => undoable(() => createNote(db, input)),
    'notes.update': (input) => undoable(() => updateNote(db, input)),
    'notes.delete': (input) => undoable(() => deleteNote(db, input)),
    'notes.export': ({ paperId }) => read((rdb) => ({ markdown: exportNotes(rdb, paperId) })),
    'annotations.list': ({ paperId }) => read((rdb) => listAnnotations(rdb, paperId)),
    'annotations.create': (input) => undoable(() => createAnnotation(db, input)),
    'annotations.update': (input) => undoable(() => updateAnnotation(db, input)),
    'annotations.delete': (input) => undoable(() => deleteAnnotation(db, input)),
    'collections.list': () => read((rdb) => listCollections(rdb)),
    'collections.create': (input) => undoable(() => createCollection(db, input)),
    'collections.update': (input) => undoable(() => updateCollection(db, input)),
    'collections.delete': (input) => undoable(() => deleteCollection(db, input)),
    'collections.addPapers': (input) => undoable(() => addToCollection(db, input)),
    'collections.removePapers': (input) => undoable(() => removeFromCollection(db, input)),
    'papers.setStatus': (input) => undoable(() => setStatus(db, input)),
    'papers.setRating': (input) => undoable(() => setRating(db, input)),
    'papers.setStarred': (input) => undoable(() => setStarred(db, input)),
    'papers.trash': (input) => undoable(() => trashPapers(db, input)),
    'papers.restore': (input) => undoable(() => restorePapers(db, input)),
    'trash.info': () => read((rdb) => trashInfo(rdb)),
    'trash.empty': async () => {
      upkeep.assertWritable();
      // The backup reads a snapshot on the upkeep thread: taken before the write lock, so other processes
      // are not kept waiting while it is written.
      await upkeep.backupBefore('before-empty-trash', () => trashInfo(reader.db).count > 0);
      return writes.run(() => emptyTrash(db), { activity: 'emptying the trash' });
    },
    'savedSearches.list': () => read((rdb) => listSavedSearches(rdb)),
    'savedSearches.create': (input) => undoable(() => createSavedSearch(db, input)),
    'savedSearches.update': (input) => undoable(() => updateSavedSearch(db, input)),
    'savedSearches.delete': (input) => undoable(() => deleteSavedSearch(db, input)),
    'undo.state': () => history.state(),
    'undo.undo': () => writes.run(() => ({ label: history.undo(db), state: history.state() })),
    'undo.redo': () => writes.run(() => ({ label: history.redo(db), state: history.state() })),
    ...upkeepHandlers(upkeep, (work) => writes.run(work, { lock: false })),
  });
  if (watch) watches.set(table, watch);
  closers.set(table, async () => {
    watch?.stop();
    jobs.cancelAll();
    await writes.idle();
    upkeep.close();
    pastes.close();
    await reads.close();
  });
  return table;
}
