import { describe, expect, it } from 'vitest';
import { detectAndParse } from '../../shared/paste/detect';
import { normaliseLines } from '../../shared/paste/normalise';
import { papersWithCodeSignatures, parsePapersWithCodeLines } from '../../shared/paste/paperswithcode';
import { describeOwnFixtures, expectFewSignaturesOnSharedPastes, expectNothingInPlainProse } from './helpers/parser-checks';
import { ownFixture, ownFixtureNames } from './helpers/source-fixtures';

const parse = (text: string) => parsePapersWithCodeLines(normaliseLines(text));

describeOwnFixtures('Papers with Code', 'paperswithcode');

describe('Papers with Code: pastes from other browsers and apps', () => {
  const { text } = ownFixture('paperswithcode', 'author-search');
  const base = parse(text).profile;

  it('reads the same with a blank line after every line, with CRLF, and with indented lines', () => {
    expect(parse(text.replace(/\n/g, '\n\n')).profile).toEqual(base);
    expect(parse(text.replace(/\n/g, '\r\n')).profile).toEqual(base);
    const indented = text.split('\n').map((l) => `  ${l}`).join('\n');
    expect(parse(indented).profile).toEqual(base);
    expect(detectAndParse(indented).detection?.format).toBe('paperswithcode');
  });
});

describe('Papers with Code detection', () => {
  it('has at least three own pages', () => {
    expect(ownFixtureNames('paperswithcode').length).toBeGreaterThanOrEqual(3);
  });

  it('scores no signature on the shared fixtures (none is a Papers with Code page) and none on prose', () => {
    expectFewSignaturesOnSharedPastes(papersWithCodeSignatures);
    expectNothingInPlainProse(papersWithCodeSignatures);
  });
});

describe('Papers with Code items', () => {
  const page = [
    'Search Results for author: Ann Lee',
    'Found 1,204 papers, 3 papers with code',
    'Date Published',
    'First Paper',
    '12 code implementations • ICLR 2023 Workshop • Ann Lee, Bo Chen',
    'An abstract that ends.',
    'Image Classification',
    '+4',
    '★ 12,345',
    'Second Paper',
    'no code implementations • 1 Jan 2020 • Bo Chen',
    'Another abstract.',
    '★ 3',
    'Third Paper Cut Before Its Line',
  ].join('\n');

  it('reads the implementations count, the venue or date, authors, tasks and stars', () => {
    const { profile } = parse(page);
    expect(profile.author).toMatchObject({ name: 'Ann Lee', metrics: { paper_count: 1204 }, extra: { papers_with_code: 3 } });
    expect(profile.papers[0]).toMatchObject({ title: 'First Paper', has_code: true, venue: 'ICLR 2023 Workshop', year: 2023, authors: ['Ann Lee', 'Bo Chen'], abstract: 'An abstract that ends.', extra: { code_implementations: 12, tasks_shown: ['Image Classification'], tasks_more: 4, stars: 12345 } });
    expect(profile.papers[1]).toMatchObject({ title: 'Second Paper', has_code: false, venue: null, date: '2020-01-01', year: 2020, authors: ['Bo Chen'], extra: { code_implementations: 0, stars: 3 } });
  });

  it('names the title left after the last stars as an item cut before its implementations line', () => {
    const { profile, report } = parse(page);
    expect(profile.papers).toHaveLength(2);
    expect(report.incompleteTail).toEqual({ line: 14, text: 'Third Paper Cut Before Its Line', missing: 'its implementations line, date, authors and abstract' });
  });

  it('reports the page menus and the footer as skipped lines', () => {
    const { report } = parse(['Sign In', ...page.split('\n').slice(0, 9), 'Contact us on: hello@paperswithcode.com .', 'Terms'].join('\n'));
    expect(report.skipped.map((s) => [s.line, s.text])).toEqual([
      [1, 'Sign In'],
      [4, 'Date Published'],
      [11, 'Contact us on: hello@paperswithcode.com .'],
      [12, 'Terms'],
    ]);
    expect(report.incompleteTail).toBeNull();
  });
});
