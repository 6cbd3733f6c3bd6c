/** CSL names as a BibTeX name list: `von Last, Jr., First` joined by ` and `, organisations in braces. */
import type { CslNameJson } from '../interop-record';
import { type EncodeOptions, encodeText } from './latex-encode';

/** A name part BibTeX would split or misread: a comma, or the word `and` (which separates names). */
const SPLITS_NAME = /,|(?:^|\s)and(?:\s|$)/i;

/** @returns the part escaped, and braced when it holds a comma or the word "and" so BibTeX keeps it whole */
function part(value: string, options: EncodeOptions): string {
  const encoded = encodeText(value, options);
  return (value.includes(',') || value.includes('nd') || value.includes('ND')) && SPLITS_NAME.test(value) ? `{${encoded}}` : encoded;
}

const PLAIN: EncodeOptions = { ascii: false };
const ASCII: EncodeOptions = { ascii: true };

/**
 * @param name a CSL name
 * @param ascii non-ASCII as LaTeX commands
 * @returns `van der Berg, Jan`, `Smith, Jr., John`, `{Barnes and Noble}` (literal), `Plato` (family only);
 *   an empty string for a name with no part at all
 */
export function formatName(name: CslNameJson, ascii: boolean): string {
  const options = ascii ? ASCII : PLAIN;
  const literal = name.literal?.trim();
  if (literal !== undefined && literal !== '') return `{${encodeText(literal, options)}}`;
  const family = name.family?.trim() ?? '';
  const given = name.given?.trim() ?? '';
  if (family === '') return given === '' ? '' : `{${encodeText(given, options)}}`;
  const dropping = name['dropping-particle']?.trim();
  const nonDropping = name['non-dropping-particle']?.trim();
  const suffix = name.suffix?.trim();
  // A family name alone with several words would be read as first names + last name: braced.
  if (given === '' && suffix === undefined && nonDropping === undefined && dropping === undefined && /\s/.test(family)) return `{${encodeText(family, options)}}`;
  // Particles are written lower-case-first as BibTeX expects of the "von" part; a capitalised one
  // (`Van` in `Van Gogh`) reads back as part of the family name, which prints the same.
  let last = part(family, options);
  if (nonDropping !== undefined && nonDropping !== '') last = `${encodeText(nonDropping, options)} ${last}`;
  // A dropping particle goes after the given name (`Beethoven, Ludwig van`, as Better BibTeX writes it; the
  // reader takes trailing lower-case words of the given name back as one); without a given name, before the family.
  let first = part(given, options);
  if (dropping !== undefined && dropping !== '') {
    if (given === '') last = `${encodeText(dropping, options)} ${last}`;
    else first = `${first} ${encodeText(dropping, options)}`;
  }
  if (suffix !== undefined && suffix !== '') return `${last}, ${part(suffix, options)}, ${first}`;
  return given === '' ? last : `${last}, ${first}`;
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
