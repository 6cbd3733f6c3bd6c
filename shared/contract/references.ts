/**
 * Getting references in and out (issue 11): BibTeX, BibLaTeX, RIS and CSL-JSON files imported and
 * exported, citation keys, formatted citations with CSL styles, and collections kept exported to a file.
 */
import { z } from 'zod';
import type { ChannelSpec } from './channel';
import { Id, ImportCounts, ImportReport } from '../model';
import { INTEROP_FORMATS } from '../interop/interop-record';
import { JOB_ID, PaperFilters } from './inputs';

/** Largest reference file accepted, in bytes (a 50,000-entry .bib is about 50 MB). */
export const REFERENCE_FILE_MAX_BYTES = 128 * 1024 * 1024;

/** A file's content as the window or CLI sends it: text (a paste) or the file's bytes (encoding detected). */
export const ReferenceContent = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('text'), text: z.string().max(REFERENCE_FILE_MAX_BYTES) }),
  /** Base64 of the file's bytes. */
  z.object({ kind: z.literal('bytes'), base64: z.string().max(Math.ceil(REFERENCE_FILE_MAX_BYTES / 3) * 4) }),
]);

export const ReferenceFileInput = z.object({
  /** The file's name as problems name it (`refs.bib:214:3: ...`); `pasted text` for a paste. */
  fileName: z.string().min(1).max(255),
  content: ReferenceContent,
  /** The format, or null to detect it from the content. */
  format: z.enum(INTEROP_FORMATS).nullable().default(null),
  /** Name for this job, so the window can follow it with jobs.progress and stop it with jobs.cancel. */
  jobId: JOB_ID.optional(),
});

/** One problem of a file (shared/interop/interop-record.ts InteropProblem). */
export const FileProblem = z.object({
  line: z.number().int().positive(),
  column: z.number().int().positive(),
  message: z.string(),
  key: z.string().optional(),
  severity: z.enum(['error', 'warning']),
});
export type FileProblem = z.infer<typeof FileProblem>;

/** What was read from a file: the format, the encoding, entries seen and read, and every problem. */
export const ReferenceFileSummary = z.object({
  fileName: z.string(),
  format: z.enum(INTEROP_FORMATS),
  encoding: z.enum(['utf-8', 'utf-8-bom', 'utf-16le', 'utf-16be', 'latin-1']),
  entriesSeen: z.number().int().nonnegative(),
  recordsRead: z.number().int().nonnegative(),
  problems: z.array(FileProblem),
});
export type ReferenceFileSummary = z.infer<typeof ReferenceFileSummary>;

export const ReferenceImportReport = ImportReport.extend({ file: ReferenceFileSummary });
export type ReferenceImportReport = z.infer<typeof ReferenceImportReport>;

