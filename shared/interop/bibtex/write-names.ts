/** CSL names as a BibTeX name list: `von Last, Jr., First` joined by ` and `, organisations in braces. */
import type { CslNameJson } from '../interop-record';
import { encodeText } from './latex-encode';

/** A name part BibTeX would split or misread: a comma, or the word `and` (which separates names). */
const SPLITS_NAME = /,|(?:^|\s)and(?:\s|$)/i;

/**
 * @param name a CSL name
 * @param ascii non-ASCII as LaTeX commands
 * @returns `van der Berg, Jan`, `Smith, Jr., John`, `{Barnes and Noble}` (literal), `Plato` (family only);
 *   an empty string for a name with no part at all
 */
export function formatName(name: CslNameJson, ascii: boolean): string {
  const text = (value: string) => encodeText(value, { ascii });
  // A part that holds a comma or the word "and" is braced so BibTeX keeps it whole.
  const part = (value: string) => (SPLITS_NAME.test(value) ? `{${text(value)}}` : text(value));
  const family = name.family?.trim() ?? '';
  const given = name.given?.trim() ?? '';
  if (name.literal !== undefined && name.literal.trim() !== '') return `{${text(name.literal.trim())}}`;
  if (family === '') return given === '' ? '' : `{${text(given)}}`;
  // A family name alone with several words would be read as first names + last name: braced.
  if (given === '' && name.suffix === undefined && /\s/.test(family) && name['non-dropping-particle'] === undefined) return `{${text(family)}}`;
  const particles = [name['dropping-particle'], name['non-dropping-particle']]
    .map((p) => p?.trim() ?? '')
    .filter((p) => p !== '');
  // Particles are written lower-case-first as BibTeX expects of the "von" part; a capitalised one
  // (`Van` in `Van Gogh`) reads back as part of the family name, which prints the same.
  const last = [...particles.map(text), part(family)].join(' ');
  const suffix = name.suffix?.trim() ?? '';
  if (suffix !== '') return `${last}, ${part(suffix)}, ${part(given)}`;
  return given === '' ? last : `${last}, ${part(given)}`;
}

/** @returns the names joined by ` and ` (names with no part left out) */
export function formatNames(names: readonly CslNameJson[], ascii: boolean): string {
  let out = '';
  for (const name of names) {
    const one = formatName(name, ascii);
    if (one === '') continue;
    out = out === '' ? one : `${out} and ${one}`;
  }
  return out;
}
