/**
 * Pastes are detected and parsed on a paste thread (issue 8 item 2): the host's thread keeps answering
 * while a paste is read, jobs.progress reports "Reading the paste", jobs.cancel stops it at once, and a
 * paste past its time budget is stopped with a plain sentence; nothing is stored in either case.
 * LECTERN_TEST_PARSE_DELAY_MS makes the thread as slow as a pathological paste (read when it starts).
 */
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { openLibrary, type Library } from '../../db/open';
import { call, dispatch } from '../../electron/handlers/dispatch';
import { createHandlers, type Handlers } from '../../electron/handlers/handlers';
import { closeIdlePasteThread, PasteReader } from '../../electron/handlers/paste-worker-client';
import { LecternError } from '../../shared/errors';
import { detectAndParse } from '../../shared/paste/detect';
import { fixtureText, tempLibraryFile } from './helpers/fixtures';

const seed = fixtureText('seed-profile');
let lib: Library;
let h: Handlers;
const count = (table: string) => (lib.db.$client.prepare(`SELECT COUNT(*) AS n FROM ${table}`).get() as { n: number }).n;

beforeAll(() => {
  lib = openLibrary(tempLibraryFile());
  h = createHandlers(lib);
});
afterAll(() => lib.close());
beforeEach(() => closeIdlePasteThread());

async function rejection(promise: Promise<unknown>): Promise<LecternError> {
  try {
    await promise;
  } catch (err) {
    return err as LecternError;
  }
  throw new Error('expected the promise to reject');
}

describe('a paste read on the paste thread', () => {
  it('gives what detectAndParse gives in process, errors included, and the preview and import use it', async () => {
    const reader = new PasteReader();
    expect(await reader.read(seed, { purpose: 'preview' })).toEqual(detectAndParse(seed));
    const unrecognised = await rejection(reader.read('Dear colleague,\nplease find attached\nthe minutes.', { purpose: 'preview' }));
    expect(unrecognised).toBeInstanceOf(LecternError);
    expect(unrecognised).toMatchObject({ code: 'PASTE_UNRECOGNISED', message: expect.stringMatching(/^This text is not a page Lectern can read\./) });
    expect(await rejection(reader.read(' \n', { purpose: 'import' }))).toMatchObject({ code: 'PASTE_EMPTY' });

    const inProcess = createHandlers(lib, { parseInProcess: true });
    expect(await call(h, 'paste.preview', { text: seed })).toEqual(await call(inProcess, 'paste.preview', { text: seed }));
    expect(await call(h, 'paste.import', { text: seed, jobId: 'seed-1' })).toMatchObject({ added: 18 });
  });
});

describe('a slow paste', () => {
  beforeEach(() => {
    process.env.LECTERN_TEST_PARSE_DELAY_MS = '20000';
  });
  afterEach(() => {
    delete process.env.LECTERN_TEST_PARSE_DELAY_MS;
  });

  it('leaves the thread free, shows "Reading the paste", and jobs.cancel stops it at once', async () => {
    const before = [count('papers'), count('imports')];
    const text = seed.replace('Chong Ruan', 'Chong Ruan (again)');
    const preview = dispatch(h, 'paste.preview', { text, jobId: 'slow-preview' }, { trusted: true });
    const importing = dispatch(h, 'paste.import', { text, jobId: 'slow-import' }, { trusted: true });
    // The host answers other calls meanwhile (in process, the parse would hold it for the whole delay).
    const started = performance.now();
    expect((await call(h, 'papers.list', {})).total).toBe(18);
    expect(performance.now() - started).toBeLessThan(2_000);
    expect(await call(h, 'jobs.progress', { jobId: 'slow-preview' })).toEqual({ progress: { done: 0, total: 0, phase: 'Reading the paste' } });
    await expect.poll(() => call(h, 'jobs.progress', { jobId: 'slow-import' })).toEqual({ progress: { done: 0, total: 0, phase: 'Reading the paste' } });

    const cancelledAt = performance.now();
    expect(await call(h, 'jobs.cancel', { jobId: 'slow-preview' })).toEqual({ cancelled: true });
    expect(await preview).toEqual({ ok: false, error: { code: 'CANCELLED', message: 'Preview stopped while reading the paste; nothing was imported.' } });
    expect(await call(h, 'jobs.cancel', { jobId: 'slow-import' })).toEqual({ cancelled: true });
    expect(await importing).toEqual({ ok: false, error: { code: 'CANCELLED', message: 'Import cancelled while reading the paste; the library is as it was before.' } });
    expect(performance.now() - cancelledAt).toBeLessThan(2_000);
    expect(await call(h, 'jobs.progress', { jobId: 'slow-preview' })).toEqual({ progress: null });
    expect(await call(h, 'jobs.cancel', { jobId: 'slow-preview' })).toEqual({ cancelled: false });
    expect([count('papers'), count('imports')]).toEqual(before);
  });

  it('is stopped past its time budget with a plain sentence, and the next paste is read afresh', async () => {
    const reader = new PasteReader({ timeLimitMs: 1_000 });
    const error = await rejection(reader.read(seed, { purpose: 'preview' }));
    expect(error).toBeInstanceOf(LecternError);
    expect(error).toMatchObject({
      code: 'PASTE_UNRECOGNISED',
      message: 'Reading this paste took longer than 1 second, so Lectern stopped; nothing was stored. Copy the profile page again, or paste a smaller part of it.',
      details: { timeLimitMs: 1_000 },
    });
    // The budget counts the thread's start too; a thread that loads TypeScript through tsx (this test)
    // may take over a second to start on a busy machine, so the next read gets the default budget.
    delete process.env.LECTERN_TEST_PARSE_DELAY_MS;
    expect((await new PasteReader().read(seed, { purpose: 'preview' })).profile.papers).toHaveLength(18);
  });
});
