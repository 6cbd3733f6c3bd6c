/**
 * Normalisation applied to every paste before parsing (FORMATS.md section 1).
 * Content is never "fixed": LaTeX, dashes and quotes stay verbatim.
 */

const SPACES = /[\u00A0\u202F\u2009]/g;
// Zero-width characters, BOM, soft hyphen and direction marks are invisible in the page and only break matching.
const INVISIBLE = /[\u200B-\u200D\uFEFF\u00AD\u200E\u200F]/g;

/**
 * Split a paste into normalised lines. Every parser reads these lines, and a paste is normalised once:
 * detection and the parser share the result (see detect.ts).
 * @param text the raw pasted text (any line endings)
 * @returns one string per line (index i is line i+1 of the paste): CRLF/CR folded to LF, NBSP-like
 *   spaces turned into spaces, invisible characters removed, NFC, trailing spaces and TABs stripped.
 *   TABs inside a line and blank lines are kept, so line numbers match the user's paste.
 *   Linear in the length of the text.
 */
export function normaliseLines(text: string): string[] {
  return text
    .replace(/\r\n?/g, '\n')
    .replace(SPACES, ' ')
    .replace(INVISIBLE, '')
    .normalize('NFC')
    .split('\n')
    .map(trimEndBlanks);
}

/**
 * The line without the spaces and TABs at its end. A scan from the end rather than `/[ \t]+$/`: a
 * regular expression anchored at the end is tried from every blank of a run that does not reach the
 * end and rescans the run each time, so a long run of spaces inside a line took quadratic time (a 1 MB
 * line: minutes).
 */
function trimEndBlanks(line: string): string {
  let end = line.length;
  while (end > 0) {
    const c = line.charCodeAt(end - 1);
    if (c !== 0x20 && c !== 0x09) break;
    end--;
  }
  return end === line.length ? line : line.slice(0, end);
}

/**
 * Parse a count as printed on a profile page: `14,139`, `9415`, `1.2k`, `3M`.
 * @returns the integer, or null when the text is not a count.
 */
export function parseCount(text: string): number | null {
  const m = /^(\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?)\s*([kKM])?$/.exec(text.trim());
  if (!m) return null;
  const base = Number(m[1]!.replace(/,/g, ''));
  const scale = m[2] === undefined ? 1 : m[2] === 'M' ? 1_000_000 : 1_000;
  const value = Math.round(base * scale);
  // Not a count past the safe integers: a glued run of digits (a chart's year labels) is not a figure.
  return Number.isSafeInteger(value) ? value : null;
}
