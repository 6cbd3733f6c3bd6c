import { describe, expect, it } from 'vitest';
import { LecternError } from '../../shared/errors';
import { detectAndParse } from '../../shared/paste/detect';
import { endsLikeAbstract, matchRecordLine, RECORD_LINE, parseAuthorLine, parseScholarfeed, splitCategories } from '../../shared/paste/scholarfeed';
import { fixtureExpected, fixtureText } from './helpers/fixtures';

describe.each(['seed-profile', 'scholarfeed'])('scholarfeed fixture %s', (name) => {
  const expected = fixtureExpected(name);
  const { profile, report } = detectAndParse(fixtureText(name));

  it('reads the author card exactly', () => {
    expect(profile.source).toBe('scholarfeed');
    expect(profile.author).toEqual(expected.author);
  });

  it('reads every field of every paper exactly, in page order', () => {
    expect(profile.papers).toHaveLength(expected.papers.length);
    profile.papers.forEach((paper, i) => expect(paper, `paper ${i}`).toEqual(expected.papers[i]));
  });

  it('skips nothing', () => {
    expect(report).toEqual({ skipped: [], incompleteTail: null, warnings: [] });
  });
});

describe('scholarfeed details', () => {
  const seed = fixtureText('seed-profile');

  it('reads the seed header values', () => {
    const { author } = parseScholarfeed(seed).profile;
    expect(author?.name).toBe('Chong Ruan');
    expect(author?.metrics).toEqual({ h_index: 38, paper_count: 18, citations: 14139, novelty_pct: 54, ai_score: 53 });
    expect(author?.extra).toEqual({ primary_category: 'CL' });
  });

  it('splits glued category codes', () => {
    expect(splitCategories('LGCL')).toEqual(['LG', 'CL']);
    expect(splitCategories('CVRO')).toEqual(['CV', 'RO']);
  });

  it('splits names from affiliations at the last middle dot and notes "et al."', () => {
    expect(parseAuthorLine('Huajian Xin, Z. Z. Ren, Junxiao Song et al. · pku, stanford')).toEqual({
      authors: ['Huajian Xin', 'Z. Z. Ren', 'Junxiao Song'],
      truncated: true,
      affiliations: ['pku', 'stanford'],
    });
    expect(parseAuthorLine('Marisol Quintero-Vance')).toEqual({ authors: ['Marisol Quintero-Vance'], truncated: false, affiliations: [] });
  });

  it('keeps LaTeX in abstracts verbatim', () => {
    const first = parseScholarfeed(seed).profile.papers[0]!;
    expect(first.abstract).toContain('($63.5\\%$)');
  });
});

