/**
 * An author's metrics as a profile page showed them at one import (author_metric_snapshots): the metrics
 * with a column of their own, every other metric the page showed (ResearchGate reads, Scopus citing
 * documents, ACM downloads, ...) in `otherMetrics`, and Google Scholar's per-year citation histogram in
 * `citationsPerYear`.
 */
import { and, desc, eq } from 'drizzle-orm';
import type { ParsedAuthor, PasteSource } from '../../shared/paste/parsed';
import type { LibraryDb } from '../open';
import { authorMetricSnapshots } from '../schema';

type Tx = Parameters<Parameters<LibraryDb['transaction']>[0]>[0];

/** Snapshot columns and the profile metric each one stores. */
export const SNAPSHOT_FIELDS = [
  ['hIndex', 'h_index'],
  ['i10Index', 'i10_index'],
  ['citations', 'citations'],
  ['paperCount', 'paper_count'],
  ['hIndexRecent', 'h_index_recent'],
  ['citationsRecent', 'citations_recent'],
  ['i10IndexRecent', 'i10_index_recent'],
  ['recentSinceYear', 'recent_since_year'],
  ['highlyInfluentialCitations', 'highly_influential_citations'],
  ['noveltyPct', 'novelty_pct'],
  ['aiScore', 'ai_score'],
] as const;
const WITH_A_COLUMN = new Set<string>(SNAPSHOT_FIELDS.map(([, key]) => key));

/**
 * The per-year citation counts of `author.extra.citations_per_year` (`{"2019": 412, ...}`), with keys
 * that are years and values that are non-negative integers; null when absent or empty.
 */
export function citationsPerYearOf(extra: Record<string, unknown>): Record<string, number> | null {
  const raw = extra.citations_per_year;
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) return null;
  const years = Object.entries(raw as Record<string, unknown>)
    .filter((e): e is [string, number] => /^\d{4}$/.test(e[0]) && typeof e[1] === 'number' && Number.isInteger(e[1]) && e[1] >= 0)
    .sort(([a], [b]) => a.localeCompare(b));
  return years.length > 0 ? Object.fromEntries(years) : null;
}

/**
 * The columns of a snapshot of these metrics.
 * @returns the column values (null when the page did not show it), `otherMetrics` and `citationsPerYear`
 *   as JSON text (keys sorted, so equal metrics give equal text)
 */
export function snapshotValues(author: Pick<ParsedAuthor, 'metrics' | 'extra'>) {
  const values = Object.fromEntries(SNAPSHOT_FIELDS.map(([col, key]) => [col, author.metrics[key] ?? null])) as Record<(typeof SNAPSHOT_FIELDS)[number][0], number | null>;
  const other = Object.entries(author.metrics)
    .filter(([key, value]) => !WITH_A_COLUMN.has(key) && value !== undefined)
    .sort(([a], [b]) => a.localeCompare(b));
  const perYear = citationsPerYearOf(author.extra);
  return { ...values, otherMetrics: JSON.stringify(Object.fromEntries(other)), citationsPerYear: perYear === null ? null : JSON.stringify(perYear) };
}

/**
 * Adds a snapshot of the author's metrics unless the page showed none, or the author's latest snapshot
 * from this source holds the same figures.
 * @returns true when a snapshot was added
 */
export function addSnapshotIfChanged(tx: Tx, authorId: number, source: PasteSource, importId: number, capturedAt: string, author: Pick<ParsedAuthor, 'metrics' | 'extra'>): boolean {
  const values = snapshotValues(author);
  const columns = Object.keys(values) as Array<keyof typeof values>;
  if (SNAPSHOT_FIELDS.every(([col]) => values[col] === null) && values.otherMetrics === '{}' && values.citationsPerYear === null) return false;
  const latest = tx
    .select()
    .from(authorMetricSnapshots)
    .where(and(eq(authorMetricSnapshots.authorId, authorId), eq(authorMetricSnapshots.source, source)))
    .orderBy(desc(authorMetricSnapshots.capturedAt), desc(authorMetricSnapshots.id))
    .limit(1)
    .get();
  if (latest && columns.every((col) => latest[col] === values[col])) return false;
  tx.insert(authorMetricSnapshots).values({ authorId, source, importId, capturedAt, ...values }).run();
  return true;
}
