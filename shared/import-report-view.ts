/**
 * The whole report of an import, as kept with it (imports.report, JSON) and as `imports.report` sends
 * it: what the import did to each paper, what the parser skipped or guessed, and how the source was
 * chosen. Built by db/library/import-report.ts.
 */
import { z } from 'zod';
import { Detection, ParseReport, SkippedLine } from './paste/parsed';
import { ImportSource } from './import-source';

const Id = z.number().int().positive();

/** A paper an import added, updated or left unchanged: its id and its title as imported. */
export const ReportedPaper = z.object({ id: Id, title: z.string() });
export type ReportedPaper = z.infer<typeof ReportedPaper>;

/** A paper read by the generic parser with fields it was not sure of (its `extra.guessed`). */
export const GuessedPaper = z.object({ id: Id.nullable(), title: z.string(), fields: z.array(z.string()) });
export type GuessedPaper = z.infer<typeof GuessedPaper>;

/** The report stored in imports.report since issue 10 (`version: 2`). Older imports stored only skipped, incompleteTail and warnings. */
export const KeptImportReport = z.object({
  version: z.literal(2),
  detection: Detection.nullable(),
  papers: z.object({ added: z.array(ReportedPaper), updated: z.array(ReportedPaper), unchanged: z.array(ReportedPaper) }),
  skipped: z.array(SkippedLine),
  guessed: z.array(GuessedPaper),
  incompleteTail: ParseReport.shape.incompleteTail,
  warnings: z.array(z.string()),
});
export type KeptImportReport = z.infer<typeof KeptImportReport>;

/** What `imports.report` returns: the kept report with the import's date, source and author. */
export const ImportReportView = KeptImportReport.omit({ version: true }).extend({
  importId: Id,
  /** ISO 8601 UTC. */
  createdAt: z.string(),
  format: ImportSource,
  author: z.object({ id: Id, name: z.string() }).nullable(),
  /**
   * False for an import made before the whole report was kept: its paper lists are read from the
   * library's record of the import (titles as they are now) and nothing is known of guessed fields or
   * of how the source was detected.
   */
  complete: z.boolean(),
});
export type ImportReportView = z.infer<typeof ImportReportView>;
