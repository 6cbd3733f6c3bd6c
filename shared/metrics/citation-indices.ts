/**
 * Citation indices over a set of papers' citation counts. Pure functions: counts in, numbers out.
 * Papers whose count is unknown (null) are left out; an empty input gives 0 (or null for means).
 */

function known(citations: ReadonlyArray<number | null>): number[] {
  return citations.filter((c): c is number => c !== null && Number.isFinite(c) && c >= 0);
}

function descending(citations: ReadonlyArray<number | null>): number[] {
  return known(citations).sort((a, b) => b - a);
}

/**
 * h-index: the largest h such that h papers have at least h citations each.
 * Source: J. E. Hirsch, "An index to quantify an individual's scientific research output", PNAS 102(46), 2005.
 * @param citations citation count per paper (null = unknown, ignored)
 * @returns h (0 when no paper has a citation)
 */
export function hIndex(citations: ReadonlyArray<number | null>): number {
  const sorted = descending(citations);
  let h = 0;
  while (h < sorted.length && sorted[h]! >= h + 1) h++;
  return h;
}

/**
 * g-index: the largest g such that the g most-cited papers together have at least g² citations.
 * g is bounded by the number of papers (Egghe's definition without fictitious zero-citation papers).
 * Source: L. Egghe, "Theory and practise of the g-index", Scientometrics 69(1), 2006.
 * @returns g (0 for no papers or no citations)
 */
export function gIndex(citations: ReadonlyArray<number | null>): number {
  const sorted = descending(citations);
  let sum = 0;
  let g = 0;
  for (let i = 0; i < sorted.length; i++) {
    sum += sorted[i]!;
    if (sum >= (i + 1) * (i + 1)) g = i + 1;
  }
  return g;
}

/**
 * i10-index: the number of papers with at least 10 citations.
 * Source: Google Scholar Citations (introduced July 2011; "i10-index" in the profile's "Cited by" table).
 */
export function i10Index(citations: ReadonlyArray<number | null>): number {
  return known(citations).filter((c) => c >= 10).length;
}

export interface CitationSummary {
  /** Papers with a known citation count. */
  papersCounted: number;
  totalCitations: number;
  /** totalCitations / papersCounted; null when no paper is counted. */
  meanCitations: number | null;
  hIndex: number;
  gIndex: number;
  i10Index: number;
  /**
   * totalCitations / years of activity, where years = currentYear - first publication year + 1
   * (Hirsch 2005 divides h by the same span to get m); null without a dated, counted paper.
   */
  citationsPerYear: number | null;
}

/**
 * Every citation figure for a set of papers.
 * @param papers citation count (null = unknown) and publication year (null = unknown) per paper
 * @param currentYear the year to measure activity up to (e.g. new Date().getFullYear())
 */
export function summariseCitations(papers: ReadonlyArray<{ citations: number | null; year: number | null }>, currentYear: number): CitationSummary {
  const counts = papers.map((p) => p.citations);
  const counted = known(counts);
  const total = counted.reduce((a, b) => a + b, 0);
  const years = papers.filter((p) => p.citations !== null && p.year !== null).map((p) => p.year!);
  const first = years.length ? Math.min(...years) : null;
  return {
    papersCounted: counted.length,
    totalCitations: total,
    meanCitations: counted.length ? total / counted.length : null,
    hIndex: hIndex(counts),
    gIndex: gIndex(counts),
    i10Index: i10Index(counts),
    citationsPerYear: first === null ? null : total / Math.max(1, currentYear - first + 1),
  };
}
