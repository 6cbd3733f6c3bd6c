/** Writing records as BibTeX or BibLaTeX. */
import type { InteropRecord } from '../interop-record';

export interface BibtexWriteOptions {
  dialect: 'bibtex' | 'biblatex';
  /** Write non-ASCII as LaTeX commands (`{\"u}`) instead of UTF-8. */
  ascii?: boolean;
}

/**
 * @returns valid LaTeX: one entry per record keyed by its citation key, special characters escaped,
 *   protected capitals braced, names as `Family, Given` (particles, `Jr.`), corporate names in braces
 */
export function writeBibtex(records: readonly InteropRecord[], options: BibtexWriteOptions): string {
  void records;
  void options;
  throw new Error('writeBibtex: not implemented yet (h-bibwrite)');
}
