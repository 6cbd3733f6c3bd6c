/**
 * Browser mode under hostile requests: every shape below once ended the server, reached the library
 * without a valid origin, or got a misleading answer. Each is sent over a raw socket to a real server;
 * after each, the server must still answer a normal API call.
 */
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openLibrary, type Library } from '../../db/open';
import { createHandlers } from '../../electron/handlers/handlers';
import { startBrowserServer, type BrowserServer } from '../../electron/server/server';
import { MAX_REQUEST_BODY_BYTES, PASTE_TOO_LONG_MESSAGE } from '../../shared/paste-limit';
import { tempLibraryFile } from '../unit/helpers/fixtures';
import { rawGet, rawRequest } from './helpers/raw-http';
import { stubRendererDir } from '../unit/helpers/renderer-dir';

let lib: Library;
let server: BrowserServer;
/** A second server on the same library with a 1 KiB body cap, to cross the cap without sending 120 MB. */
let small: BrowserServer;
let port: number;
let smallPort: number;

beforeAll(async () => {
  const file = tempLibraryFile();
  const rendererDir = stubRendererDir(file);
  lib = openLibrary(file);
  const handlers = createHandlers(lib, { readsInProcess: true });
  server = await startBrowserServer({ handlers, rendererDir });
  small = await startBrowserServer({ handlers, rendererDir, maxBodyBytes: 1024 });
  port = Number(new URL(server.origin).port);
  smallPort = Number(new URL(small.origin).port);
});
afterAll(async () => {
  await server?.close();
  await small?.close();
  lib?.close();
});

/** A raw POST to /api/<channel> with the token (unless given) and Connection: close. */
function rawPost(p: number, channel: string, body: string, headers: Record<string, string> = {}) {
  const all = { host: `127.0.0.1:${p}`, 'x-lectern-token': p === port ? server.token : small.token, 'content-type': 'application/json', 'content-length': String(Buffer.byteLength(body)), ...headers };
  const head = [`POST /api/${channel} HTTP/1.1`, ...Object.entries(all).map(([k, v]) => `${k}: ${v}`), 'connection: close', '', ''].join('\r\n');
  return rawRequest(p, head + body);
}

/** The server is alive and serving the library. */
async function stillServes(): Promise<void> {
  const res = await rawPost(port, 'library.info', '{}');
  expect(res.status).toBe(200);
  expect(JSON.parse(res.body)).toMatchObject({ ok: true, value: { papers: 0 } });
}

describe('browser mode survives malformed request targets', () => {
  it.each([
    ['//[', 'authority-looking path with a bracket'],
    ['//%', 'authority-looking path with a bare %'],
    ['//:99999/', 'authority-looking path with an out-of-range port'],
    ['//a:b:c/', 'authority-looking path with colons'],
    ['http://evil/', 'absolute-form'],
    ['*', 'asterisk-form'],
    ['/%', 'a bare % in the path'],
    ['/%zz', 'a % without hex digits'],
    ['/%ff%fe', 'escapes that are not UTF-8'],
    ['/a%00b', 'an escaped NUL'],
    ['/api/library.info%0a', 'an escaped newline in an API path'],
  ])('answers 400 to GET %s (%s)', async (target) => {
    const res = await rawGet(port, target);
    expect(res.status).toBe(400);
    expect(res.body).toMatch(/^The request was refused: /);
    expect(res.body).not.toMatch(/\bat \S+:\d+/); // no stack
    await stillServes();
  });

  it('answers 400 to a target that is not a path at all (%) and to control bytes in the request line', async () => {
    expect((await rawGet(port, '%')).status).toBe(400);
    expect((await rawRequest(port, `GET /a\x01b HTTP/1.1\r\nhost: 127.0.0.1:${port}\r\nconnection: close\r\n\r\n`)).status).toBe(400);
    expect((await rawRequest(port, `GET /a\x7fb HTTP/1.1\r\nhost: 127.0.0.1:${port}\r\nconnection: close\r\n\r\n`)).status).toBe(400);
    expect((await rawRequest(port, Buffer.from(`GET /\xe9 HTTP/1.1\r\nhost: 127.0.0.1:${port}\r\nconnection: close\r\n\r\n`, 'latin1'))).status).toBe(400);
    expect((await rawRequest(port, 'NOT HTTP AT ALL\r\n\r\n')).status).toBe(400);
    expect((await rawRequest(port, '\x00\x01\x02\x03\r\n\r\n')).status).toBe(400);
    await stillServes();
  });

  it('answers 431 to a huge header, and the server runs on', async () => {
    const res = await rawGet(port, '/', { 'x-big': 'a'.repeat(64 * 1024) });
    expect(res.status).toBe(431);
    await stillServes();
  });
});

