/** Loaders for one source's paste fixtures: Lectern's own (tests/fixtures/paste/<source>/) and the shared ones. */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { normaliseLines } from '../../../shared/paste/normalise';
import { PROFILES, REPO } from './fixtures';

/** Names (without .txt) of the own fixtures of a source. */
export function ownFixtureNames(source: string): string[] {
  return readdirSync(join(REPO, 'tests', 'fixtures', 'paste', source))
    .filter((f) => f.endsWith('.txt'))
    .map((f) => f.slice(0, -4));
}

/** Text and expected result of an own fixture. */
export function ownFixture(source: string, name: string): { text: string; expected: { author: unknown; papers: Array<Record<string, unknown>> } } {
  const base = join(REPO, 'tests', 'fixtures', 'paste', source, name);
  return { text: readFileSync(`${base}.txt`, 'utf8'), expected: JSON.parse(readFileSync(`${base}.expected.json`, 'utf8')) };
}

/** Normalised lines of every shared fixture paste, by file name. */
export function sharedPastes(): Array<{ name: string; lines: string[] }> {
  return readdirSync(PROFILES)
    .filter((f) => f.endsWith('.txt'))
    .map((f) => ({ name: f, lines: normaliseLines(readFileSync(join(PROFILES, f), 'utf8')) }));
}

/** A paragraph of prose that is no site's page. */
export const PROSE = [
  'The committee met on Tuesday to discuss the budget for 2024. Several members raised concerns',
  'about the cost of the new building, which had risen by 12% since the last meeting.',
  '',
  'In the end the chair proposed to postpone the decision until the figures for 2025 are known.',
  'Readers: the minutes are attached. Source: the secretary.',
].join('\n');
