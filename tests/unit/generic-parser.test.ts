import { describe, expect, it } from 'vitest';
import { LecternError } from '../../shared/errors';
import { detectAndParse, detectSourceOfLines } from '../../shared/paste/detect';
import { parseGenericLines } from '../../shared/paste/generic-blocks';
import { isProse, readAuthorLine } from '../../shared/paste/generic-lines';
import { normaliseLines } from '../../shared/paste/normalise';
import { ownFixtureNames, ownFixtureText } from './helpers/source-fixtures';

const parse = (text: string) => parseGenericLines(normaliseLines(text));

const EMAIL = `From: Maria Rossi <maria.rossi@northvale.edu>
Sent: Tuesday, 14 March 2025 09:12
To: Vision & Language Lab
Subject: Reading group moved

Hi all,

The reading group on 21 March 2025 is moved to room B204.
We will discuss Learning to Segment Anything in Low-Light Conditions (CVPR 2024) and the ICCV 2023 benchmark paper.
Wei Li, Hao Zhang
Please bring your laptops. The deadline for the NeurIPS 2025 submission is 15 May 2025.

Best,
Maria`;

const NEWS = `Local Scientists Discover New Species of Frog in the Amazon Basin
By Jane Smith
March 3, 2024
Researchers from Northvale University announced on Monday that they had found a previously unknown species of tree frog.
The team, led by Professor Ayşe Yıldız, published their findings in Nature Ecology & Evolution in February 2024.
"We were surprised," said Dr. Wei Li, a co-author of the study.
Updated March 4, 2024
Related stories
Climate Change Threatens Amphibians Worldwide
John Doe
February 28, 2024`;

const README = `# Lectern
An offline reference manager.
## Installation
npm install lectern
## Citation
If you use Lectern, please cite:
@software{lectern2024,
  title = {Lectern: An Offline Reference Manager},
  author = {Rossi, Maria and Li, Wei},
  year = {2024},
}
## License
MIT License, Copyright (c) 2024 Maria Rossi
Released 2024-06-01. Version 2.1 released 2025-01-10.`;

const MENUS = `Home\nAbout us\nPublications\nPeople\nContact\nWe use cookies to improve your experience.\nAccept all\nPrivacy policy\n© 2025 Northvale University. All rights reserved.`;

describe('generic block parser on prose and page furniture', () => {
  it.each([
    ['an email', EMAIL],
    ['a news article', NEWS],
    ['a README', README],
    ['menus, a cookie banner and a footer', MENUS],
  ])('finds no paper in %s, and detection names no source', (_what, text) => {
    expect(detectSourceOfLines(normaliseLines(text))).toBeNull();
    expect(parse(text).profile.papers).toEqual([]);
    expect(() => detectAndParse(text)).toThrow(LecternError);
  });

  it('tells prose from titles', () => {
    expect(isProse('Please bring your laptops, we will start at nine and you can join us later.')).toBe(true);
    expect(isProse('Learning to Segment Anything in Low-Light Conditions')).toBe(false);
  });
});

