import { describe, expect, it } from 'vitest';
import { acmSignatures, matchAcmType, parseAcmLines, splitAcmVenueLine } from '../../shared/paste/acm-dl';
import { normaliseLines } from '../../shared/paste/normalise';
import { itPicksOwnFixturesOnly } from './helpers/parser-checks';

const parse = (text: string) => parseAcmLines(normaliseLines(text));

describe('ACM DL detection', () => {
  itPicksOwnFixturesOnly('ACM DL', 'acm_dl', acmSignatures);
});

describe('ACM DL venue lines', () => {
  it('splits a line with • separators', () => {
    expect(splitAcmVenueLine("CHI '23: Proceedings•April 2023•Article No.: 412, pp 1–15•https://doi.org/10.1145/3544548.3581412")).toEqual({
      venue: "CHI '23: Proceedings", date: '2023-04', year: 2023, articleNo: '412', pages: '1–15', doi: '10.1145/3544548.3581412', volume: null, issue: null,
    });
  });

  it('reads a glued line (the • were CSS) by its anchors', () => {
    expect(splitAcmVenueLine('MobileHCI 21: Proceedings of Mobile Human-Computer InteractionSeptember 2021Article No.: 18, pp 1–12https://doi.org/10.1145/3447526.3472018')).toEqual({
      venue: 'MobileHCI 21: Proceedings of Mobile Human-Computer Interaction', date: '2021-09', year: 2021, articleNo: '18', pages: '1–12', doi: '10.1145/3447526.3472018', volume: null, issue: null,
    });
  });

  it('moves a journal volume and issue out of the venue', () => {
    const v = splitAcmVenueLine('ACM Computing Surveys, Volume 55, Issue 9•January 2023•pp 1–38•https://doi.org/10.1145/3555309');
    expect([v.venue, v.volume, v.issue, v.pages]).toEqual(['ACM Computing Surveys', '55', '9', '1–38']);
  });
});

describe('ACM DL parsing', () => {
  it('reads "+ N" after the names as the number of authors not shown', () => {
    const p = parse('research-article\nA Long Enough Title\nAnn Lee, Bo Chen, + 4\nVenue•May 2020•pp 1–2•https://doi.org/10.1145/1.2\nTotal Citations1,047\n').profile.papers[0]!;
    expect([p.authors, p.authors_truncated, p.author_count, p.citations]).toEqual([['Ann Lee', 'Bo Chen'], true, 6, 1047]);
  });

  it('reads glued bibliometrics', () => {
    const { author } = parse('Ann Lee\nNorthvale University\nAverage Citation per Article6.5\nCitation count117\nPublication Years2016 - 2024\nDownloads (6 weeks)44\n').profile;
    expect(author?.metrics).toEqual({ avg_citations_per_article: 6.5, citations: 117, publication_years: '2016 - 2024', downloads_6_weeks: 44 });
    expect(author?.affiliation).toBe('Northvale University');
  });

  it('reports skipped lines and a record cut at the end', () => {
    const { profile, report } = parse('Total Downloads 95\nresearch-article\nA Long Enough Title\nAnn Lee\nVenue•May 2020•https://doi.org/10.1145/1.2\nStray words\nposter\nCut Ti');
    expect(profile.papers).toHaveLength(1);
    expect(report.skipped).toEqual([
      { line: 1, text: 'Total Downloads 95', reason: 'before the first publication' },
      { line: 6, text: 'Stray words', reason: 'not recognised in an ACM publication' },
    ]);
    expect(report.incompleteTail).toEqual({ line: 7, text: 'Cut Ti', missing: 'venue, date and citations' });
  });

  it('reads an upper-cased type glued to its access tag, and counts on the line after their labels', () => {
    const p = parse('RESEARCH-ARTICLEOpen Access\nA Long Enough Title\nAnn Lee\nVenue•May 2020•https://doi.org/10.1145/1.2\nTotal Citations\n12\nTotal Downloads\n1,047\nJoin ACM\n').profile.papers[0]!;
    expect([p.type, p.citations, p.extra]).toEqual(['RESEARCH-ARTICLE', 12, { access: 'Open Access', downloads: 1047 }]);
  });

  it('skips the footer after the last card', () => {
    const { report } = parse('research-article\nA Long Enough Title\nAnn Lee\nVenue•May 2020\nTotal Citations1\nTotal Downloads2\nJoin ACM\nCode of Ethics\n');
    expect(report.skipped.map((s) => [s.line, s.reason])).toEqual([
      [7, 'after the publication (page footer or other text)'],
      [8, 'after the publication (page footer or other text)'],
    ]);
  });

  it('does not take a capitalised heading such as "Abstract" or "Introduction" for a type line', () => {
    expect(matchAcmType('Abstract')).toBeNull();
    expect(matchAcmType('Introduction')).toBeNull();
    expect(matchAcmType('SHORT-PAPER')).toEqual({ type: 'SHORT-PAPER', access: null });
  });

  it('makes no author card of a paste that starts inside the list', () => {
    const { profile } = parse('Graph Neural Networks\nAnn Lee\nVenue•May 2020\nTotal Citations3\nresearch-article\nA Long Enough Title\nAnn Lee\nVenue•May 2021\n');
    expect(profile.author).toBeNull();
  });

  it('reads bibliometrics printed value first as well as label first', () => {
    const expected = { avg_citations_per_article: 14, citations: 532, paper_count: 38 };
    expect(parse('Ann Lee\nNorthvale University\nAverage Citation per Article\n14\nCitation count\n532\nPublication counts\n38\nPublished Works\n').profile.author?.metrics).toEqual(expected);
    expect(parse('Ann Lee\nNorthvale University\n14\nAverage Citation per Article\n532\nCitation count\n38\nPublication counts\nPublished Works\n').profile.author?.metrics).toEqual(expected);
  });

  it('reads "+ N" with no comma before it', () => {
    const p = parse('research-article\nA Long Enough Title\nAnn Lee, Bo Chen + 4\nVenue•May 2020\n').profile.papers[0]!;
    expect([p.authors, p.author_count]).toEqual([['Ann Lee', 'Bo Chen'], 6]);
  });
});
