/** One format's detection score and parser on a text, as the paste thread would run them after normalising. */
import { formatById } from '../../../shared/paste/formats';
import { normaliseLines } from '../../../shared/paste/normalise';
import type { FormatId } from '../../../shared/paste/paste-format';

/**
 * @param id the format to run
 * @param text the raw paste
 * @returns the number of papers the parser returned (the outcome itself is not posted back: 100 KB of it)
 */
export function parseAs(id: FormatId, text: string): number {
  const format = formatById(id);
  const lines = normaliseLines(text);
  format.signatures(lines);
  return format.parse(lines).profile.papers.length;
}
