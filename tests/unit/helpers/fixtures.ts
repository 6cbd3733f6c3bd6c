/** Paths and loaders for the shared profile fixtures (../shared/profiles beside the repo). */
import { readFileSync } from 'node:fs';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const REPO = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
export const PROFILES = resolve(REPO, '..', 'shared', 'profiles');

export function fixtureText(name: string): string {
  return readFileSync(join(PROFILES, `${name}.txt`), 'utf8');
}

export function fixtureExpected(name: string): { source: string; author: Record<string, unknown> | null; papers: Array<Record<string, unknown>> } {
  return JSON.parse(readFileSync(join(PROFILES, `${name}.expected.json`), 'utf8'));
}

/** A fresh temporary folder for a library file. */
export function tempLibraryFile(): string {
  return join(mkdtempSync(join(tmpdir(), 'lectern-test-')), 'library.sqlite');
}
