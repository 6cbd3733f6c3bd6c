/**
 * The Electron-free table implementing the contract, used by all three hosts (desktop IPC, browser-mode
 * HTTP, command line). Each handler receives its input already validated (defaults applied).
 */
import type { Channel, ChannelArgs, ChannelOutput } from '../../shared/contract';
import { detectAndParse } from '../../shared/paste/detect';
import type { Library } from '../../db/open';
import { authorCard, authorGrid, libraryInfo, listAuthors } from '../../db/library/authors';
import { importProfile, importProfileAsync } from '../../db/library/import-profile';
import { listImports } from '../../db/library/imports';
import { Jobs, WriteQueue } from './jobs';
import { getPaper, listPaperIds, listPapers } from '../../db/library/papers';
import { ReadWorker } from './read-worker-client';
import { getSetting, setSetting } from '../../db/library/settings';

export type Handlers = { [C in Channel]: (input: ChannelArgs<C>) => ChannelOutput<C> | Promise<ChannelOutput<C>> };

const PREVIEW_PAPERS = 5;

export interface HandlerOptions {
  /**
   * Run the slow reads (facet counts, metrics) on the library's own connection instead of a reader
   * thread: for one-shot hosts (the CLI), where starting a thread costs more than it saves.
   */
  readsInProcess?: boolean;
}

/**
 * Build the handler table over an open library.
 * - `paste.preview` ({text}) -> what was recognised and what importing would add/update (nothing is stored)
 * - `paste.import` ({text, jobId?}) -> import report; throws `PASTE_EMPTY` / `PASTE_UNRECOGNISED` and stores
 *   nothing then; with a jobId, `jobs.progress` follows it and `jobs.cancel` stops it (`CANCELLED`, nothing stored).
 *   Writes run one at a time.
 * - `papers.facets`, `metrics.selection`, `authors.metrics` run on a reader thread (read-worker-client.ts)
 *   one at a time; with a jobId, `jobs.progress` reports them (total 0: unknown) and `jobs.cancel` stops them.
 * - `papers.list`, `papers.facets`, `papers.ids`, `papers.get`, `metrics.selection`, `authors.list`, `authors.grid`,
 *   `authors.card`, `authors.metrics`, `settings.get`/`settings.set`, `library.info`: see db/library
 */
export function createHandlers(library: Library, options: HandlerOptions = {}): Handlers {
  const { db } = library;
  const jobs = new Jobs();
  const writes = new WriteQueue();
  const reads = new ReadWorker(library, options.readsInProcess ? { inProcess: true } : {});
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
    'jobs.progress': ({ jobId }) => ({ progress: jobs.progress(jobId) ?? (reads.has(jobId) ? { done: 0, total: 0 } : null) }),
    'jobs.cancel': ({ jobId }) => ({ cancelled: jobs.cancel(jobId) || reads.cancel(jobId) }),
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
  };
}