describe('malformed scholarfeed pastes', () => {
  const seed = fixtureText('seed-profile');
  const expected = parseScholarfeed(seed).profile;

  it('tolerates CRLF line endings', () => {
    expect(parseScholarfeed(seed.replace(/\n/g, '\r\n')).profile).toEqual(expected);
  });

  it('tolerates NBSP, zero-width characters and trailing spaces', () => {
    const noisy = seed
      .replace('Chong Ruan', '\u200BChong Ruan  ')
      .replace('CLAug 15, 2024Code', 'CLAug\u00A015, 2024Code \t')
      .replace(/\n\n/g, '\n   \n');
    expect(parseScholarfeed(noisy).profile).toEqual(expected);
  });

  it('does not depend on blank lines', () => {
    const dense = seed.replace(/\n\n+/g, '\n');
    expect(parseScholarfeed(dense).profile).toEqual(expected);
  });

  it('imports the complete papers of a paste cut off mid-paper and names the incomplete tail', () => {
    const cut = seed.slice(0, seed.indexOf('DeepSeek-VL: Towards Real-World') + 'DeepSeek-VL: Towards Real-World'.length);
    const { profile, report } = parseScholarfeed(cut);
    expect(profile.papers.map((p) => p.title)).toEqual(expected.papers.slice(0, 3).map((p) => p.title));
    expect(report.incompleteTail).toEqual({ line: 33, text: 'DeepSeek-VL: Towards Real-World', missing: 'authors and abstract' });
    expect(report.warnings[0]).toBe('The page header says 18 papers; the paste holds 3. The page may load more papers as you scroll.');
  });

  it('does not store a last paper whose abstract the paste cut off mid-sentence', () => {
    // Keep ten papers and the first 120 characters of the eleventh paper's abstract.
    const lines = seed.split('\n');
    const eleventh = lines.filter((l) => RECORD_LINE.test(l))[10]!;
    const abstractLine = lines.indexOf(eleventh) + 5;
    const cut = [...lines.slice(0, abstractLine), lines[abstractLine]!.slice(0, 120)].join('\n');
    expect(cut.endsWith(' and generation. Pri')).toBe(true);
    const { profile, report } = parseScholarfeed(cut);
    expect(profile.papers).toHaveLength(10);
    expect(profile.papers.at(-1)!.title).toBe(expected.papers[9]!.title);
    expect(report.incompleteTail).toMatchObject({ text: expected.papers[10]!.title, missing: 'the end of its abstract' });
  });

  it('recognises how abstracts end', () => {
    expect(endsLikeAbstract('... achieving 25.3%.')).toBe(true);
    expect(endsLikeAbstract('Code: https://github.com/deepseek-ai/DeepSeek-V3')).toBe(true);
    expect(endsLikeAbstract('bounds of $O(1/\\sqrt{T})$')).toBe(true);
    expect(endsLikeAbstract('(see Appendix A)')).toBe(true);
    expect(endsLikeAbstract('which we call Pri')).toBe(false);
  });

  it('warns when a header-only paste holds none of the papers the header counts', () => {
    const header = seed.split('\n').slice(0, 9).join('\n');
    const { profile, report } = detectAndParse(header);
    expect(profile.author?.metrics.h_index).toBe(38);
    expect(profile.papers).toEqual([]);
    expect(report.warnings).toEqual(['The page header says 18 papers; the paste holds 0. The page may load more papers as you scroll.']);
  });

  it('reads a paste that starts mid-page (no header) with no author card', () => {
    const tail = seed.slice(seed.indexOf('CLMay 7, 2024Code'));
    const { profile } = detectAndParse(tail);
    expect(profile.author).toBeNull();
    expect(profile.papers).toEqual(expected.papers.slice(2));
  });

  it('skips site menu lines above the name and says so', () => {
    const { profile, report } = parseScholarfeed(`Scholarfeed\nSearch\n\n${seed}`);
    expect(profile.author?.name).toBe('Chong Ruan');
    expect(report.skipped).toEqual([
      { line: 1, text: 'Scholarfeed', reason: 'not part of the scholarfeed profile header' },
      { line: 2, text: 'Search', reason: 'not part of the scholarfeed profile header' },
    ]);
    expect(profile.papers).toEqual(expected.papers);
  });

  it('rejects text that is not a page of any source, naming the sites it reads and quoting the first lines', () => {
    const attempt = () => detectAndParse('Dear colleague,\nplease find attached\nthe minutes.');
    expect(attempt).toThrow(LecternError);
    try {
      attempt();
    } catch (err) {
      const e = err as LecternError;
      expect(e.code).toBe('PASTE_UNRECOGNISED');
      // Names the sites Lectern reads (issue 10: not a scholarfeed-only hint) and quotes what it saw.
      expect(e.message).toMatch(/^This text is not a page Lectern can read\. It does not look like a page from scholarfeed, Google Scholar, Semantic Scholar, dblp, arXiv, /);
      expect(e.message).toContain('"Dear colleague,", "please find attached", "the minutes."');
      expect(e.details).toMatchObject({ firstLines: ['Dear colleague,', 'please find attached', 'the minutes.'], format: 'generic' });
      expect((e.details as { supported: string[] }).supported).toContain('google_scholar');
    }
  });

  it('rejects an empty paste', () => {
    expect(() => detectAndParse(' \n\t\n')).toThrow(expect.objectContaining({ code: 'PASTE_EMPTY' }));
  });

  it('does not start a record on titles that begin with category-like capitals or end in "Code"', () => {
    const text = fixtureText('scholarfeed');
    const titles = detectAndParse(text).profile.papers.map((p) => p.title);
    expect(titles).toContain('CVaR-Sensitive Decoding for Safer Dialogue Agents');
    expect(titles).toContain('AI Score Inflation: How Automated Reviewers Reward Verbosity');
    expect(titles).toContain('Teaching Small Models to Explain Legacy Code');
  });

  it('does not start a record on a date that does not exist (found by fuzzing: "Jan 0" gave 2024-01-00)', () => {
    const card = (date: string, title: string) => `CL${date}Code\n${title}\n\nAnn Lee\n\nAn abstract.`;
    const text = ['h-index3', '3papers', '', card('Jan 0, 2024', 'Day zero'), '', card('Feb 29, 2023', 'Not a leap year'), '', card('Feb 29, 2024', 'A leap year')].join('\n');
    const { profile } = detectAndParse(text);
    expect(profile.papers.map((p) => [p.title, p.date])).toEqual([['A leap year', '2024-02-29']]);
    expect(matchRecordLine('CLApr 31, 2024')).toBeNull();
    expect(matchRecordLine('LGCLDec 31, 1999Code')).toEqual({ cats: 'LGCL', month: 'Dec', day: '31', year: '1999', code: true });
  });
});
