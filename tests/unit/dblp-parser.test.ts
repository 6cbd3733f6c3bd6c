import { describe, expect, it } from 'vitest';
import { detectAndParse } from '../../shared/paste/detect';
import { dblpFormat, dblpSignatures, parseDblpLines } from '../../shared/paste/dblp';
import { parseDblpCitation, splitTitleVenue } from '../../shared/paste/dblp-venue';
import { normaliseLines } from '../../shared/paste/normalise';
import { fixtureExpected, fixtureText } from './helpers/fixtures';
import { describeOtherBrowsers, describeOwnFixtures, expectFewSignaturesOnSharedPastes, expectNothingInPlainProse } from './helpers/parser-checks';

const parse = (text: string) => parseDblpLines(normaliseLines(text));

describe('dblp: the shared fixture', () => {
  const expected = fixtureExpected('dblp');
  const { profile, report } = detectAndParse(fixtureText('dblp'));

  it('is detected as dblp, sure', () => {
    expect(profile.source).toBe('dblp');
    expect(detectAndParse(fixtureText('dblp')).detection).toMatchObject({ format: 'dblp', confidence: 'sure' });
  });

  it('reads the author card exactly, extra included', () => {
    expect(profile.author).toEqual(expected.author);
  });

  it('reads every paper exactly, extra included (the editorship keeps its ISBN besides)', () => {
    expect(profile.papers).toHaveLength(expected.papers.length);
    profile.papers.forEach((paper, i) => {
      const want = expected.papers[i]!;
      if (want.type === 'editorship') expect(paper).toEqual({ ...want, extra: { ...(want.extra as object), isbn: '978-0-9999999-0-7' } });
      else expect(paper, `paper ${i}`).toEqual(want);
    });
  });

  it('reports the menus and the footer as skipped lines, and no record as skipped', () => {
    expect(report.skipped.map((s) => s.text)).toEqual(expect.arrayContaining(['Blog', 'Refine list', 'BibTeX', 'manage site settings']));
    expect(report.skipped.some((s) => s.text.startsWith('['))).toBe(false);
    expect(report.incompleteTail).toBeNull();
    expect(report.warnings).toEqual([]);
  });
});

describeOwnFixtures('dblp', 'dblp');

describeOtherBrowsers('dblp', fixtureText('dblp'), parse);

describe('dblp detection', () => {
  it('scores at most one signature on every other shared fixture', () => {
    expectFewSignaturesOnSharedPastes(dblpSignatures, 'dblp.txt');
  });

  it('finds nothing in plain prose, nor in career ranges such as 2018 – 2023', () => {
    expectNothingInPlainProse(dblpSignatures);
    expect(dblpSignatures(['2018 – 2023', '2021 – Present'])).toBe(0);
    expect(dblpSignatures(['2010 – 2019', '2020 – today'])).toBe(2);
  });
});

describe('dblp title and venue', () => {
  it('splits journals at the title end, not at the abbreviations of the venue', () => {
    expect(parseDblpCitation('A Survey. IEEE Trans. Pattern Anal. Mach. Intell. 11(4): 79-91 (2025)')).toEqual({
      title: 'A Survey', venue: 'IEEE Trans. Pattern Anal. Mach. Intell.', pages: '79-91', year: 2025, volume: '11', issue: '4', arxiv: null, isbn: null,
    });
    expect(parseDblpCitation('Streaming Data. J. Mach. Learn. Res. 32: 248:1-248:47 (2017)')).toMatchObject({ title: 'Streaming Data', venue: 'J. Mach. Learn. Res.', pages: '248:1-248:47', volume: '32', issue: null });
  });

  it('tells a title ending in an ambiguous word from a venue abbreviation', () => {
    expect(splitTitleVenue('Reasoning over a Knowledge Graph. ACL (1)')).toEqual({ title: 'Reasoning over a Knowledge Graph', venue: 'ACL (1)' });
    expect(splitTitleVenue('Meshes. ACM Trans. Graph.')).toEqual({ title: 'Meshes', venue: 'ACM Trans. Graph.' });
    expect(splitTitleVenue('Spiking Models. Neural Process. Lett.')).toEqual({ title: 'Spiking Models', venue: 'Neural Process. Lett.' });
  });

  it('keeps ? and ! that end a title, and splits at the last title end', () => {
    expect(parseDblpCitation('Is X All You Need? Revisiting Graphs. CoRR abs/1909.96374 (2019)')).toMatchObject({ title: 'Is X All You Need? Revisiting Graphs', venue: 'CoRR', arxiv: '1909.96374', year: 2019, pages: null });
    expect(parseDblpCitation('Do Models Know? AISTATS 2013: 5259-5272')).toMatchObject({ title: 'Do Models Know?', venue: 'AISTATS', pages: '5259-5272' });
  });

  it('reads a TMLR volume that repeats the year as no volume, and a conference with no pages', () => {
    expect(parseDblpCitation('Routing. Trans. Mach. Learn. Res. 2014 (2014)')).toMatchObject({ venue: 'Trans. Mach. Learn. Res.', volume: null, year: 2014 });
    expect(parseDblpCitation('Routing. ICLR 2022')).toMatchObject({ title: 'Routing', venue: 'ICLR', pages: null, year: 2022 });
  });

  it('reads a single capital before a period as an initial of the venue (J. ACM), not as the end of the title', () => {
    expect(parseDblpCitation('Sorting Faster. J. ACM 70(1): 1-20 (2023)')).toMatchObject({ title: 'Sorting Faster', venue: 'J. ACM', volume: '70', issue: '1' });
  });

  it('reads a capital after an ordinary word as the end of the title (Vitamin D.), after an acronym or abbreviation as an initial', () => {
    expect(parseDblpCitation('Vitamin D. Nutrients 12: 1-10 (2020)')).toMatchObject({ title: 'Vitamin D', venue: 'Nutrients', volume: '12' });
    expect(parseDblpCitation('Sorting. SIAM J. Comput. 52(1): 1-20 (2023)')).toMatchObject({ title: 'Sorting', venue: 'SIAM J. Comput.' });
    expect(parseDblpCitation('Seeing. Int. J. Comput. Vis. 131(1): 1-20 (2023)')).toMatchObject({ title: 'Seeing', venue: 'Int. J. Comput. Vis.' });
  });

  it('reads early-access journals, year-only venues, old CoRR ids and theses', () => {
    expect(parseDblpCitation('Early Access. IEEE Trans. Pattern Anal. Mach. Intell. PP (2023)')).toMatchObject({ title: 'Early Access', venue: 'IEEE Trans. Pattern Anal. Mach. Intell.', volume: 'PP', year: 2023 });
    expect(parseDblpCitation('Protein Folding. bioRxiv (2023)')).toMatchObject({ title: 'Protein Folding', venue: 'bioRxiv', year: 2023, volume: null });
    expect(parseDblpCitation('Old One. CoRR abs/cs/0612045 (2006)')).toMatchObject({ venue: 'CoRR', arxiv: 'cs/0612045', year: 2006 });
    expect(parseDblpCitation('My Thesis. University of Solenne, France, 2019')).toMatchObject({ title: 'My Thesis', venue: 'University of Solenne, France', year: 2019 });
    expect(parseDblpCitation('Fast Sorting Algorithms. SODA 2020: 1-10')).toMatchObject({ title: 'Fast Sorting Algorithms', venue: 'SODA', pages: '1-10' });
  });

  it('keeps a line with no venue as the title, never throws', () => {
    expect(parseDblpCitation('Just a title.')).toMatchObject({ title: 'Just a title', venue: null, year: null });
    expect(() => parseDblpCitation('. . . 2020: (2020)')).not.toThrow();
  });
});

