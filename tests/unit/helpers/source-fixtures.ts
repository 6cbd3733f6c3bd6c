/**
 * Pastes for the per-source parser tests: Lectern's own fixtures by source (tests/fixtures/paste/<source>/,
 * each NAME.txt beside its NAME.expected.json), the shared ones (../shared/profiles), and two pieces of
 * prose that are no site's page.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { normaliseLines } from '../../../shared/paste/normalise';
import { PROFILES, REPO } from './fixtures';

export const OWN_FIXTURES = join(REPO, 'tests', 'fixtures', 'paste');

/** Names (without .txt) of the own fixtures of a source, sorted. Throws when the source has no folder. */
export function ownFixtureNames(source: string): string[] {
  return readdirSync(join(OWN_FIXTURES, source))
    .filter((f) => f.endsWith('.txt'))
    .map((f) => f.slice(0, -4))
    .sort();
}

/** The text of one own fixture. */
export function ownFixtureText(source: string, name: string): string {
  return readFileSync(join(OWN_FIXTURES, source, `${name}.txt`), 'utf8');
}

/** Text and expected result of one own fixture. */
export function ownFixture(source: string, name: string): { text: string; expected: { author: unknown; papers: Array<Record<string, unknown>> } } {
  const base = join(OWN_FIXTURES, source, name);
  return { text: readFileSync(`${base}.txt`, 'utf8'), expected: JSON.parse(readFileSync(`${base}.expected.json`, 'utf8')) };
}

/** `{ name, text }` of every own fixture paste of a source (name: `<source>/<file>`); [] when it has no folder. */
export function ownFixtures(source: string): Array<{ name: string; text: string }> {
  const dir = join(OWN_FIXTURES, source);
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((f) => f.endsWith('.txt'))
    .map((f) => ({ name: `${source}/${f}`, text: readFileSync(join(dir, f), 'utf8') }));
}

/** Every shared fixture paste in ../shared/profiles, as [file name, text]. */
export function sharedFixtureTexts(): Array<[string, string]> {
  return readdirSync(PROFILES)
    .filter((f) => f.endsWith('.txt'))
    .map((f) => [f, readFileSync(join(PROFILES, f), 'utf8')] as [string, string]);
}

/** Normalised lines of every shared fixture paste, by file name. */
export function sharedPastes(): Array<{ name: string; lines: string[] }> {
  return sharedFixtureTexts().map(([name, text]) => ({ name, lines: normaliseLines(text) }));
}

/** Every own fixture whose source folder is not `source` (name `<source>/<file>`), and every shared fixture (`profiles/<file>`). */
export function otherFixtures(source: string): Array<{ name: string; text: string }> {
  const own = readdirSync(OWN_FIXTURES).filter((d) => d !== source).flatMap(ownFixtures);
  const shared = sharedFixtureTexts().map(([f, text]) => ({ name: `profiles/${f}`, text }));
  return [...own, ...shared];
}

/** Normalised lines of a fixture, as detection and the parsers see them. */
export const linesOf = (text: string) => normaliseLines(text);

/** Prose that uses the list sites' words (arXiv, Hugging Face, scholarfeed) in sentences, never in their line shapes. */
export const SITE_WORDS_PROSE = [
  'We read the arXiv listing for cs.CL every morning. Title: is a label there, and Authors: another one.',
  'The Subjects: line names Computation and Language (cs.CL) among other things, as the paper says.',
  'Showing new listings for a week is what the page says; we then counted 12 authors per paper.',
  'Daily Papers by the research community are nice. The paper arXiv:2401.01234v2 has 21 citations, h-index: 4.',
  'Originality matters, and AI Analysis is a heading on some site. Submitted 2 September, 2025 was our deadline.',
  "Ada Lovelace's articles on arXiv are fictional. Abstract: none of this is a paper ▽ More or less.",
  '7 authors wrote it · and it appeared on Mar 3, 2025, according to the blog.',
  'Originality is overrated.',
  'AI Analysis of the results follows.',
].join('\n');

/** A paragraph of plain prose that is no site's page. */
export const PLAIN_PROSE = [
  'The committee met on Tuesday to discuss the budget for 2024. Several members raised concerns',
  'about the cost of the new building, which had risen by 12% since the last meeting.',
  '',
  'In the end the chair proposed to postpone the decision until the figures for 2025 are known.',
  'Readers: the minutes are attached. Source: the secretary.',
].join('\n');
