/**
 * Pastes for the per-source parser tests: Lectern's own fixtures by source (tests/fixtures/paste/<source>),
 * the shared ones (../shared/profiles), and prose that names the sites' words in sentences.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { normaliseLines } from '../../../shared/paste/normalise';
import { PROFILES, REPO } from './fixtures';

export const OWN_FIXTURES = join(REPO, 'tests', 'fixtures', 'paste');

/** `{ name, text }` of every own fixture paste of a source (the folder name is the source). */
export function ownFixtures(source: string): Array<{ name: string; text: string }> {
  const dir = join(OWN_FIXTURES, source);
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((f) => f.endsWith('.txt'))
    .map((f) => ({ name: `${source}/${f}`, text: readFileSync(join(dir, f), 'utf8') }));
}

/** Every own fixture whose source folder is not `source`, and every shared fixture. */
export function otherFixtures(source: string): Array<{ name: string; text: string }> {
  const own = readdirSync(OWN_FIXTURES).filter((d) => d !== source).flatMap(ownFixtures);
  const shared = readdirSync(PROFILES)
    .filter((f) => f.endsWith('.txt'))
    .map((f) => ({ name: `profiles/${f}`, text: readFileSync(join(PROFILES, f), 'utf8') }));
  return [...own, ...shared];
}

/** Normalised lines of a fixture, as detection and the parsers see them. */
export const linesOf = (text: string) => normaliseLines(text);

/** Prose that uses every site's words in sentences, never in their line shapes. */
export const PROSE = [
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
