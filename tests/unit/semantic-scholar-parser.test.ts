/**
 * The Semantic Scholar author page parser beyond the field-by-field fixtures: detection on every
 * fixture (its own and the other sources'), header metrics in their variants, `+k authors`, TLDR,
 * buttons that belong to the card before them, pagination and footer, a paste cut at either end, the
 * report of skipped lines, and odd content that must not throw.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { detectAndParse, detectSource } from '../../shared/paste/detect';
import { normaliseLines } from '../../shared/paste/normalise';
import { parseSemanticScholarLines, semanticScholarFormat } from '../../shared/paste/semantic-scholar';
import { PROFILES, REPO } from './helpers/fixtures';
import { expectEveryFileDetectedAs, expectWellFormedOnAnyMix } from './helpers/parser-checks';

const OWN = join(REPO, 'tests', 'fixtures', 'paste', 'semantic_scholar');
const own = readdirSync(OWN).filter((f) => f.endsWith('.txt')).map((f) => join(OWN, f));
const shared = readdirSync(PROFILES).filter((f) => f.endsWith('.txt')).map((f) => join(PROFILES, f));
const read = (path: string) => readFileSync(path, 'utf8');
const parse = (text: string) => parseSemanticScholarLines(normaliseLines(text));

describe('Semantic Scholar detection', () => {
  it('picks Semantic Scholar on every Semantic Scholar fixture, its own and the shared one', () => {
    expectEveryFileDetectedAs([...own, join(PROFILES, 'semantic-scholar.txt')], 'semantic_scholar', 4);
  });

  it('counts at most one signature on the other sources’ fixtures, Google Scholar’s included', () => {
    const others = [...shared.filter((f) => !f.endsWith('semantic-scholar.txt'))];
    expect(others.length).toBeGreaterThanOrEqual(7);
    for (const f of others) expect({ f, n: semanticScholarFormat.signatures(normaliseLines(read(f))) <= 1 }).toEqual({ f, n: true });
  });

  it('sees nothing in plain prose that mentions TLDR and citations', () => {
    const prose = 'Semantic Scholar is a search engine. TLDR: it is useful.\nHighly influential citations are counted there.\nClaim your author page.';
    expect(semanticScholarFormat.signatures(normaliseLines(prose))).toBe(0);
    expect(detectSource(prose)).toBeNull();
  });

  it('detects and reads a window of cards cut from the middle of the list (no header)', () => {
    const lines = read(join(PROFILES, 'semantic-scholar.txt')).split('\n');
    const start = lines.findIndex((l) => l === 'Provably Convergent Tabular Anomaly Detection via Implicit Differentiation');
    // Starts with the end of the card before (its TLDR sentence, count and buttons): a cut card.
    const window = lines.slice(start - 5, start + 40).join('\n');
    const outcome = detectAndParse(window);
    expect(outcome.detection?.format).toBe('semantic_scholar');
    expect(outcome.profile.author).toBeNull();
    expect(outcome.profile.papers[0]).toMatchObject({ title: 'Provably Convergent Tabular Anomaly Detection via Implicit Differentiation', author_count: 10, citations: 1149 });
    expect(outcome.report.skipped.slice(0, 3).map((s) => s.reason)).toEqual(Array(3).fill('the start of this paper was not pasted'));
  });
});

describe('Semantic Scholar pages', () => {
  it('keeps the header’s paper count, not the number of cards, and says so', () => {
    const { profile, report } = parse(read(join(PROFILES, 'semantic-scholar.txt')));
    expect(profile.author?.metrics).toEqual({ paper_count: 87, h_index: 23, citations: 4912, highly_influential_citations: 318 });
    expect(profile.papers).toHaveLength(20);
    expect(report.warnings).toContain('The page header counts 87 publications; the paste holds 20. Semantic Scholar shows one page of publications at a time.');
  });

  it('reads metrics printed on one line or glued to their label', () => {
    const text = ['Ada Lovelace', 'Publications 1,204', 'h-index23', 'Citations\t4.9k', 'Highly Influential Citations 318', 'Sort by Recency', 'A Title', 'A Lovelace', '2019', '3', 'Save'].join('\n');
    const { profile } = parse(text);
    expect(profile.author).toMatchObject({ name: 'Ada Lovelace', affiliation: null, metrics: { paper_count: 1204, h_index: 23, citations: 4900, highly_influential_citations: 318 } });
    expect(profile.papers).toHaveLength(1);
    const glued = parse(['Ada Lovelace', 'Analytical University', 'Publications87h-index23Citations4,912Highly Influential Citations318', 'Follow', 'A Title', 'A Lovelace', '2019', '3', 'Save', 'Cite'].join('\n'));
    expect(glued.profile.author).toMatchObject({ name: 'Ada Lovelace', affiliation: 'Analytical University', metrics: { paper_count: 87, h_index: 23, citations: 4912, highly_influential_citations: 318 } });
    expect(glued.profile.papers.map((p) => [p.title, p.year, p.citations])).toEqual([['A Title', 2019, 3]]);
  });

  it('reads a date kept on the venue line and a count printed with its word', () => {
    const text = ['Sort by Recency', 'First Title', 'A Author, B Author', 'ArXiv · 15 August 2024', '1,204 citations', 'PDF', 'Save', 'Second Title', 'C Author', 'Nature • 2021', 'Cited by 7', 'Save'].join('\n');
    const { profile } = parse(text);
    expect(profile.papers.map((p) => [p.title, p.venue, p.date, p.year, p.citations, p.type, p.has_pdf])).toEqual([
      ['First Title', 'ArXiv', '2024-08-15', 2024, 1204, 'preprint', true],
      ['Second Title', 'Nature', null, 2021, 7, null, false],
    ]);
  });

  it('takes the name and affiliation right after the site menu and reports a third header line', () => {
    const text = ['Sign In', 'Create Free Account', 'Ada Lovelace', 'Analytical University', 'Homepage', 'Publications', '3', 'h-index', '1', 'Sort by Recency', 'T', 'A Lovelace', '2019', '3', 'Save'].join('\n');
    const { profile, report } = parse(text);
    expect(profile.author).toMatchObject({ name: 'Ada Lovelace', affiliation: 'Analytical University', metrics: { paper_count: 3, h_index: 1 } });
    expect(report.skipped.find((s) => s.text === 'Homepage')).toEqual({ line: 5, text: 'Homepage', reason: 'after the name and affiliation' });
  });

  it('reads the cards when the Sort by line is missing, skipping the tabs and the notice above them', () => {
    const lines = read(join(PROFILES, 'semantic-scholar.txt')).split('\n').filter((l) => !l.startsWith('Sort by'));
    const { profile } = parse(lines.join('\n'));
    expect(profile.papers).toHaveLength(20);
    expect(profile.papers[0]!.title).toBe('KIRIN-RL: Auditing Symbolic Regression with Hierarchical Memory');
  });

  it('reads +k authors, TLDR without its Expand link, an ArXiv preprint, and PDF buttons of the card before them', () => {
    const { profile } = parse(read(join(OWN, 'semantic-scholar-long-authors.txt')));
    expect(profile.papers[0]).toMatchObject({
      authors: ['Anja Aalto', 'Hugo Brenner', 'Jean-Luc Marchetti'],
      authors_truncated: true,
      author_count: 214,
      type: 'preprint',
      venue: 'ArXiv',
      date: '2024-08-15',
      citations: 2048,
      has_pdf: true,
      tldr: 'An open 70B model trained on one trillion tokens matches closed models on reasoning benchmarks.',
    });
    expect(profile.papers[1]!.authors).toHaveLength(9);
    expect(profile.papers[1]!.authors_truncated).toBe(false);
    expect(profile.papers[2]!.has_pdf).toBe(false);
  });

  it('says what to copy when the paste holds the author header only', () => {
    const { profile, report } = parse(['Sign In', 'Ada Lovelace', 'Publications', '3', 'h-index', '1', 'Follow', 'Claim Author Page'].join('\n'));
    expect(profile.author?.name).toBe('Ada Lovelace');
    expect(report.warnings).toEqual(['No publication cards were found under the author header. Open the Publications tab of the author page, then select all and copy again.']);
  });

  it('reports a card cut at the end of the paste instead of importing it', () => {
    const { profile, report } = parse(read(join(OWN, 'semantic-scholar-cut.txt')));
    expect(profile.papers.map((p) => p.title)).toEqual(['Multilingual Summarisation with Retrieval', 'Évaluer la factualité des résumés']);
    expect(report.incompleteTail).toEqual({ line: 51, text: 'Faithfulness Metrics Revisited', missing: 'citation count' });
  });

  it('names every line it did not use, with a reason, in paste order: menus, tabs, pagination and footer', () => {
    const text = read(join(PROFILES, 'semantic-scholar.txt'));
    const { report } = parse(text);
    const lines = normaliseLines(text);
    expect(report.skipped.map((s) => s.line)).toEqual([...report.skipped.map((s) => s.line)].sort((a, b) => a - b));
    for (const s of report.skipped) expect(s.text).toBe(lines[s.line - 1]);
    const reason = (t: string) => report.skipped.find((s) => s.text === t)?.reason;
    expect(reason('Sign In')).toBe('page menu');
    expect(reason('Claim Author Page')).toBe('page menu, tab or filter');
    expect(reason('Next')).toBe('page footer or pagination');
    expect(reason('Proudly built by Ai2')).toBe('page footer or pagination');
    // No card line is skipped: every title, author list, venue, date, TLDR, count and button was read.
    const firstCard = lines.indexOf('KIRIN-RL: Auditing Symbolic Regression with Hierarchical Memory');
    const pagination = lines.lastIndexOf('1');
    expect(report.skipped.filter((s) => s.line > firstCard && s.line <= pagination)).toEqual([]);
  });

  it('never throws on odd content and keeps every key of every paper', () => {
    const odd = ['TLDR', 'Save\nCite\nPDF', '1\n2\nNext', 'Publications\n\nh-index', 'T\n1,000\n2019\nTLDR', 'x\n'.repeat(3000) + '5\nSave', 'Sort by\n' + '2019\n'.repeat(100)];
    for (const text of odd) {
      const { profile } = parse(text);
      for (const p of profile.papers) expect(Object.keys(p).sort()).toEqual(Object.keys(profile.papers[0]!).sort());
    }
  });
});

describe('Semantic Scholar parser on shuffled and mutated pages', () => {
  it('returns a well-formed outcome for any mix of lines from the Semantic Scholar fixtures', () => {
    const texts = [...own, join(PROFILES, 'semantic-scholar.txt')].map(read);
    expectWellFormedOnAnyMix(parseSemanticScholarLines, texts, ['', ' Expand', ' · 2019', ',', '\t', '…', '\u0301']);
  });
});
