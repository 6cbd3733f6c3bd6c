/** Formatted citations of papers in a CSL style (cite.format). */
import { formatReferences, type CiteMode, type CiteOutput } from '../../shared/cite/format-references';
import { inlineMargins } from '../../shared/cite/inline-margins';
import { markdownListItems } from '../../shared/cite/reference-list';
import type { LibraryDb } from '../open';
import { cslStyleSource } from './csl-styles';
import { paperCslItems } from './paper-records-out';
import { checkPaperIds } from './paper-ids';

/**
 * @param input.paperIds the papers, in the order to cite them (each item's id is its citation key, or its paper id)
 * @returns one entry per paper (bibliography) or the one in-text citation, and the text to copy; a
 *   Markdown bibliography's entries are list items (`- …`, or `1. …` for a style numbering with `1.`)
 *   so that pasted they stay a list, not one paragraph; in HTML a numbered style's label and entry are
 *   spans on one line (inlineMargins), not two divs
 * @throws LecternError `NOT_FOUND` (a paper or the style), `INVALID_INPUT` when the style cannot format
 */
export function citePapers(
  db: LibraryDb,
  input: { paperIds: number[]; styleId: string; mode: CiteMode; output: CiteOutput; locale?: string },
): { entries: string[]; text: string } {
  const ids = checkPaperIds(db, input.paperIds);
  const style = cslStyleSource(db, input.styleId);
  const done = formatReferences(paperCslItems(db, ids), { style, mode: input.mode, output: input.output, ...(input.locale ? { locale: input.locale } : {}) });
  if (input.mode !== 'bibliography') return done;
  if (input.output === 'html') return { entries: done.entries.map(inlineMargins), text: inlineMargins(done.text) };
  if (input.output !== 'markdown') return done;
  const entries = markdownListItems(done.entries);
  return { entries, text: entries.join('\n') };
}
