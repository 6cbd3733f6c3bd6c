import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openLibrary, type Library } from '../../db/open';
import { dispatch } from '../../electron/handlers/dispatch';
import { createHandlers, type Handlers } from '../../electron/handlers/handlers';
import { JSON_MAX_DEPTH, jsonValueProblem } from '../../shared/json-limits';
import { fixtureText, tempLibraryFile } from './helpers/fixtures';

let lib: Library;
let h: Handlers;
const trusted = { trusted: true };
const call = (channel: string, input: unknown) => dispatch(h, channel, input, trusted);

beforeAll(async () => {
  lib = openLibrary(tempLibraryFile());
  h = createHandlers(lib);
  expect(await call('paste.import', { text: fixtureText('seed-profile') })).toMatchObject({ ok: true });
});
afterAll(() => lib.close());

function nested(depth: number): unknown {
  let value: unknown = 'leaf';
  for (let i = 0; i < depth; i++) value = [value];
  return value;
}

describe('NUL and other control characters at the contract boundary', () => {
  it('a NUL in a search query or quick filter reads as a space instead of failing with SQL text', async () => {
    const spaced = await call('papers.list', { query: 'deepseek prover' });
    expect(spaced).toMatchObject({ ok: true, value: { total: 3 } });
    expect(await call('papers.list', { query: 'deepseek\u0000prover' })).toEqual(spaced);
    expect(await call('papers.list', { query: 'deepseek\u001b[2Jprover' })).toMatchObject({ ok: true });
    expect(await call('papers.list', { filter: 'deepseek\u0000prover' })).toEqual(await call('papers.list', { filter: 'deepseek prover' }));
    expect(await call('papers.list', { query: '"deep\u0000seek' })).toMatchObject({ ok: false, error: { code: 'INVALID_QUERY', details: { column: 1 } } });
    for (const channel of ['papers.facets', 'papers.ids', 'metrics.selection']) {
      expect(await call(channel, { query: 'prover\u0000', filter: 'deep\u0000' })).toMatchObject({ ok: true });
    }
    expect(await call('papers.facets', { authorQuery: 'ruan\u0000', affiliationQuery: '\u0000' })).toMatchObject({ ok: true });
    expect(await call('authors.grid', { filter: 'ruan\u0000' })).toMatchObject({ ok: true });
    expect(await call('authors.list', { profilesOnly: false, filter: 'chong\u0000ruan' })).toMatchObject({ ok: true });
  });

  it('search.parse sees the same query the list runs (columns still point at what was typed)', async () => {
    expect(await call('search.parse', { query: 'a\u0000b' })).toEqual(await call('search.parse', { query: 'a b' }));
    expect(await call('search.parse', { query: 'ok \u0007"open' })).toMatchObject({ ok: true, value: { ok: false, error: { column: 5 } } });
  });

  it('refuses a collection or saved-search name holding a control character, and says so', async () => {
    expect(await call('collections.create', { name: 'c\u0000d' })).toEqual({
      ok: false,
      error: {
        code: 'INVALID_INPUT',
        message: 'Invalid input for "collections.create": name: A name cannot contain control characters (such as NUL or terminal escape codes).',
        details: { issues: [{ path: ['name'], message: 'A name cannot contain control characters (such as NUL or terminal escape codes)' }] },
      },
    });
    expect(await call('collections.create', { name: 'red \u001b[31m' })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    expect(await call('collections.create', { name: 'c1 \u009b31m' })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    // Tabs and line breaks are whitespace in a name: folded to spaces as before.
    expect(await call('collections.create', { name: 'to\tread\nsoon' })).toMatchObject({ ok: true, value: { name: 'to read soon' } });
    expect(await call('collections.update', { id: 1, name: '\u0000' })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    expect(await call('savedSearches.create', { name: 'x\u0000', query: 'prover' })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    for (const name of ['a\u0000b', 'csi \u009b31m', 'next\u0085line']) {
      expect(await call('tags.create', { name })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', message: 'A tag name cannot contain control characters (tabs, line breaks).' } });
    }
    expect(await call('savedSearches.create', { name: 'provers', query: 'deepseek\u0000prover' })).toMatchObject({ ok: true, value: { query: 'deepseek prover' } });
  });

  it('drops NUL from notes and annotation comments and keeps everything else as written', async () => {
    expect(await call('notes.create', { paperId: 1, body: 'a\u0000b \u001b[1mbold\t' })).toMatchObject({ ok: true, value: { body: 'ab \u001b[1mbold\t' } });
    const annotation = await call('annotations.create', { paperId: 1, start: 0, end: 3, comment: 'x\u0000y' });
    expect(annotation).toMatchObject({ ok: true, value: { comment: 'xy' } });
  });
});

describe('settings.set: JSON depth and size are capped', () => {
  it('refuses a value nested 100,000 levels deep with a sentence, not "Maximum call stack size exceeded"', async () => {
    const r = await call('settings.set', { key: 'deep', value: nested(100_000) });
    expect(r).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT', message: `Invalid input for "settings.set": value: The value is nested more than ${JSON_MAX_DEPTH} levels deep.` },
    });
    expect(await call('settings.get', { key: 'deep' })).toEqual({ ok: true, value: { value: null } });
  });

  it(`keeps ${JSON_MAX_DEPTH} levels, refuses ${JSON_MAX_DEPTH + 1}`, async () => {
    expect(await call('settings.set', { key: 'edge', value: nested(JSON_MAX_DEPTH) })).toEqual({ ok: true, value: {} });
    expect(await call('settings.get', { key: 'edge' })).toEqual({ ok: true, value: { value: nested(JSON_MAX_DEPTH) } });
    expect(await call('settings.set', { key: 'edge', value: nested(JSON_MAX_DEPTH + 1) })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
  });

  it('refuses over 64 kB, a bigint, a function and a value that refers to itself, never INTERNAL', async () => {
    const cyclic: Record<string, unknown> = {};
    cyclic.self = cyclic;
    const cases: Array<[unknown, RegExp]> = [
      ['é'.repeat(33_000), /over 64 kB as JSON/],
      [Array.from({ length: 70_000 }, () => 0), /over 64 kB as JSON/],
      [{ width: 10n }, /holds a bigint/],
      [{ f: () => 1 }, /holds a function/],
      [new Date(0), /JSON cannot keep/],
      [cyclic, /nested more than/],
    ];
    for (const [value, message] of cases) {
      const r = await call('settings.set', { key: 'bad', value });
      expect(r).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', message: expect.stringMatching(message) } });
    }
    const hostileKeys: unknown = JSON.parse('{"__proto__": {"polluted": true}, "constructor": "x", "n": 1}');
    expect(await call('settings.set', { key: 'ok', value: hostileKeys })).toEqual({ ok: true, value: {} });
    expect(JSON.stringify(await call('settings.get', { key: 'ok' }))).toBe('{"ok":true,"value":{"value":{"__proto__":{"polluted":true},"constructor":"x","n":1}}}');
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('checks a million levels without recursion', () => {
    const deep: unknown = JSON.parse(`${'['.repeat(1_000_000)}${']'.repeat(1_000_000)}`);
    expect(jsonValueProblem(deep)).toBe(`The value is nested more than ${JSON_MAX_DEPTH} levels deep`);
    expect(jsonValueProblem({ a: [1, 'two', null, true, { b: -0 }] })).toBeNull();
  });
});
