/** Reading a BibTeX or BibLaTeX file into records: fast for well-formed entries, tolerant of broken ones. */
import type { InteropReadResult, ReadOptions } from '../interop-record';

/**
 * @param text the whole file (decoded; BOM removed)
 * @param options progress (bytes done, bytes total) and cancel (-> LecternError `CANCELLED`)
 * @returns every entry that could be read (macros, `#`, month macros, crossref/xdata resolved; LaTeX
 *   decoded to Unicode, math kept as TeX), and one problem per entry that could not, with its line and column
 */
export async function readBibtex(text: string, options: ReadOptions = {}): Promise<InteropReadResult> {
  void text;
  void options;
  throw new Error('readBibtex: not implemented yet (h-bibread)');
}
