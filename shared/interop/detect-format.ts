/** Telling a pasted or dropped reference file's format from its text (not its name). */
import type { InteropFormat } from './interop-record';

/**
 * @param text the file or paste (BOM already removed)
 * @returns `bibtex` (BibTeX and BibLaTeX look alike: readers take both), `ris`, `csl-json`, or null
 *   when the text is none of them (a profile page, prose)
 */
export function detectReferenceFormat(text: string): InteropFormat | null {
  void text;
  throw new Error('detectReferenceFormat: not implemented yet (h-refs)');
}
