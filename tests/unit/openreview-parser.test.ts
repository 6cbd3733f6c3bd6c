import { describe, expect, it } from 'vitest';
import { detectAndParse } from '../../shared/paste/detect';
import { normaliseLines } from '../../shared/paste/normalise';
import { openreviewSignatures, openreviewType, parseOpenReviewLines } from '../../shared/paste/openreview';
import { fixtureExpected, fixtureText } from './helpers/fixtures';
import { describeOtherBrowsers, describeOwnFixtures, expectFewSignaturesOnSharedPastes, expectNothingInPlainProse } from './helpers/parser-checks';

const parse = (text: string) => parseOpenReviewLines(normaliseLines(text));

describe('OpenReview: the shared fixture', () => {
  const expected = fixtureExpected('openreview');
  const outcome = detectAndParse(fixtureText('openreview'));

  it('is detected as OpenReview, sure, and read exactly (extra included)', () => {
    expect(outcome.detection).toMatchObject({ format: 'openreview', confidence: 'sure' });
    expect(outcome.profile.author).toEqual(expected.author);
    expect(outcome.profile.papers).toEqual(expected.papers);
  });

  it('takes no career, advisor, expertise or co-author line for a paper, and reports the co-authors and footer as skipped', () => {
    const titles = outcome.profile.papers.map((p) => p.title);
    for (const notPaper of ['Postdoc', 'PhD Advisor', 'Henrik Ødegård', 'structured prediction', 'Pieter de Vries']) expect(titles).not.toContain(notPaper);
    expect(outcome.report.skipped.map((s) => s.text)).toEqual(expect.arrayContaining(['Login', 'Co-Authors', 'Pieter de Vries', 'About OpenReview']));
    expect(outcome.report.incompleteTail).toBeNull();
  });
});

describeOwnFixtures('OpenReview', 'openreview');

describeOtherBrowsers('openreview', fixtureText('openreview'), parse);

describe('OpenReview detection', () => {
  it('scores at most one signature on every other shared fixture, none on prose', () => {
    expectFewSignaturesOnSharedPastes(openreviewSignatures, 'openreview.txt');
    expectNothingInPlainProse(openreviewSignatures);
  });
});

describe('OpenReview publications', () => {
  it('derives the type from the venue/decision line', () => {
    expect(openreviewType('Submitted to ICLR 2025')).toBe('submission');
    expect(openreviewType('ICLR 2022 Conference Withdrawn Submission')).toBe('withdrawn submission');
    expect(openreviewType('ICLR 2025 Conference Desk Rejected Submission')).toBe('desk rejected submission');
    expect(openreviewType('ICLR 2025 Conference Rejected Submission')).toBe('rejected submission');
    expect(openreviewType('ICLR 2024 poster')).toBeNull();
    expect(openreviewType('TMLR')).toBeNull();
    expect(openreviewType(null)).toBeNull();
  });

  it('reads a publication with no venue line, and one with no authors line', () => {
    const { profile } = parse(['Publications', 'Alone Title', 'Published: 01 Feb 2024, Last Modified: 02 Feb 2024', 'Readers:  Everyone', 'Other Title', 'A B, C D', 'Published: 03 Mar 2023', 'TMLR', 'Readers: Everyone'].join('\n'));
    expect(profile.papers).toEqual([
      expect.objectContaining({ title: 'Alone Title', authors: [], venue: null, date: '2024-02-01', year: 2024, extra: { last_modified: '2024-02-02', readers: 'Everyone' } }),
      expect.objectContaining({ title: 'Other Title', authors: ['A B', 'C D'], venue: 'TMLR', date: '2023-03-03', extra: { readers: 'Everyone' } }),
    ]);
  });

  it('names a publication cut before its date and reports stray lines as skipped', () => {
    const { profile, report } = parse(['Publications', 'PDF', 'Title One', 'A B', 'Published: 01 Feb 2024, Last Modified: 02 Feb 2024', 'TMLR', 'Readers:  Everyone', 'Cut Title', 'A B, C D'].join('\n'));
    expect(profile.papers.map((p) => p.title)).toEqual(['Title One']);
    expect(report.skipped).toEqual([{ line: 2, text: 'PDF', reason: 'not part of a publication' }]);
    expect(report.incompleteTail).toEqual({ line: 8, text: 'Cut Title', missing: 'its publication date and venue' });
  });
});

describe('OpenReview: a window of the publication list', () => {
  it('reads the publications of a paste that starts inside one, and skips the cut one', () => {
    const text = fixtureText('openreview');
    const lines = text.split('\n');
    const window = lines.slice(lines.indexOf('Published: 19 Sep 2024, Last Modified: 15 Aug 2025') - 1, 82).join('\n');
    const outcome = detectAndParse(window);
    expect(outcome.detection?.format).toBe('openreview');
    expect(outcome.profile.author).toBeNull();
    expect(outcome.profile.papers.map((p) => p.title)).toEqual(fixtureExpected('openreview').papers.slice(2, 9).map((p) => p.title));
    expect(outcome.report.skipped.slice(0, 4)).toEqual([
      { line: 1, text: 'Zoë Kowalczyk', reason: 'part of a publication whose title is not in the paste' },
      { line: 2, text: 'Published: 19 Sep 2024, Last Modified: 15 Aug 2025', reason: 'part of a publication whose title is not in the paste' },
      { line: 3, text: 'Submitted to ICLR 2025', reason: 'part of a publication whose title is not in the paste' },
      { line: 4, text: 'Readers:  Everyone', reason: 'part of a publication whose title is not in the paste' },
    ]);
  });
});

describe('OpenReview: the profile header', () => {
  it('takes the name and position below the navigation, whatever the navigation holds', () => {
    const { profile } = parse(['OpenReview.net', 'Search OpenReview...', 'Messages', 'Ann Lee', 'Joined ​May 2020', 'Publications'].join('\n'));
    expect(profile.author).toMatchObject({ name: 'Ann Lee', affiliation: null, extra: { joined: '2020-05' } });
  });
});
