/**
 * Browser mode receives JSON from the network: a body nested a million levels deep must get a plain
 * answer (400 for JSON that does not parse, INVALID_INPUT for JSON that does), never a stack overflow
 * reaching the user or ending the server. V8's JSON.parse does not recurse; what could is everything
 * after it (validation, JSON.stringify when storing a setting), which shared/json-limits.ts guards.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { openLibrary, type Library } from '../../db/open';
import { createHandlers } from '../../electron/handlers/handlers';
import { startBrowserServer, type BrowserServer } from '../../electron/server/server';
import { tempLibraryFile } from '../unit/helpers/fixtures';
import { stubRendererDir } from '../unit/helpers/renderer-dir';

let lib: Library;
let server: BrowserServer;
beforeAll(async () => {
  const file = tempLibraryFile();
  const rendererDir = stubRendererDir(file);
  lib = openLibrary(file);
  server = await startBrowserServer({ handlers: createHandlers(lib, { readsInProcess: true }), rendererDir });
});
afterAll(async () => {
  await server.close();
  lib.close();
});

async function post(channel: string, body: string) {
  const res = await fetch(`${server.origin}/api/${channel}`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-lectern-token': server.token }, body });
  return { status: res.status, body: (await res.json()) as { ok: boolean; error?: { code: string; message: string } } };
}

const LEVELS = 1_000_000;

describe('browser mode and a body nested a million levels deep', () => {
  it('answers 400 to one that does not parse, INVALID_INPUT to one that does, and keeps serving', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const unclosed = await post('settings.set', '['.repeat(LEVELS));
    expect(unclosed.status).toBe(400);
    expect(unclosed.body).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', message: expect.stringMatching(/^The request body is not valid JSON/) } });

    const deepValue = await post('settings.set', `{"key":"deep","value":${'['.repeat(LEVELS)}${']'.repeat(LEVELS)}}`);
    expect(deepValue).toEqual({
      status: 200,
      body: { ok: false, error: { code: 'INVALID_INPUT', message: 'Invalid input for "settings.set": value: The value is nested more than 32 levels deep.', details: expect.anything() } },
    });

    const deepObject = `${'{"a":'.repeat(LEVELS)}1${'}'.repeat(LEVELS)}`;
    // Unknown keys are dropped without being walked: papers.list runs with its defaults.
    expect(await post('papers.list', deepObject)).toMatchObject({ status: 200, body: { ok: true } });
    for (const channel of ['tags.create', 'settings.set']) {
      expect(await post(channel, deepObject)).toMatchObject({ status: 200, body: { ok: false, error: { code: 'INVALID_INPUT' } } });
    }
    expect(await post('settings.set', `{"key":"deep","value":${deepObject}}`)).toMatchObject({ status: 200, body: { ok: false, error: { code: 'INVALID_INPUT' } } });
    for (const r of [unclosed, deepValue]) expect(JSON.stringify(r.body)).not.toMatch(/call stack|RangeError/);
    expect(await post('library.info', '{}')).toMatchObject({ status: 200, body: { ok: true } });
    vi.restoreAllMocks();
  });
});
