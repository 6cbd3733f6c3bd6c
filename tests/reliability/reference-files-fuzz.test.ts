/**
 * The RIS and CSL-JSON readers, the format detection and the writers on hostile input: random splices
 * of the interop fixtures (and random bytes decoded as a file would be) never make them throw, every
 * problem names a line of the text, and every record read can be written. Pathological megabytes
 * (one huge line, a million continuation lines, garbage, deep JSON) are read in linear time. Every
 * regular expression of these modules is linear (recheck).
 */
import { readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readCslJson } from '../../shared/interop/csl-json/read';
import { writeCslJson } from '../../shared/interop/csl-json/write';
import { detectReferenceFormat } from '../../shared/interop/detect-format';
import { decodeFileBytes } from '../../shared/interop/encoding';
import type { InteropReadResult } from '../../shared/interop/interop-record';
import { readRis } from '../../shared/interop/ris/read';
import { writeRis } from '../../shared/interop/ris/write';
import { interopFixtureNames, interopFixtureText } from '../unit/helpers/interop-fixtures';
import { FUZZ_RUNS } from './fuzz-runs';
import { checkRegex, describeProblem, findRegexesInFile } from './helpers/regex-audit';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const TEXTS = [...interopFixtureNames('ris').map((n) => interopFixtureText('ris', n)), ...interopFixtureNames('csl-json').map((n) => interopFixtureText('csl-json', n))];

/** Pieces of the fixtures glued together: whole lines, parts of lines, and a few hostile characters. */
const splice = fc
  .array(
    fc.oneof(
      fc.tuple(fc.constantFrom(...TEXTS), fc.nat(), fc.nat({ max: 400 })).map(([t, from, len]) => t.slice(from % t.length, (from % t.length) + len)),
      fc.constantFrom('\r\n', '\n', '\r', '\ufeff', 'TY  - ', 'ER  - ', '{', '}', '[', ']', '"', '\\', ',', 'AU  - ,', 'PY  - ////', '\u0000', '\ud800'),
    ),
    { maxLength: 30 },
  )
  .map((parts) => parts.join(''));

function expectWellFormed(result: InteropReadResult, text: string): void {
  const lines = text.split(/\r\n|\n|\r/).length;
  for (const p of result.problems) {
    expect(p.line).toBeGreaterThanOrEqual(1);
    expect(p.line).toBeLessThanOrEqual(lines);
    expect(p.column).toBeGreaterThanOrEqual(1);
    expect(p.message.length).toBeGreaterThan(5);
  }
  expect(result.entriesSeen).toBeGreaterThanOrEqual(result.records.length);
  for (const r of result.records) expect(typeof r.item.id === 'string' && typeof r.item.type === 'string').toBe(true);
}

describe('reference readers on random splices of real files', () => {
  it('never throw, name real lines, and what they read can be written', () => {
    fc.assert(
      fc.property(splice, (text) => {
        detectReferenceFormat(text);
        const ris = readRis(text);
        expectWellFormed(ris, text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
        readRis(writeRis(ris.records));
        const csl = readCslJson(text);
        expectWellFormed(csl, text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
        JSON.parse(writeCslJson(csl.records));
        writeRis(csl.records);
        writeCslJson(ris.records);
      }),
      { numRuns: FUZZ_RUNS },
    );
  });

  it('decode any bytes without throwing', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 200 }), (bytes) => {
        const { text } = decodeFileBytes(bytes);
        readRis(text);
        readCslJson(text);
        detectReferenceFormat(text);
      }),
      { numRuns: Math.min(FUZZ_RUNS, 2000) },
    );
  });
});

/** Milliseconds of the fastest of three runs. */
function time(run: () => unknown): number {
  let best = Infinity;
  for (let i = 0; i < 3; i++) {
    const t0 = performance.now();
    run();
    best = Math.min(best, performance.now() - t0);
  }
  return best;
}

const MB = 1 << 20;
/** `unit` repeated to `size` characters. */
const fill = (unit: string, size: number): string => unit.repeat(Math.ceil(size / unit.length)).slice(0, size);

const PATHOLOGICAL: Array<[string, (size: number) => string]> = [
  ['one huge RIS line', (n) => `TY  - JOUR\nTI  - ${fill('a ', n)}\nER  - \n`],
  ['a million continuation lines', (n) => `TY  - JOUR\nAB  - x\n${fill('more text\n', n)}ER  - \n`],
  ['garbage lines', (n) => fill('not RIS at all\n', n)],
  ['records without ER', (n) => fill('TY  - JOUR\nAU  - A, B\n', n)],
  ['tag-like lines', (n) => fill('AU  - ,,,,,,,,\nPY  - //////\nTY - \n', n)],
  ['spaces before a dash', (n) => fill('TY      -\n', n)],
  ['unclosed JSON', (n) => `[${fill('{"type": "book", "title": "t"}, ', n)}`],
  ['deep JSON', (n) => `[${'['.repeat(n / 2)}${']'.repeat(n / 2)}]`],
  ['many CSL items', (n) => `[${fill('{"type": "book", "title": "t", "author": [{"family": "F"}]}, ', n)}{"type": "book"}]`],
  ['escapes in JSON strings', (n) => `[{"type": "book", "title": "${fill('\\\\\\"', n)}"}]`],
];

describe('reference readers on pathological input', () => {
  // Budgets for a loaded CI machine (2 cores shared): a quadratic reader takes 16 times as long on 4 times the text.
  it.each(PATHOLOGICAL)('%s: 1 MB in under 5 s and linear (4 times the text, under 10 times the time)', (_label, make) => {
    const quarter = make(MB / 4);
    const full = make(MB);
    const read = (text: string) => () => {
      detectReferenceFormat(text);
      readRis(text);
      readCslJson(text);
    };
    const small = time(read(quarter));
    const big = time(read(full));
    expect(big).toBeLessThan(5000);
    // Ratios of tiny times are noise: only a run long enough to measure is held to linearity.
    if (big > 50) expect(big / Math.max(small, 1)).toBeLessThan(10);
  });
});

describe('regular expressions of the reference readers', () => {
  const folders = ['shared/interop/ris', 'shared/interop/csl-json'];
  const files = [
    ...folders.flatMap((f) => readdirSync(join(ROOT, f)).filter((n) => n.endsWith('.ts')).map((n) => join(f, n))),
    'shared/interop/detect-format.ts',
    'shared/interop/encoding.ts',
    'shared/interop/from-paste.ts',
  ];
  it('are all linear (recheck finds no attack string)', () => {
    const found = files.flatMap((f) => findRegexesInFile(join(ROOT, f), relative(ROOT, join(ROOT, f))));
    expect(found.length).toBeGreaterThan(10);
    const problems = found.map((f) => ({ f, verdict: checkRegex(f) })).filter(({ verdict }) => verdict.status !== 'safe');
    expect(problems.map(({ f, verdict }) => describeProblem(f, verdict))).toEqual([]);
  });
});
