/** Formatted citations and bibliographies with citeproc-js, offline. */
import type { CslItemJson } from '../interop/interop-record';

export type CiteOutput = 'text' | 'html' | 'markdown';
export type CiteMode = 'bibliography' | 'citation';

/** A CSL style: its id (`apa`, or the style's own id for added styles) and the .csl XML. */
export interface CslStyleSource {
  id: string;
  xml: string;
}

/**
 * @param items the references (each with a unique `id`)
 * @param options.style the CSL style; options.locale (default en-US; the bundled locales)
 * @param options.mode `bibliography`: one entry per item, in the style's order; `citation`: one in-text
 *   citation for all the items together (`(Smith, 2020; Lee, 2021)`)
 * @returns the entries and the whole text joined for the clipboard (entries separated by a newline in
 *   text and Markdown, wrapped in the style's div in HTML)
 * @throws LecternError `INVALID_INPUT` when the style cannot format (said in words)
 */
export function formatReferences(
  items: readonly CslItemJson[],
  options: { style: CslStyleSource; mode: CiteMode; output: CiteOutput; locale?: string },
): { entries: string[]; text: string } {
  void items;
  void options;
  throw new Error('formatReferences: not implemented yet (h-cite)');
}
