import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Handlers } from '../../electron/handlers/handlers';
import { startBrowserServer, type BrowserServer } from '../../electron/server/server';
import { INTERNAL_MESSAGE } from '../../shared/error-messages';
import { tempLibraryFile } from './helpers/fixtures';
import { stubRendererDir } from './helpers/renderer-dir';

let server: BrowserServer;
beforeAll(async () => {
  const rendererDir = stubRendererDir(tempLibraryFile());
  // A handler whose answer cannot be written as JSON: the request fails after dispatch, in the server.
  // The answer matches the contract (dispatch's output check passes it), but as JSON it is a BigInt.
  const answer = Object.assign(Object.create({ toJSON: () => 10n }) as object, { file: 'x', papers: 10, authors: 0, imports: 0 });
  const handlers = { 'library.info': () => answer } as unknown as Handlers;
  server = await startBrowserServer({ handlers, rendererDir });
});
afterAll(() => server.close());

describe('browser-mode server: a failure outside dispatch', () => {
  it('answers 500 with the generic sentence, not the raw error message', async () => {
    const log = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const res = await fetch(`${server.origin}/api/library.info`, { method: 'POST', headers: { 'x-lectern-token': server.token }, body: '{}' });
    expect(res.status).toBe(500);
    expect(await res.json()).toEqual({ ok: false, error: { code: 'INTERNAL', message: INTERNAL_MESSAGE } });
    expect(log).toHaveBeenCalledWith('POST request for /api/library.info failed:', expect.objectContaining({ message: expect.stringMatching(/BigInt/) }));
    log.mockRestore();
  });
});
