/**
 * What a re-imported reference file does not change: values that say the same thing as the stored ones
 * in a poorer form. Without these rules two files that overlap (Google Scholar's export and dblp's) flip
 * a record back and forth on every import, and an older, sparser file downgrades a richer record.
 *
 * The rules (README, "Importing reference files"):
 * - a title equal to the stored one but for letter case, accents or punctuation: the one with more
 *   capital letters stays (Scholar lower-cases titles: `Attention is all you need` does not replace
 *   `Attention is All you Need`, and the other way round the capitals are taken);
 * - an author list equal to the stored one but for case, accents, dots or hyphens (`Aidan N` for
 *   `Aidan N.`, `Lukasz` for `Łukasz`): the stored list stays (db/library/keys.ts nameKey);
 * - a journal article whose venue is the stored venue cut short (Scholar's `@article` with
 *   `journal = {Advances in neural information processing systems}` for dblp's `@inproceedings` with
 *   `booktitle = {Advances in Neural Information Processing Systems 30}`): the stored type, venue and
 *   BibTeX entry type stay. A venue the file names more fully than the library does is taken.
 */
import type { papers } from '../schema';
import { nameKey, titleKey } from './keys';
import type { PaperRecordColumns } from './parsed-record';

type StoredRow = typeof papers.$inferSelect;

const capitals = (s: string) => s.replace(/[^\p{Lu}]/gu, '').length;

/** One venue's key starts the other's at a word boundary (`advances in neural ... systems` / `... systems 30`). */
function startsVenue(longer: string, shorter: string): boolean {
  return shorter !== '' && (longer === shorter || longer.startsWith(`${shorter} `));
}

/**
 * @param stored the paper's row before the import
 * @param merged mergeRecord()'s columns for the file's record (not changed)
 * @returns the columns to store: `merged` with the equivalent values put back to the stored ones
 */
export function keepEquivalentValues(stored: StoredRow, merged: PaperRecordColumns): PaperRecordColumns {
  const out: PaperRecordColumns = { ...merged };
  if (out.title !== stored.title && titleKey(out.title) === titleKey(stored.title) && capitals(out.title) <= capitals(stored.title)) {
    out.title = stored.title;
  }
  const storedVenue = stored.venue === null ? '' : titleKey(stored.venue);
  const nextVenue = out.venue === null ? '' : titleKey(out.venue);
  if (out.venue !== stored.venue && startsVenue(storedVenue, nextVenue)) {
    out.venue = stored.venue;
    if (out.itemType === 'article-journal' && stored.itemType !== 'article-journal') {
      out.itemType = stored.itemType;
      out.extra = withStoredBibtexType(out.extra, stored.extra);
    }
  }
  return out;
}

/**
 * @returns true when the two printed author lists name the same people in the same order, written
 *   differently only in case, accents, dots or hyphens
 */
export function sameAuthorList(stored: readonly string[], next: readonly string[]): boolean {
  return stored.length === next.length && stored.every((name, i) => nameKey(name) === nameKey(next[i]!));
}

/** `extra` with the stored `interop.bibtex_type` (the entry type a BibTeX export writes) put back. */
function withStoredBibtexType(extraText: string, storedText: string): string {
  const extra = parse(extraText);
  const storedType = (parse(storedText).interop as Record<string, unknown> | undefined)?.bibtex_type;
  const interop = { ...(extra.interop as Record<string, unknown> | undefined) };
  if (storedType === undefined) delete interop.bibtex_type;
  else interop.bibtex_type = storedType;
  return JSON.stringify({ ...extra, interop });
}

function parse(text: string): Record<string, unknown> {
  try {
    const v = JSON.parse(text) as unknown;
    return v !== null && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}
