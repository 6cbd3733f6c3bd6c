/**
 * Every channel of the contract, called through dispatch (the wrapper every host uses) with generated
 * hostile input: strings with NUL, terminal escapes, lone surrogates and bidi overrides, huge strings,
 * deep nesting, wrong types, NaN / Infinity / -0 / 1e308, prototype-pollution keys. FUZZ_RUNS calls
 * in all, on one temporary library file that starts with a real import.
 *
 * Whatever comes in: dispatch answers (never throws), never `INTERNAL`, and its message never shows
 * SQL, a stack frame or a source path; the answer survives JSON and structured clone (HTTP and IPC);
 * the library passes `PRAGMA integrity_check` and `foreign_key_check` afterwards.
 */
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { z } from 'zod';
import { openLibrary, type Library } from '../../db/open';
import { dispatch } from '../../electron/handlers/dispatch';
import { createHandlers, type Handlers } from '../../electron/handlers/handlers';
import { CHANNELS, contract, type Channel } from '../../shared/contract';
import { fixtureText, tempLibraryFile } from '../unit/helpers/fixtures';
import { FUZZ_RUNS } from './fuzz-runs';

/** What a message to the user must never contain. */
const SQL = /Failed to run the query|SELECT .* FROM|UPDATE "|INSERT INTO|DELETE FROM|SQLITE_/;
const STACK = /\n\s+at /;
const SOURCE = /\.ts:\d+|node_modules/;

const seed = fixtureText('seed-profile');

function nested(depth: number): unknown {
  let value: unknown = 1;
  for (let i = 0; i < depth; i++) value = i % 2 ? [value] : { a: value };
  return value;
}
const DEEP = nested(200_000);

// ---- hostile pieces -----------------------------------------------------------------------------------

/** Characters a terminal, SQLite's C strings or FTS5 may act on. */
const controlText = fc.constantFrom(
  '\u0000',
  'a\u0000b',
  '\u001b]0;pwned\u0007\u001b[2J',
  '\u009b31m',
  '\u0085\u007f\r\u000b\u000c',
  '\ud800',
  'x\udfff',
  '\udbff\ud800',
  '\u202e\u2066',
  '\ufeff\u200b',
);
/** Pieces of query syntax, SQL and names that mean something to a parser or to JavaScript. */
const syntaxText = fc.constantFrom(
  '"',
  '""',
  "'",
  '*',
  '^',
  'NEAR(a b)',
  'a OR',
  'OR',
  'NOT',
  '(',
  ')',
  '-',
  'author:',
  'tag:method',
  'year:>=2024',
  'year:1..99999',
  'rating:>=9',
  'title:"',
  'is:',
  '__proto__',
  'constructor',
  'prototype',
  "'); DROP TABLE papers;--",
  '%',
  '_',
  '\\',
  '/',
  '//',
  'method/rl',
  '   ',
  '\t\n\r',
  '😀',
  'é',
);
const oddText = fc.oneof(controlText, syntaxText);
const hostileString = fc.oneof(
  { weight: 4, arbitrary: fc.array(fc.oneof(oddText, fc.string({ unit: 'binary', maxLength: 12 })), { maxLength: 6 }).map((parts) => parts.join('')) },
  { weight: 2, arbitrary: fc.string({ unit: 'binary', maxLength: 60 }) },
  { weight: 1, arbitrary: fc.constantFrom('a'.repeat(1_000_001), '\u0000'.repeat(100_000), '😀'.repeat(300_000), 'é'.repeat(20_000_001), 'x'.repeat(200_001)) },
);
const hostileNumber = fc.oneof(
  fc.constantFrom(Number.NaN, Infinity, -Infinity, -0, 0, 0.5, -1, 1e308, -1e308, 5e-324, 2 ** 31, 2 ** 53, Number.MAX_SAFE_INTEGER + 2),
  fc.integer({ min: 1, max: 40 }),
  fc.double(),
);
const wrongType = fc.constantFrom<unknown>(
  null,
  undefined,
  true,
  false,
  [],
  {},
  10n,
  new Date(0),
  new Map([[1, 2]]),
  () => 1,
  Symbol('s'),
  new Uint8Array(3),
  DEEP,
  JSON.parse('{"__proto__": {"polluted": true}, "constructor": {"prototype": {"polluted": true}}}'),
  Object.create(null),
);
const scalar = fc.oneof(hostileString, hostileNumber, wrongType);
const hostileValue = fc.oneof(
  { weight: 4, arbitrary: scalar },
  { weight: 1, arbitrary: fc.array(scalar, { maxLength: 5 }) },
  { weight: 1, arbitrary: fc.integer({ min: 1, max: 3000 }).map(nested) },
  { weight: 1, arbitrary: fc.dictionary(fc.oneof(fc.constantFrom('__proto__', 'constructor', 'toString', 'valueOf'), fc.string({ maxLength: 8 })), scalar, { maxKeys: 4 }) },
);

