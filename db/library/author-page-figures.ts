/**
 * The two sides of the metrics panel's comparison for one author: the figures each source's page showed
 * (its latest snapshot) and the library's own indices over the author's papers.
 */
import { sql } from 'drizzle-orm';
import type { LibraryFigures, PageFigures } from '../../shared/metrics/page-figures';
import { citationsPerYearOf, otherMetricsOf } from '../../shared/metrics/page-figures';
import { FORMATS } from '../../shared/paste/formats';
import type { PasteSource } from '../../shared/paste/parsed';
import type { SelectionMetrics } from '../../shared/contract/papers-metrics';
import type { LibraryDb } from '../open';

interface SnapshotRow {
  source: string;
  captured_at: string;
  h_index: number | null;
  citations: number | null;
  i10_index: number | null;
  paper_count: number | null;
  h_index_recent: number | null;
  citations_recent: number | null;
  i10_index_recent: number | null;
  recent_since_year: number | null;
  highly_influential_citations: number | null;
  novelty_pct: number | null;
  ai_score: number | null;
  other_metrics: string;
  citations_per_year: string | null;
}

/** The site of a source, for people (`Google Scholar`); the first format reporting it names it. */
function siteOf(source: string): string {
  return FORMATS.find((f) => f.source === source)?.site ?? source;
}

/**
 * The latest snapshot of each source for an author.
 * @returns one entry per source, most recent capture first; citationsPerYear paired by year (the stored
 *   object's keys), ascending
 */
export function latestPageFigures(db: LibraryDb, authorId: number): PageFigures[] {
  const rows = db.all<SnapshotRow>(sql`
    SELECT s.source, s.captured_at, s.h_index, s.citations, s.i10_index, s.paper_count, s.h_index_recent, s.citations_recent,
           s.i10_index_recent, s.recent_since_year, s.highly_influential_citations, s.novelty_pct, s.ai_score, s.other_metrics, s.citations_per_year
    FROM author_metric_snapshots s
    WHERE s.author_id = ${authorId} AND s.id = (
      SELECT s2.id FROM author_metric_snapshots s2 WHERE s2.author_id = s.author_id AND s2.source = s.source ORDER BY s2.captured_at DESC, s2.id DESC LIMIT 1)
    ORDER BY s.captured_at DESC, s.id DESC`);
  return rows.map((r) => ({
    source: r.source as PasteSource,
    site: siteOf(r.source),
    capturedAt: r.captured_at,
    hIndex: r.h_index,
    citations: r.citations,
    i10Index: r.i10_index,
    paperCount: r.paper_count,
    hIndexRecent: r.h_index_recent,
    citationsRecent: r.citations_recent,
    i10IndexRecent: r.i10_index_recent,
    recentSinceYear: r.recent_since_year,
    highlyInfluentialCitations: r.highly_influential_citations,
    noveltyPct: r.novelty_pct,
    aiScore: r.ai_score,
    other: otherMetricsOf(r.other_metrics),
    citationsPerYear: citationsPerYearOf(r.citations_per_year),
  }));
}

/**
 * The library's side: the indices selectionMetrics computes (shared/metrics/citation-indices.ts) over
 * the author's papers with a citation count.
 * @returns null when none of the author's papers has a count
 */
export function libraryFiguresOf(citations: SelectionMetrics['citations']): LibraryFigures | null {
  if (!citations) return null;
  const { papersCounted, totalCitations, hIndex, gIndex, i10Index } = citations;
  return { papersCounted, totalCitations, hIndex, gIndex, i10Index };
}
