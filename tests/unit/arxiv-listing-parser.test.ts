import { describe, expect, it } from 'vitest';
import { entryShapeAt, matchNumberedIdLine, parseArxivId, splitLabelled, subjectCodes } from '../../shared/paste/arxiv-common';
import { arxivListingFormat, parseArxivListingLines } from '../../shared/paste/arxiv-listing';
import { detectAndParse, detectSource } from '../../shared/paste/detect';
import { fixtureText } from './helpers/fixtures';
import { linesOf, otherFixtures, ownFixtures, SITE_WORDS_PROSE } from './helpers/source-fixtures';

const parse = (text: string) => parseArxivListingLines(linesOf(text));

describe('arXiv listing detection', () => {
  it.each([{ name: 'profiles/arxiv-listing.txt', text: fixtureText('arxiv-listing') }, ...ownFixtures('arxiv_listing')])('picks the listing on $name', ({ text }) => {
    expect(detectSource(text)?.source).toBe('arxiv_listing');
  });

  it.each(otherFixtures('arxiv_listing').filter((f) => f.name !== 'profiles/arxiv-listing.txt'))('is not fooled by $name', ({ text }) => {
    expect(arxivListingFormat.signatures(linesOf(text))).toBeLessThan(2);
  });

  it('counts nothing in prose that uses the listing words, and prose is detected as no source', () => {
    expect(arxivListingFormat.signatures(linesOf(SITE_WORDS_PROSE))).toBe(0);
    expect(detectSource(SITE_WORDS_PROSE)).toBeNull();
  });

  it('tells a listing from before 2024 (Authors: labelled, abstract under the entry) from an author page (no abstract)', () => {
    const entry = '[1] arXiv:2306.00001 [pdf]\nTitle: T\nAuthors: A B\nComments: 8 pages\nSubjects: Computation and Language (cs.CL)\n\n';
    const abstract = 'An abstract paragraph long enough to be prose, as listings print under every entry of theirs.';
    expect(entryShapeAt(linesOf(entry + abstract), 0)).toBe('listing');
    expect(entryShapeAt(linesOf(entry + entry), 0)).toBe('author');
    expect(entryShapeAt(linesOf('[1] arXiv:2306.00001 [pdf]\nTitle: T'), 0)).toBeNull();
    const old = ownFixtures('arxiv_listing').find((f) => f.name.endsWith('old-template.txt'))!.text;
    expect(detectSource(old)?.source).toBe('arxiv_listing');
  });

  it('does not count an entry whose Title line is followed by Authors: (an author page)', () => {
    const page = '[1] arXiv:2503.04417 [pdf, other]\nTitle: T\nAuthors: A, B\nSubjects: Machine Learning (cs.LG)';
    expect(arxivListingFormat.signatures(linesOf(page))).toBe(0);
  });
});

