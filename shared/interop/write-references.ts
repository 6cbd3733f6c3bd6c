/** One entry point for writing records in any supported format. */
import { writeBibtex } from './bibtex/write';
import { writeCslJson } from './csl-json/write';
import type { InteropFormat, InteropRecord } from './interop-record';
import { writeRis } from './ris/write';

/**
 * @param options.ascii BibTeX/BibLaTeX only: non-ASCII as LaTeX commands
 * @returns the file's text
 */
export function writeReferences(records: readonly InteropRecord[], format: InteropFormat, options: { ascii?: boolean } = {}): string {
  if (format === 'bibtex' || format === 'biblatex') return writeBibtex(records, { dialect: format, ascii: options.ascii });
  if (format === 'ris') return writeRis(records);
  return writeCslJson(records);
}

/** The usual file extension of each format (without the dot). */
export const FORMAT_EXTENSIONS: Record<InteropFormat, string> = { bibtex: 'bib', biblatex: 'bib', ris: 'ris', 'csl-json': 'json' };
