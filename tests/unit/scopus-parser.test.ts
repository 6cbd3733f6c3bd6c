import { describe, expect, it } from 'vitest';
import { normaliseLines } from '../../shared/paste/normalise';
import { matchScopusType, parseScopusLines, scopusSignatures, splitScopusAuthors, splitScopusSource } from '../../shared/paste/scopus';
import { itPicksOwnFixturesOnly } from './helpers/parser-checks';

const parse = (text: string) => parseScopusLines(normaliseLines(text));

describe('Scopus detection', () => {
  itPicksOwnFixturesOnly('Scopus', 'scopus', scopusSignatures);

  it('does not count bare "Article" lines, which repositories and ResearchGate print too', () => {
    expect(scopusSignatures(['Article', 'Article', 'Conference Paper', 'Review'])).toBe(0);
    expect(scopusSignatures(['Article • Open access', 'Show abstract'])).toBe(2);
  });
});

describe('Scopus names and sources', () => {
  it('pairs surnames with their initials and reads the elision', () => {
    expect(splitScopusAuthors('Yıldız, M.A., Kaya, A., Marchetti, J.-L., ..., Wang, X.')).toEqual({ authors: ['Yıldız, M.A.', 'Kaya, A.', 'Marchetti, J.-L.', 'Wang, X.'], truncated: true });
    expect(splitScopusAuthors('Иванов, И.С., Смирнова, А.А.').authors).toEqual(['Иванов, И.С.', 'Смирнова, А.А.']);
  });

  it('reads the three source line shapes', () => {
    expect(splitScopusSource('IEEE J. Biomed. Health Inform., 2022, 26(7), pp. 3120–3131')).toMatchObject({ venue: 'IEEE J. Biomed. Health Inform.', year: 2022, volume: '26', issue: '7', pages: '3120–3131' });
    expect(splitScopusSource('Journal of Biomedical Informatics, 2024, 150, 104587')).toMatchObject({ year: 2024, volume: '150', articleNo: '104587', pages: null });
    expect(splitScopusSource('Lecture Notes in Computer Science, 2023, 14102 LNCS, pp. 45–58')).toMatchObject({ venue: 'Lecture Notes in Computer Science', volume: '14102', series: 'LNCS', pages: '45–58' });
    // A venue with a comma and a year in its name keeps them.
    expect(splitScopusSource('Proceedings of LREC, LREC 2022, 2022, pp. 1–8').venue).toBe('Proceedings of LREC, LREC 2022');
  });
});

describe('Scopus parsing', () => {
  it('keeps the Scopus ID and the metrics, and makes no paper of the tab labels', () => {
    const { profile } = parse('Ann Lee\nLee, Ann\nNorthvale University\nScopus ID: 57193456789\n21\nDocuments by author\n648\nCitations by 571 documents\n13\nh-index:\nDocuments (21)\nCited by (571)\nArticle\nA Long Enough Title\nLee, A.\nJournal, 2020, 1, pp. 1–2\n5\nCitations\n');
    expect(profile.author?.ids).toEqual({ scopus_author_id: '57193456789' });
    expect(profile.author?.metrics).toEqual({ paper_count: 21, citations: 648, citing_documents: 571, h_index: 13 });
    expect(profile.papers.map((p) => [p.title, p.citations])).toEqual([['A Long Enough Title', 5]]);
  });

  it('reports skipped lines and a record cut at the end', () => {
    const { report, profile } = parse('Article\nA Long Enough Title\nLee, A.\nJournal, 2020, 1\nStray words\nAnother stray line here\n0\nCitations\nConference Paper\nCut Ti');
    expect(profile.papers[0]?.citations).toBe(0);
    expect(report.skipped).toEqual([
      { line: 5, text: 'Stray words', reason: 'not recognised in a Scopus document' },
      { line: 6, text: 'Another stray line here', reason: 'not recognised in a Scopus document' },
    ]);
    expect(report.incompleteTail).toEqual({ line: 9, text: 'Cut Ti', missing: 'source and citations' });
  });

  it('skips the footer after the last document, even a long copyright sentence (not an abstract)', () => {
    const footer = 'All content on this site: Copyright © 2025 Elsevier B.V., its licensors, and contributors. All rights are reserved, including those for text and data mining, AI training, and similar technologies. For all open access content, the relevant licensing terms apply.';
    const { profile, report } = parse(`Article\nA Long Enough Title\nLee, A.\nJournal, 2020, 1\n3\nCitations\nAbout Scopus\n${footer}\n`);
    expect(profile.papers[0]?.abstract).toBeNull();
    expect(report.skipped.map((s) => s.line)).toEqual([7, 8]);
  });

  it('makes no author card of a paste that starts inside the list', () => {
    const { profile } = parse('Graph Neural Networks\nLee, A.\nJournal, 2020, 1\n3\nCitations\nArticle\nA Long Enough Title\nLee, A.\nJournal, 2021, 2\n');
    expect(profile.author).toBeNull();
  });

  it('reads two-word types in any case, one-word types only exactly', () => {
    expect(matchScopusType('Conference paper • Open access')).toEqual({ type: 'Conference paper', openAccess: true });
    expect(matchScopusType('ArticleOpen access')).toEqual({ type: 'Article', openAccess: true });
    expect(matchScopusType('review')).toBeNull();
    expect(matchScopusType('Articles')).toBeNull();
  });
});
