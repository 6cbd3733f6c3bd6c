/** Pasting a profile page: preview, import, and the list of imports. */
import { z } from 'zod';
import type { ChannelSpec } from './channel';
import { Id, ImportReport, PastePreview, ImportSummary } from '../model';
import { ImportReportView } from '../import-report-view';
import { JOB_ID, PasteInput } from './inputs';

export const pasteChannels = {
  'paste.preview': {
    kind: 'write', changes: [],
    input: PasteInput.extend({
      /** Name for this preview, so the window can follow a long paste's with jobs.progress and stop it with jobs.cancel. */
      jobId: JOB_ID.optional(),
    }),
    output: PastePreview,
  },
  'paste.import': {
    kind: 'write', changes: ['imports', 'papers', 'authors', 'paper_authors', 'affiliations', 'paper_affiliations', 'paper_categories', 'import_papers', 'author_metric_snapshots', 'paper_citation_counts'],
    input: PasteInput.extend({
      /** Name for this import, so the window can follow it with jobs.progress and stop it with jobs.cancel. */
      jobId: JOB_ID.optional(),
    }),
    output: ImportReport,
  },
  /** Every source a paste may be read as (the preview's source picker), in detection order; the generic parser last. */
  'paste.formats': { kind: 'session', reads: [], input: z.object({}), output: PastePreview.shape.choices },
  /** Every import, newest first (the sidebar's Imports section). */
  'imports.list': { kind: 'read', reads: ['imports', 'authors', 'import_papers', 'papers'], input: z.object({}), output: z.array(ImportSummary) },
  /** The whole report of one import (papers added, updated, unchanged; lines skipped; fields guessed; detection). */
  'imports.report': { kind: 'read', reads: ['imports', 'authors', 'import_papers', 'papers'], input: z.object({ id: Id }), output: ImportReportView },
} as const satisfies Record<string, ChannelSpec>;
