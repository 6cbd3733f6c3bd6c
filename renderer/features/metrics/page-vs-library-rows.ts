/**
 * The rows of the metrics panel's comparison: each figure with the value every source's page showed
 * and the value the library computes, and the per-year citation series for the bar chart.
 */
import type { AuthorMetrics, PageFigures } from '../../../shared/contract';

type Cell = number | string | null;

export interface ComparisonRow {
  key: string;
  label: string;
  /** One per entry of `metrics.pageFigures`, in that order. */
  page: Cell[];
  /** The library's own value; null when it does not compute this figure. */
  library: Cell;
}

/** The "recent" figures carry the year they count from: "h-index since 2021". */
function recentLabel(what: string, figures: PageFigures[]): string {
  const years = [...new Set(figures.map((f) => f.recentSinceYear).filter((y): y is number => y !== null))];
  return years.length === 1 ? `${what} since ${years[0]}` : `${what}, recent years`;
}

/** `downloads_12_months` -> `Downloads 12 months`. */
export function metricLabel(key: string): string {
  const words = key.replace(/_/g, ' ').trim();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/**
 * The comparison table's rows. A row is kept only when some page or the library has a value for it.
 * @returns h-index, g-index, i10-index, citations, papers, the page's "recent" figures, then the
 *   page-only ones and its other metrics (sorted by key)
 */
export function comparisonRows(m: Pick<AuthorMetrics, 'pageFigures' | 'libraryFigures' | 'papersInLibrary'>): ComparisonRow[] {
  const pages = m.pageFigures;
  const lib = m.libraryFigures;
  const pick = (f: (p: PageFigures) => Cell) => pages.map(f);
  const rows: ComparisonRow[] = [
    { key: 'hIndex', label: 'h-index', page: pick((p) => p.hIndex), library: lib?.hIndex ?? null },
    { key: 'gIndex', label: 'g-index', page: pick(() => null), library: lib?.gIndex ?? null },
    { key: 'i10Index', label: 'i10-index', page: pick((p) => p.i10Index), library: lib?.i10Index ?? null },
    { key: 'citations', label: 'Citations', page: pick((p) => p.citations), library: lib?.totalCitations ?? null },
    { key: 'papers', label: 'Papers', page: pick((p) => p.paperCount), library: m.papersInLibrary },
    { key: 'hIndexRecent', label: recentLabel('h-index', pages), page: pick((p) => p.hIndexRecent), library: null },
    { key: 'citationsRecent', label: recentLabel('Citations', pages), page: pick((p) => p.citationsRecent), library: null },
    { key: 'i10IndexRecent', label: recentLabel('i10-index', pages), page: pick((p) => p.i10IndexRecent), library: null },
    { key: 'highlyInfluential', label: 'Highly influential citations', page: pick((p) => p.highlyInfluentialCitations), library: null },
    { key: 'novelty', label: 'Novelty', page: pick((p) => (p.noveltyPct === null ? null : `${p.noveltyPct}%`)), library: null },
    { key: 'aiScore', label: 'AI score', page: pick((p) => p.aiScore), library: null },
  ];
  const otherKeys = [...new Set(pages.flatMap((p) => p.other.map((o) => o.key)))].sort();
  for (const key of otherKeys) {
    rows.push({ key: `other:${key}`, label: metricLabel(key), page: pick((p) => p.other.find((o) => o.key === key)?.value ?? null), library: null });
  }
  return rows.filter((r) => r.library !== null || r.page.some((v) => v !== null));
}

/**
 * The bar chart's data: one bar per year from the first to the last year the page shows, paired by
 * year; a year the page does not show is null (no bar), never a neighbour's count.
 */
export function perYearSeries(perYear: PageFigures['citationsPerYear']): Array<{ year: number; citations: number | null }> {
  if (perYear.length === 0) return [];
  const byYear = new Map(perYear.map((p) => [p.year, p.citations]));
  const first = Math.min(...byYear.keys());
  const last = Math.max(...byYear.keys());
  const out: Array<{ year: number; citations: number | null }> = [];
  for (let y = first; y <= last; y++) out.push({ year: y, citations: byYear.get(y) ?? null });
  return out;
}
