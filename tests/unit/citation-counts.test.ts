/**
 * Citation counts per paper and source (paper_citation_counts), papers.citations as the largest, and
 * what the paper detail, the table and the library's own indices make of them; imports of pages that are
 * not profiles; the metrics a snapshot keeps beyond its columns.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { importProfile } from '../../db/library/import-profile';
import { openLibrary, type Library } from '../../db/open';
import { call } from '../../electron/handlers/dispatch';
import { closeHandlers, createHandlers, type Handlers } from '../../electron/handlers/handlers';
import type { ParsedAuthor, ParsedPaper, ParsedProfile, ParseOutcome, PasteSource } from '../../shared/paste/parsed';
import { fixtureExpected, tempLibraryFile } from './helpers/fixtures';

const NO_REPORT = { skipped: [], incompleteTail: null, warnings: [] };

function paper(p: Partial<ParsedPaper>): ParsedPaper {
  return {
    title: 'Tabular priors for speech', authors: ['Henrik Ødegård', 'Anneke de Jong'], authors_truncated: false, author_count: null, equal_contribution: [],
    affiliations: [], date: null, year: 2019, venue: null, pages: null, type: null, category: [], citations: null, abstract: null,
    abstract_truncated: false, tldr: null, ids: {}, has_code: null, has_pdf: null, extra: {}, ...p,
  };
}

function outcome(source: PasteSource, papers: ParsedPaper[], author: ParsedAuthor | null = null): ParseOutcome {
  return { profile: { source, author, papers }, report: NO_REPORT };
}

function rows(lib: Library) {
  return lib.db.$client.prepare('SELECT paper_id, source, count, read_on, import_id FROM paper_citation_counts ORDER BY paper_id, source').all();
}

let lib: Library;
let h: Handlers;
beforeEach(() => {
  lib = openLibrary(tempLibraryFile());
  h = createHandlers(lib);
});
afterEach(async () => {
  await closeHandlers(h);
  lib.close();
});

describe('citation counts per source', () => {
  it('keeps one row per source, the largest in papers.citations, and updates the date on a re-import', async () => {
    importProfile(lib.db, 'gs 1', outcome('google_scholar', [paper({ citations: 120 })]), { now: '2026-12-01T09:00:00.000Z' });
    importProfile(lib.db, 's2 1', outcome('semantic_scholar', [paper({ citations: 95 })]), { now: '2026-12-03T09:00:00.000Z' });
    expect(rows(lib)).toEqual([
      { paper_id: 1, source: 'google_scholar', count: 120, read_on: '2026-12-01', import_id: 1 },
      { paper_id: 1, source: 'semantic_scholar', count: 95, read_on: '2026-12-03', import_id: 2 },
    ]);
    expect(lib.db.$client.prepare('SELECT citations FROM papers').all()).toEqual([{ citations: 120 }]);

    // Google Scholar a week later: the same count, another day (the page's text differs elsewhere).
    const again = importProfile(lib.db, 'gs 2', outcome('google_scholar', [paper({ citations: 120 })]), { now: '2026-12-07T09:00:00.000Z' });
    expect(again).toMatchObject({ unchanged: 1, updated: 0 });
    expect(rows(lib)[0]).toEqual({ paper_id: 1, source: 'google_scholar', count: 120, read_on: '2026-12-07', import_id: 3 });

    // Semantic Scholar now counts more: it becomes the paper's count, and the paper is `updated`.
    const more = importProfile(lib.db, 's2 2', outcome('semantic_scholar', [paper({ citations: 131 })]), { now: '2026-12-08T09:00:00.000Z' });
    expect(more).toMatchObject({ updated: 1 });
    expect(lib.db.$client.prepare('SELECT citations FROM papers').all()).toEqual([{ citations: 131 }]);

    const detail = await call(h, 'papers.get', { id: 1 });
    expect(detail.citationCounts).toEqual([
      { source: 'semantic_scholar', site: 'Semantic Scholar', count: 131, readOn: '2026-12-08' },
      { source: 'google_scholar', site: 'Google Scholar', count: 120, readOn: '2026-12-07' },
    ]);
    // The table's Citations column and the library's own indices read the largest count.
    expect((await call(h, 'papers.list', {})).rows[0]!.citations).toBe(131);
    expect((await call(h, 'metrics.selection', {})).citations).toMatchObject({ totalCitations: 131, hIndex: 1, i10Index: 1 });
  });

  it('leaves the counts alone when a page shows none, and writes no row for a paper without one', () => {
    importProfile(lib.db, 'gs', outcome('google_scholar', [paper({ citations: 12 })]), { now: '2026-12-01T09:00:00.000Z' });
    importProfile(lib.db, 'orcid', outcome('orcid', [paper({ citations: null }), paper({ title: 'Another', citations: null })]), { now: '2026-12-02T09:00:00.000Z' });
    expect(rows(lib)).toEqual([{ paper_id: 1, source: 'google_scholar', count: 12, read_on: '2026-12-01', import_id: 1 }]);
    expect(lib.db.$client.prepare('SELECT id, citations FROM papers ORDER BY id').all()).toEqual([
      { id: 1, citations: 12 },
      { id: 2, citations: null },
    ]);
  });

  it('attributes a count stored by an earlier release to the import that wrote it before adding another source', async () => {
    importProfile(lib.db, 'sf', outcome('scholarfeed', [paper({ citations: 300 })]), { now: '2026-11-20T09:00:00.000Z' });
    // As a library made before per-source counts: papers.citations, no rows.
    lib.db.$client.exec('DELETE FROM paper_citation_counts');
    expect((await call(h, 'papers.get', { id: 1 })).citationCounts).toEqual([{ source: 'scholarfeed', site: 'scholarfeed', count: 300, readOn: '2026-11-20' }]);
    importProfile(lib.db, 'gs', outcome('google_scholar', [paper({ citations: 250 })]), { now: '2026-12-01T09:00:00.000Z' });
    expect(rows(lib)).toEqual([
      { paper_id: 1, source: 'google_scholar', count: 250, read_on: '2026-12-01', import_id: 2 },
      { paper_id: 1, source: 'scholarfeed', count: 300, read_on: '2026-11-20', import_id: 1 },
    ]);
    expect(lib.db.$client.prepare('SELECT citations FROM papers').get()).toEqual({ citations: 300 });
  });

  it('stores the whole record and the name parts, and answers them through papers.get', async () => {
    const gs = fixtureExpected('google-scholar');
    importProfile(lib.db, 'gs fixture', { profile: gs as unknown as ParsedProfile, report: NO_REPORT }, { now: '2026-12-07T09:00:00.000Z' });
    const id = (lib.db.$client.prepare(`SELECT id FROM papers WHERE title LIKE 'Speech Communication%' OR volume = '59'`).get() as { id: number }).id;
    const d = await call(h, 'papers.get', { id });
    expect(d).toMatchObject({ itemType: 'article-journal', venue: 'Computational Linguistics', volume: '59', issue: '11', page: '713-726', keywords: [], editedFields: [], sourceValues: {} });
    expect(d.extra).toEqual({ printed_venue: 'Computational Linguistics 59 (11), 713-726' });
    expect(d.citationCounts).toEqual([{ source: 'google_scholar', site: 'Google Scholar', count: 390, readOn: '2026-12-07' }]);
    expect(d.authorLinks.map(({ printedName, given, family, nonDroppingParticle }) => ({ printedName, given, family, nonDroppingParticle }))).toEqual([
      { printedName: 'A bin Yusof', given: 'A.', family: 'Yusof', nonDroppingParticle: 'bin' },
      { printedName: 'H Ødegård', given: 'H.', family: 'Ødegård', nonDroppingParticle: null },
    ]);
    const arxiv = lib.db.$client.prepare(`SELECT item_type, arxiv_id, venue FROM papers WHERE arxiv_id = '2511.90602'`).get();
    expect(arxiv).toEqual({ item_type: 'article', arxiv_id: '2511.90602', venue: 'arXiv preprint arXiv:2511.90602' });
    // A GS import twice over the same text stores nothing the second time.
    expect(importProfile(lib.db, 'gs fixture', { profile: gs as unknown as ParsedProfile, report: NO_REPORT })).toMatchObject({ alreadyImported: true, updated: 0 });
  });
});

describe('pages that are not profiles', () => {
  it('imports an arXiv listing without an author card, and the imports list shows it without an author', async () => {
    const listing = fixtureExpected('arxiv-listing');
    const report = importProfile(lib.db, 'listing', { profile: listing as unknown as ParsedProfile, report: NO_REPORT });
    expect(report).toMatchObject({ author: null, snapshotAdded: false, added: listing.papers.length });
    expect(lib.db.$client.prepare('SELECT COUNT(*) AS n FROM author_metric_snapshots').get()).toEqual({ n: 0 });
    const [imp] = await call(h, 'imports.list', {});
    expect(imp).toMatchObject({ format: 'arxiv_listing', author: null, added: listing.papers.length, papersInLibrary: listing.papers.length });
    const first = await call(h, 'papers.get', { id: 1 });
    expect(first).toMatchObject({ itemType: 'article', arxivId: '2506.90031', arxivVersion: null, citationCounts: [] });
    expect(first.extra).toEqual({ formats: ['pdf', 'other'], listing_section: 'new', comments: 'Accepted at ACL 2025 (main conference)', has_pdf: true, type_label: 'preprint' });
  });
});

describe('metric snapshots', () => {
  const author = (metrics: ParsedAuthor['metrics'], extra: Record<string, unknown> = {}): ParsedAuthor => ({ name: 'Henrik Ødegård', affiliation: null, interests: [], homepage: null, ids: {}, metrics, extra });

  it('keeps the metrics without a column in otherMetrics and the per-year citations in citationsPerYear', () => {
    importProfile(lib.db, 'rg', outcome('researchgate', [], author({ citations: 1204, paper_count: 19, reads: 12486 })), { now: '2026-12-01T09:00:00.000Z' });
    importProfile(
      lib.db,
      'gs',
      outcome('google_scholar', [], author({ citations: 4210, h_index: 21 }, { citations_per_year: { 2024: 530, 2019: 412, 2025: 611, junk: 3 } })),
      { now: '2026-12-02T09:00:00.000Z' },
    );
    importProfile(lib.db, 'acm', outcome('acm_dl', [], author({ citations: 88, publication_years: '2014 - 2024', downloads_6_weeks: 512 })), { now: '2026-12-03T09:00:00.000Z' });
    expect(lib.db.$client.prepare('SELECT source, citations, other_metrics, citations_per_year FROM author_metric_snapshots ORDER BY id').all()).toEqual([
      { source: 'researchgate', citations: 1204, other_metrics: '{"reads":12486}', citations_per_year: null },
      { source: 'google_scholar', citations: 4210, other_metrics: '{}', citations_per_year: '{"2019":412,"2024":530,"2025":611}' },
      { source: 'acm_dl', citations: 88, other_metrics: '{"downloads_6_weeks":512,"publication_years":"2014 - 2024"}', citations_per_year: null },
    ]);
  });

  it('adds a snapshot when only a metric without a column changed', () => {
    const first = importProfile(lib.db, 'rg 1', outcome('researchgate', [], author({ reads: 100 })));
    const same = importProfile(lib.db, 'rg 2', outcome('researchgate', [], author({ reads: 100 })));
    const more = importProfile(lib.db, 'rg 3', outcome('researchgate', [], author({ reads: 140 })));
    expect([first.snapshotAdded, same.snapshotAdded, more.snapshotAdded]).toEqual([true, false, true]);
  });
});
