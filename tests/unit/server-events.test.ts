/**
 * Browser mode's library events (GET /api/events, polled; electron/server/event-log.ts): behind the
 * token and the Host/Origin guard like every API call; each tab hears its own writes as 'here' and
 * the others' as 'elsewhere', joined since its last poll; a restart or a tab too far behind gets 'everything'.
 */
import { request as httpRequest } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openLibrary, type Library } from '../../db/open';
import { closeHandlers, createHandlers, type Handlers } from '../../electron/handlers/handlers';
import { startBrowserServer, type BrowserServer } from '../../electron/server/server';
import type { LibraryEventsAnswer } from '../../shared/library-change';
import { LOG_SIZE } from '../../electron/server/event-log';
import { tempLibraryFile } from './helpers/fixtures';
import { stubRendererDir } from './helpers/renderer-dir';

let lib: Library;
let handlers: Handlers;
let server: BrowserServer;
beforeAll(async () => {
  const file = tempLibraryFile();
  const rendererDir = stubRendererDir(file);
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

/** Poll the events as a tab does. */
async function poll(client: string, after?: { seq: number; epoch: string }, headers: Record<string, string> = { 'x-lectern-token': server.token }) {
  const query = new URLSearchParams({ client, ...(after ? { after: String(after.seq), epoch: after.epoch } : {}) });
  const res = await fetch(`${server.origin}/api/events?${query}`, { headers });
  return { res, answer: res.ok ? ((await res.json()) as LibraryEventsAnswer) : null };
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
      res.resume();
    });
    req.on('error', reject);
    req.end();
  });
}

describe('library events, polled', () => {
  it('refuses a missing or wrong token (401, like every API call), a foreign Origin and a foreign Host (403)', async () => {
    expect((await poll('tab-11111111', undefined, {})).res.status).toBe(401);
    expect((await poll('tab-11111111', undefined, { 'x-lectern-token': 'y'.repeat(43) })).res.status).toBe(401);
    const { port } = new URL(server.origin);
    expect(await rawGet('/api/events', { 'x-lectern-token': server.token, host: `127.0.0.1:${port}`, origin: 'http://evil.example' })).toBe(403);
    expect(await rawGet('/api/events', { 'x-lectern-token': server.token, host: `evil.example:${port}` })).toBe(403);
    // The token in the query is not accepted: it goes in the header only.
    expect(await rawGet(`/api/events?token=${server.token}`, { host: `127.0.0.1:${port}` })).toBe(401);
    expect(await rawGet('/api/events', { 'x-lectern-token': server.token, host: `127.0.0.1:${port}`, origin: server.origin })).toBe(200);
  });

  it("tells each tab of every write since its last poll: its own as 'here', another tab's as 'elsewhere', with the tables", async () => {
    const a0 = (await poll('tab-aaaaaaaa')).answer!;
    const b0 = (await poll('tab-bbbbbbbb')).answer!;
    expect(a0.change).toBeNull();
    expect((await poll('tab-aaaaaaaa', a0)).answer!.change).toBeNull();
    expect(((await (await post('tags.create', { name: 'method' }, 'tab-aaaaaaaa')).json()) as { ok: boolean }).ok).toBe(true);
    await expect.poll(async () => (await poll('tab-bbbbbbbb', b0)).answer!.change, { timeout: 2000 }).toEqual({ version: expect.any(Number), tables: ['tags'], origin: 'elsewhere' });
    expect((await poll('tab-aaaaaaaa', a0)).answer!.change).toEqual({ version: expect.any(Number), tables: ['tags'], origin: 'here' });
    // Two writes since the last poll, one of them another tab's: joined, and 'elsewhere'.
    const a1 = (await poll('tab-aaaaaaaa')).answer!;
    await post('tags.create', { name: 'data' }, 'tab-aaaaaaaa');
    await post('collections.create', { name: 'Thesis' }, 'tab-bbbbbbbb');
    await expect.poll(async () => (await poll('tab-aaaaaaaa', a1)).answer!.change?.tables, { timeout: 2000 }).toEqual(['tags', 'collections']);
    expect((await poll('tab-aaaaaaaa', a1)).answer!.change?.origin).toBe('elsewhere');
  });

  it("answers 'everything' to a tab that polls with another server's epoch (a restart) or fell behind the bounded log", async () => {
    const a = (await poll('tab-cccccccc')).answer!;
    expect((await poll('tab-cccccccc', { seq: a.seq, epoch: 'f'.repeat(16) })).answer!.change).toEqual({ version: a.seq, tables: 'everything', origin: 'elsewhere' });
    expect((await poll('tab-cccccccc', { seq: a.seq + 5, epoch: a.epoch })).answer!.change?.tables).toBe('everything');
    expect(server.eventsKept).toBeLessThanOrEqual(LOG_SIZE);
  });

  it('seven tabs polling at once all get answers, and so do their calls (a poll holds no connection)', async () => {
    const tabs = Array.from({ length: 7 }, (_, i) => `tab-${String(i).repeat(8)}`);
    const answers = await Promise.all(tabs.map((t) => poll(t)));
    expect(answers.map((a) => a.res.status)).toEqual(Array(7).fill(200));
    const calls = await Promise.all(tabs.map((t) => post('library.info', {}, t)));
    expect(calls.map((r) => r.status)).toEqual(Array(7).fill(200));
  });
});
