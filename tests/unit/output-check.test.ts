/**
 * Outside production, dispatch checks every answer against its channel's output schema: a row that
 * drifted from the contract fails the call as INTERNAL (the user sees the generic sentence, the developer
 * log gets the channel and the issues); in production the answer passes unchecked.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { openLibrary, type Library } from '../../db/open';
import { dispatch } from '../../electron/handlers/dispatch';
import { closeHandlers, createHandlers, type Handlers } from '../../electron/handlers/handlers';
import { handlerTable } from '../../electron/handlers/handler-table';
import type { HandlerTable } from '../../electron/handlers/channel-entry';
import { outputChecksOn } from '../../electron/handlers/output-check';
import { setFailureSink, type Failure } from '../../shared/failure-log';
import { INTERNAL_MESSAGE } from '../../shared/error-messages';

let lib: Library;
let h: Handlers;
const logged: Failure[] = [];
const saved = { check: process.env.LECTERN_CHECK_OUTPUTS, env: process.env.NODE_ENV };

beforeAll(() => {
  lib = openLibrary(':memory:');
  // papers.get answers a row whose id is text: PaperDetail needs a number (and much more).
  // tags.list answers a column the contract does not declare (a raw row's name_key).
  const drifted: HandlerTable = {
    ...handlerTable,
    'papers.get': (() => ({ id: 'x' })) as unknown as HandlerTable['papers.get'],
    'tags.list': () => [{ id: 1, name: 'method', colour: null, type: 'manual', paperCount: 0, subtreeCount: 0, name_key: 'method' }],
  };
  h = createHandlers(lib, { table: drifted });
  setFailureSink((f) => logged.push(f));
});
afterEach(() => {
  logged.length = 0;
  for (const [key, value] of [['LECTERN_CHECK_OUTPUTS', saved.check], ['NODE_ENV', saved.env]] as const) {
    if (value === undefined) delete process.env[key];
    else process.env[key] = value;
  }
});
afterAll(async () => {
  setFailureSink(null);
  await closeHandlers(h);
  lib.close();
});

describe('the output check', () => {
  it('is on under the tests, and fails a wrong row as INTERNAL without showing schema text', async () => {
    expect(outputChecksOn()).toBe(true);
    const r = await dispatch(h, 'papers.get', { id: 1 }, { trusted: true });
    expect(r).toEqual({ ok: false, error: { code: 'INTERNAL', message: INTERNAL_MESSAGE } });
    expect(logged).toHaveLength(1);
    expect(logged[0]!.what).toBe('papers.get');
    const logText = String((logged[0]!.error as Error).message);
    expect(logText).toContain('"papers.get" does not match its output schema');
    expect(logText).toMatch(/id: Invalid input: expected number, received string/);
  });

  it('fails an answer with a field the schema does not declare', async () => {
    expect(await dispatch(h, 'tags.list', {}, { trusted: true })).toEqual({ ok: false, error: { code: 'INTERNAL', message: INTERNAL_MESSAGE } });
    expect(logged.map((f) => [f.what, (f.error as Error).message])).toEqual([['tags.list', 'The answer of "tags.list" does not match its output schema: 0.name_key: not declared']]);
  });

  it('lets a right answer through unchanged', async () => {
    expect(await dispatch(h, 'library.info', {}, { trusted: true })).toEqual({ ok: true, value: { file: ':memory:', papers: 0, authors: 0, imports: 0 } });
    expect(logged).toEqual([]);
  });

  it('does not run in production', async () => {
    process.env.NODE_ENV = 'production';
    delete process.env.LECTERN_CHECK_OUTPUTS;
    expect(outputChecksOn()).toBe(false);
    expect(await dispatch(h, 'papers.get', { id: 1 }, { trusted: true })).toEqual({ ok: true, value: { id: 'x' } });
    expect(logged).toEqual([]);
  });

  it('is decided by LECTERN_CHECK_OUTPUTS first, then NODE_ENV (test, development: on; anything else: off)', () => {
    expect(outputChecksOn({ LECTERN_CHECK_OUTPUTS: '1', NODE_ENV: 'production' })).toBe(true);
    expect(outputChecksOn({ LECTERN_CHECK_OUTPUTS: '0', NODE_ENV: 'test' })).toBe(false);
    expect(outputChecksOn({ NODE_ENV: 'test' })).toBe(true);
    expect(outputChecksOn({ NODE_ENV: 'development' })).toBe(true);
    expect(outputChecksOn({ NODE_ENV: 'production' })).toBe(false);
    // An installed app, `npx lectern` and the benchmarks run without NODE_ENV: unchecked.
    expect(outputChecksOn({})).toBe(false);
  });
});
