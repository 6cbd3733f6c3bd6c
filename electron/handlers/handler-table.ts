/**
 * The handler table: for every channel of the contract, its query (see channel-entry.ts for the shape
 * each kind takes) or, where the kind's routing does not fit, a custom handler. How an entry runs (reader
 * connection, reader thread, write queue, undo stack) follows from the channel's declared kind
 * (route.ts); the reader thread answers slow reads from this same table (read-channels.ts).
 *
 * A new channel: one entry in its domain's contract file, one query in db/library, one line here.
 */
import { authorCard, authorGrid, authorMetrics, libraryInfo, listAuthors } from '../../db/library/authors';
import { listImports } from '../../db/library/imports';
import { readImportReport } from '../../db/library/import-report';
import { getPaper, listPaperIds, listPapers, paperFacets } from '../../db/library/papers';
import { selectionMetrics } from '../../db/library/selection-metrics';
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
import { emptyTrash, restorePapers, trashInfo, trashPapers } from '../../db/library/trash';
import { createPaper, paperRecord, resolveSourceValue, setPaperAuthors, updatePaper } from '../../db/library/paper-edits';
import type { HandlerTable } from './channel-entry';
import { importPaste, pasteFormatChoices, previewPaste } from './paste-handlers';
import { upkeepEntries } from './upkeep-handlers';
import { referenceEntries } from './reference-handlers';

export const handlerTable: HandlerTable = {
  // The reader connection's name is the library file it opened (':memory:' for an in-memory library).
  'library.info': (rdb) => libraryInfo(rdb, rdb.$client.name),
  'settings.get': (rdb, { key }) => ({ value: getSetting(rdb, key) }),
  'settings.set': (db, { key, value }) => {
    setSetting(db, key, value);
    return {};
  },
  'paste.preview': { custom: previewPaste },
  'paste.import': { custom: importPaste },
  'paste.formats': () => pasteFormatChoices(),
  'imports.list': (rdb) => listImports(rdb),
  'imports.report': (rdb, { id }) => readImportReport(rdb, id),
  'jobs.progress': (s, { jobId }) => ({ progress: s.jobs.progress(jobId) ?? s.pastes.progress(jobId) ?? (s.reads.has(jobId) ? { done: 0, total: 0 } : null) }),
  'jobs.cancel': (s, { jobId }) => ({ cancelled: s.jobs.cancel(jobId) || s.pastes.cancel(jobId) || s.reads.cancel(jobId) }),
  'search.parse': (_s, { query }) => {
    const r = parseQuery(query);
    return r.ok ? { ok: true as const, terms: r.terms } : { ok: false as const, error: r.error };
  },
  'undo.state': (s) => s.history.state(),
  'undo.undo': { custom: (s) => s.writes.run(() => ({ label: s.history.undo(s.db), state: s.history.state() })) },
  'undo.redo': { custom: (s) => s.writes.run(() => ({ label: s.history.redo(s.db), state: s.history.state() })) },

  'papers.list': (rdb, input) => listPapers(rdb, input),
  'papers.facets': (rdb, input) => paperFacets(rdb, input),
  'papers.ids': (rdb, input) => ({ ids: listPaperIds(rdb, input) }),
  'metrics.selection': (rdb, input) => selectionMetrics(rdb, input),
  'papers.get': (rdb, { id }) => getPaper(rdb, id),
  'authors.list': (rdb, input) => listAuthors(rdb, input),
  'authors.grid': (rdb, input) => authorGrid(rdb, input),
  'authors.card': (rdb, { id }) => authorCard(rdb, id),
  'authors.metrics': (rdb, { id }) => authorMetrics(rdb, id),

  'tags.list': (rdb) => listTags(rdb),
  'tags.create': (db, input) => createTag(db, input),
  'tags.rename': (db, input) => renameTag(db, input),
  'tags.recolour': (db, input) => recolourTag(db, input),
  'tags.merge': (db, input) => mergeTags(db, input),
  'tags.delete': (db, input) => deleteTags(db, input),
  'tags.assign': (db, input) => assignTags(db, input),
  'tags.remove': (db, input) => removeTags(db, input),
  'notes.list': (rdb, { paperId }) => listNotes(rdb, paperId),
  'notes.create': (db, input) => createNote(db, input),
  'notes.update': (db, input) => updateNote(db, input),
  'notes.delete': (db, input) => deleteNote(db, input),
  'notes.export': (rdb, { paperId }) => ({ markdown: exportNotes(rdb, paperId) }),
  'annotations.list': (rdb, { paperId }) => listAnnotations(rdb, paperId),
  'annotations.create': (db, input) => createAnnotation(db, input),
  'annotations.update': (db, input) => updateAnnotation(db, input),
  'annotations.delete': (db, input) => deleteAnnotation(db, input),
  'collections.list': (rdb) => listCollections(rdb),
  'collections.create': (db, input) => createCollection(db, input),
  'collections.update': (db, input) => updateCollection(db, input),
  'collections.delete': (db, input) => deleteCollection(db, input),
  'collections.addPapers': (db, input) => addToCollection(db, input),
  'collections.removePapers': (db, input) => removeFromCollection(db, input),
  'papers.setStatus': (db, input) => setStatus(db, input),
  'papers.setRating': (db, input) => setRating(db, input),
  'papers.setStarred': (db, input) => setStarred(db, input),
  'papers.trash': (db, input) => trashPapers(db, input),
  'papers.restore': (db, input) => restorePapers(db, input),
  'trash.info': (rdb) => trashInfo(rdb),
  'trash.empty': {
    custom: async (s) => {
      s.upkeep.assertWritable();
      // The backup reads a snapshot on the upkeep thread: taken before the write lock, so other processes
      // are not kept waiting while it is written.
      await s.upkeep.backupBefore('before-empty-trash', () => trashInfo(s.reader.db).count > 0);
      return s.writes.run(() => emptyTrash(s.db), { activity: 'emptying the trash' });
    },
  },
  'savedSearches.list': (rdb) => listSavedSearches(rdb),
  'savedSearches.create': (db, input) => createSavedSearch(db, input),
  'savedSearches.update': (db, input) => updateSavedSearch(db, input),
  'savedSearches.delete': (db, input) => deleteSavedSearch(db, input),
  'papers.record': (rdb, { id }) => paperRecord(rdb, id),
  'papers.update': (db, input) => updatePaper(db, input),
  'papers.setAuthors': (db, input) => setPaperAuthors(db, input),
  'papers.create': (db, input) => createPaper(db, input),
  'papers.resolveSourceValue': (db, input) => resolveSourceValue(db, input),
  ...upkeepEntries,
  ...referenceEntries,
};
