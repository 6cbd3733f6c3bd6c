/** The metrics panel's comparison rows, the per-year series, the detection in words and the report as text. */
import { describe, expect, it } from 'vitest';
import type { ImportReportView, PageFigures } from '../../shared/contract';
import { comparisonRows, metricLabel, perYearSeries } from '../../renderer/features/metrics/page-vs-library-rows';
import { detectionWords } from '../../renderer/features/import/detection-words';
import { importReportText } from '../../renderer/features/import/import-report-text';

function page(over: Partial<PageFigures>): PageFigures {
  return {
    source: 'google_scholar', site: 'Google Scholar', capturedAt: '2026-12-01T00:00:00.000Z',
    hIndex: null, citations: null, i10Index: null, paperCount: null, hIndexRecent: null, citationsRecent: null, i10IndexRecent: null,
    recentSinceYear: null, highlyInfluentialCitations: null, noveltyPct: null, aiScore: null, other: [], citationsPerYear: [],
    ...over,
  };
}

describe('comparisonRows', () => {
  it('sets each page and the library side by side, keeping only rows with a value', () => {
    const rows = comparisonRows({
      pageFigures: [
        page({ hIndex: 40, citations: 15000, i10Index: 55, hIndexRecent: 35, recentSinceYear: 2021, other: [{ key: 'downloads_12_months', value: 300 }] }),
        page({ source: 'scholarfeed', site: 'scholarfeed', hIndex: 38, citations: 14139, paperCount: 18, noveltyPct: 54 }),
      ],
      libraryFigures: { papersCounted: 3, totalCitations: 45, hIndex: 3, gIndex: 3, i10Index: 2 },
      papersInLibrary: 18,
    });
    expect(rows.map((r) => [r.label, ...r.page, r.library])).toEqual([
      ['h-index', 40, 38, 3],
      ['g-index', null, null, 3],
      ['i10-index', 55, null, 2],
      ['Citations', 15000, 14139, 45],
      ['Papers', null, 18, 18],
      ['h-index since 2021', 35, null, null],
      ['Novelty', null, '54%', null],
      ['Downloads 12 months', 300, null, null],
    ]);
  });

  it('has no library values when no paper has a citation count', () => {
    const rows = comparisonRows({ pageFigures: [page({ hIndex: 4 })], libraryFigures: null, papersInLibrary: 0 });
    expect(rows.find((r) => r.key === 'hIndex')).toMatchObject({ page: [4], library: null });
    expect(rows.find((r) => r.key === 'gIndex')).toBeUndefined();
  });

  it('labels other metrics from their keys', () => {
    expect(metricLabel('avg_citations_per_article')).toBe('Avg citations per article');
  });
});

describe('perYearSeries', () => {
  it('pairs by year and leaves a missing year without a bar instead of shifting the counts', () => {
    expect(perYearSeries([{ year: 2019, citations: 3 }, { year: 2022, citations: 9 }, { year: 2020, citations: 5 }])).toEqual([
      { year: 2019, citations: 3 },
      { year: 2020, citations: 5 },
      { year: 2021, citations: null },
      { year: 2022, citations: 9 },
    ]);
    expect(perYearSeries([])).toEqual([]);
  });
});

describe('detectionWords', () => {
  it('says the source and how sure, a choice, or the fallback', () => {
    const d = { format: 'google_scholar', label: 'Google Scholar profile', signatures: 7 } as const;
    expect(detectionWords({ ...d, confidence: 'sure' })).toBe('Google Scholar profile, sure');
    expect(detectionWords({ ...d, confidence: 'unsure' })).toBe('Google Scholar profile, unsure');
    expect(detectionWords({ ...d, confidence: 'chosen' })).toBe('Google Scholar profile, chosen by you');
    expect(detectionWords({ ...d, format: 'generic', confidence: 'fallback' })).toBe('Unknown page: papers guessed');
  });
});

describe('importReportText', () => {
  it('lists every part that has entries', () => {
    const report: ImportReportView = {
      importId: 3, createdAt: '2026-12-07T10:00:00.000Z', format: 'scholarfeed', author: { id: 1, name: 'Chong Ruan' }, complete: true,
      detection: { format: 'scholarfeed', label: 'scholarfeed author page', confidence: 'sure', signatures: 9 },
      papers: { added: [{ id: 1, title: 'A' }], updated: [], unchanged: [{ id: 2, title: 'B' }] },
      skipped: [{ line: 9, text: 'Follow', reason: 'before the first paper' }], guessed: [{ id: 1, title: 'A', fields: ['date'] }],
      incompleteTail: null, warnings: ['W'],
    };
    const text = importReportText(report);
    expect(text).toContain('Source: scholarfeed author page, sure');
    expect(text).toContain('Added (1)\n  A');
    expect(text).toContain('Unchanged (1)\n  B');
    expect(text).not.toContain('Updated');
    expect(text).toContain('Skipped lines (1)\n  line 9: before the first paper: "Follow"');
    expect(text).toContain('Guessed fields (1)\n  A: date');
    expect(text).toContain('Warnings (1)\n  W');
  });
});
