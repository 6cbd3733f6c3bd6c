/**
 * Author lists as pages print them (FORMATS.md section 5.1 "Truncation markers" and "Names"): the
 * elision forms (` et al.`, `, ...`, `…`, `+3 authors`, `[...]`, `, + 3`, `N additional authors not
 * shown`) and equal-contribution marks (`*`, `†`). Shared by every source so each parser does not keep
 * its own copy. Linear: the list is split once and each item is looked at once.
 */

export interface AuthorList {
  /** Names as printed, markers removed, in page order. */
  authors: string[];
  /** The page elided some authors. */
  truncated: boolean;
  /** The total number of authors, only when the page states it (`+3 authors` -> shown + 3). */
  authorCount: number | null;
  /** Names that carried `*` or `†`. */
  equalContribution: string[];
}

const ELLIPSIS_ITEM = /^(?:\.{3}|…|\[\.{3}\]|\[…\])$/;
const PLUS_N = /^\+ ?(\d+)(?: (?:more )?authors?)?$/;
const N_NOT_SHOWN = /^(\d+) additional authors? not shown\)?$/;

/**
 * Split a printed author list.
 * @param text the list, e.g. `A, B*, C, et al.`, `A · B · [...] · Z`, `A, B, +3 authors, Z`
 * @param separator what separates names: `,` (default), `·`, `;`
 * @returns the names with elision and equal-contribution marks read into flags (see AuthorList)
 */
export function splitAuthorList(text: string, separator: ',' | '·' | ';' = ','): AuthorList {
  const authors: string[] = [];
  const equalContribution: string[] = [];
  let truncated = false;
  let added = 0;
  let stated: number | null = null;
  for (const raw of text.split(separator)) {
    let item = raw.trim();
    if (item === '') continue;
    // `et al.` may end the last name (`C et al.`) or stand alone (`, et al.`); also `(N additional authors not shown)`.
    const paren = item.indexOf('(');
    if (paren >= 0) {
      const inside = item.slice(paren + 1).trim();
      const n = N_NOT_SHOWN.exec(inside);
      if (n) {
        stated = Number(n[1]);
        truncated = true;
        item = item.slice(0, paren).trim();
      }
    }
    if (item.endsWith('et al.') || item.endsWith('et al')) {
      truncated = true;
      item = item.slice(0, item.lastIndexOf('et al')).trim();
      if (item === '') continue;
    }
    if (ELLIPSIS_ITEM.test(item)) {
      truncated = true;
      continue;
    }
    const plus = PLUS_N.exec(item);
    if (plus) {
      truncated = true;
      added += Number(plus[1]);
      continue;
    }
    if (item.endsWith('...') || item.endsWith('…')) {
      truncated = true;
      item = item.replace(/(?:\.{3}|…)$/, '').trim();
      if (item === '') continue;
    }
    const bare = withoutMarks(item);
    const marked = bare.length < item.length;
    item = bare.trim();
    if (item === '') continue;
    authors.push(item);
    if (marked) equalContribution.push(item);
  }
  const authorCount = stated !== null ? authors.length + stated : added > 0 ? authors.length + added : null;
  return { authors, truncated, authorCount, equalContribution };
}

/** The name without the equal-contribution marks (`*`, `†`, `‡`) at its end; a scan, not `/[*†‡]+$/` (quadratic on runs of `*`). */
function withoutMarks(item: string): string {
  let end = item.length;
  while (end > 0 && '*†‡'.includes(item[end - 1]!)) end--;
  return item.slice(0, end);
}
