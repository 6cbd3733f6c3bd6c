/**
 * What the contract does with control characters in text from the window, the command line or an HTTP
 * client, decided per kind of field (every string input of shared/contract.ts is one of these or is
 * already limited by a pattern: setting keys, job ids, colours):
 *
 * - searchText (queries, quick filters, name filters of the author and affiliation menus, saved-search
 *   queries): a control character cannot be meant in a search, and a NUL would end FTS5's reading of
 *   the expression ("unterminated string"). Each C0 control (NUL, tab, line breaks, ESC …), DEL and C1
 *   control becomes a space, one for one, so the columns in INVALID_QUERY errors still point at what
 *   was typed.
 * - nameText (collection and saved-search names): a name is one line the user types; tabs and line
 *   breaks fold to spaces as the name is tidied, and any other control character is refused with a
 *   message saying so (it cannot be typed, only pasted or scripted). Tag names keep their own, older
 *   check (db/library/tag-names.ts), which refuses the same characters.
 * - freeText (note bodies, annotation comments): Markdown the user writes or pastes; only NUL is
 *   dropped, because SQLite's text functions and the FTS5 tokenizer stop at it, while any other
 *   character is kept as written (exports keep it verbatim; the command line escapes it on output).
 * - left as they are: pasted pages (kept verbatim in the library as the record of the import; the
 *   parser normalises its copy), filter values chosen from the facet lists (categories, affiliations:
 *   they must equal stored values, which come from pastes, and are compared as bound parameters, never
 *   put into SQL or FTS5 text) and settings values (stored as JSON text, in which NUL is `\u0000`;
 *   their size and depth are capped by shared/json-limits.ts).
 */
import { z } from 'zod';

// eslint-disable-next-line no-control-regex
const SEARCH_CONTROLS = /[\u0000-\u001f\u007f-\u009f]/g;
/** C0 controls other than tab, LF and CR, DEL, and C1 controls. */
// eslint-disable-next-line no-control-regex
const NAME_CONTROLS = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/;

/** Search text: each control character becomes a space (same length, so error columns stay right). */
export function cleanSearchText(text: string): string {
  return text.replace(SEARCH_CONTROLS, ' ');
}

/** A search field of at most `max` UTF-16 units; controls read as spaces. */
export function searchText(max: number, tooLong?: string) {
  return z
    .string()
    .max(max, tooLong)
    .transform(cleanSearchText);
}

/** A one-line name of at most `max` UTF-16 units; refused when it holds a control character other than tab or a line break. */
export function nameText(max: number) {
  return z
    .string()
    .max(max)
    .refine((s) => !NAME_CONTROLS.test(s), 'A name cannot contain control characters (such as NUL or terminal escape codes)');
}

/** Free text of at most `max` UTF-16 units; NUL characters are dropped. */
export function freeText(max: number) {
  return z
    .string()
    .max(max)
    .transform((s) => (s.includes('\u0000') ? s.replaceAll('\u0000', '') : s));
}
