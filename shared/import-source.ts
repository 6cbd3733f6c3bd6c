/**
 * Where an import came from: a pasted page (PASTE_SOURCES) or a reference file (issue 11). Kept apart
 * from PASTE_SOURCES, which the paste detection and its parsers enumerate: a file format is never a
 * paste source to detect, only a source an import row and its report name.
 */
import { z } from 'zod';
import { PASTE_SOURCES } from './paste/parsed';

/** Reference file formats as an import's source (`imports.format`). */
export const FILE_IMPORT_SOURCES = ['bibtex', 'biblatex', 'ris', 'csl_json'] as const;
export const IMPORT_SOURCES = [...PASTE_SOURCES, ...FILE_IMPORT_SOURCES] as const;
export const ImportSource = z.enum(IMPORT_SOURCES);
export type ImportSource = z.infer<typeof ImportSource>;
export type FileImportSource = (typeof FILE_IMPORT_SOURCES)[number];

/** How a report names a file source ("Imported the BibTeX file: ..."). */
export const FILE_SOURCE_LABELS: Record<FileImportSource, string> = { bibtex: 'BibTeX file', biblatex: 'BibLaTeX file', ris: 'RIS file', csl_json: 'CSL-JSON file' };

export function isFileImportSource(source: string): source is FileImportSource {
  return (FILE_IMPORT_SOURCES as readonly string[]).includes(source);
}