describe('browser mode answers only its own name and origin', () => {
  it('serves Host 127.0.0.1:PORT, localhost:PORT and [::1]:PORT, static files and API alike', async () => {
    for (const host of [`127.0.0.1:${port}`, `localhost:${port}`, `LOCALHOST:${port}`, `[::1]:${port}`]) {
      expect((await rawGet(port, '/', { host })).status).toBe(200);
      expect((await rawPost(port, 'library.info', '{}', { host })).status).toBe(200);
    }
  });

  it('refuses any other Host with 403, static files too (DNS rebinding)', async () => {
    for (const host of [`evil.example:${port}`, 'evil.example', `127.0.0.1:${port + 1}`, '127.0.0.1', `localhost.evil.example:${port}`, '']) {
      const page = await rawGet(port, '/', { host });
      expect(page.status, `Host: ${host}`).toBe(403);
      expect(page.body).not.toContain('<title>Lectern</title>');
      const api = await rawPost(port, 'library.info', '{}', { host });
      expect(api.status, `Host: ${host}`).toBe(403);
      expect(JSON.parse(api.body)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    }
    // HTTP/1.0 may omit Host; that is refused too.
    const noHost = await rawRequest(port, 'GET / HTTP/1.0\r\n\r\n');
    expect(noHost.status).toBe(403);
    // HTTP/1.1 without Host is malformed.
    expect((await rawRequest(port, 'GET / HTTP/1.1\r\nconnection: close\r\n\r\n')).status).toBe(400);
    await stillServes();
  });

  it('refuses API calls from a foreign Origin with 403, even with the token; accepts its own and none', async () => {
    for (const origin of ['http://evil.example', `http://evil.example:${port}`, 'null', `https://127.0.0.1:${port}`, `http://127.0.0.1:${port + 1}`]) {
      const res = await rawPost(port, 'library.info', '{}', { origin });
      expect(res.status, `Origin: ${origin}`).toBe(403);
      expect(JSON.parse(res.body)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    }
    expect((await rawPost(port, 'library.info', '{}', { origin: `http://127.0.0.1:${port}` })).status).toBe(200);
    expect((await rawPost(port, 'library.info', '{}', { origin: `http://localhost:${port}`, host: `localhost:${port}` })).status).toBe(200);
    expect((await rawPost(port, 'library.info', '{}')).status).toBe(200);
  });

  it('answers 401 without the token or with a wrong one', async () => {
    expect((await rawPost(port, 'library.info', '{}', { 'x-lectern-token': '' })).status).toBe(401);
    expect((await rawPost(port, 'library.info', '{}', { 'x-lectern-token': 'x'.repeat(43) })).status).toBe(401);
    expect((await rawPost(port, 'library.info', '{}', { 'x-lectern-token': 'é' })).status).toBe(401);
    await stillServes();
  });
});

describe('browser mode bodies', () => {
  it('answers 413 with the paste sentence to a paste body declared over the cap, without reading it', async () => {
    const head = [
      'POST /api/paste.import HTTP/1.1',
      `host: 127.0.0.1:${port}`,
      `x-lectern-token: ${server.token}`,
      `content-length: ${MAX_REQUEST_BODY_BYTES + 1}`,
      'connection: close',
      '',
      '',
    ].join('\r\n');
    const res = await rawRequest(port, `${head}{"text":"`);
    expect(res.status).toBe(413);
    expect(JSON.parse(res.body)).toEqual({ ok: false, error: { code: 'INVALID_INPUT', message: PASTE_TOO_LONG_MESSAGE } });
    await stillServes();
  });

  it('takes a body of exactly the cap and answers 413 one byte over (declared or chunked)', async () => {
    const exact = JSON.stringify({ text: 'x'.repeat(1024 - 11) });
    expect(Buffer.byteLength(exact)).toBe(1024);
    const ok = await rawPost(smallPort, 'paste.preview', exact);
    expect(ok.status).toBe(200);
    expect(JSON.parse(ok.body)).toMatchObject({ ok: false, error: { code: 'PASTE_UNRECOGNISED' } });
    const over = JSON.stringify({ text: 'x'.repeat(1024 - 10) });
    const declared = await rawPost(smallPort, 'paste.preview', over);
    expect(declared.status).toBe(413);
    expect(JSON.parse(declared.body).error.message).toBe(PASTE_TOO_LONG_MESSAGE);
    // Non-ASCII: 'é' is two bytes; 1,013 bytes of 'é' plus the envelope cross the cap by one.
    const accented = JSON.stringify({ text: `${'é'.repeat(506)}x` });
    expect(Buffer.byteLength(accented)).toBe(1024);
    expect((await rawPost(smallPort, 'paste.preview', accented)).status).toBe(200);
    expect((await rawPost(smallPort, 'paste.preview', JSON.stringify({ text: `${'é'.repeat(506)}xx` }))).status).toBe(413);
    // Chunked: no length up front; the server stops reading at the cap.
    const chunk = (s: string) => `${Buffer.byteLength(s).toString(16)}\r\n${s}\r\n`;
    const head = [
      'POST /api/settings.set HTTP/1.1',
      `host: 127.0.0.1:${smallPort}`,
      `x-lectern-token: ${small.token}`,
      'transfer-encoding: chunked',
      'connection: close',
      '',
      '',
    ].join('\r\n');
    const chunked = await rawRequest(smallPort, [head, chunk(`{"key":"k","value":"${'v'.repeat(600)}`), chunk(`${'v'.repeat(600)}"}`), '0\r\n\r\n']);
    expect(chunked.status).toBe(413);
    expect(JSON.parse(chunked.body).error.message).toMatch(/^The request is over \d+ MB, more than Lectern accepts\. Nothing was changed\.$/);
    await stillServes();
  });

  it('says what is wrong with a non-ASCII paste over 20 MB (not "not valid JSON")', async () => {
    // 13,000,000 'é' = 26 MB of UTF-8: under the body cap, over the paste limit.
    const res = await rawPost(port, 'paste.preview', JSON.stringify({ text: 'é'.repeat(13_000_000) }));
    expect(res.status).toBe(200);
    const answer = JSON.parse(res.body) as { ok: boolean; error: { code: string; message: string } };
    expect(answer.ok).toBe(false);
    expect(answer.error.code).toBe('INVALID_INPUT');
    expect(answer.error.message).toContain(PASTE_TOO_LONG_MESSAGE);
  });

  it('survives a body that stops half way and a client that then goes away', async () => {
    const head = [
      'POST /api/settings.set HTTP/1.1',
      `host: 127.0.0.1:${port}`,
      `x-lectern-token: ${server.token}`,
      'content-length: 1000',
      '',
      '{"key":"a",',
    ].join('\r\n');
    const res = await rawRequest(port, head, { thenAbort: 200 });
    expect(res.status).toBe(0);
    await stillServes();
    const settled = await rawPost(port, 'settings.get', '{"key":"a"}');
    expect(JSON.parse(settled.body)).toEqual({ ok: true, value: { value: null } });
  });

  it('answers 400 (not a stack) to malformed JSON and 405 to a GET of the API', async () => {
    const bad = await rawPost(port, 'library.info', '{oops');
    expect(bad.status).toBe(400);
    expect(JSON.parse(bad.body)).toEqual({ ok: false, error: { code: 'INVALID_INPUT', message: 'The request body is not valid JSON. Nothing was changed.' } });
    expect((await rawGet(port, '/api/library.info', { 'x-lectern-token': server.token })).status).toBe(405);
    expect((await rawGet(port, '/api/no such', { 'x-lectern-token': server.token })).status).toBe(400);
    expect((await rawGet(port, '/api/', { 'x-lectern-token': server.token })).status).toBe(404);
    await stillServes();
  });
});

describe("the library events poll under hostile parameters (electron/server/event-log.ts)", () => {
  const poll = (query: string, headers: Record<string, string> = {}) => rawGet(port, `/api/events?${query}`, { 'x-lectern-token': server.token, ...headers });

  it("answers every odd after / epoch / client with a plain answer ('everything' when it cannot tell), never a crash", async () => {
    const { epoch, seq } = JSON.parse((await poll('client=tab-aaaaaaaa')).body) as { epoch: string; seq: number };
    const odd = ['-1', '1e309', '9'.repeat(400), '0x10', '__proto__', 'NaN', '%00', '1.5', '%201', '', encodeURIComponent('१२')];
    for (const after of odd) {
      const res = await poll(`after=${after}&epoch=${epoch}&client=tab-aaaaaaaa`);
      expect(res.status, `after=${after}`).toBe(200);
      const answer = JSON.parse(res.body) as { change: { tables: unknown } | null };
      // Not a number the log knows: the tab is told anything may have changed, or (no usable after) nothing yet.
      expect(answer.change === null || answer.change.tables === 'everything', `after=${after}`).toBe(true);
    }
    for (const client of ['__proto__', 'constructor', 'x'.repeat(4000), encodeURIComponent('tab-ü🙂-aaaaaa'), '%0d%0aset-cookie:%20x']) {
      const res = await poll(`after=${seq}&epoch=${epoch}&client=${client}`);
      expect(res.status, `client=${client.slice(0, 20)}`).toBe(200);
      expect(res.headers['set-cookie']).toBeUndefined();
    }
    const wrongEpoch = JSON.parse((await poll(`after=${seq}&epoch=${'e'.repeat(5000)}&client=tab-aaaaaaaa`)).body) as { change: { tables: unknown } };
    expect(wrongEpoch.change.tables).toBe('everything');
    await stillServes();
  });

  it('answers 2,000 polls in a row at once each (no log growth without writes, no held connections)', async () => {
    const started = performance.now();
    for (let i = 0; i < 2000; i++) {
      const res = await poll(`after=${i}&epoch=x&client=tab-bbbbbbbb`);
      expect(res.status).toBe(200);
    }
    // A generous budget for 2,000 sequential loopback requests on a busy 2-core machine: about 1 ms each.
    expect(performance.now() - started).toBeLessThan(20_000);
    expect(server.eventsKept).toBe(0);
    await stillServes();
  });
});
