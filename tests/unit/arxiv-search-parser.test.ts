import { describe, expect, it } from 'vitest';
import { arxivSearchFormat, parseArxivSearchLines } from '../../shared/paste/arxiv-search';
import { detectAndParse } from '../../shared/paste/detect';
import { describeSourceDetection } from './helpers/parser-checks';
import { linesOf, ownFixtures } from './helpers/source-fixtures';

const parse = (text: string) => parseArxivSearchLines(linesOf(text));
const fixture = (name: string) => ownFixtures('arxiv_search').find((f) => f.name.endsWith(name))!.text;

describeSourceDetection('arXiv search detection', 'arxiv_search', arxivSearchFormat.signatures, 'the search page');

describe('arXiv search results', () => {
  it('makes no author card even for an author query', () => {
    expect(detectAndParse(fixture('long.txt')).profile.author).toBeNull();
  });

  it('cuts "… ▽ More" off a short abstract and marks it truncated; "△ Less" is a whole abstract', () => {
    const { papers } = parse(fixture('long.txt')).profile;
    expect(papers[0]!.abstract?.endsWith('on 11 African and Turkic languages')).toBe(true);
    expect(papers[0]!.abstract_truncated).toBe(true);
    expect(papers[2]!.abstract).toBe('We release an open speech recognition system for Yorùbá trained on 300 hours of read speech.');
    expect(papers[2]!.abstract_truncated).toBe(false);
  });

  it('dates a paper by its first version and keeps the last submission and announcement in extra', () => {
    const paper = parse(fixture('long.txt')).profile.papers[0]!;
    expect([paper.date, paper.year, paper.extra.submitted, paper.extra.announced]).toEqual(['2025-07-04', 2025, '2025-09-02', 'July 2025']);
    const glued = parse('arXiv:2501.00001 [pdf]\ncs.AI\nT\nAuthors: A B\nSubmitted 9 March, 2025; v1submitted 5 January, 2025; originally announced January 2025.').profile.papers[0]!;
    expect([glued.date, glued.extra.submitted]).toEqual(['2025-01-05', '2025-03-09']);
  });

  it('reads tags on the id line or their own line, a DOI tag, Journal ref without hyphen, and old-style ids', () => {
    const { papers } = parse(fixture('long.txt')).profile;
    expect(papers[1]!.category).toEqual(['cs.LG', 'stat.ML']);
    expect(papers[1]!.venue).toBe('Transactions on Machine Learning Research (2025)');
    expect(papers[2]!.ids).toEqual({ arxiv: '2407.00777', doi: '10.1109/TASLP.2024.3400123' });
    expect(papers[2]!.category).toEqual(['eess.AS', 'cs.CL', 'cs.SD']);
    expect(papers.slice(4, 6).map((p) => [p.ids.arxiv, p.category])).toEqual([
      ['math/0601001', ['math.OC', 'math.NA']],
      ['cs/0612045', ['cs.DL']],
    ]);
  });

  it('reads an abstract a converter put under a bare "Abstract:" and a DOI on its own line', () => {
    const text = ['arXiv:2501.00001 [pdf]', 'doi', '10.1000/abc', 'cs.AI', 'T', 'Authors: A B', 'Abstract:', 'Short text… ▽ More', 'Submitted 5 January, 2025; originally announced January 2025.'].join('\n');
    expect(parse(text).profile.papers[0]).toMatchObject({ title: 'T', ids: { doi: '10.1000/abc' }, abstract: 'Short text', abstract_truncated: true, date: '2025-01-05' });
  });

  it('reads the full abstract when a converter copied the hidden one too, on the same line or the next', () => {
    const head = 'arXiv:2501.00001 [pdf]\ncs.AI\nT\nAuthors: A B\n';
    const same = parse(head + 'Abstract: Short… ▽ More Short text and the rest. △ Less').profile.papers[0]!;
    expect([same.abstract, same.abstract_truncated]).toEqual(['Short text and the rest.', false]);
    const next = parse(head + 'Abstract: Short… ▽ More\nShort text and the rest. △ Less').profile.papers[0]!;
    expect([next.abstract, next.abstract_truncated]).toEqual(['Short text and the rest.', false]);
  });

  it('reports form junk, footer links and the result cut at the end', () => {
    const { report } = parse(fixture('cut.txt'));
    expect(report.skipped.map((s) => s.line)).toEqual([1, 2]);
    expect(report.incompleteTail).toEqual({ line: 16, text: 'arXiv:2412.33333  [pdf, other]', missing: 'its title' });
    const long = parse(fixture('long.txt')).report.skipped;
    expect(long.find((s) => s.text === 'contact arXivClick here to contact arXiv')?.reason).toBe('arXiv page link');
    expect(long.find((s) => s.text === 'Sort results by')?.reason).toBe('page text outside the results');
  });
});
