/**
 * Where a search's terms occur in a piece of text, for highlighting in the table and the detail pane.
 * Pure; folds case and accents the way the full-text index does (SQLite unicode61, remove_diacritics 2),
 * so `zurich` highlights `Zürich`.
 */
import type { HighlightTerm } from './parse';

/** Lower-case, accents removed, one entry per UTF-16 unit of the folded text pointing back into the original. */
function foldWithMap(text: string): { folded: string; from: number[] } {
  let folded = '';
  const from: number[] = [];
  let i = 0;
  for (const ch of text) {
    const f = ch.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase();
    for (let k = 0; k < f.length; k++) from.push(i);
    folded += f;
    i += ch.length;
  }
  from.push(text.length);
  return { folded, from };
}

const WORD = /[\p{L}\p{N}]+/gu;

function words(text: string): string[] {
  return foldWithMap(text).folded.match(WORD) ?? [];
}

/**
 * Ranges of `text` to highlight: every place where a term's words appear in order, each starting a word;
 * the last word of a prefix term may be the start of a longer word (`prov` marks `Prov` in `Prover`).
 * @param text the text shown (a title, an abstract, an author name)
 * @param terms the `terms` of papers.list (or parseQuery)
 * @param field which part of the paper `text` is; terms limited to another field are skipped
 *   (`author` terms only apply to author names, `title` terms only to titles ...)
 * @returns sorted, non-overlapping [start, end) ranges in UTF-16 code units of `text`
 */
export function highlightRanges(text: string, terms: readonly HighlightTerm[], field: HighlightTerm['field'] = null): Array<[number, number]> {
  const { folded, from } = foldWithMap(text);
  const tokens = [...folded.matchAll(WORD)].map((m) => ({ word: m[0], start: m.index!, end: m.index! + m[0].length }));
  const ranges: Array<[number, number]> = [];
  for (const term of terms) {
    if (term.field !== null && term.field !== field) continue;
    const want = words(term.text);
    if (want.length === 0) continue;
    for (let i = 0; i + want.length <= tokens.length; i++) {
      let ok = true;
      let end = 0;
      for (let k = 0; k < want.length && ok; k++) {
        const t = tokens[i + k]!;
        const last = k === want.length - 1;
        if (last && term.prefix ? t.word.startsWith(want[k]!) : t.word === want[k]) end = last && term.prefix ? t.start + want[k]!.length : t.end;
        else ok = false;
      }
      if (ok) ranges.push([from[tokens[i]!.start]!, from[end]!]);
    }
  }
  ranges.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  const merged: Array<[number, number]> = [];
  for (const r of ranges) {
    const last = merged.at(-1);
    if (last && r[0] <= last[1]) last[1] = Math.max(last[1], r[1]);
    else merged.push([r[0], r[1]]);
  }
  return merged;
}
