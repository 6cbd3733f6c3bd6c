/**
 * Browser mode's library event stream (GET /api/events, electron/server/event-stream.ts): behind the
 * token and the Host/Origin guard like every API call; each tab hears its own writes as 'here' and
 * the others' as 'elsewhere'; a closed tab leaves no stream behind; close() ends the streams at once.
 */
import { request as httpRequest } from 'node:http';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openLibrary, type Library } from '../../db/open';
import { closeHandlers, createHandlers, type Handlers } from '../../electron/handlers/handlers';
import { startBrowserServer, type BrowserServer } from '../../electron/server/server';
import type { LibraryChange } from '../../shared/library-change';
import { tempLibraryFile } from './helpers/fixtures';

let lib: Library;
let handlers: Handlers;
let server: BrowserServer;
beforeAll(async () => {
  const file = tempLibraryFile();
  const rendererDir = join(dirname(file), 'renderer');
  mkdirSync(rendererDir);
  writeFileSync(join(rendererDir, 'index.html'), '<!doctype html><title>Lectern</title>');
  lib = openLibrary(file);
  handlers = createHandlers(lib, { watch: { pollMs: 50 }, readsInProcess: true });
  server = await startBrowserServer({ handlers, rendererDir });
});
afterAll(async () => {
  await server.close();
  await closeHandlers(handlers);
  lib.close();
});

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Open the stream as a tab does; collects the events it carries. */
async function openStream(client: string, headers: Record<string, string> = { 'x-lectern-token': server.token }) {
  const stop = new AbortController();
  const res = await fetch(`${server.origin}/api/events?client=${client}`, { headers, signal: stop.signal });
  const events: LibraryChange[] = [];
  if (res.ok && res.body) {
    void (async () => {
      const reader = res.body!.pipeThrough(new TextDecoderStream()).getReader();
      let buffer = '';
      try {
        for (;;) {
          const { value, done } = await reader.read();
          if (done) return;
          buffer += value;
          let end: number;
          while ((end = buffer.indexOf('\n\n')) >= 0) {
            const block = buffer.slice(0, end);
            buffer = buffer.slice(end + 2);
            const data = block.split('\n').find((l) => l.startsWith('data: '));
            if (block.startsWith('event: library-change') && data) events.push(JSON.parse(data.slice(6)) as LibraryChange);
          }
        }
      } catch {
        // aborted
      }
    })();
  }
  return { res, events, close: () => stop.abort() };
}

function post(channel: string, body: unknown, client: string) {
  return fetch(`${server.origin}/api/${channel}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-lectern-token': server.token, 'x-lectern-client': client },
    body: JSON.stringify(body),
  });
}

/** A raw request with a Host header of our choosing (fetch will not send a foreign one). */
function rawGet(path: string, headers: Record<string, string>): Promise<number> {
  const { port } = new URL(server.origin);
  return new Promise((resolve, reject) => {
    const req = httpRequest({ host: '127.0.0.1', port, path, headers }, (res) => {
      resolve(res.statusCode ?? 0);
      // An open stream never ends: hang up, as a closed tab does.
      req.destroy();
    });
    req.on('error', reject);
    req.end();
  });
}

describe('library event stream', () => {
  it('refuses a missing or wrong token (401, like every API call), a foreign Origin and a foreign Host (403)', async () => {
    expect((await openStream('tab-11111111', {})).res.status).toBe(401);
    expect((await openStream('tab-11111111', { 'x-lectern-token': 'y'.repeat(43) })).res.status).toBe(401);
    const { port } = new URL(server.origin);
    expect(await rawGet('/api/events', { 'x-lectern-token': server.token, host: `127.0.0.1:${port}`, origin: 'http://evil.example' })).toBe(403);
    expect(await rawGet('/api/events', { 'x-lectern-token': server.token, host: `evil.example:${port}` })).toBe(403);
    // The token in the query (as EventSource would need) is not accepted: it goes in the header only.
    expect(await rawGet(`/api/events?token=${server.token}`, { host: `127.0.0.1:${port}` })).toBe(401);
    expect(await rawGet('/api/events', { 'x-lectern-token': server.token, host: `127.0.0.1:${port}`, origin: server.origin })).toBe(200);
    await expect.poll(() => server.eventStreams, { timeout: 2000 }).toBe(0);
  });

  it("tells each tab of every write: its own as 'here', another tab's as 'elsewhere', with the tables", async () => {
    const a = await openStream('tab-aaaaaaaa');
    const b = await openStream('tab-bbbbbbbb');
    expect(a.res.headers.get('content-type')).toBe('text/event-stream; charset=utf-8');
    expect(server.eventStreams).toBe(2);
    expect(((await (await post('tags.create', { name: 'method' }, 'tab-aaaaaaaa')).json()) as { ok: boolean }).ok).toBe(true);
    await expect.poll(() => b.events.length, { timeout: 2000 }).toBe(1);
    expect(a.events).toEqual([{ version: expect.any(Number), tables: ['tags'], origin: 'here' }]);
    expect(b.events).toEqual([{ version: a.events[0]!.version, tables: ['tags'], origin: 'elsewhere' }]);
    a.close();
    b.close();
    // A closed tab leaves no stream behind.
    await expect.poll(() => server.eventStreams, { timeout: 2000 }).toBe(0);
  });

  it('closing the server ends the open streams at once (it does not wait for them)', async () => {
    const file = tempLibraryFile();
    const rendererDir = join(dirname(file), 'renderer');
    mkdirSync(rendererDir);
    writeFileSync(join(rendererDir, 'index.html'), '<!doctype html><title>Lectern</title>');
    const other = openLibrary(file);
    const h = createHandlers(other, { watch: true, readsInProcess: true });
    const s = await startBrowserServer({ handlers: h, rendererDir });
    const res = await fetch(`${s.origin}/api/events`, { headers: { 'x-lectern-token': s.token } });
    expect(res.status).toBe(200);
    const drained = res.text();
    const start = performance.now();
    await s.close();
    expect(performance.now() - start).toBeLessThan(1000);
    expect(await drained).toBe(': open\n\n');
    await closeHandlers(h);
    other.close();
  });
});
