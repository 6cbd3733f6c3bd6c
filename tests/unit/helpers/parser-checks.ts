/**
 * Checks every per-source parser test makes the same way: each own fixture detected and read exactly,
 * the same profile from other browsers' pastes, detection quiet on other pages and prose, and a
 * well-formed outcome for any mix of a source's lines. Each `describe…` helper declares its tests
 * (names as the test files had them); each `expect…` helper asserts inside the caller's `it`.
 */
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { detectAndParse, detectSource, detectSourceOfLines } from '../../../shared/paste/detect';
import { normaliseLines } from '../../../shared/paste/normalise';
import { ParseOutcome, type PasteSource } from '../../../shared/paste/parsed';
import { linesOf, otherFixtures, ownFixture, ownFixtureNames, ownFixtures, ownFixtureText, PLAIN_PROSE, SITE_WORDS_PROSE, sharedFixtureTexts, sharedPastes } from './source-fixtures';

type ParseLines = (lines: readonly string[]) => ParseOutcome;
type Signatures = (lines: readonly string[]) => number;

/**
 * One test per own fixture of `source`: detected as the format `source` and read exactly, extra included.
 * @param label the site's name in the test names (`ORCID: own fixture long`)
 */
export function describeOwnFixtures(label: string, source: string): void {
  describe.each(ownFixtureNames(source))(`${label}: own fixture %s`, (name) => {
    const { text, expected } = ownFixture(source, name);
    it(`is detected as ${label} and read exactly, extra included`, () => {
      const outcome = detectAndParse(text);
      expect(outcome.detection?.format).toBe(source);
      expect(outcome.profile.author).toEqual(expected.author);
      expect(outcome.profile.papers).toEqual(expected.papers);
    });
  });
}

/**
 * Two tests: `text` reads to the same profile with a blank line after every line (Safari), with CRLF,
 * and indented with trailing spaces and NBSPs; the noisy one is still detected as `format`.
 */
export function describeOtherBrowsers(format: string, text: string, parse: (text: string) => ParseOutcome): void {
  describe(`${format}: pastes from other browsers and apps`, () => {
    const base = parse(text).profile;

    it('reads the same with a blank line after every line (Safari) and with CRLF', () => {
      expect(parse(text.replace(/\n/g, '\n\n')).profile).toEqual(base);
      expect(parse(text.replace(/\n/g, '\r\n')).profile).toEqual(base);
    });

    it('reads the same with indented lines, trailing spaces and NBSPs, and detects it', () => {
      const noisy = text
        .split('\n')
        .map((l) => `  ${l}  `)
        .join('\n')
        .replace(/ /g, '\u00a0');
      expect(parse(noisy).profile).toEqual(base);
      expect(detectAndParse(noisy).detection?.format).toBe(format);
    });
  });
}

/** Asserts at most one signature on every shared fixture but `except` (its own file name, e.g. `orcid.txt`). */
export function expectFewSignaturesOnSharedPastes(signatures: Signatures, except?: string): void {
  for (const { name, lines } of sharedPastes()) if (name !== except) expect(signatures(lines), name).toBeLessThanOrEqual(1);
}

/** Asserts no signature in plain prose, and that detection takes it for no source. */
export function expectNothingInPlainProse(signatures: Signatures): void {
  expect(signatures(normaliseLines(PLAIN_PROSE))).toBe(0);
  expect(detectSource(PLAIN_PROSE)).toBeNull();
}

/**
 * Declares, inside the caller's `describe`, one test per own fixture of `source` (detected as it:
 * `picks ${label} for <name>`) and one per shared fixture (fewer than two signatures).
 */
export function itPicksOwnFixturesOnly(label: string, source: PasteSource, signatures: Signatures): void {
  it.each(ownFixtureNames(source))(`picks ${label} for %s`, (name) => {
    expect(detectSourceOfLines(normaliseLines(ownFixtureText(source, name)))?.source).toBe(source);
  });

  it.each(sharedFixtureTexts())('is not fooled by the shared fixture %s', (_name, text) => {
    expect(signatures(normaliseLines(text))).toBeLessThan(2);
  });
}

/**
 * A `title` block of three tests for a list site: every own fixture of `source` detected as it, fewer
 * than two signatures on every other fixture, none in prose that uses the sites' words.
 * @param what the page in the first test's name (`picks ${what} on <fixture>`)
 */
export function describeSourceDetection(title: string, source: PasteSource, signatures: Signatures, what: string): void {
  describe(title, () => {
    it.each(ownFixtures(source))(`picks ${what} on $name`, ({ text }) => {
      expect(detectSource(text)?.source).toBe(source);
    });

    it.each(otherFixtures(source))('is not fooled by $name', ({ text }) => {
      expect(signatures(linesOf(text))).toBeLessThan(2);
    });

    it('counts nothing in prose', () => {
      expect(signatures(linesOf(SITE_WORDS_PROSE))).toBe(0);
    });
  });
}

/** Asserts that there are at least `atLeast` files and that detection takes each one's text for `source` (the file named on failure). */
export function expectEveryFileDetectedAs(files: readonly string[], source: PasteSource, atLeast: number): void {
  expect(files.length).toBeGreaterThanOrEqual(atLeast);
  for (const f of files) expect({ f, d: detectSource(readFileSync(f, 'utf8'))?.source }).toEqual({ f, d: source });
}

/**
 * Asserts, over 300 random pastes made of lines of `texts` (some with one of `suffixes` glued on), that
 * the parser's outcome passes the ParseOutcome schema, skipped lines come in order and quote their line,
 * and no title has white space around it.
 */
export function expectWellFormedOnAnyMix(parseLines: ParseLines, texts: readonly string[], suffixes: readonly string[]): void {
  const pool = [...new Set(texts.flatMap((t) => t.split(/\r?\n/)))];
  const mutate = fc.tuple(fc.constantFrom(...pool), fc.constantFrom(...suffixes)).map(([l, m]) => l + m);
  fc.assert(
    fc.property(fc.array(fc.oneof(fc.constantFrom(...pool), mutate), { maxLength: 80 }), (picked) => {
      const lines = normaliseLines(picked.join('\n'));
      const outcome = parseLines(lines);
      expect(ParseOutcome.safeParse(outcome).success).toBe(true);
      let previous = 0;
      for (const s of outcome.report.skipped) {
        expect(s.line).toBeGreaterThan(previous);
        expect(s.text).toBe(lines[s.line - 1]);
        previous = s.line;
      }
      for (const p of outcome.profile.papers) expect(p.title).toBe(p.title.trim());
    }),
    { numRuns: 300 },
  );
}
