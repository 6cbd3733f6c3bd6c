/**
 * Normalisation applied to every paste before parsing (FORMATS.md section 1).
 * Content is never "fixed": LaTeX, dashes and quotes stay verbatim.
 */

const SPACES = /[\u00A0\u202F\u2009]/g;
// Zero-width characters, BOM, soft hyphen and direction marks are invisible in the page and only break matching.
const INVISIBLE = /[\u200B-\u200D\uFEFF\u00AD\u200E\u200F]/g;

/**
 * Split a paste into normalised lines.
 * @param text the raw pasted text (any line endings)
 * @returns one string per line (index i is line i+1 of the paste): CRLF/CR folded to LF, NBSP-like
 *   spaces turned into spaces, invisible characters removed, NFC, trailing whitespace stripped.
 *   TABs and blank lines are kept, so line numbers match the user's paste.
 */
export function normaliseLines(text: string): string[] {
  return text
    .replace(/\r\n?/g, '\n')
    .replace(SPACES, ' ')
    .replace(INVISIBLE, '')
    .normalize('NFC')
    .split('\n')
    .map((line) => line.replace(/[ \t]+$/, ''));
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
  return Number.isFinite(value) ? value : null;
}
