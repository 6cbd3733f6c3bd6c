import { surname } from '../../shared/author-names';

/**
 * Matching keys. Two printed strings that differ only in case, accents, punctuation or spacing get the
 * same key, so a re-import finds the paper or author it already has.
 */

function fold(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    // Letters that NFKD does not decompose.
    .replace(/ł/g, 'l')
    .replace(/ø/g, 'o')
    .replace(/đ/g, 'd')
    .replace(/þ/g, 'th')
    .replace(/ß/g, 'ss')
    .replace(/æ/g, 'ae')
    .replace(/œ/g, 'oe')
    .replace(/ı/g, 'i');
}

/** Key of a title: folded, LaTeX commands and punctuation dropped, single spaces. `"DeepSeek-V3: Foo"` -> `"deepseek v3 foo"`. */
export function titleKey(title: string): string {
  return fold(title)
    .replace(/\\[a-z]+/g, ' ')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/** Key of a person or organisation name: folded, dots and hyphens as spaces. `"Z. Z. Ren"` -> `"z z ren"`. */
export function nameKey(name: string): string {
  return fold(name)
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/** Key of the surname: the last space-separated word as printed, folded (`"Marisol Quintero-Vance"` -> `"quintero vance"`, `"DeepSeek-AI"` -> `"deepseek ai"`). */
export function surnameKey(name: string): string {
  return nameKey(surname(name));
}

/** Sort key of a paper's first printed author: surname first, then the whole name (`"Z. Z. Ren"` -> `"ren z z ren"`). */
export function firstAuthorKey(authors: readonly string[]): string {
  const first = authors[0];
  return first === undefined ? '' : `${surnameKey(first)} ${nameKey(first)}`;
}