describe('generic block parser on unknown pages', () => {
  it.each(ownFixtureNames('generic'))('reads %s as a fallback, with no author card', (name) => {
    const outcome = detectAndParse(ownFixtureText('generic', name));
    expect(outcome.detection).toMatchObject({ format: 'generic', confidence: 'fallback' });
    expect(outcome.profile.author).toBeNull();
    expect(outcome.profile.papers.length).toBeGreaterThanOrEqual(3);
  });

  it('marks guessed fields and keeps the lines it could not place with the paper', () => {
    const { profile } = parse('Some Paper Title About Things\nAnn Lee, Bo Chen\nCVPR 2024\nPoster session B, hall 3\nAnother Paper Title Here Too\nBo Chen\nICCV 2023\n');
    expect(profile.papers.map((p) => [p.title, p.venue, p.year, p.extra])).toEqual([
      ['Some Paper Title About Things', 'CVPR 2024', 2024, { guessed: ['venue'], unparsed: ['Poster session B, hall 3'] }],
      ['Another Paper Title Here Too', 'ICCV 2023', 2023, { guessed: ['authors', 'venue'] }],
    ]);
  });

  it('gives a paper under a year heading that year, marked as guessed', () => {
    const { profile } = parse('2022\nSome Paper Title About Things\nAnn Lee, Bo Chen\narXiv:2201.01234\nAnother Paper Title Here Too\nBo Chen, Ann Lee\narXiv:2202.04321\n');
    expect(profile.papers.map((p) => [p.year, p.ids.arxiv, p.extra.guessed])).toEqual([
      [2022, '2201.01234', ['year']],
      [2022, '2202.04321', ['year']],
    ]);
  });

  it('reads author lists with "and", "+N more", marks and Surname, Given pairs', () => {
    expect(readAuthorLine('Wei Li*, Hao Zhang1 and Maria Rossi†')).toMatchObject({ authors: ['Wei Li', 'Hao Zhang', 'Maria Rossi'], equal: ['Wei Li', 'Maria Rossi'] });
    expect(readAuthorLine('Priya Natarajan, Ömer Kılıç +5 more')).toMatchObject({ authors: ['Priya Natarajan', 'Ömer Kılıç'], truncated: true, count: 7 });
    expect(readAuthorLine('Yıldız, Ayşe; Петрова, Елена')?.authors).toEqual(['Yıldız, Ayşe', 'Петрова, Елена']);
    expect(readAuthorLine('Learning to Segment Anything')).toBeNull();
  });

  it('keeps a single paper only when it carries an identifier', () => {
    expect(parse('Some Paper Title About Things\nAnn Lee, Bo Chen\nCVPR 2024\n').profile.papers).toEqual([]);
    expect(parse('Some Paper Title About Things\nAnn Lee, Bo Chen\nhttps://doi.org/10.1234/abc.5\n').profile.papers.map((p) => p.ids)).toEqual([{ doi: '10.1234/abc.5' }]);
  });

  it('reports every line it did not use, in order', () => {
    const { report } = parse('Home\nSome Paper Title About Things\nAnn Lee, Bo Chen\nCVPR 2024\nAnother Paper Title Here Too\nBo Chen, Ann Lee\nICCV 2023\n');
    expect(report.skipped).toEqual([{ line: 1, text: 'Home', reason: 'page furniture (menu, button, heading or link words)' }]);
  });

  it('reads one-line APA references, and not a sentence with a year in brackets', () => {
    const { profile } = parse('I joined Northvale (2021). It was great. Really great.\n[1] Kılıç, I., & Li, W. (2023). Why does it work? Proceedings of ACL 2023, pp. 1-10.\n[2] Li, W. (2020a). Negation scope in radiology reports. In Proceedings of the Clinical NLP Workshop (pp. 12–21).\n');
    expect(profile.papers.map((p) => [p.title, p.authors, p.year, p.venue, p.pages])).toEqual([
      ['Why does it work?', ['Kılıç, I.', 'Li, W.'], 2023, 'Proceedings of ACL 2023, pp. 1-10', null],
      ['Negation scope in radiology reports', ['Li, W.'], 2020, 'Proceedings of the Clinical NLP Workshop', '12–21'],
    ]);
  });

  it('finds the authors after the venue line, and reads an "Authors:" label', () => {
    const { profile } = parse('Some Paper Title About Things\nCVPR 2024\nAuthors: Ann Lee, Bo Chen\nAnother Paper Title Here Too\nICCV 2023\nBo Chen, Ann Lee\n');
    expect(profile.papers.map((p) => [p.title, p.venue, p.authors, p.extra.unparsed])).toEqual([
      ['Some Paper Title About Things', 'CVPR 2024', ['Ann Lee', 'Bo Chen'], undefined],
      ['Another Paper Title Here Too', 'ICCV 2023', ['Bo Chen', 'Ann Lee'], undefined],
    ]);
  });

  it('keeps a paper about cookies: only a banner that speaks to the reader is furniture', () => {
    const { profile } = parse('We use cookies to improve your experience.\nCookie Banners and Dark Patterns: A Measurement Study\nAnn Lee, Bo Chen\nCHI 2024\nAnother Paper Title Here Too\nBo Chen, Ann Lee\nICCV 2023\n');
    expect(profile.papers.map((p) => p.title)).toEqual(['Cookie Banners and Dark Patterns: A Measurement Study', 'Another Paper Title Here Too']);
  });
});
