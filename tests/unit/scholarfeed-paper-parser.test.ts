import { describe, expect, it } from 'vitest';
import { detectAndParse, detectSource } from '../../shared/paste/detect';
import { matchPaperIdLine, parseScholarfeedPaperLines, scholarfeedPaperFormat } from '../../shared/paste/scholarfeed-paper';
import { fixtureText } from './helpers/fixtures';
import { linesOf, otherFixtures, ownFixtures, SITE_WORDS_PROSE } from './helpers/source-fixtures';

const parse = (text: string) => parseScholarfeedPaperLines(linesOf(text));
const fixture = (name: string) => ownFixtures('scholarfeed_paper').find((f) => f.name.endsWith(name))!.text;

describe('scholarfeed paper page detection', () => {
  it.each(ownFixtures('scholarfeed_paper'))('picks the paper page on $name', ({ text }) => {
    expect(detectAndParse(text).detection?.format).toBe('scholarfeed_paper');
    expect(detectSource(text)?.source).toBe('scholarfeed');
  });

  it.each(otherFixtures('scholarfeed_paper'))('is not fooled by $name', ({ text }) => {
    expect(scholarfeedPaperFormat.signatures(linesOf(text))).toBeLessThan(2);
  });

  it('leaves scholarfeed author pages to the author parser (their record lines do not count)', () => {
    expect(scholarfeedPaperFormat.signatures(linesOf(fixtureText('seed-profile')))).toBe(0);
    expect(detectAndParse(fixtureText('seed-profile')).detection?.format).toBe('scholarfeed');
  });

  it('counts nothing in prose', () => {
    expect(scholarfeedPaperFormat.signatures(linesOf(SITE_WORDS_PROSE))).toBe(0);
  });
});

describe('the glued arXiv line', () => {
  it('reads v2 and 21 citations from "v221 citations"', () => {
    expect(matchPaperIdLine('arXiv:2401.01234v221 citationsh-index: 12Has CodeNeurIPS')).toEqual({
      arxiv: '2401.01234',
      version: 2,
      citations: 21,
      authorHIndex: 12,
      hasCode: true,
      venue: 'NeurIPS',
    });
  });

  it('reads every digit as the version when no count follows (0 citations), v12 included', () => {
    expect(matchPaperIdLine('arXiv:2504.00456v3h-index: 7')).toMatchObject({ version: 3, citations: 0, hasCode: false, venue: null });
    expect(matchPaperIdLine('arXiv:2501.07777v12h-index: 3ICRA')).toMatchObject({ version: 12, citations: 0, venue: 'ICRA' });
  });

  it('reads a count kept apart by a space, with thousands separators, and one citation', () => {
    expect(matchPaperIdLine('arXiv:2506.00123v1 1,204 citationsh-index: 41')).toMatchObject({ version: 1, citations: 1204 });
    expect(matchPaperIdLine('arXiv:2506.00123v31 citationh-index: 41')).toMatchObject({ version: 3, citations: 1 });
    expect(matchPaperIdLine('arXiv:2506.00123v2')).toBeNull();
  });
});

describe('scholarfeed paper page', () => {
  it('reads the page: categories, date, analysis as tldr and extra, abstract, source scholarfeed, no author card', () => {
    const { profile } = detectAndParse(fixture('basic.txt'));
    expect(profile.source).toBe('scholarfeed');
    expect(profile.author).toBeNull();
    const paper = profile.papers[0]!;
    expect(paper).toMatchObject({ category: ['LG', 'CL'], date: '2024-11-27', year: 2024, citations: 21, has_code: true, venue: 'NeurIPS', ids: { arxiv: '2411.01234' } });
    expect(paper.tldr?.startsWith('The paper trains sparse autoencoders')).toBe(true);
    expect(paper.abstract?.startsWith('Sparse autoencoders (SAEs)')).toBe(true);
    expect(paper.extra).toMatchObject({ arxiv_version: 2, author_h_index: 12, originality: 'Incremental advance' });
  });

  it('reads two pages pasted one after the other and warns of the one cut before its abstract', () => {
    const { profile, report } = parse(fixture('two-pages-cut.txt'));
    expect(profile.papers.map((p) => [p.ids.arxiv, p.extra.arxiv_version, p.citations, p.abstract === null])).toEqual([
      ['2501.07777', 12, 0, true],
      ['2506.00123', 1, 1204, false],
    ]);
    expect(report.warnings).toEqual(['The paper on line 2 ("Learning Contact-Rich Manipulation from Äußerst Few Demonstrations") has no abstract in the paste.']);
  });

  it('reads an author line between the title and the arXiv line, which the grammar does not show but a page may', () => {
    const paper = parse('CLJan 2, 2025\nT\nAnn Lee, Bo Chen, Cy Dee et al. · pku\narXiv:2501.00001v1h-index: 2\nOriginality X\nAI Analysis\nS\nU\nA.').profile.papers[0]!;
    expect([paper.authors, paper.authors_truncated, paper.affiliations, paper.abstract]).toEqual([['Ann Lee', 'Bo Chen', 'Cy Dee'], true, ['pku'], 'A.']);
  });

  it('reports page text as skipped with its reason', () => {
    expect(parse(fixture('zero-citations-crlf.txt')).report.skipped).toEqual([
      { line: 9, text: 'Foundations', reason: 'page text, not the paper' },
      { line: 10, text: 'Your Notes', reason: 'page text, not the paper' },
    ]);
  });
});
