import { describe, expect, it } from 'vitest';
import { arxivAuthorFormat, authorPageName, parseArxivAuthorLines } from '../../shared/paste/arxiv-author';
import { detectAndParse } from '../../shared/paste/detect';
import { describeSourceDetection } from './helpers/parser-checks';
import { linesOf, ownFixtures } from './helpers/source-fixtures';

const parse = (text: string) => parseArxivAuthorLines(linesOf(text));
const fixture = (name: string) => ownFixtures('arxiv_author').find((f) => f.name.endsWith(name))!.text;

describeSourceDetection('arXiv author page detection', 'arxiv_author', arxivAuthorFormat.signatures, 'the author page');

describe('arXiv author page', () => {
  it('makes the author card from the heading, straight or curly apostrophe', () => {
    expect(detectAndParse(fixture('long.txt')).profile.author).toEqual({
      name: 'Marisol Quintero-Vance',
      affiliation: null,
      interests: [],
      homepage: null,
      ids: {},
      metrics: {},
      extra: {},
    });
    expect(authorPageName('Андрей Соколов’s articles on arXiv')).toBe('Андрей Соколов');
    expect(authorPageName("'s articles on arXiv")).toBeNull();
  });

  it('reads equal-contribution marks (* and †), old-style ids with their month, and a version of 12', () => {
    const { papers } = parse(fixture('long.txt')).profile;
    expect(papers[0]!.equal_contribution).toEqual(['Marisol Quintero-Vance', '李娜']);
    expect(papers[1]!.equal_contribution).toEqual(['Marisol Quintero-Vance', 'Þórunn Guðmundsdóttir']);
    expect(papers.slice(4, 7).map((p) => [p.ids.arxiv, p.date, p.year])).toEqual([
      ['math.OC/0601001', '2006-01', 2006],
      ['cs/0612045', '2006-12', 2006],
      ['hep-th/9901012', '1999-01', 1999],
    ]);
    expect(papers[7]!.ids.arxiv).toBe('2506.11111');
    expect(papers[7]!.extra.arxiv_version).toBe(12);
  });

  it('reads Journal-ref as the venue, DOI into ids and has no abstracts', () => {
    const paper = parse(fixture('long.txt')).profile.papers[1]!;
    expect(paper).toMatchObject({ venue: 'Transactions on Machine Learning Research, 2025', ids: { doi: '10.48550/tmlr.2025.0113' }, abstract: null });
  });

  it('reads a CRLF page with non-Latin names', () => {
    const { profile } = parse(fixture('short-crlf.txt'));
    expect(profile.author?.name).toBe('Андрей Соколов');
    expect(profile.papers[0]!.authors).toEqual(['Андрей Соколов', 'María José García-Löpez', '王小明']);
  });

  it('skips a record cut at the start, reports the record cut at the end, and makes no card without the heading', () => {
    const { profile, report } = parse(fixture('cut.txt'));
    expect(profile.author).toBeNull();
    expect(profile.papers.map((p) => p.ids.arxiv)).toEqual(['2301.09876', '2212.04567']);
    expect(report.skipped.map((s) => [s.line, s.reason])).toEqual([
      [1, 'page text outside the articles'],
      [2, 'page text outside the articles'],
    ]);
    expect(report.incompleteTail).toEqual({ line: 15, text: '[6]  arXiv:2208.01234 [pdf, other]', missing: 'its Subjects line' });
  });

  it('leaves out an entry with no Subjects line in the middle, and says so', () => {
    const text = "A B's articles on arXiv\n[1] arXiv:2301.00001 [pdf]\nTitle: T\nAuthors: A B\n[2] arXiv:2301.00002 [pdf]\nTitle: U\nAuthors: A B\nSubjects: Robotics (cs.RO)";
    const { profile, report } = parse(text);
    expect(profile.papers.map((p) => p.title)).toEqual(['U']);
    expect(report.skipped).toEqual([{ line: 2, text: '[1] arXiv:2301.00001 [pdf]', reason: 'arXiv entry without its Subjects line' }]);
    expect(report.warnings).toEqual(['The entry on line 2 has no Subjects line; it was left out.']);
  });
});
