/**
 * "Did you mean": the candidate nearest to a mistyped word (the search syntax's field names).
 */

/** Edit distance with adjacent transpositions (optimal string alignment); O(a × b), so short candidates only. */
function distance(a: string, b: string): number {
  const d: number[][] = Array.from({ length: a.length + 1 }, (_, i) => Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      d[i]![j] = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d[i]![j] = Math.min(d[i]![j]!, d[i - 2]![j - 2]! + 1);
    }
  }
  return d[a.length]![b.length]!;
}

/**
 * The candidate nearest to `word`, if near enough to be a typo.
 * @param word what was typed (lower-case it first to ignore case)
 * @param candidates the words it may have meant (short: each costs word.length × candidate.length)
 * @returns the first nearest candidate within max(1, ⌊word.length / 3⌋) edits, else null
 */
export function closestWord<T extends string>(word: string, candidates: readonly T[]): T | null {
  let best: T | null = null;
  let bestD = Infinity;
  for (const c of candidates) {
    const d = distance(word, c);
    if (d < bestD) [best, bestD] = [c, d];
  }
  return bestD <= Math.max(1, Math.floor(word.length / 3)) ? best : null;
}
