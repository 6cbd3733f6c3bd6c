import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openLibrary, type Library } from '../../db/open';
import { call } from '../../electron/handlers/dispatch';
import { createHandlers, type Handlers } from '../../electron/handlers/handlers';
import { ReadWorker } from '../../electron/handlers/read-worker-client';
import { contract } from '../../shared/contract';
import { LecternError } from '../../shared/errors';
import { fixtureText, tempLibraryFile } from './helpers/fixtures';

let lib: Library;
let h: Handlers;
let inProcess: Handlers;
let ownerId: number;
beforeAll(async () => {
  lib = openLibrary(tempLibraryFile());
  h = createHandlers(lib);
  inProcess = createHandlers(lib, { readsInProcess: true });
  ownerId = (await call(h, 'paste.import', { text: fixtureText('seed-profile') })).author!.id;
});
afterAll(() => lib.close());

async function rejection(promise: Promise<unknown>): Promise<LecternError> {
  try {
    await promise;
  } catch (err) {
    return err as LecternError;
  }
  throw new Error('expected the promise to reject');
}

describe('reads on the reader thread', () => {
  it('answer exactly what the main connection answers', async () => {
    const input = { yearFrom: 2024, categories: ['CL'] };
    const threaded = await call(h, 'papers.facets', input);
    expect(threaded.total).toBe(10);
    expect(threaded).toEqual(await call(inProcess, 'papers.facets', input));
    expect(await call(h, 'metrics.selection', { hasCode: true })).toEqual(await call(inProcess, 'metrics.selection', { hasCode: true }));
    const metrics = await call(h, 'authors.metrics', { id: ownerId });
    expect(metrics.papersInLibrary).toBe(18);
    expect(metrics.name).toBe('Chong Ruan');
  });

  it('see what the main connection committed after the thread started', async () => {
    const before = await call(h, 'papers.facets', {});
    await call(h, 'paste.import', { text: fixtureText('scholarfeed') });
    const after = await call(h, 'papers.facets', {});
    expect(before.total).toBe(18);
    expect(after.total).toBe((await call(h, 'library.info', {})).papers);
    expect(after.total).toBeGreaterThan(18);
  });

  it('pass on the library errors with their code', async () => {
    const error = await rejection(call(h, 'authors.metrics', { id: 999_999 }));
    expect(error.code).toBe('NOT_FOUND');
  });
});

describe('cancelling a read', () => {
  it('stops a running read with CANCELLED, reports it meanwhile, and the next read still answers', async () => {
    const running = call(h, 'papers.facets', { filter: 'reasoning', jobId: 'facets-1' });
    expect((await call(h, 'jobs.progress', { jobId: 'facets-1' })).progress).toEqual({ done: 0, total: 0 });
    expect(await call(h, 'jobs.cancel', { jobId: 'facets-1' })).toEqual({ cancelled: true });
    const error = await rejection(running);
    expect(error.code).toBe('CANCELLED');
    expect(error.message).toBe('Stopped: counting filter values was cancelled. The figures on screen are from before.');
    expect((await call(h, 'jobs.progress', { jobId: 'facets-1' })).progress).toBeNull();
    expect(await call(h, 'jobs.cancel', { jobId: 'facets-1' })).toEqual({ cancelled: false });
    const again = await call(h, 'papers.facets', { filter: 'reasoning' });
    expect(again).toEqual(await call(inProcess, 'papers.facets', { filter: 'reasoning' }));
  });

  it('drops a queued read without disturbing the one running before it', async () => {
    const reads = new ReadWorker(lib);
    try {
      const first = reads.run('papers.facets', contract['papers.facets'].input.parse({}), 'first');
      const second = reads.run('metrics.selection', contract['metrics.selection'].input.parse({}), 'second');
      expect(reads.has('second')).toBe(true);
      expect(reads.cancel('second')).toBe(true);
      expect(reads.has('second')).toBe(false);
      expect((await rejection(second)).code).toBe('CANCELLED');
      expect((await first).total).toBe((await call(inProcess, 'papers.facets', {})).total);
    } finally {
      reads.close();
    }
  });

  it('close() rejects what is still waiting', async () => {
    const reads = new ReadWorker(lib);
    const pending = reads.run('metrics.selection', contract['metrics.selection'].input.parse({}), 'late');
    reads.close();
    expect((await rejection(pending)).code).toBe('CANCELLED');
  });
});
