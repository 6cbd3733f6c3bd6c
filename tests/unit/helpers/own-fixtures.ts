/** Lectern's own paste fixtures (tests/fixtures/paste/<source>/NAME.txt) and the shared ones, for the parser tests. */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PROFILES, REPO } from './fixtures';

export const OWN_FIXTURES = join(REPO, 'tests', 'fixtures', 'paste');

/** Names (without .txt) of a source's own fixtures. */
export function ownFixtureNames(source: string): string[] {
  return readdirSync(join(OWN_FIXTURES, source))
    .filter((f) => f.endsWith('.txt'))
    .map((f) => f.slice(0, -4))
    .sort();
}

/** The text of one of Lectern's own fixtures. */
export function ownFixtureText(source: string, name: string): string {
  return readFileSync(join(OWN_FIXTURES, source, `${name}.txt`), 'utf8');
}

/** Every shared fixture paste in ../shared/profiles, by file name. */
export function sharedFixtureTexts(): Array<[string, string]> {
  return readdirSync(PROFILES)
    .filter((f) => f.endsWith('.txt'))
    .map((f) => [f, readFileSync(join(PROFILES, f), 'utf8')] as [string, string]);
}