describe('arXiv listing entries', () => {
  it('reads the long author list cut with "et al. (N additional authors not shown)"', () => {
    const paper = parse(fixtureText('arxiv-listing')).profile.papers[5]!;
    expect(paper.authors).toHaveLength(25);
    expect(paper.authors[24]).toBe('Marek Yilmaz');
    expect(paper.authors_truncated).toBe(true);
    expect(paper.author_count).toBe(203);
  });

  it('keeps each section: new, cross (from the heading) and repl, and replacements have no abstract', () => {
    const { papers } = parse(fixtureText('arxiv-listing')).profile;
    expect(papers.map((p) => p.extra.listing_section)).toEqual([...Array(12).fill('new'), 'cross', 'cross', 'cross', 'repl', 'repl']);
    expect(papers[15]!.abstract).toBeNull();
    expect(papers[12]!.extra.cross_list_from).toBe('cs.LG');
  });

  it('takes the section from the id suffix when the paste has no headings', () => {
    const text = [
      '[3] arXiv:2506.91336 (cross-list from cs.LG) [pdf, html, other]',
      'Title: Cross',
      'A B',
      'Subjects: Machine Learning (cs.LG); Computation and Language (cs.CL)',
      '[4] arXiv:2411.99851 (replaced) [pdf, other]',
      'Title: Replaced',
      'C D',
      'Subjects: Computation and Language (cs.CL)',
    ].join('\n');
    expect(parse(text).profile.papers.map((p) => [p.title, p.extra.listing_section, p.category])).toEqual([
      ['Cross', 'cross', ['cs.LG', 'cs.CL']],
      ['Replaced', 'repl', ['cs.CL']],
    ]);
  });

  it('reads labels glued in one line by other converters (no author line)', () => {
    const paper = parse('[1] arXiv:2603.02002 [pdf]\nTitle: FedJournal-ref: MLSys 2026Comments: 8 pagesDOI: 10.1/xSubjects: Machine Learning (cs.LG)\nAbstract text.').profile.papers[0]!;
    expect(paper).toMatchObject({ title: 'Fed', venue: 'MLSys 2026', ids: { arxiv: '2603.02002', doi: '10.1/x' }, category: ['cs.LG'], authors: [], abstract: 'Abstract text.' });
    expect(paper.extra.comments).toBe('8 pages');
  });

  it('reads a Title label glued to the identifier line', () => {
    const paper = parse('[1] arXiv:2603.02002 [pdf]Title: Glued\nAna Lima\nSubjects: Robotics (cs.RO)').profile.papers[0]!;
    expect(entryShapeAt(linesOf('[1] arXiv:2603.02002 [pdf]Title: Glued\nAna Lima\nSubjects: Robotics (cs.RO)'), 0)).toBe('listing');
    expect([paper.title, paper.authors, paper.category]).toEqual(['Glued', ['Ana Lima'], ['cs.RO']]);
  });

  it('splits labels glued to the end of the author line', () => {
    const paper = parse('[1] arXiv:2603.02002 [pdf]\nTitle: T\nAna Lima, Bo ChenComments: 8 pagesSubjects: Robotics (cs.RO)\n\nText.').profile.papers[0]!;
    expect([paper.authors, paper.extra.comments, paper.category, paper.abstract]).toEqual([['Ana Lima', 'Bo Chen'], '8 pages', ['cs.RO'], 'Text.']);
  });

  it('reads an entry whose number and identifier are on lines of their own', () => {
    const text = ['New submissions (showing 2 of 2 entries)', '[1]', 'arXiv:2506.90031 [pdf, other]', 'Title: T', 'A B', 'Subjects: Computation and Language (cs.CL)', '', 'Abstract one.', '', '[2]', 'arXiv:2506.90032 [pdf]', 'Title: U', 'C D', 'Subjects: Computation and Language (cs.CL)'].join('\n');
    const { profile, report } = parse(text);
    expect(profile.papers.map((p) => [p.ids.arxiv, p.title, p.abstract])).toEqual([
      ['2506.90031', 'T', 'Abstract one.'],
      ['2506.90032', 'U', null],
    ]);
    expect(report.skipped).toEqual([]);
    expect(detectSource(text)?.source).toBe('arxiv_listing');
  });

  it('reports page text and a junk line after an abstract as skipped, with reasons', () => {
    const text = ['Menu', '[1] arXiv:2506.90031 [pdf]', 'Title: T', 'A B', 'Subjects: Computation and Language (cs.CL)', '', 'An abstract.', '', 'Stray line'].join('\n');
    const { report, profile } = parse(text);
    expect(profile.papers).toHaveLength(1);
    expect(report.skipped).toEqual([
      { line: 1, text: 'Menu', reason: 'page text outside the entries' },
      { line: 9, text: 'Stray line', reason: 'after the entry' },
    ]);
  });

  it('reports an entry cut before its Subjects line at the end of the paste, and marks a cut last abstract', () => {
    const cut = parse(['[1] arXiv:2506.90031 [pdf]', 'Title: T', 'A B', 'Subjects: Computation and Language (cs.CL)', '', 'We find that the gains vanish under matched comp', '[2] arXiv:2506.90032 [pdf]', 'Title: U'].join('\n'));
    expect(cut.profile.papers).toHaveLength(1);
    expect(cut.profile.papers[0]!.abstract_truncated).toBe(false);
    expect(cut.report.incompleteTail).toEqual({ line: 7, text: '[2] arXiv:2506.90032 [pdf]', missing: 'its Subjects line' });
    const own = ownFixtures('arxiv_listing').find((f) => f.name.endsWith('cut.txt'))!;
    expect(parse(own.text).profile.papers[1]!.abstract_truncated).toBe(true);
  });

  it('imports no author card (not a profile)', () => {
    expect(detectAndParse(fixtureText('arxiv-listing')).profile.author).toBeNull();
    expect(arxivListingFormat.isProfile).toBe(false);
  });
});

describe('arXiv identifiers, subjects and labels (arxiv-common)', () => {
  it('splits the version off new and old identifiers and keeps the id as printed', () => {
    expect(parseArxivId('2503.04417v12')).toEqual({ id: '2503.04417', version: 12 });
    expect(parseArxivId('cs/0612045v1')).toEqual({ id: 'cs/0612045', version: 1 });
    expect(parseArxivId('math.OC/0601001')).toEqual({ id: 'math.OC/0601001', version: null });
    expect(parseArxivId('q-bio/0401001')).toEqual({ id: 'q-bio/0401001', version: null });
    expect(parseArxivId('0704.0001')).toEqual({ id: '0704.0001', version: null });
    expect(parseArxivId('2503.041')).toBeNull();
    expect(parseArxivId('hello/world')).toBeNull();
  });

  it('reads an id line with two spaces (NBSP after [k]) and no format list', () => {
    expect(matchNumberedIdLine('[12]  arXiv:2506.90031')).toMatchObject({ id: { id: '2506.90031' }, formats: null, note: null });
  });

  it('reads subject codes primary first, non-CS archives included', () => {
    expect(subjectCodes('High Energy Physics - Theory (hep-th); Biomolecules (q-bio.BM); Computational Physics (physics.comp-ph); Machine Learning (stat.ML)')).toEqual([
      'hep-th',
      'q-bio.BM',
      'physics.comp-ph',
      'stat.ML',
    ]);
    expect(subjectCodes('Computation and Language')).toEqual([]);
    expect(subjectCodes('Computation and Language (cs.CL)Despite progress (see [1]) we fail')).toEqual(['cs.CL']);
  });

  it('splits only lines that start with a label', () => {
    expect(splitLabelled('Title: AComments: BSubjects: C')).toEqual([
      { label: 'Title:', value: 'A' },
      { label: 'Comments:', value: 'B' },
      { label: 'Subjects:', value: 'C' },
    ]);
    expect(splitLabelled('We write Comments: here')).toBeNull();
  });
});
