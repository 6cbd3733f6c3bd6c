/**
 * The Google Scholar profile parser beyond the field-by-field fixtures: detection on every fixture (its
 * own and the other sources'), the Cited by chart rules (values paired by year only when they stand
 * apart), the report of skipped lines, a paste cut at either end, the narrow layout's `, YEAR`, glued
 * interests, and odd content that must not throw.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { detectAndParse, detectSource } from '../../shared/paste/detect';
import { googleScholarFormat, parseGoogleScholarLines } from '../../shared/paste/google-scholar';
import { splitInterests } from '../../shared/paste/google-scholar-sidebar';
import { normaliseLines } from '../../shared/paste/normalise';
import { PROFILES, REPO } from './helpers/fixtures';
import { expectEveryFileDetectedAs, expectWellFormedOnAnyMix } from './helpers/parser-checks';

const OWN = join(REPO, 'tests', 'fixtures', 'paste', 'google_scholar');
const own = readdirSync(OWN).filter((f) => f.endsWith('.txt')).map((f) => join(OWN, f));
const shared = readdirSync(PROFILES).filter((f) => f.endsWith('.txt')).map((f) => join(PROFILES, f));
const read = (path: string) => readFileSync(path, 'utf8');
const parse = (text: string) => parseGoogleScholarLines(normaliseLines(text));

const HEADER = ['Skip to main content', 'Sign in', 'Get my own profile', 'Ada Lovelace', 'Professor, Analytical University', 'Verified email at au.edu', 'Mathematics', 'Follow'];
const METRICS = ['Cited by', 'View all', '\tAll\tSince 2021', 'Citations\t900\t600', 'h-index\t12\t10', 'i10-index\t14\t11'];
const TABLE = ['TITLE\tCITED BY\tYEAR', 'Notes on the Engine', 'A Lovelace', 'Scientific Memoirs 3, 666-731\t500\t2019', 'Articles 1–1'];
const page = (chart: string[]) => [...HEADER, ...METRICS, ...chart, 'Public access', 'View all', '1 articles\t2 articles', 'not available\tavailable', ...TABLE].join('\n');

describe('Google Scholar detection', () => {
  it('picks Google Scholar on every Google Scholar fixture, its own and the shared one', () => {
    expectEveryFileDetectedAs([...own, join(PROFILES, 'google-scholar.txt')], 'google_scholar', 7);
  });

  it('counts at most one signature on the other sources’ fixtures', () => {
    const others = shared.filter((f) => !f.endsWith('google-scholar.txt'));
    expect(others.length).toBeGreaterThanOrEqual(7);
    for (const f of others) expect({ f, n: googleScholarFormat.signatures(normaliseLines(read(f))) }).toEqual({ f, n: expect.any(Number) });
    for (const f of others) expect(googleScholarFormat.signatures(normaliseLines(read(f)))).toBeLessThanOrEqual(1);
  });

  it('sees nothing in plain prose, even prose that says "Citations" and "h-index"', () => {
    const prose = 'Citations matter. The h-index of a scholar is 12.\nGoogle Scholar lists 2019 papers and 30 citations.\nTITLE and YEAR are words.';
    expect(googleScholarFormat.signatures(normaliseLines(prose))).toBe(0);
    expect(detectSource(prose)).toBeNull();
  });

  it('detects a window of article rows cut from the middle of the table (no header, no footer)', () => {
    const lines = read(join(PROFILES, 'google-scholar.txt')).split('\n');
    const start = lines.findIndex((l) => l.startsWith('Scaling Laws for Robotic Grasping'));
    const window = lines.slice(start - 1, start + 29).join('\n'); // starts with a venue line: a cut article
    const outcome = detectAndParse(window);
    expect(outcome.detection?.format).toBe('google_scholar');
    expect(outcome.profile.author).toBeNull();
    expect(outcome.profile.papers[0]!.title).toBe('Scaling Laws for Robotic Grasping');
    // Nine whole rows, then the title and authors of a tenth: the cut end is reported, not imported.
    expect(outcome.profile.papers).toHaveLength(9);
    expect(outcome.report.incompleteTail?.text).toBe('Scaling Laws for Program Synthesis');
    expect(outcome.report.skipped[0]).toMatchObject({ line: 1, reason: 'citation and year cells with no title before them' });
  });
});

describe('the Cited by chart', () => {
  it('pairs TAB-separated values with their years into citations_per_year', () => {
    const { profile, report } = parse(page(['2019\t2020\t2021', '88\t140\t186']));
    expect(profile.author?.extra.citations_per_year).toEqual({ 2019: 88, 2020: 140, 2021: 186 });
    expect(report.warnings).toEqual([]);
  });

  it('pairs values on their own lines, after the labels or alternating with them', () => {
    expect(parse(page(['2019', '2020', '2021', '88', '140', '186'])).profile.author?.extra.citations_per_year).toEqual({ 2019: 88, 2020: 140, 2021: 186 });
    expect(parse(page(['2019', '88', '2020', '140', '2021', '186'])).profile.author?.extra.citations_per_year).toEqual({ 2019: 88, 2020: 140, 2021: 186 });
    expect(parse(page(['2019 2020 2021', '88 140 186'])).profile.author?.extra.citations_per_year).toEqual({ 2019: 88, 2020: 140, 2021: 186 });
  });

  it('pairs glued year labels with values that stand apart', () => {
    expect(parse(page(['201920202021', '88', '140', '186'])).profile.author?.extra.citations_per_year).toEqual({ 2019: 88, 2020: 140, 2021: 186 });
  });

  it('does not guess glued values: no citations_per_year, a warning, both chart lines skipped with reasons, totals kept', () => {
    const text = page(['201920202021', '88140186']);
    const { profile, report } = parse(text);
    expect(profile.author?.extra.citations_per_year).toBeUndefined();
    expect(profile.author?.metrics).toMatchObject({ citations: 900, citations_recent: 600, h_index: 12, i10_index: 14, recent_since_year: 2021 });
    expect(report.warnings).toHaveLength(1);
    expect(report.warnings[0]).toMatch(/glued together.*"88140186".*line 16/);
    const lines = normaliseLines(text);
    expect(report.skipped.filter((s) => s.line === 15 || s.line === 16)).toEqual([
      { line: 15, text: lines[14], reason: 'year labels of the Cited by chart, whose values could not be read' },
      { line: 16, text: lines[15], reason: 'the Cited by chart values are glued together and cannot be told apart' },
    ]);
  });

  it('does not pair when the counts disagree (a year without a bar)', () => {
    const { profile, report } = parse(page(['2019\t2020\t2021', '88\t186']));
    expect(profile.author?.extra.citations_per_year).toBeUndefined();
    expect(report.warnings[0]).toMatch(/5 numbers that do not pair up as years and values.*line 15/);
    const glued = parse(page(['201920202021', '88\t186']));
    expect(glued.profile.author?.extra.citations_per_year).toBeUndefined();
    expect(glued.report.warnings[0]).toMatch(/3 year labels for 2 values/);
  });

  it('reads no chart values from the shared fixture, whose chart is glued', () => {
    const { profile, report } = parse(read(join(PROFILES, 'google-scholar.txt')));
    expect(profile.author?.extra.citations_per_year).toBeUndefined();
    expect(report.warnings.some((w) => w.includes('412533688'))).toBe(true);
  });

  it('reads the separable chart of the histogram fixture', () => {
    const { profile } = parse(read(join(OWN, 'google-scholar-histogram.txt')));
    expect(profile.author?.extra.citations_per_year).toEqual({ 2019: 88, 2020: 140, 2021: 186, 2022: 240, 2023: 301, 2024: 322 });
  });
});

describe('the Google Scholar report', () => {
  it('names every line it did not use, with a reason, in paste order', () => {
    const text = read(join(PROFILES, 'google-scholar.txt'));
    const { report } = parse(text);
    const lines = normaliseLines(text);
    expect(report.skipped.map((s) => s.line)).toEqual([...report.skipped.map((s) => s.line)].sort((a, b) => a - b));
    for (const s of report.skipped) expect(s.text).toBe(lines[s.line - 1]);
    expect(report.skipped.find((s) => s.text === 'Show more')?.reason).toBe('page footer');
    expect(report.skipped.find((s) => s.text === 'Sign in')?.reason).toBe('page menu or button');
    expect(report.incompleteTail).toBeNull();
  });

  it('says what to copy when the paste ends after the profile header and sidebar', () => {
    const { profile, report } = parse([...HEADER, ...METRICS].join('\n'));
    expect(profile.author?.metrics.h_index).toBe(12);
    expect(profile.papers).toEqual([]);
    expect(report.warnings).toContain('No article rows were found after the profile header. Scroll to the end of the article list, click Show more until it is greyed out, then select all and copy again.');
  });

  it('reports an article cut at the end of the paste instead of importing it', () => {
    const { profile, report } = parse(read(join(OWN, 'google-scholar-cut.txt')));
    expect(profile.papers).toHaveLength(3);
    expect(report.incompleteTail).toEqual({ line: 31, text: 'Instrumental Variables for Language Model Evaluation', missing: 'venue, citations and year' });
  });

  it('keeps the co-authors, public access and email domain of a sidebar that follows the table', () => {
    const { profile } = parse(read(join(OWN, 'google-scholar-variant-b.txt')));
    expect(profile.author?.extra).toMatchObject({
      verified_email_domain: 'fjordhavn.no',
      public_access: { not_available: 3, available: 9 },
      coauthors: [
        { name: 'Henrik Ødegård', affiliation: 'Professor of Computational Linguistics, Northvale University' },
        { name: 'Mercy Okafor', affiliation: 'Lagos Institute of Technology' },
      ],
    });
    expect(profile.papers.map((p) => p.extra)).toContainEqual({ citations_merged: true });
    expect(profile.papers.find((p) => p.venue === 'US Patent 11,482,907')?.citations).toBe(97);
  });
});

/** A profile in the German interface: words change, line shapes stay. */
const GERMAN = [
  'Direkt zum Hauptinhalt',
  'Anmelden',
  'Eigenes Profil erstellen',
  'Henrik Ødegård',
  'Professor für Computerlinguistik, Northvale University',
  'Bestätigte E-Mail-Adresse bei northvale.edu - Startseite',
  'SpracherkennungMaschinelle Übersetzung',
  'Folgen',
  'Zitiert von',
  'Alle anzeigen',
  '\tAlle\tSeit 2020',
  'Zitate\t9415\t5588',
  'h-index\t38\t31',
  'i10-index\t84\t66',
  '2022\t2023\t2024',
  '1048\t1163\t1049',
  'Koautoren',
  'Alle anzeigen',
  'Ingrid Halvorsen',
  'Fjordhavn University',
  'TITEL\tZITIERT VON\tJAHR',
  'Near-Optimal Bounds for Quantized Inference',
  'H Ødegård',
  'Transactions of the Association for Computational Linguistics 7, 453-466\t2317*\t2019',
  'Scaling Laws for Robotic Grasping',
  'A bin Yusof, H Ødegård',
  'Computational Linguistics 59 (11), 713-726\t390\t2015',
  'Artikel 1–2',
  'Mehr anzeigen',
  'Datum und Zitatangaben werden geschätzt und automatisch von einem Computerprogramm ermittelt.',
].join('\n');