// ---- well-formed values carrying hostile text, so the fuzz also gets past validation into the handlers ----

const ids = fc.array(fc.integer({ min: 1, max: 40 }), { minLength: 1, maxLength: 6 });
const words = fc.constantFrom('deepseek', 'prover', 'method', 'method/rl', 'to read', 'coder', 'math', 'CL', 'pku');
/** Short text mixing words and odd characters: passes length limits, carries NUL, escapes, surrogates. */
/** A word with a control character inside it (`deep\u0000seek`): what reaches FTS5 as one string. */
const spoiledWord = fc
  .tuple(words, fc.constantFrom('\u0000', '\u001b', '\u009b', '\u0007', '\ud800', '\udc00', '\u202e', '\u007f'), fc.oneof(words, fc.constant('')))
  .map((parts) => parts.join(''));
const oddWords = fc
  .array(
    fc.oneof(
      { weight: 3, arbitrary: words },
      { weight: 2, arbitrary: spoiledWord },
      { weight: 1, arbitrary: controlText },
      { weight: 1, arbitrary: syntaxText },
      { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 6 }) },
    ),
    {
    minLength: 1,
    maxLength: 4,
  })
  .chain((parts) => fc.constantFrom(' ', '').map((glue) => parts.join(glue)));

/** Values for fields whose schema alone does not say what makes sense. */
function byKey(key: string): fc.Arbitrary<unknown> | null {
  if (key === 'text') {
    // A real page now and then (an import or a dry run costs tens of ms), else text that is no page.
    const pages = fc.constantFrom(seed, seed.replace('DeepSeek', 'Deep\u0000Seek\u001b[2J'), seed.slice(0, 4000), `${seed}\n\u009b\u202e`);
    return fc.oneof({ weight: 1, arbitrary: pages }, { weight: 3, arbitrary: oddWords });
  }
  if (key === 'colour') return fc.constantFrom('#4f8cc9', '#FFFFFF', null);
  if (key === 'key') return fc.constantFrom('pane.left', 'columns', 'a'.repeat(64), 'x-1.y');
  if (key === 'jobId') return fc.constantFrom('job-1', 'job_2');
  if (key === 'id' || key.endsWith('Id')) return fc.integer({ min: 1, max: 40 });
  if (key.endsWith('Ids') || key === 'ids') return ids;
  if (key === 'start' || key === 'end') return fc.integer({ min: 0, max: 400 });
  if (key.startsWith('year')) return fc.integer({ min: 1990, max: 2030 });
  if (key === 'rating' || key === 'ratingMin') return fc.option(fc.integer({ min: 1, max: 5 }), { nil: null });
  if (key === 'limit') return fc.integer({ min: 1, max: 50 });
  if (key === 'value') return fc.oneof(fc.jsonValue({ maxDepth: 4 }), fc.integer({ min: 28, max: 40 }).map(nested), wrongType);
  return null;
}

