/**
 * Every paste fixture, field by field: the shared ones (../shared/profiles/*.txt with .expected.json)
 * and Lectern's own (tests/fixtures/paste/<source>/*.txt with .expected.json, written from the grammar
 * in FORMATS.md for sources and shapes the shared folder has no paste of). Compared as
 * ../shared/tools/score-paste.py compares them: the author card (minus `extra`), every key of every
 * paper (minus `extra`), strings after NFC. Also checks detection picks the fixture's source.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { detectAndParse } from '../../shared/paste/detect';
import { PROFILES, REPO } from './helpers/fixtures';

const OWN = join(REPO, 'tests', 'fixtures', 'paste');
const SKIP = new Set(['_notes', 'source_url_hint', 'extra']);

function pairs(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const path = join(dir, e.name);
    if (e.isDirectory()) return pairs(path);
    return e.name.endsWith('.txt') && existsSync(path.replace(/\.txt$/, '.expected.json')) ? [path] : [];
  });
}

const nfc = (v: unknown): unknown =>
  typeof v === 'string' ? v.normalize('NFC') : Array.isArray(v) ? v.map(nfc) : v && typeof v === 'object' ? Object.fromEntries(Object.entries(v).map(([k, x]) => [k, nfc(x)])) : v;

/** The fields that differ, as `path: expected … got …` lines (empty when every field is right). */
function differences(got: Record<string, any>, exp: Record<string, any>): string[] {
  const out: string[] = [];
  const check = (path: string, e: unknown, g: unknown) => {
    if (JSON.stringify(nfc(e)) !== JSON.stringify(nfc(g))) out.push(`${path}: expected ${JSON.stringify(e)?.slice(0, 120)} got ${JSON.stringify(g)?.slice(0, 120)}`);
  };
  check('source', exp.source, got.source);
  if (exp.author === null) check('author', null, got.author);
  else {
    const ga = got.author ?? {};
    for (const [k, v] of Object.entries(exp.author as Record<string, unknown>)) {
      if (SKIP.has(k)) continue;
      if (k === 'metrics') for (const [mk, mv] of Object.entries(v as object)) check(`author.metrics.${mk}`, mv, ga.metrics?.[mk]);
      else check(`author.${k}`, v, ga[k]);
    }
  }
  check('papers.length', exp.papers.length, got.papers.length);
  exp.papers.forEach((ep: Record<string, unknown>, i: number) => {
    for (const [k, v] of Object.entries(ep)) if (!SKIP.has(k)) check(`papers[${i}].${k}`, v, got.papers[i]?.[k]);
  });
  return out;
}

const fixtures = [...pairs(PROFILES), ...pairs(OWN)];

describe('paste fixtures, field by field', () => {
  it('finds the shared fixtures beside the repository', () => {
    expect(pairs(PROFILES).length).toBeGreaterThanOrEqual(8);
  });
  for (const file of fixtures) {
    it(file.slice(file.indexOf(file.startsWith(OWN) ? 'tests' : 'profiles')), () => {
      const expected = JSON.parse(readFileSync(file.replace(/\.txt$/, '.expected.json'), 'utf8'));
      const outcome = detectAndParse(readFileSync(file, 'utf8'));
      expect(differences(outcome.profile, expected)).toEqual([]);
    });
  }
});
