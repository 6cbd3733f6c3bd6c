/** The reference-file fixtures under tests/fixtures/interop/<format>/, each with its `.expected.json` beside it. */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { decodeFileBytes } from '../../../shared/interop/encoding';
import type { InteropReadResult } from '../../../shared/interop/interop-record';
import { REPO } from './fixtures';

export const INTEROP_FIXTURES = join(REPO, 'tests', 'fixtures', 'interop');

/** @returns the fixture file names (not the expected ones) of a format folder (`ris`, `csl-json`, `bibtex`), sorted */
export function interopFixtureNames(folder: string): string[] {
  return readdirSync(join(INTEROP_FIXTURES, folder)).filter((f) => !f.endsWith('.expected.json')).sort();
}

/** @returns the fixture decoded as a file would be (decodeFileBytes) */
export function interopFixtureText(folder: string, name: string): string {
  return decodeFileBytes(readFileSync(join(INTEROP_FIXTURES, folder, name))).text;
}

/** @returns what the reader must return for the fixture */
export function interopFixtureExpected(folder: string, name: string): InteropReadResult {
  return JSON.parse(readFileSync(join(INTEROP_FIXTURES, folder, name.replace(/\.[a-z]+$/, '.expected.json')), 'utf8')) as InteropReadResult;
}
