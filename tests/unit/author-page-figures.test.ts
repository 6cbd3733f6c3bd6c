/** authors.metrics: the page's figures (latest per source) beside the library's own, and citations per year paired by year. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openLibrary, type Library } from '../../db/open';
import { authorMetricSnapshots } from '../../db/schema';
import { call } from '../../electron/handlers/dispatch';
import { createHandlers, type Handlers } from '../../electron/handlers/handlers';
import { citationsPerYearOf, otherMetricsOf } from '../../shared/metrics/page-figures';
import { fixtureText, tempLibraryFile } from './helpers/fixtures';

let lib: Library;
let h: Handlers;
let ownerId: number;
/** The scholarfeed fixture's author: no citation counts on any paper. */
let otherId: number;
beforeAll(async () => {
  lib = openLibrary(tempLibraryFile());
  h = createHandlers(lib);
  const report = await call(h, 'paste.import', { text: fixtureText('seed-profile') });
  ownerId = report.author!.id;
  lib.db.$client.prepare("UPDATE author_metric_snapshots SET captured_at = '2026-06-01T00:00:00.000Z'").run();
  otherId = (await call(h, 'paste.import', { text: fixtureText('scholarfeed') })).author!.id;
  // An older and a newer Google Scholar capture; the newer one's histogram has no 2021 and its keys out of order.
  lib.db.insert(authorMetricSnapshots).values([
    { authorId: ownerId, source: 'google_scholar', capturedAt: '2026-01-01T00:00:00.000Z', hIndex: 30, citations: 9000, citationsPerYear: '{"2019":1}' },
    {
      authorId: ownerId,
      source: 'google_scholar',
      capturedAt: '2026-12-01T00:00:00.000Z',
      hIndex: 40,
      citations: 15000,
      i10Index: 55,
      hIndexRecent: 35,
      citationsRecent: 12000,
      i10IndexRecent: 50,
      recentSinceYear: 2021,
      otherMetrics: '{"reads":120,"publication_years":"2014 - 2024"}',
      citationsPerYear: '{"2023":5000,"2020":900,"2022":3000,"abc":4,"2024":-1}',
    },
  ]).run();
  // Citation counts on three of the author's papers: 30, 12, 3.
  const ids = (await call(h, 'papers.list', { authorId: ownerId, sort: [{ column: 'title', desc: false }], limit: 3 })).rows.map((r) => r.id);
  const set = lib.db.$client.prepare('UPDATE papers SET citations = ? WHERE id = ?');
  [30, 12, 3].forEach((n, i) => set.run(n, ids[i]));
});
afterAll(() => lib.close());

describe('authors.metrics side by side', () => {
  it('gives the latest figures of each source, newest first, with site and date', async () => {
    const m = await call(h, 'authors.metrics', { id: ownerId });
    expect(m.pageFigures.map((f) => [f.source, f.capturedAt])).toEqual([
      ['google_scholar', '2026-12-01T00:00:00.000Z'],
      ['scholarfeed', '2026-06-01T00:00:00.000Z'],
    ]);
    const gs = m.pageFigures[0]!;
    expect(gs).toMatchObject({ site: 'Google Scholar', hIndex: 40, citations: 15000, i10Index: 55, hIndexRecent: 35, citationsRecent: 12000, i10IndexRecent: 50, recentSinceYear: 2021, aiScore: null });
    expect(gs.other).toEqual([
      { key: 'publication_years', value: '2014 - 2024' },
      { key: 'reads', value: 120 },
    ]);
    expect(m.pageFigures[1]).toMatchObject({ source: 'scholarfeed', hIndex: 38, citations: 14139, noveltyPct: 54, aiScore: 53, citationsPerYear: [], other: [] });
  });

  it("computes the library's own h-, g- and i10-index from the papers' citation counts", async () => {
    const m = await call(h, 'authors.metrics', { id: ownerId });
    // 30, 12, 3: h = 3 (3 papers with >= 3), g = 3 (45 >= 9), i10 = 2.
    expect(m.libraryFigures).toEqual({ papersCounted: 3, totalCitations: 45, hIndex: 3, gIndex: 3, i10Index: 2 });
  });

  it('pairs citations per year by year, leaving out a missing year and keys or counts that are not', async () => {
    const m = await call(h, 'authors.metrics', { id: ownerId });
    expect(m.pageFigures[0]!.citationsPerYear).toEqual([
      { year: 2020, citations: 900 },
      { year: 2022, citations: 3000 },
      { year: 2023, citations: 5000 },
    ]);
  });

  it('has no library figures for an author none of whose papers has a count', async () => {
    const m = await call(h, 'authors.metrics', { id: otherId });
    expect(m.pageFigures.map((f) => f.source)).toEqual(['scholarfeed']);
    expect(m.libraryFigures).toBeNull();
  });
});

describe('reading stored per-year counts and other metrics', () => {
  it('never throws on malformed JSON', () => {
    expect(citationsPerYearOf(null)).toEqual([]);
    expect(citationsPerYearOf('[1,2]')).toEqual([]);
    expect(citationsPerYearOf('{')).toEqual([]);
    expect(citationsPerYearOf('{"2021":2.5,"2020":3}')).toEqual([{ year: 2020, citations: 3 }]);
    expect(otherMetricsOf('nope')).toEqual([]);
    expect(otherMetricsOf('{"a":{"b":1},"c":2}')).toEqual([{ key: 'c', value: 2 }]);
  });
});
