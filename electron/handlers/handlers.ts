/**
 * The Electron-free table implementing the contract, used by all three hosts (desktop IPC, browser-mode
 * HTTP, command line). Each handler receives its input already validated (defaults applied).
 */
import type { Channel, ChannelArgs, ChannelOutput } from '../../shared/contract';
import type { Library } from '../../db/open';
import { authorCard, authorGrid, libraryInfo, listAuthors } from '../../db/library/authors';
import { importProfile, importProfileAsync } from '../../db/library/import-profile';
import { listImports } from '../../db/library/imports';
import { Jobs, WriteQueue } from './jobs';
import { getPaper, listPaperIds, listPapers } from '../../db/library/papers';
import { ReadWorker } from './read-worker-client';
import { PasteReader } from './paste-worker-client';
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
   * Detect and parse pastes on the calling thread instead of a paste thread (no time budget, no
   * cancel while reading): for one-shot hosts (the CLI), where nothing else waits on the thread.
   */
  parseInProcess?: boolean;
}

/**
 * Build the handler table over an open library.
 * - `paste.preview` ({text, jobId?}) -> what was recognised and what importing would add/update (nothing is
 *   stored); with a jobId, `jobs.progress` follows it (phase "Reading the paste", then for a long paste
 *   the papers of the dry run) and `jobs.cancel` stops it at any point (`CANCELLED`)
 * - `paste.import` ({text, jobId?}) -> import report; throws `PASTE_EMPTY` / `PASTE_UNRECOGNISED` and stores
 *   nothing then; with a jobId, `jobs.progress` follows it and `jobs.cancel` stops it (`CANCELLED`, nothing stored).
 *   Writes run one at a time.
 * - Both detect and parse the paste on a paste thread (paste-worker-client.ts) with a time budget
 *   (PASTE_TIME_LIMIT_MS; past it `PASTE_UNRECOGNISED`, nothing stored), so the host's thread stays free.
 * - `papers.facets`, `metrics.selection`, `authors.metrics` run on a reader thread (read-worker-client.ts)
 *   one at a time; with a jobId, `jobs.progress` reports them (total 0: unknown) and `jobs.cancel` stops them.
 * - `papers.list`, `papers.facets`, `papers.ids`, `papers.get`, `metrics.selection`, `authors.list`, `authors.grid`,
 *   `authors.card`, `authors.metrics`, `settings.get`/`settings.set`, `library.info`: see db/library
 * - curation (`tags.*`, `notes.*`, `annotations.*`, `collections.*`, `papers.setStatus|setRating|setStarred|trash|restore`,
 *   `savedSearches.*`): writes go through the write queue and record their inverse on this table's undo
 *   stack; `undo.undo` / `undo.redo` / `undo.state` walk it (one stack per handler table: the session).
 * - On creation, papers trashed more than 30 days ago are purged.
 */
