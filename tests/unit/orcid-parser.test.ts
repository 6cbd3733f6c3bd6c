import { describe, expect, it } from 'vitest';
import { detectAndParse } from '../../shared/paste/detect';
import { normaliseLines } from '../../shared/paste/normalise';
import { orcidSignatures, parseOrcidLines, validOrcidChecksum } from '../../shared/paste/orcid';
import { fixtureExpected, fixtureText } from './helpers/fixtures';
import { describeOtherBrowsers, describeOwnFixtures, expectFewSignaturesOnSharedPastes, expectNothingInPlainProse } from './helpers/parser-checks';

const parse = (text: string) => parseOrcidLines(normaliseLines(text));

describe('ORCID: the shared fixture', () => {
  const expected = fixtureExpected('orcid');
  const outcome = detectAndParse(fixtureText('orcid'));

  it('is detected as ORCID, sure, and read exactly (extra included)', () => {
    expect(outcome.detection).toMatchObject({ format: 'orcid', confidence: 'sure' });
    expect(outcome.profile.author).toEqual(expected.author);
    expect(outcome.profile.papers).toEqual(expected.papers);
  });

  it('takes no employment or education entry and no peer review for a work', () => {
    const titles = outcome.profile.papers.map((p) => p.title);
    expect(titles).not.toContain('Saltmarsh University: Galway, IE');
    expect(titles.some((t) => t.startsWith('Review activity'))).toBe(false);
    expect(outcome.report.skipped.map((s) => s.text)).toEqual(expect.arrayContaining(['Accept All Cookies', 'Review activity for JAMIA Open (1)']));
  });
});

describeOwnFixtures('ORCID', 'orcid');

describeOtherBrowsers('orcid', fixtureText('orcid'), parse);

describe('ORCID detection', () => {
  it('scores at most one signature on every other shared fixture, none on prose', () => {
    expectFewSignaturesOnSharedPastes(orcidSignatures, 'orcid.txt');
    expectNothingInPlainProse(orcidSignatures);
  });
});

describe('ORCID iD check digit (ISO 7064 mod 11-2)', () => {
  it('accepts valid iDs, X included', () => {
    for (const id of ['0000-0002-1825-0097', '0000-0001-5109-3700', '0000-0002-1694-233X']) expect(validOrcidChecksum(id), id).toBe(true);
  });

  it('refuses a wrong check digit and malformed text', () => {
    for (const id of ['0000-0002-1825-0098', '0000-0002-1694-2330', '0000-0002-1825-009', 'abcd-0002-1825-0097']) expect(validOrcidChecksum(id), id).toBe(false);
  });

  it('keeps no iD with a wrong check digit and warns with its line', () => {
    const text = fixtureText('orcid').replace('0000-0002-1825-0097', '0000-0002-1825-0098');
    const { profile, report } = parse(text);
    expect(profile.author?.ids).toEqual({});
    expect(profile.author?.name).toBe('Siobhán Ní Bhriain');
    expect(report.warnings).toContain('The ORCID iD 0000-0002-1825-0098 on line 18 has a wrong check digit, so it is not kept as an identifier.');
    expect(profile.papers).toHaveLength(22);
  });
});

describe('ORCID works', () => {
  const record = [
    'Ann Lee',
    'https://orcid.org/0000-0002-1825-0097',
    'Works (2)',
    'A Title',
    'Some Journal',
    '2020-02 | Journal article',
    'DOI: 10.1/x',
    'Handle: 123/456',
    'Show more detail',
    'Source: Crossref',
    'Preferred source (of 4)',
    'Cut Work',
    '2021 | Preprint',
  ].join('\n');

  it('reads identifiers, keeps the others in extra, and counts the sources', () => {
    const { profile } = parse(record);
    expect(profile.papers).toHaveLength(1);
    expect(profile.papers[0]).toMatchObject({ title: 'A Title', venue: 'Some Journal', date: '2020-02', year: 2020, type: 'Journal article', authors: [], ids: { doi: '10.1/x' }, extra: { source: 'Crossref', source_count: 4, other_ids: { Handle: '123/456' } } });
  });

  it('names a work cut at the end of the paste and does not import it', () => {
    const { report } = parse(record);
    expect(report.incompleteTail).toEqual({ line: 12, text: 'Cut Work', missing: 'its source' });
    expect(report.warnings).toEqual(['The record says it has 2 works; the paste holds 1. ORCID groups versions of a work, and a collapsed section is not copied.']);
  });

  it('ignores the works list buttons before a work', () => {
    const { profile } = parse(['Works (1)', 'Sort', 'Export works', 'Select all', 'Only Title', '2019 | Preprint', 'Show more detail', 'Source: arXiv'].join('\n'));
    expect(profile.papers).toEqual([expect.objectContaining({ title: 'Only Title', venue: null, type: 'Preprint', year: 2019, date: null })]);
  });

  it('reads works even when the person part was not pasted (no author card)', () => {
    const { profile } = parse(record.split('\n').slice(2).join('\n'));
    expect(profile.author).toBeNull();
    expect(profile.papers.map((p) => p.title)).toEqual(['A Title']);
  });
});

describe('ORCID: a window of the works list', () => {
  it('reads the works of a paste with no heading that starts inside a work, and skips the cut one', () => {
    const lines = fixtureText('orcid').split('\n');
    const window = lines.slice(lines.indexOf('2025 | Conference paper'), lines.indexOf('Cartographer: A Benchmark for Quantized Inference in Noisy Labels')).join('\n');
    const outcome = detectAndParse(window);
    expect(outcome.detection?.format).toBe('orcid');
    expect(outcome.profile.author).toBeNull();
    expect(outcome.profile.papers).toEqual(fixtureExpected('orcid').papers.slice(2, 6));
    expect(outcome.report.skipped.map((s) => s.line)).toEqual([1, 2, 3, 5]); // line 4 is the 'Show more detail' button
    expect(outcome.report.skipped[0]).toEqual({ line: 1, text: '2025 | Conference paper', reason: 'part of a work whose title is not in the paste' });
  });
});

describe('ORCID: the iD line', () => {
  it('reads an iD printed without its address, with a label between it and the name', () => {
    const { profile } = parse(['Ann Lee', 'ORCID iD', '0000-0002-1694-233X', 'Works (0)'].join('\n'));
    expect(profile.author).toMatchObject({ name: 'Ann Lee', ids: { orcid: '0000-0002-1694-233X' }, metrics: { paper_count: 0 } });
  });
});