/** A value that fits the field's zod schema (mostly), built from the schema itself (zod 4 internals: `_zod.def`). */
function fitting(schema: z.ZodType, key: string): fc.Arbitrary<unknown> {
  const special = byKey(key);
  if (special) return special;
  const def = (schema as unknown as { _zod: { def: Record<string, any> } })._zod.def;
  switch (def.type) {
    case 'optional':
    case 'default':
      return fc.option(fitting(def.innerType, key), { nil: undefined });
    case 'nullable':
      return fc.option(fitting(def.innerType, key), { nil: null });
    case 'pipe':
      return fitting(def.in, key);
    case 'string':
      return oddWords;
    case 'number':
      return fc.integer({ min: 0, max: 50 });
    case 'boolean':
      return fc.boolean();
    case 'enum':
      return fc.constantFrom(...Object.values(def.entries as Record<string, string>));
    case 'literal':
      return fc.constantFrom(...(def.values as unknown[]));
    case 'array':
      return fc.array(fitting(def.element, key), { maxLength: 4 });
    case 'union':
      return fc.oneof(...(def.options as z.ZodType[]).map((o) => fitting(o, key)));
    case 'object':
      return fc.record(Object.fromEntries(Object.entries(def.shape as Record<string, z.ZodType>).map(([k, v]) => [k, fitting(v, k)])));
    default:
      return hostileValue;
  }
}

function keysOf(channel: Channel): string[] {
  return Object.keys((contract[channel].input as unknown as z.ZodObject).shape);
}

function inputFor(channel: Channel): fc.Arbitrary<unknown> {
  const schema = contract[channel].input as unknown as z.ZodObject;
  const keys = keysOf(channel);
  // Well-formed except for some fields, which get a hostile value of any type.
  const mostlyFitting = fc
    .tuple(fitting(schema, ''), fc.subarray(keys, { maxLength: Math.min(2, keys.length) }), fc.array(hostileValue, { minLength: 2, maxLength: 2 }))
    .map(([input, spoiled, values]) => {
      const out = { ...(input as Record<string, unknown>) };
      spoiled.forEach((key, i) => {
        out[key] = values[i];
      });
      return out;
    });
  return fc.oneof({ weight: 1, arbitrary: hostileValue }, { weight: 3, arbitrary: mostlyFitting }, { weight: 6, arbitrary: fitting(schema, '') });
}

const call = fc.constantFrom(...CHANNELS).chain((channel) => inputFor(channel).map((input) => ({ channel, input })));

// ---- the property ---------------------------------------------------------------------------------------

let lib: Library;
let h: Handlers;
beforeAll(async () => {
  lib = openLibrary(tempLibraryFile());
  // Slow reads in process: the reader thread answers through the same toErrorShape, and its round trip
  // would triple the run time.
  h = createHandlers(lib, { readsInProcess: true });
  const imported = await dispatch(h, 'paste.import', { text: seed }, { trusted: true });
  expect(imported.ok).toBe(true);
});
afterAll(() => lib.close());

describe('dispatch under hostile input', () => {
  it(`answers ${FUZZ_RUNS} generated calls over every channel without INTERNAL, SQL, stacks or source paths`, async () => {
    // Expected errors are logged for the developer; keep the run's output readable.
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const started = Date.now();
    const outcomes = new Map<string, number>();
    await fc.assert(
      fc.asyncProperty(call, async ({ channel, input }) => {
        const result = await dispatch(h, channel, input, { trusted: true, origin: 'fuzz' });
        outcomes.set(result.ok ? 'ok' : result.error.code, (outcomes.get(result.ok ? 'ok' : result.error.code) ?? 0) + 1);
        expect(JSON.parse(JSON.stringify(result))).toBeTruthy();
        structuredClone(result);
        if (result.ok) return;
        const { code, message } = result.error;
        expect(code, message).not.toBe('INTERNAL');
        expect(message).not.toMatch(SQL);
        expect(message).not.toMatch(STACK);
        expect(message).not.toMatch(SOURCE);
      }),
      { numRuns: FUZZ_RUNS },
    );
    vi.restoreAllMocks();
    console.log(`dispatch fuzz: ${FUZZ_RUNS} calls in ${((Date.now() - started) / 1000).toFixed(1)} s; answers: ${JSON.stringify(Object.fromEntries(outcomes))}`);
    // Most calls must get past validation, or the fuzz would only be testing zod.
    expect(outcomes.get('ok') ?? 0).toBeGreaterThan(FUZZ_RUNS / 5);
    expect(lib.db.$client.pragma('integrity_check', { simple: true })).toBe('ok');
    expect(lib.db.$client.pragma('foreign_key_check')).toEqual([]);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});