/** Formats an export can write: the file formats, and a reference list formatted by a CSL style. */
export const EXPORT_FORMATS = [...INTEROP_FORMATS, 'markdown', 'text'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

const STYLE_ID = z.string().regex(/^[\w.-]{1,128}$/, 'A style id is letters, digits, dots, dashes or underscores.');

export const KeptExport = z.object({
  id: Id,
  /** null: the whole library. */
  collectionId: Id.nullable(),
  collectionName: z.string().nullable(),
  path: z.string(),
  format: z.enum(INTEROP_FORMATS),
  ascii: z.boolean(),
  /** ISO 8601 UTC of the last write; null before the first. */
  lastWrittenAt: z.string().nullable(),
  /** Why the last write failed, in words; null when it succeeded. */
  lastError: z.string().nullable(),
});
export type KeptExport = z.infer<typeof KeptExport>;

export const referencesChannels = {
  /** What importing a reference file would do: read it, report problems, count what it would add or update. */
  'references.preview': {
    kind: 'write', changes: [],
    input: ReferenceFileInput,
    output: z.object({
      file: ReferenceFileSummary,
      wouldImport: ImportCounts,
      /** The first records read (at most 5). */
      firstRecords: z.array(z.object({ title: z.string(), authors: z.array(z.string()), surnames: z.array(z.string().nullable()).optional(), year: z.number().int().nullable(), citationKey: z.string().nullable() })),
    }),
  },
  /** Import a reference file in one transaction: every well-formed entry, matched against the library like a paste. */
  'references.import': {
    kind: 'write',
    changes: ['imports', 'papers', 'authors', 'paper_authors', 'affiliations', 'paper_affiliations', 'paper_categories', 'import_papers', 'paper_citation_counts', 'tags', 'paper_tags', 'notes'],
    input: ReferenceFileInput,
    output: ReferenceImportReport,
  },
  /** Write the papers a filter selects (a selection, collection, tag, query, or everything) as a file or a formatted list. Gives missing citation keys. */
  'references.export': {
    kind: 'write', changes: ['papers'],
    input: z.object({
      filters: PaperFilters,
      format: z.enum(EXPORT_FORMATS),
      /** BibTeX/BibLaTeX: non-ASCII as LaTeX commands. */
      ascii: z.boolean().default(false),
      /** markdown/text: the CSL style of the list (default apa). */
      styleId: STYLE_ID.default('apa'),
    }),
    output: z.object({ text: z.string(), count: z.number().int(), fileName: z.string(), keysAssigned: z.number().int() }),
  },
  /** Formatted bibliography entries or one in-text citation for papers, in a CSL style. */
  'cite.format': {
    kind: 'read', reads: ['papers', 'paper_authors', 'csl_styles'],
    input: z.object({
      paperIds: z.array(Id).min(1).max(5000),
      styleId: STYLE_ID,
      mode: z.enum(['bibliography', 'citation']).default('bibliography'),
      output: z.enum(['text', 'html', 'markdown']).default('text'),
      locale: z.string().regex(/^[a-z]{2}-[A-Z]{2}$/).optional(),
    }),
    output: z.object({ entries: z.array(z.string()), text: z.string() }),
  },
  /** The styles the picker offers: the bundled ones first, then the ones the user added. */
  'styles.list': {
    kind: 'read', reads: ['csl_styles'], input: z.object({}),
    output: z.array(z.object({ styleId: z.string(), title: z.string(), builtIn: z.boolean(), addedAt: z.string().nullable() })),
  },
  /** Add a .csl style (checked first: a broken file is refused with a clear message). Replaces a style with the same id. */
  'styles.add': {
    kind: 'write', changes: ['csl_styles'],
    input: z.object({ fileName: z.string().min(1).max(255), xml: z.string().min(1).max(4 * 1024 * 1024) }),
    output: z.object({ styleId: z.string(), title: z.string(), replaced: z.boolean() }),
  },
  'styles.remove': { kind: 'write', changes: ['csl_styles'], input: z.object({ styleId: STYLE_ID }), output: z.object({}) },
  /** Set a paper's citation key by hand (pinned), or null to unpin it and give it one from the pattern. */
  'papers.setCitationKey': {
    kind: 'undoableWrite', changes: ['papers'],
    input: z.object({ paperId: Id, key: z.string().max(200).nullable() }),
    output: z.object({ key: z.string() }),
  },
  /** The citation key pattern (`[auth:lower][year][shorttitle:lower]` by default). */
  'citationKeys.pattern': { kind: 'read', reads: ['settings'], input: z.object({}), output: z.object({ pattern: z.string(), isDefault: z.boolean() }) },
  /** Set the pattern (checked; an unknown field is refused with its column); keys already given are kept. Returns an example key. */
  'citationKeys.setPattern': { kind: 'write', changes: ['settings'], input: z.object({ pattern: z.string().min(1).max(200) }), output: z.object({ example: z.string() }) },
  /** Files kept exported, with when each was last written. */
  'keptExports.list': { kind: 'read', reads: ['kept_exports', 'collections'], input: z.object({}), output: z.array(KeptExport) },
  /** Keep a collection (or, with null, the library) exported to a file: written now and after every change. */
  'keptExports.set': {
    kind: 'write', changes: ['kept_exports', 'papers'],
    input: z.object({ collectionId: Id.nullable(), path: z.string().min(1).max(4096), format: z.enum(INTEROP_FORMATS), ascii: z.boolean().default(false) }),
    output: KeptExport,
  },
  'keptExports.remove': { kind: 'write', changes: ['kept_exports'], input: z.object({ id: Id }), output: z.object({}) },
} as const satisfies Record<string, ChannelSpec>;
