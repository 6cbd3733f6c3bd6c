/**
 * The data shapes of imports and of the paste preview (zod schemas; types inferred from them). Part of
 * shared/model.ts, which re-exports them; kept apart so each module stays small.
 */
import { z } from 'zod';
import { Detection, ParsedAuthor, ParseReport, PasteSource, SkippedLine } from './paste/parsed';
import { FORMAT_IDS } from './paste/paste-format';
import { ImportSource } from './import-source';

/** A row id of the library (SQLite INTEGER PRIMARY KEY). */
export const Id = z.number().int().positive();

export const ImportCounts = z.object({
  added: z.number().int(),
  updated: z.number().int(),
  unchanged: z.number().int(),
});

export const ImportReport = ImportCounts.extend({
  /** The import record; for an `alreadyImported` paste, the earlier import of the same text. */
  importId: Id,
  /** The identical text was imported before and would change nothing: nothing was stored. */
  alreadyImported: z.boolean(),
  format: ImportSource,
  author: z.object({ id: Id, name: z.string() }).nullable(),
  /** True when the profile's metrics differed from the latest snapshot (or there was none). */
  snapshotAdded: z.boolean(),
  skipped: z.array(SkippedLine),
  incompleteTail: ParseReport.shape.incompleteTail,
  warnings: z.array(z.string()),
});
export type ImportReport = z.infer<typeof ImportReport>;

export const PastePreview = z.object({
  format: PasteSource,
  author: ParsedAuthor.nullable(),
  paperCount: z.number().int(),
  /** The first papers recognised (at most 5). */
  firstPapers: z.array(z.object({ title: z.string(), date: z.string().nullable(), authors: z.array(z.string()), authorsTruncated: z.boolean() })),
  /** What importing would do to the library now. */
  wouldImport: ImportCounts,
  /** True when importing would record a new metrics snapshot (first capture, or the figures changed). */
  snapshotWouldBeAdded: z.boolean(),
  /** The identical text was imported before and importing it again would change nothing. */
  alreadyImported: z.boolean(),
  report: ParseReport,
  /** The source read, and how it was chosen (detected with a confidence, chosen by the user, or the generic fallback). */
  detection: Detection,
  /** False for pages that are not profiles (a listing, a search) and pastes without the author's header. */
  makesAuthorCard: z.boolean(),
  /** Every format the user may read the paste as instead (the preview's source picker), in FORMATS order. */
  choices: z.array(z.object({ id: z.enum(FORMAT_IDS), label: z.string() })),
});
export type PastePreview = z.infer<typeof PastePreview>;

export const ImportSummary = z.object({
  id: Id,
  /** ISO 8601 UTC. */
  createdAt: z.string(),
  format: ImportSource,
  author: z.object({ id: Id, name: z.string() }).nullable(),
  added: z.number().int(),
  updated: z.number().int(),
  unchanged: z.number().int(),
  /** Papers this import added or touched that are in the library now (not in the trash): what its view lists. */
  papersInLibrary: z.number().int(),
  linesSkipped: z.number().int(),
});
export type ImportSummary = z.infer<typeof ImportSummary>;

