/**
 * No parser takes over 1 s on any 100 KB input (issue 10 section 4), for every format in
 * shared/paste/formats.ts: each generated case takes a paste fixture (../shared/profiles and
 * tests/fixtures/paste) and makes it 100 KB by repeating it, by filling one of its lines with a
 * pathological repetition of grammar pieces, or by splicing such a run into it; every format's
 * signatures and parser then read it (a parser must survive other sites' pages too). Each runs on a
 * thread that is killed past a generous budget, so a super-linear parser fails here in seconds.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { FORMAT_IDS } from '../../shared/paste/paste-format';
import { FUZZ_RUNS } from './fuzz-runs';
import { BudgetedModule } from './helpers/budgeted-module';

const SIZE = 100_000;
const LIMIT_MS = 1_000;
const KILL_MS = 5_000;
const CASES = Math.max(30, Math.round(FUZZ_RUNS / 300));
const REPO = resolve(fileURLToPath(new URL('../..', import.meta.url)));

function fixtures(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? fixtures(join(dir, e.name)) : e.name.endsWith('.txt') ? [join(dir, e.name)] : [],
  );
}
const FIXTURES = [...fixtures(resolve(REPO, '..', 'shared', 'profiles')), ...fixtures(join(REPO, 'tests', 'fixtures', 'paste'))].map((f) => ({
  name: f.slice(f.lastIndexOf('/', f.lastIndexOf('/') - 1) + 1),
  text: readFileSync(f, 'utf8'),
}));

/** Pieces of every grammar: separators, markers, glued labels, digits, invisible characters. */
const piece = fc.oneof(
  fc.constantFrom(' ', '\t', ',', ', ', ' · ', '·', '•', ';', '.', '. ', ':', '|', ' | ', '*', '†', '...', '…', '[...]', '+', '+3 authors', 'et al.', '(', ')', '[', ']', '[c1]', 'arXiv:', '2401.01234v2', 'abs/', '10.1145/', 'https://doi.org/', 'Jan', 'January ', '2024', '19 Jan 2025', 'Aug 15, 2024', '1,204', '12k', 'h-index', 'Citations', 'Title: ', 'Authors: ', 'Source: ', 'DOI:', 'Published: ', 'pp ', 'Article No.: ', 'Total Citations', '\u00a0', '\u200b', 'e\u0301', '\r\n', '\n', '\n\n', 'AB', 'Ü'),
  fc.string({ unit: 'binary', minLength: 1, maxLength: 3 }),
);
const run = fc.array(piece, { minLength: 1, maxLength: 3 }).map((a) => a.join(''));
const fill = (p: string, size: number) => p.repeat(Math.ceil(size / p.length)).slice(0, size);

const input = fc
  .tuple(fc.nat({ max: FIXTURES.length - 1 }), fc.constantFrom('repeat', 'line', 'splice'), run, fc.nat(), fc.nat())
  .map(([f, how, p, a, b]) => {
    const { name, text } = FIXTURES[f]!;
    let out: string;
    if (how === 'repeat') out = fill(`${text}\n`, SIZE);
    else if (how === 'line') {
      const lines = text.split('\n');
      const i = a % lines.length;
      lines[i] = `${lines[i]!.slice(0, b % (lines[i]!.length + 1))}${fill(p, SIZE - text.length)}`;
      out = lines.join('\n');
    } else {
      const at = a % (text.length + 1);
      out = `${text.slice(0, at)}${fill(p, SIZE - text.length)}${text.slice(at)}`;
    }
    return { text: out, [fc.toStringMethod]: () => `${name} made 100 KB by ${how} with ${JSON.stringify(p)}` };
  });

const parsers = new BudgetedModule(new URL('./helpers/parsers.ts', import.meta.url));
afterAll(() => parsers.close());

describe('every format on 100 KB pastes made from the fixtures', () => {
  it('has fixtures to mutate', () => expect(FIXTURES.length).toBeGreaterThanOrEqual(8));
  it(`reads each of ${CASES} generated pastes with every format within ${LIMIT_MS} ms`, async () => {
    await fc.assert(
      fc.asyncProperty(input, async ({ text }) => {
        const slow: string[] = [];
        for (const id of FORMAT_IDS) {
          const result = await parsers.call('parseAs', [id, text], KILL_MS);
          if (result.timedOut) slow.push(`${id}: still running after ${KILL_MS} ms`);
          else if (!result.ok) slow.push(`${id}: threw ${result.error.name}: ${result.error.message}`);
          else if (result.ms > LIMIT_MS) slow.push(`${id}: ${Math.round(result.ms)} ms`);
        }
        expect(slow).toEqual([]);
      }),
      { numRuns: CASES, endOnFailure: true },
    );
  }, 60_000 + CASES * 16 * 1_000);
});
