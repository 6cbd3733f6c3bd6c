/**
 * The bibliographic record of a paper as every host sends it (zod; the paper detail extends PaperRow
 * with it). Field names are the Drizzle property names of db/schema.ts `papers`; a field added to the
 * record is added to the schema, to db/library/parsed-record.ts (what an import stores) and here, and the
 * reader (db/library/papers.ts) picks it up by name.
 */
import { z } from 'zod';
import { PasteSource } from '../paste/parsed';
import { CSL_TYPES } from './csl-types';

/** CSL name parts of one printed author (null: not split; `literal` alone for organisations). */
export const CslNameParts = z.object({
  family: z.string().nullable(),
  given: z.string().nullable(),
  droppingParticle: z.string().nullable(),
  nonDroppingParticle: z.string().nullable(),
  suffix: z.string().nullable(),
  literal: z.string().nullable(),
});
export type CslNameParts = z.infer<typeof CslNameParts>;

/** One source's citation count for a paper: "cited by 12 (Google Scholar, 2026-12-07)". */
export const CitationCount = z.object({
  source: PasteSource,
  /** The site as the paste formats name it (`Google Scholar`). */
  site: z.string(),
  count: z.number().int().nonnegative(),
  /** YYYY-MM-DD the page was read (the import's day, UTC). */
  readOn: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
});
export type CitationCount = z.infer<typeof CitationCount>;

const optionalText = z.string().nullable();

/** The CSL-JSON fields of a paper beyond the table row (DOI and arXiv id are in PaperDetail already). */
export const BibliographicFields = z.object({
  /** CSL item type. */
  itemType: z.enum(CSL_TYPES),
  /** The arXiv version the source named (`v2` -> 2). */
  arxivVersion: z.number().int().positive().nullable(),
  volume: optionalText,
  issue: optionalText,
  /** CSL `page`, verbatim (`453-466`, `112:1-112:45`). */
  page: optionalText,
  /** CSL `number`: article or report number. */
  number: optionalText,
  publisher: optionalText,
  publisherPlace: optionalText,
  /** CSL `event-title`. */
  event: optionalText,
  url: optionalText,
  isbn: optionalText,
  issn: optionalText,
  pmid: optionalText,
  pmcid: optionalText,
  language: optionalText,
  keywords: z.array(z.string()),
  /** Source-specific fields with no CSL home (dblp_label, citations_merged, tldr, eid, printed_venue, ...). */
  extra: z.record(z.string(), z.unknown()),
  /** Fields the user edited by hand (shared/record/editable-fields.ts names). */
  editedFields: z.array(z.string()),
  /** Field -> the value a later import read for an edited field. */
  sourceValues: z.record(z.string(), z.unknown()),
});
export type BibliographicFields = z.infer<typeof BibliographicFields>;

/** Record fields stored as JSON text in SQLite. */
export const JSON_RECORD_FIELDS: ReadonlySet<keyof BibliographicFields> = new Set(['keywords', 'extra', 'editedFields', 'sourceValues']);
