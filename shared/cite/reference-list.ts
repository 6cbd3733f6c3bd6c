/**
 * The plain-text and Markdown reference lists of the export menu and `lectern export`: a style's
 * bibliography, one entry per line, in the style's order (alphabetical for author-date styles, by number
 * for numeric ones).
 */
import type { CslItemJson } from '../interop/interop-record';
import { formatReferences, type CslStyleSource } from './format-references';

export type ReferenceListOutput = 'text' | 'markdown';

/** A numeric style's own label at the start of a Markdown entry: `1. ` (a list marker in Markdown). */
const NUMBER_DOT = /^(\d{1,9})\.\s+/;

/**
 * @param items the references (each with a unique `id`)
 * @param options.style the CSL style; options.locale as in formatReferences
 * @param options.output `text`: the style's entries, one per line (numeric styles carry their numbers);
 *   `markdown`: one Markdown list item per entry: an ordered item (`3. …`) where the style numbers its
 *   entries with `3.`, else a bullet (`- …`), the style's own label (`\[3\]`) kept in the text
 * @returns the list, each line ending with a newline; empty for no items
 * @throws LecternError `INVALID_INPUT` as formatReferences does (a style without a bibliography included)
 */
export function formatReferenceList(
  items: readonly CslItemJson[],
  options: { style: CslStyleSource; output: ReferenceListOutput; locale?: string },
): string {
  const { entries } = formatReferences(items, {
    style: options.style,
    mode: 'bibliography',
    output: options.output,
    ...(options.locale === undefined ? {} : { locale: options.locale }),
  });
  const lines = options.output === 'markdown' ? markdownListItems(entries) : entries;
  return lines.map((line) => `${line}\n`).join('');
}

/**
 * A bibliography's Markdown entries (citeproc's `markdown` output) as Markdown list items, for the
 * export's list and cite.format's Markdown bibliography (the Cite dialog's "Copy as Markdown").
 * @param entries one formatted entry each
 * @returns `3. …` where the style numbers an entry with `3.`, else `- …`; an entry's first character
 *   escaped where it would start another block
 */
export function markdownListItems(entries: readonly string[]): string[] {
  return entries.map(markdownItem);
}

function markdownItem(entry: string): string {
  const numbered = NUMBER_DOT.exec(entry);
  if (numbered) return `${numbered[1]}. ${blockSafe(entry.slice(numbered[0].length))}`;
  return `- ${blockSafe(entry)}`;
}

/**
 * An entry whose text starts like a Markdown block (a heading `#`, a quote `>`, a list marker `-`, `+`,
 * `1)`, a rule `=`) would turn into one inside its list item: that first character is escaped.
 */
function blockSafe(text: string): string {
  if (/^[#>+=-]/.test(text)) return `\\${text}`;
  const marker = /^\d{1,9}[.)]/.exec(text);
  return marker ? `${marker[0].slice(0, -1)}\\${marker[0].slice(-1)}${text.slice(marker[0].length)}` : text;
}
