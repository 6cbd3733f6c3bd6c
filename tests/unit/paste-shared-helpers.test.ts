/** The helpers every paste source shares: page dates and printed author lists (FORMATS.md section 5.1). */
import { describe, expect, it } from 'vitest';
import { splitAuthorList } from '../../shared/paste/author-lists';
import { dateFromArxivId, monthNumber, parsePageDate } from '../../shared/paste/dates';

describe('parsePageDate', () => {
  it('reads every printed shape at the precision shown', () => {
    expect(parsePageDate('Aug 15, 2024')).toEqual({ date: '2024-08-15', year: 2024 });
    expect(parsePageDate('15 August 2024')).toEqual({ date: '2024-08-15', year: 2024 });
    expect(parsePageDate('2 September, 2025')).toEqual({ date: '2025-09-02', year: 2025 });
    expect(parsePageDate('19 Jan 2025')).toEqual({ date: '2025-01-19', year: 2025 });
    expect(parsePageDate('2023-05')).toEqual({ date: '2023-05', year: 2023 });
    expect(parsePageDate('November 2022')).toEqual({ date: '2022-11', year: 2022 });
    expect(parsePageDate('Sept. 2022')).toEqual({ date: '2022-09', year: 2022 });
    expect(parsePageDate('2023')).toEqual({ date: null, year: 2023 });
  });
  it('refuses dates that do not exist and words that are not months', () => {
    expect(parsePageDate('Feb 30, 2024')).toBeNull();
    expect(parsePageDate('Feb 29, 2023')).toBeNull();
    expect(parsePageDate('Feb 29, 2024')).toEqual({ date: '2024-02-29', year: 2024 });
    expect(parsePageDate('Foo 2022')).toBeNull();
    expect(parsePageDate('2023-13')).toBeNull();
    expect(monthNumber('Ma')).toBeNull();
  });
  it('reads the month an arXiv identifier encodes', () => {
    expect(dateFromArxivId('2503.04417')).toEqual({ date: '2025-03', year: 2025 });
    expect(dateFromArxivId('cs/0612045')).toEqual({ date: '2006-12', year: 2006 });
    expect(dateFromArxivId('math.OC/9912001')).toEqual({ date: '1999-12', year: 1999 });
    expect(dateFromArxivId('not an id')).toBeNull();
  });
});

describe('splitAuthorList', () => {
  it('reads elision forms into flags and never keeps the marker', () => {
    expect(splitAuthorList('A Lee, B Chen, ...')).toEqual({ authors: ['A Lee', 'B Chen'], truncated: true, authorCount: null, equalContribution: [] });
    expect(splitAuthorList('Ann Lee, Bo Chen et al.')).toMatchObject({ authors: ['Ann Lee', 'Bo Chen'], truncated: true });
    expect(splitAuthorList('Ann Lee, Bo Chen, +3 authors, Zed Ng')).toMatchObject({ authors: ['Ann Lee', 'Bo Chen', 'Zed Ng'], truncated: true, authorCount: 6 });
    expect(splitAuthorList('A · B · [...] · Z', '·')).toMatchObject({ authors: ['A', 'B', 'Z'], truncated: true, authorCount: null });
    expect(splitAuthorList('A, B, et al. (12 additional authors not shown)')).toMatchObject({ authors: ['A', 'B'], truncated: true, authorCount: 14 });
  });
  it('reads equal-contribution marks', () => {
    expect(splitAuthorList('Ann Lee*, Bo Chen†, Cy Wu')).toEqual({ authors: ['Ann Lee', 'Bo Chen', 'Cy Wu'], truncated: false, authorCount: null, equalContribution: ['Ann Lee', 'Bo Chen'] });
  });
});

describe('scholarfeed detection', () => {
  it('counts each header shape once, so count lines of another site do not make a scholarfeed page', async () => {
    const { detectAndParse, detectSource } = await import('../../shared/paste/detect');
    const page = ['Lab publications', '', 'Sparse Attention for Long Documents', 'A. Lee, B. Chen', 'ACL 2023', '128 citations', '', 'Robust Speech Translation', 'C. Wu, D. Kaya', 'Interspeech 2022', '64 citations'].join('\n');
    expect(detectSource(page)).toBeNull();
    expect(detectAndParse(page).detection?.format).not.toBe('scholarfeed');
  });
});

describe('withArticle', () => {
  it('puts "an" before the site and scheme names that need it', async () => {
    const { withArticle } = await import('../../shared/words');
    expect(['arXiv listing', 'ORCID record', 'ACM Digital Library profile', 'OpenReview profile', 'dblp person page', 'Google Scholar profile', 'ftp'].map(withArticle)).toEqual([
      'an arXiv listing', 'an ORCID record', 'an ACM Digital Library profile', 'an OpenReview profile', 'a dblp person page', 'a Google Scholar profile', 'an ftp',
    ]);
  });
});

describe('parseCount', () => {
  it('reads counts, and refuses a run of digits past the safe integers (a glued chart axis)', async () => {
    const { parseCount } = await import('../../shared/paste/normalise');
    expect(parseCount('14,139')).toBe(14139);
    expect(parseCount('1.2k')).toBe(1200);
    expect(parseCount('20182019202020212022202320242025')).toBeNull();
  });
});
