import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openLibrary, type Library } from '../../db/open';
import { createHandlers } from '../../electron/handlers/handlers';
import { startBrowserServer, type BrowserServer } from '../../electron/server/server';
import { fixtureText, tempLibraryFile } from './helpers/fixtures';
import { stubRendererDir } from './helpers/renderer-dir';

let lib: Library;
let server: BrowserServer;
beforeAll(async () => {
  const file = tempLibraryFile();
  const rendererDir = stubRendererDir(file);
  lib = openLibrary(file);
  server = await startBrowserServer({ handlers: createHandlers(lib), rendererDir });
});
afterAll(async () => {
  await server.close();
  lib.close();
});

function post(channel: string, body: unknown, token?: string) {
  return fetch(`${server.origin}/api/${channel}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token === undefined ? {} : { 'x-lectern-token': token }) },
    body: JSON.stringify(body),
  });
}

describe('browser-mode server', () => {
  it('listens on 127.0.0.1 with a random port and prints a URL with a long random token', () => {
    expect(server.origin).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(server.url).toBe(`${server.origin}/?token=${server.token}`);
    expect(server.token).toMatch(/^[\w-]{43}$/);
  });

  it('answers 401 to API calls without the token or with a wrong one', async () => {
    const none = await post('library.info', {});
    expect(none.status).toBe(401);
    expect(await none.json()).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect((await post('library.info', {}, 'x'.repeat(43))).status).toBe(401);
  });

  it('runs the handlers with the token', async () => {
    const res = await post('paste.import', { text: fixtureText('seed-profile') }, server.token);
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ ok: true, value: { added: 18, author: { name: 'Chong Ruan' } } });
    const page = (await (await post('papers.list', { sort: [{ column: 'date', desc: true }], limit: 1 }, server.token)).json()) as { value: { rows: Array<{ title: string }> } };
    expect(page.value.rows[0]?.title).toBe('DeepSeek-V3.2: Pushing the Frontier of Open Large Language Models');
  });

  it('rejects malformed JSON with a clear message', async () => {
    const res = await fetch(`${server.origin}/api/library.info`, { method: 'POST', headers: { 'x-lectern-token': server.token }, body: '{oops' });
    expect(res.status).toBe(400);
    expect(((await res.json()) as { error: { message: string } }).error.message).toMatch(/^The request body is not valid JSON/);
  });

  it('serves the renderer with a strict CSP and refuses paths outside it', async () => {
    const res = await fetch(`${server.origin}/`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-security-policy')).toContain("script-src 'self'");
    expect(await res.text()).toContain('<title>Lectern</title>');
    const escape = await fetch(`${server.origin}/..%2f..%2f..%2fetc%2fpasswd`);
    expect(escape.status).toBe(403);
    expect((await fetch(`${server.origin}/assets/missing.js`)).status).toBe(404);
    expect(await (await fetch(`${server.origin}/papers`)).text()).toContain('<title>Lectern</title>');
  });
});