describe('dblp records', () => {
  const page = ['Ann Lee 0042', 'Person information', 'showing 2 of 9 records', '2024', '[c2]', 'Ann Lee 0042, Wei Chen 0007 (Eds.):', 'Proc. of Things. Springer 2024, ISBN 978-3-16-148410-0 [contents]', '2023', '[j1]', 'Ann Lee 0042:'].join('\n');

  it('drops homonym numbers from names and keeps them in extra', () => {
    const { profile } = parse(page);
    expect(profile.author).toMatchObject({ name: 'Ann Lee', extra: { homonym_id: '0042' }, metrics: { paper_count: 9 } });
    expect(profile.papers[0]).toMatchObject({ authors: ['Ann Lee', 'Wei Chen'], venue: 'Springer', year: 2024, type: 'conference', extra: { homonym_ids: { 'Ann Lee': '0042', 'Wei Chen': '0007' }, role: 'editor', isbn: '978-3-16-148410-0' } });
  });

  it('never reads a year or decade heading as a paper, and names a record cut at the end', () => {
    const { profile, report } = parse(page);
    expect(profile.papers).toHaveLength(1);
    expect(report.incompleteTail).toEqual({ line: 9, text: '[j1]', missing: 'title and venue' });
    expect(report.warnings).toEqual(['The page says it shows 9 records; the paste holds 1.']);
  });

  it('reports a label with nothing after it in the middle of the page as skipped', () => {
    const { profile, report } = parse(['[c3]', '2023', '[c2]', 'A B:', 'Routing. ICLR 2023'].join('\n'));
    expect(profile.papers.map((p) => p.title)).toEqual(['Routing']);
    expect(report.skipped).toEqual([{ line: 1, text: '[c3]', reason: 'dblp record label with no authors, title and venue after it' }]);
  });

  it('reads a record whose author line is glued to its title line', () => {
    const { profile } = parse(['[c2]', 'Ann Lee, Bo Chen 0001: TESSERA: Long Context at Scale. KDD 2022: 1-9', '[c1]', 'Ann Lee:', 'Other. ICML 2021'].join('\n'));
    expect(profile.papers[0]).toMatchObject({ title: 'TESSERA: Long Context at Scale', authors: ['Ann Lee', 'Bo Chen'], venue: 'KDD', pages: '1-9', extra: { homonym_ids: { 'Bo Chen': '0001' } } });
    expect(profile.papers[1]).toMatchObject({ title: 'Other', authors: ['Ann Lee'], venue: 'ICML', year: 2021 });
  });

  it('names the last record as cut when its title line ends before the venue', () => {
    const { profile, report } = parse(['[c2]', 'Ann Lee:', 'Whole. KDD 2022', '[c1]', 'Ann Lee:', 'Towards Calibrated Event Cam'].join('\n'));
    expect(profile.papers.map((p) => p.title)).toEqual(['Whole']);
    expect(report.incompleteTail).toEqual({ line: 4, text: 'Towards Calibrated Event Cam', missing: 'the end of its title line (venue and year)' });
  });

  it('has a hint that names what to copy', () => {
    expect(dblpFormat.noPapersHint).toMatch(/Coauthor Index/);
  });
});