export function createHandlers(library: Library, options: HandlerOptions = {}): Handlers {
  const { db } = library;
  const jobs = new Jobs();
  const writes = new WriteQueue();
  const history = new UndoStack();
  /** Run a curation operation as a queued write and keep its undo. */
  const undoable = <T>(op: () => Outcome<T>): Promise<T> => writes.run(() => history.record(op()));
  // Synchronously, before any call: nothing else can be writing yet, and a host that closes the library
  // right after (the CLI) must not find a purge still queued. An empty purge is one indexed lookup.
  try {
    purgeTrash(db);
  } catch (err) {
    console.error('Purging the trash failed:', err);
  }
  const reads = new ReadWorker(library, options.readsInProcess ? { inProcess: true } : {});
  const pastes = new PasteReader({ inProcess: options.parseInProcess ?? false });
  return {
    'library.info': () => libraryInfo(db, library.file),
    'paste.preview': async ({ text, jobId }) => {
      const outcome = await pastes.read(text, { jobId, purpose: 'preview' });
      const papers = outcome.profile.papers.length;
      // A long paste's dry run takes seconds: it goes through the write queue step by step, with
      // progress and cancel, like an import. A short one stays synchronous (it never shares the connection).
      const dry =
        jobId && papers > LONG_PREVIEW_PAPERS
          ? await writes.run(() => jobs.run(jobId, papers, (signal, onProgress) => importProfileAsync(db, text, outcome, { dryRun: true, signal, onProgress })))
          : importProfile(db, text, outcome, { dryRun: true });
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
    'paste.import': ({ text, jobId }) =>
      writes.run(async () => {
        const outcome = await pastes.read(text, { jobId, purpose: 'import' });
        if (!jobId) return importProfileAsync(db, text, outcome);
        return jobs.run(jobId, outcome.profile.papers.length, (signal, onProgress) => importProfileAsync(db, text, outcome, { signal, onProgress }));
      }),
    'imports.list': () => listImports(db),
    'jobs.progress': ({ jobId }) => ({ progress: jobs.progress(jobId) ?? pastes.progress(jobId) ?? (reads.has(jobId) ? { done: 0, total: 0 } : null) }),
    'jobs.cancel': ({ jobId }) => ({ cancelled: jobs.cancel(jobId) || pastes.cancel(jobId) || reads.cancel(jobId) }),
    'papers.list': (input) => listPapers(db, input),
    'papers.facets': ({ jobId, ...input }) => reads.run('papers.facets', input, jobId),
    'papers.ids': (input) => ({ ids: listPaperIds(db, input) }),
    'metrics.selection': ({ jobId, ...input }) => reads.run('metrics.selection', input, jobId),
    'authors.grid': (input) => authorGrid(db, input),
    'settings.get': ({ key }) => ({ value: getSetting(db, key) }),
    'settings.set': ({ key, value }) =>
      writes.run(() => {
        setSetting(db, key, value);
        return {};
      }),
    'papers.get': ({ id }) => getPaper(db, id),
    'authors.list': (input) => listAuthors(db, input),
    'authors.card': ({ id }) => authorCard(db, id),
    'authors.metrics': ({ id, jobId }) => reads.run('authors.metrics', { id }, jobId),

    'search.parse': ({ query }) => {
      const r = parseQuery(query);
      return r.ok ? { ok: true as const, terms: r.terms } : { ok: false as const, error: r.error };
    },
    'tags.list': () => listTags(db),
    'tags.create': (input) => undoable(() => createTag(db, input)),
    'tags.rename': (input) => undoable(() => renameTag(db, input)),
    'tags.recolour': (input) => undoable(() => recolourTag(db, input)),
    'tags.merge': (input) => undoable(() => mergeTags(db, input)),
    'tags.delete': (input) => undoable(() => deleteTags(db, input)),
    'tags.assign': (input) => undoable(() => assignTags(db, input)),
    'tags.remove': (input) => undoable(() => removeTags(db, input)),
    'notes.list': ({ paperId }) => listNotes(db, paperId),
    'notes.create': (input) => undoable(() => createNote(db, input)),
    'notes.update': (input) => undoable(() => updateNote(db, input)),
    'notes.delete': (input) => undoable(() => deleteNote(db, input)),
    'notes.export': ({ paperId }) => ({ markdown: exportNotes(db, paperId) }),
    'annotations.list': ({ paperId }) => listAnnotations(db, paperId),
    'annotations.create': (input) => undoable(() => createAnnotation(db, input)),
    'annotations.update': (input) => undoable(() => updateAnnotation(db, input)),
    'annotations.delete': (input) => undoable(() => deleteAnnotation(db, input)),
    'collections.list': () => listCollections(db),
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
    'trash.info': () => trashInfo(db),
    'trash.empty': () => writes.run(() => emptyTrash(db)),
    'savedSearches.list': () => listSavedSearches(db),
    'savedSearches.create': (input) => undoable(() => createSavedSearch(db, input)),
    'savedSearches.update': (input) => undoable(() => updateSavedSearch(db, input)),
    'savedSearches.delete': (input) => undoable(() => deleteSavedSearch(db, input)),
    'undo.state': () => history.state(),
    'undo.undo': () => writes.run(() => ({ label: history.undo(db), state: history.state() })),
    'undo.redo': () => writes.run(() => ({ label: history.redo(db), state: history.state() })),
  };
}
