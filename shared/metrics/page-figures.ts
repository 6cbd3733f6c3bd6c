/**
 * The figures the metrics panel sets side by side for an author: those the profile page itself showed
 * (latest snapshot per source) and those Lectern computes from the library's citation counts.
 */
import { z } from 'zod';
import { PasteSource } from '../paste/parsed';

/** A metric a page shows with no column of its own (ResearchGate reads, ACM downloads, ...). */
export const OtherMetric = z.object({ key: z.string(), value: z.union([z.number(), z.string()]) });

/** The latest figures one source's page showed for the author (null: not shown). */
export const PageFigures = z.object({
  source: PasteSource,
  /** The site, for people: `Google Scholar`. */
  site: z.string(),
  /** ISO 8601 UTC time of the import that read them. */
  capturedAt: z.string(),
  hIndex: z.number().int().nullable(),
  citations: z.number().int().nullable(),
  i10Index: z.number().int().nullable(),
  paperCount: z.number().int().nullable(),
  hIndexRecent: z.number().int().nullable(),
  citationsRecent: z.number().int().nullable(),
  i10IndexRecent: z.number().int().nullable(),
  /** The year the page's "recent" figures count from (Google Scholar "Since 2021"). */
  recentSinceYear: z.number().int().nullable(),
  highlyInfluentialCitations: z.number().int().nullable(),
  noveltyPct: z.number().nullable(),
  aiScore: z.number().nullable(),
  other: z.array(OtherMetric),
  /** Citations per year as the page's histogram showed them, ascending by year; empty when not shown. */
  citationsPerYear: z.array(z.object({ year: z.number().int(), citations: z.number().int() })),
});
export type PageFigures = z.infer<typeof PageFigures>;

/** The library's own indices over the author's papers with a citation count (shared/metrics/citation-indices.ts). */
export const LibraryFigures = z.object({
  papersCounted: z.number().int(),
  totalCitations: z.number().int(),
  hIndex: z.number().int(),
  gIndex: z.number().int(),
  i10Index: z.number().int(),
});
export type LibraryFigures = z.infer<typeof LibraryFigures>;

/** A stored JSON text that holds an object (not an array), parsed; null for null, malformed JSON or any other value. */
function jsonObjectOf(json: string | null): Record<string, unknown> | null {
  if (json === null) return null;
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch {
    return null;
  }
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : null;
}

/**
 * Read a snapshot's stored per-year counts: a JSON object year -> count. Pairs by year (the keys), never
 * by position; keys that are not years and values that are not counts are left out.
 * @param json the stored text, or null
 * @returns ascending by year; [] for null, malformed JSON or a non-object
 */
export function citationsPerYearOf(json: string | null): Array<{ year: number; citations: number }> {
  const value = jsonObjectOf(json);
  if (value === null) return [];
  const out: Array<{ year: number; citations: number }> = [];
  for (const [key, count] of Object.entries(value)) {
    const year = Number(key);
    if (!/^\d{4}$/.test(key) || typeof count !== 'number' || !Number.isInteger(count) || count < 0) continue;
    out.push({ year, citations: count });
  }
  return out.sort((a, b) => a.year - b.year);
}

/**
 * Read a snapshot's stored other metrics (JSON object of numbers or strings), keys sorted.
 * @returns [] for malformed JSON; values that are neither numbers nor strings are left out
 */
export function otherMetricsOf(json: string | null): Array<{ key: string; value: number | string }> {
  const value = jsonObjectOf(json);
  if (value === null) return [];
  return Object.entries(value)
    .filter((e): e is [string, number | string] => (typeof e[1] === 'number' && Number.isFinite(e[1])) || typeof e[1] === 'string')
    .map(([key, v]) => ({ key, value: v }))
    .sort((a, b) => a.key.localeCompare(b.key));
}
