import { statSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openLibrary, type Library } from '../../db/open';
import { call } from '../../electron/handlers/dispatch';
import { createHandlers, type Handlers } from '../../electron/handlers/handlers';
import { ReadWorker, SMALL_LIBRARY_BYTES } from '../../electron/handlers/read-worker-client';
import { contract } from '../../shared/contract';
import { LecternError } from '../../shared/errors';
import { fixtureText, tempLibraryFile } from './helpers/fixtures';

let lib: Library;
let h: Handlers;
let inProcess: Handlers;
let ownerId: number;
beforeAll(async () => {
  lib = openLibrary(tempLibraryFile());
  // This library is small: 0 keeps its slow reads on the thread, which these tests are about.
  h = createHandlers(lib, { smallLibraryBytes: 0 });
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
    const reads = new ReadWorker(lib, { smallBytes: 0 });
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
    const reads = new ReadWorker(lib, { smallBytes: 0 });
    const pending = reads.run('metrics.selection', contract['metrics.selection'].input.parse({}), 'late');
    reads.close();
    expect((await rejection(pending)).code).toBe('CANCELLED');
  });
});

describe('a small library', () => {
  it('answers slow reads in process: the first counts after a start or an import never wait for a thread to start', async () => {
    const file = tempLibraryFile();
    const small = openLibrary(file);
    const reads = new ReadWorker(small);
    try {
      await call(createHandlers(small, { readsInProcess: true }), 'paste.import', { text: fixtureText('seed-profile') });
      const facets = reads.run('papers.facets', contract['papers.facets'].input.parse({}), 'first-counts');
      // Answered already: nothing queued for a thread, none started.
      expect(reads.has('first-counts')).toBe(false);
      expect(reads.threadStarted).toBe(false);
      expect((await facets).total).toBe(18);
      expect((await reads.run('authors.metrics', { id: ownerId })).papersInLibrary).toBe(18);
      expect(reads.threadStarted).toBe(false);
      expect(statSync(file).size).toBeLessThan(SMALL_LIBRARY_BYTES);
    } finally {
      await reads.close();
      small.close();
    }
  });

  it('uses the thread once the library is past the size (here: any size)', async () => {
    const reads = new ReadWorker(lib, { smallBytes: 1 });
    try {
      const facets = reads.run('papers.facets', contract['papers.facets'].input.parse({}), 'big');
      expect(reads.has('big')).toBe(true);
      expect(reads.threadStarted).toBe(true);
      expect((await facets).total).toBe((await call(inProcess, 'papers.facets', {})).total);
    } finally {
      await reads.close();
    }
  });
});
