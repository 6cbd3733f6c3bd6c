/**
 * The Electron-free table implementing the contract, used by all three hosts (desktop IPC, browser-mode
 * HTTP, command line). Each handler receives its input already validated (defaults applied).
 */
import type { Channel, ChannelArgs, ChannelOutput } from '../../shared/contract';
import { detectAndParse } from '../../shared/paste/detect';
import type { Library } from '../../db/open';
import { authorCard, authorGrid, authorMetrics, libraryInfo, listAuthors } from '../../db/library/authors';
import { importProfile, importProfileAsync } from '../../db/library/import-profile';
import { listImports } from '../../db/library/imports';
import { Jobs, WriteQueue } from './jobs';
import { getPaper, listPaperIds, listPapers, paperFacets } from '../../db/library/papers';
import { selectionMetrics } from '../../db/library/selection-metrics';
import { getSetting, setSetting } from '../../db/library/settings';

export type Handlers = { [C in Channel]: (input: ChannelArgs<C>) => ChannelOutput<C> | Promise<ChannelOutput<C>> };

const PREVIEW_PAPERS = 5;

/**
 * Build the handler table over an open library.
 * - `paste.preview` ({text}) -> what was recognised and what importing would add/update (nothing is stored)
 * - `paste.import` ({text, jobId?}) -> import report; throws `PASTE_EMPTY` / `PASTE_UNRECOGNISED` and stores
 *   nothing then; with a jobId, `jobs.progress` follows it and `jobs.cancel` stops it (`CANCELLED`, nothing stored).
 *   Writes run one at a time.
 * - `papers.list`, `papers.facets`, `papers.ids`, `papers.get`, `metrics.selection`, `authors.list`, `authors.grid`,
 *   `authors.card`, `authors.metrics`, `settings.get`/`settings.set`, `library.info`: see db/library
 */
export function createHandlers(library: Library): Handlers {
  const { db } = library;
  const jobs = new Jobs();
  const writes = new WriteQueue();
  return {
    'library.info': () => libraryInfo(db, library.file),
    'paste.preview': ({ text }) => {
      const outcome = detectAndParse(text);
      const dry = importProfile(db, text, outcome, { dryRun: true });
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
        const outcome = detectAndParse(text);
        if (!jobId) return importProfileAsync(db, text, outcome);
        const signal = jobs.start(jobId, outcome.profile.papers.length);
        try {
          return await importProfileAsync(db, text, outcome, { signal, onProgress: (done, total) => jobs.report(jobId, done, total) });
        } finally {
          jobs.finish(jobId);
        }
      }),
    'imports.list': () => listImports(db),
    'jobs.progress': ({ jobId }) => ({ progress: jobs.progress(jobId) }),
    'jobs.cancel': ({ jobId }) => ({ cancelled: jobs.cancel(jobId) }),
    'papers.list': (input) => listPapers(db, input),
    'papers.facets': (input) => paperFacets(db, input),
    'papers.ids': (input) => ({ ids: listPaperIds(db, input) }),
    'metrics.selection': (input) => selectionMetrics(db, input),
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
    'authors.metrics': ({ id }) => authorMetrics(db, id),
  };
}
