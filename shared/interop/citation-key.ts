/**
 * Citation keys from a pattern, as Better BibTeX users write them: `[auth:lower][year][shorttitle:lower]`
 * gives `smith2020deep`. Keys are made unique by the caller with `uniqueCitationKey` (a, b, ... suffixes).
 */
import type { CslItemJson } from './interop-record';

export const DEFAULT_CITATION_KEY_PATTERN = '[auth:lower][year][shorttitle:lower]';

/**
 * @param item the paper as a CSL item
 * @param pattern a key pattern (fields in brackets, filters after colons, literal text between)
 * @returns the base key: ASCII letters, digits and `-_:.` only; `ref` + year when the pattern gives nothing
 * @throws LecternError `INVALID_INPUT` naming the unknown field or filter and its column in the pattern
 */
export function formatCitationKey(item: CslItemJson, pattern: string): string {
  void item;
  void pattern;
  throw new Error('formatCitationKey: not implemented yet (h-bibwrite)');
}

/**
 * @param base the key from formatCitationKey
 * @param taken whether a key is already used by another paper
 * @returns `base` when free, else `base` + `a`, `b`, ... `z`, `aa`, ... (the first free one)
 */
export function uniqueCitationKey(base: string, taken: (key: string) => boolean): string {
  void base;
  void taken;
  throw new Error('uniqueCitationKey: not implemented yet (h-bibwrite)');
}
