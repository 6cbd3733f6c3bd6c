import { describe, expect, it } from 'vitest';
import { gIndex, hIndex, i10Index, summariseCitations } from '../../shared/metrics/citation-indices';

describe('h-index (Hirsch 2005)', () => {
  it('is the largest h with h papers of at least h citations', () => {
    expect(hIndex([10, 8, 5, 4, 3])).toBe(4);
    expect(hIndex([25, 8, 5, 3, 3])).toBe(3);
    expect(hIndex([3, 0, 6, 1, 5])).toBe(3);
  });
  it('handles ties at the threshold', () => {
    expect(hIndex([4, 4, 4, 4])).toBe(4);
    expect(hIndex([5, 5, 5, 5, 5, 5])).toBe(5);
    expect(hIndex([1, 1, 1])).toBe(1);
  });
  it('is 0 for no papers, zero-citation papers, and ignores unknown counts', () => {
    expect(hIndex([])).toBe(0);
    expect(hIndex([0, 0, 0])).toBe(0);
    expect(hIndex([null, 7, null, 7])).toBe(2);
  });
});

describe('g-index (Egghe 2006)', () => {
  it('is the largest g whose top g papers have at least g² citations together', () => {
    // cumulative: 10, 18, 23, 27, 30 vs 1, 4, 9, 16, 25
    expect(gIndex([10, 8, 5, 4, 3])).toBe(5);
    // cumulative: 4, 6, 7 vs 1, 4, 9
    expect(gIndex([4, 2, 1])).toBe(2);
  });
  it('is bounded by the number of papers and is 0 without citations', () => {
    expect(gIndex([100])).toBe(1);
    expect(gIndex([0, 0])).toBe(0);
    expect(gIndex([])).toBe(0);
  });
  it('is at least the h-index', () => {
    const c = [30, 17, 9, 9, 6, 2, 1, 0];
    expect(hIndex(c)).toBe(5);
    expect(gIndex(c)).toBe(8);
  });
});

describe('i10-index (Google Scholar)', () => {
  it('counts papers with at least 10 citations', () => {
    expect(i10Index([10, 9, 11, 100, null, 0])).toBe(3);
    expect(i10Index([])).toBe(0);
  });
});

describe('summariseCitations', () => {
  it('computes totals, mean and citations per year of activity', () => {
    const s = summariseCitations(
      [
        { citations: 12, year: 2020 },
        { citations: 3, year: 2024 },
        { citations: null, year: 2018 },
        { citations: 0, year: null },
      ],
      2026,
    );
    expect(s).toEqual({ papersCounted: 3, totalCitations: 15, meanCitations: 5, hIndex: 2, gIndex: 3, i10Index: 1, citationsPerYear: 15 / 7 });
  });
  it('has no mean or rate without counted papers', () => {
    expect(summariseCitations([{ citations: null, year: 2020 }], 2026)).toEqual({
      papersCounted: 0,
      totalCitations: 0,
      meanCitations: null,
      hIndex: 0,
      gIndex: 0,
      i10Index: 0,
      citationsPerYear: null,
    });
  });
});
