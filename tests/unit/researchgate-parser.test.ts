import { describe, expect, it } from 'vitest';
import { detectAndParse } from '../../shared/paste/detect';
import { normaliseLines } from '../../shared/paste/normalise';
import { matchTypeLine, parseResearchgateLines, researchgateSignatures, splitGluedNames, splitVenueNumbers } from '../../shared/paste/researchgate';
import { itPicksOwnFixturesOnly } from './helpers/parser-checks';
import { ownFixtureText } from './helpers/source-fixtures';

const parse = (text: string) => parseResearchgateLines(normaliseLines(text));

describe('ResearchGate detection', () => {
  itPicksOwnFixturesOnly('ResearchGate', 'researchgate', researchgateSignatures);

  it('does not count ORCID identifier lines (`DOI: 10.…` with a space) as its `DOI:10.…` lines', () => {
    expect(researchgateSignatures(['DOI: 10.5555/a.1', 'DOI: 10.5555/a.2', 'DOI: 10.5555/a.3'])).toBe(0);
    expect(researchgateSignatures(['DOI:10.5555/a.1', 'DOI:10.5555/a.2'])).toBe(2);
  });
});

describe('ResearchGate parsing', () => {
  it('reads the header figures given as value/label pairs or glued', () => {
    const { author } = parse('Ann Lee\nPhD\nLecturer at Northvale University\n19\nPublications\n12,486Reads\n1.2k\nCitations\nArticle\nA Title Here\nMay 2020\nAnn Lee\n').profile;
    expect(author?.name).toBe('Ann Lee');
    expect(author?.affiliation).toBe('Northvale University');
    expect(author?.metrics).toEqual({ paper_count: 19, reads: 12486, citations: 1200 });
  });

  it('reads a date line with a venue, volume, issue and pages', () => {
    expect(splitVenueNumbers('Computational Linguistics 46(3):713-758')).toEqual({ venue: 'Computational Linguistics', volume: '46', issue: '3', pages: '713-758' });
    expect(splitVenueNumbers('Nature Machine Intelligence 5:812-824')).toEqual({ venue: 'Nature Machine Intelligence', volume: '5', issue: null, pages: '812-824' });
    // A number that is part of the venue's name is not a volume.
    expect(splitVenueNumbers('NeurIPS 2023')).toEqual({ venue: 'NeurIPS 2023', volume: null, issue: null, pages: null });
  });

  it('splits names glued when the separators were CSS, keeping McAllister whole', () => {
    expect(splitGluedNames('Wang XiaomingLi NaZhang Wei')).toEqual(['Wang Xiaoming', 'Li Na', 'Zhang Wei']);
    expect(splitGluedNames('Sarah McAllisterAyşe Yıldırım')).toEqual(['Sarah McAllister', 'Ayşe Yıldırım']);
  });

  it('reads a type line glued to "Full-text available"', () => {
    expect(matchTypeLine('ArticleFull-text available')).toEqual({ type: 'Article', fullText: true });
    expect(matchTypeLine('Articles')).toBeNull();
  });

  it('reports the lines it skipped and the record cut at the end', () => {
    const { profile, report } = parse('Menu thing\nAnn Lee\nPhD\nArticle\nFirst Paper Title\nMay 2020\nAnn Lee · Bo Chen\nStray words here\nArticle\nSecond Paper Ti');
    expect(profile.papers.map((p) => p.title)).toEqual(['First Paper Title']);
    expect(report.skipped).toEqual([
      { line: 1, text: 'Menu thing', reason: 'not part of the ResearchGate profile header' },
      { line: 8, text: 'Stray words here', reason: 'not recognised in a ResearchGate publication' },
    ]);
    expect(report.incompleteTail).toEqual({ line: 9, text: 'Second Paper Ti', missing: 'authors and date' });
  });

  it('gives every paper every key of the fixture schema', () => {
    const { profile } = detectAndParse(ownFixtureText('researchgate', 'rg-long'));
    const keys = ['title', 'authors', 'authors_truncated', 'author_count', 'equal_contribution', 'affiliations', 'date', 'year', 'venue', 'pages', 'type', 'category', 'citations', 'abstract', 'abstract_truncated', 'tldr', 'ids', 'has_code', 'has_pdf', 'extra'];
    for (const p of profile.papers) expect(Object.keys(p).sort()).toEqual([...keys].sort());
  });

  it('reads a card cut before its authors and followed by the footer as an incomplete tail, not a paper by "Help Center"', () => {
    const { profile, report } = parse('Article\nFirst Paper Title\nMay 2020\nAnn Lee · Bo Chen\nCite\nArticle\nSecond Paper Title\nCompany\nHelp Center\nBusiness solutions\n');
    expect(profile.papers.map((p) => p.title)).toEqual(['First Paper Title']);
    expect(report.incompleteTail).toEqual({ line: 6, text: 'Second Paper Title', missing: 'authors and date' });
  });

  it('skips the footer after the last card', () => {
    const { profile, report } = parse('Article\nFirst Paper Title\nMay 2020\nAnn Lee · Bo Chen\nCite\nShare\nCompany\nHelp Center\n');
    expect(profile.papers[0]?.authors).toEqual(['Ann Lee', 'Bo Chen']);
    expect(report.skipped.map((s) => [s.line, s.reason])).toEqual([
      [7, 'after the publication (page footer or other text)'],
      [8, 'after the publication (page footer or other text)'],
    ]);
  });

  it('reads header pairs given label first', () => {
    expect(parse('Ann Lee\nPhD\nPublications\n19\nReads\n12,486\nCitations\n1,204\n').profile.author?.metrics).toEqual({ paper_count: 19, reads: 12486, citations: 1204 });
  });

  it('makes no author card of a paste that starts inside the list', () => {
    const { profile } = parse('Graph Neural Networks\nMay 2020\nAnn Lee · Bo Chen\nCite\nArticle\nFirst Paper Title\nMay 2021\nAnn Lee · Bo Chen\n');
    expect(profile.author).toBeNull();
    expect(profile.papers.map((p) => p.title)).toEqual(['First Paper Title']);
  });

  it('reads an author line printed with commas instead of dots', () => {
    const p = parse('Article\nFirst Paper Title\nMay 2020\nAyşe Yıldırım, Işıl Kılıç, [...], Bo Chen\nCite\n').profile.papers[0]!;
    expect([p.authors, p.authors_truncated]).toEqual([['Ayşe Yıldırım', 'Işıl Kılıç', 'Bo Chen'], true]);
  });

  it('reads the header pairs glued on one line', () => {
    expect(parse('Ann Lee\nPhD\n19Publications12,486Reads1,204Citations\n').profile.author?.metrics).toEqual({ paper_count: 19, reads: 12486, citations: 1204 });
  });

  it('takes no menu line or section heading for the name', () => {
    expect(parse('Discover the world\'s scientific knowledge\nLecturer at Northvale University\nArticle\nFirst Paper Title\nMay 2020\nAnn Lee · Bo Chen\n').profile.author).toBeNull();
    expect(parse('Ann Lee\n19\nPublications\nIntroduction\nAnn works at Northvale on speech.\nArticle\nFirst Paper Title\nMay 2020\nAnn Lee · Bo Chen\n').profile.author?.name).toBe('Ann Lee');
  });

  it('reads authors with particles and joined prefixes', () => {
    const p = parse('Article\nFirst Paper Title\nMay 2020\nJan van der Berg · Ahmed al-Rashid · Siobhán Ní Bhriain\nCite\n').profile.papers[0]!;
    expect(p.authors).toEqual(['Jan van der Berg', 'Ahmed al-Rashid', 'Siobhán Ní Bhriain']);
  });
});