describe('Google Scholar in another interface language', () => {
  it('reads the header, the Cited by table, the chart and the rows by their shapes', () => {
    const outcome = detectAndParse(GERMAN);
    expect(outcome.detection?.format).toBe('google_scholar');
    const { author, papers } = outcome.profile;
    expect(author).toMatchObject({
      name: 'Henrik Ødegård',
      affiliation: 'Professor für Computerlinguistik, Northvale University',
      interests: ['Spracherkennung', 'Maschinelle Übersetzung'],
      metrics: { citations: 9415, citations_recent: 5588, h_index: 38, h_index_recent: 31, i10_index: 84, i10_index_recent: 66, recent_since_year: 2020 },
      extra: { verified_email_domain: 'northvale.edu', citations_per_year: { 2022: 1048, 2023: 1163, 2024: 1049 } },
    });
    expect(papers.map((p) => [p.title, p.citations, p.year])).toEqual([
      ['Near-Optimal Bounds for Quantized Inference', 2317, 2019],
      ['Scaling Laws for Robotic Grasping', 390, 2015],
    ]);
    expect(outcome.report.incompleteTail).toBeNull();
    expect(outcome.report.skipped.at(-1)?.reason).toBe('page footer');
  });
});

describe('Google Scholar rows and header', () => {
  it("strips the narrow layout's ', YEAR' only when it repeats the year cell", () => {
    const rows = ['TITLE\tCITED BY\tYEAR', 'First Title', 'A Author', 'Venue One, 2019\t3\t2019', 'Second Title', 'B Author', 'Venue Two, 2018\t4\t2019'];
    const { profile } = parse(rows.join('\n'));
    expect(profile.papers.map((p) => p.venue)).toEqual(['Venue One', 'Venue Two, 2018']);
  });

  it('reads rows pasted after a footer (two list pages in one paste) and treats unknown lines after the footer as footer', () => {
    const rows = ['TITLE\tCITED BY\tYEAR', 'T1', 'A Author', 'V1\t1\t2020', 'Articles 1–1', 'Show more', 'T2', 'B Author', 'V2\t2\t2021', 'Articles 1–2', 'About Scholar', 'Send feedback'];
    const { profile, report } = parse(rows.join('\n'));
    expect(profile.papers.map((p) => p.title)).toEqual(['T1', 'T2']);
    expect(report.incompleteTail).toBeNull();
    expect(report.skipped.slice(-2).map((s) => [s.text, s.reason])).toEqual([['About Scholar', 'page footer'], ['Send feedback', 'page footer']]);
  });

  it('takes the year from the venue when a narrow layout has no year column', () => {
    const rows = ['TITLE\tCITED BY', 'T1', 'A Author', 'Venue One, 2019\t3', 'T2', 'B Author', ', 2021\t4', 'T3', 'C Author', 'US Patent 11,482,907\t5'];
    const { profile } = parse(rows.join('\n'));
    expect(profile.papers.map((p) => [p.venue, p.year, p.citations])).toEqual([
      ['Venue One', 2019, 3],
      [null, 2021, 4],
      ['US Patent 11,482,907', null, 5],
    ]);
  });

  it('marks a venue cut with … and keeps merged citations with the star on either side', () => {
    const rows = ['TITLE\tCITED BY\tYEAR', 'T1', 'A Author', 'Proceedings of Something Long…\t*12\t2020', 'T2', 'B Author', 'Short Venue\t7*\t2021'];
    const { profile } = parse(rows.join('\n'));
    expect(profile.papers.map((p) => [p.venue, p.citations, p.extra])).toEqual([
      ['Proceedings of Something Long', 12, { citations_merged: true, venue_truncated: true }],
      ['Short Venue', 7, { citations_merged: true }],
    ]);
  });

  it('splits glued interests at lower→Upper and ACRONYM→Word, keeps McAllister and iOS whole (unsure: left glued)', () => {
    expect(splitInterests('Speech RecognitionLow-Resource NLPComputational Linguistics')).toEqual(['Speech Recognition', 'Low-Resource NLP', 'Computational Linguistics']);
    expect(splitInterests('McAllister ConjectureMachine Learning')).toEqual(['McAllister Conjecture', 'Machine Learning']);
    expect(splitInterests('iOS SecurityAI')).toEqual(['iOS Security', 'AI']);
    expect(splitInterests('Машинное обучениеОбработка языка')).toEqual(['Машинное обучение', 'Обработка языка']);
    expect(splitInterests('Robotics, Control')).toEqual(['Robotics', 'Control']);
  });

  it('never throws on odd content and keeps every key of every paper', () => {
    const odd = ['\t\t\t', 'TITLE\tCITED BY\tYEAR\n\t1\t2019\n\t\t\n*\t*\t*', 'Citations\t1\t2\nCitations\t3\t4', '\tAll\tSince 9999\n' + '1'.repeat(5000), 'Co-authors\nPublic access\nCo-authors', 'x\ty\t2019\n'.repeat(50)];
    for (const text of odd) {
      const { profile } = parse(text);
      for (const p of profile.papers) expect(Object.keys(p).sort()).toEqual(Object.keys(profile.papers[0]!).sort());
    }
    const { profile } = parse('x\ty\t2019');
    expect(profile.papers).toEqual([]);
  });
});

describe('Google Scholar parser on shuffled and mutated pages', () => {
  it('returns a well-formed outcome for any mix of lines from the Google Scholar fixtures', () => {
    const texts = [...own, join(PROFILES, 'google-scholar.txt')].map(read);
    expectWellFormedOnAnyMix(parseGoogleScholarLines, texts, ['', '\t', '*', ' ...', ', 2019', '\t\t', '…', '\u0301']);
  });
});
