import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openLibrary, type Library } from '../../db/open';
import { call, dispatch } from '../../electron/handlers/dispatch';
import { createHandlers, type Handlers } from '../../electron/handlers/handlers';
import { bigPaste } from './helpers/big-paste';
import { fixtureText, tempLibraryFile } from './helpers/fixtures';

let lib: Library;
let h: Handlers;
beforeEach(() => {
  lib = openLibrary(tempLibraryFile());
  h = createHandlers(lib);
});
afterEach(() => lib.close());

const count = (table: string) => (lib.db.$client.prepare(`SELECT COUNT(*) AS n FROM ${table}`).get() as { n: number }).n;

describe('long imports', () => {
  it('report progress and can be cancelled, leaving the library unchanged', async () => {
    await call(h, 'paste.import', { text: fixtureText('scholarfeed') });
    const before = [count('papers'), count('imports'), count('authors'), count('paper_authors')];
    const text = bigPaste(6000);
    const pending = dispatch(h, 'paste.import', { text, jobId: 'big-1' }, { trusted: true });
    let progress: { done: number; total: number } | null = null;
    for (let i = 0; i < 500 && (progress === null || progress.done === 0); i++) {
      await new Promise((r) => setTimeout(r, 5));
      progress = (await call(h, 'jobs.progress', { jobId: 'big-1' })).progress;
    }
    expect(progress!.total).toBe(6000);
    expect(progress!.done).toBeGreaterThan(0);
    expect(await call(h, 'jobs.cancel', { jobId: 'big-1' })).toEqual({ cancelled: true });
    const result = await pending;
    expect(result).toMatchObject({ ok: false, error: { code: 'CANCELLED' } });
    expect(result.ok ? '' : result.error.message).toMatch(/^Import cancelled after \d+ of 6000 papers; the library is as it was before\.$/);
    expect([count('papers'), count('imports'), count('authors'), count('paper_authors')]).toEqual(before);
    expect(await call(h, 'jobs.progress', { jobId: 'big-1' })).toEqual({ progress: null });
    expect(await call(h, 'jobs.cancel', { jobId: 'big-1' })).toEqual({ cancelled: false });
  });

  it('finish when not cancelled, and other writes wait for them', async () => {
    const text = bigPaste(2000);
    const importing = call(h, 'paste.import', { text, jobId: 'big-2' });
    const setting = call(h, 'settings.set', { key: 'view.last', value: 'papers' });
    const report = await importing;
    await setting;
    expect(report).toMatchObject({ added: 2000, alreadyImported: false });
    expect(count('papers')).toBe(2000);
    expect(await call(h, 'settings.get', { key: 'view.last' })).toEqual({ value: 'papers' });
  });
});

describe('long previews', () => {
  it('answer as the synchronous preview does, store nothing, and can be stopped', async () => {
    await call(h, 'paste.import', { text: fixtureText('scholarfeed') });
    const before = [count('papers'), count('imports'), count('authors'), count('paper_authors')];
    const text = bigPaste(1500);
    const stepped = await call(h, 'paste.preview', { text, jobId: 'preview-1' });
    expect(stepped.wouldImport).toEqual({ added: 1500, updated: 0, unchanged: 0 });
    expect(stepped).toEqual(await call(h, 'paste.preview', { text }));
    expect([count('papers'), count('imports'), count('authors'), count('paper_authors')]).toEqual(before);

    const pending = dispatch(h, 'paste.preview', { text: bigPaste(6000), jobId: 'preview-2' }, { trusted: true });
    let progress: { done: number; total: number } | null = null;
    for (let i = 0; i < 500 && (progress === null || progress.done === 0); i++) {
      await new Promise((r) => setTimeout(r, 5));
      progress = (await call(h, 'jobs.progress', { jobId: 'preview-2' })).progress;
    }
    expect(progress!.total).toBe(6000);
    expect(await call(h, 'jobs.cancel', { jobId: 'preview-2' })).toEqual({ cancelled: true });
    const result = await pending;
    expect(result.ok ? '' : result.error.message).toMatch(/^Preview stopped after \d+ of 6000 papers; nothing was imported\.$/);
    expect([count('papers'), count('imports'), count('authors'), count('paper_authors')]).toEqual(before);
  });
});
