/**
 * The desktop build (out/, made by global-setup's `electron-vite build`): the reader thread's and the
 * paste thread's entries sit beside the main bundle, where read-worker-client.ts and
 * paste-worker-client.ts look for them, and the main bundle points at them; run under Node, the reader
 * answers a facet count on a real library and the paste thread parses a paste.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { openLibrary } from '../../db/open';
import { importProfile } from '../../db/library/import-profile';
import { contract } from '../../shared/contract';
import { detectAndParse } from '../../shared/paste/detect';
import { expect, SEED_PROFILE, test } from './fixtures';
import { LecternServer } from './lectern-server';

const OUT = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'out', 'main');

test('the built reader thread sits beside the main bundle and answers a facet count', async () => {
  expect(existsSync(join(OUT, 'read-worker.js'))).toBe(true);
  expect(readFileSync(join(OUT, 'index.js'), 'utf8')).toContain('./read-worker.js');

  const scratch = new LecternServer();
  const library = openLibrary(join(scratch.dir, 'built-reader.sqlite'));
  try {
    importProfile(library.db, SEED_PROFILE, detectAndParse(SEED_PROFILE));
    const worker = new Worker(join(OUT, 'read-worker.js'), { workerData: { file: library.file } });
    try {
      const reply = await new Promise<{ id: number; ok: boolean; error?: unknown; value?: { total: number; years: { year: number; count: number }[] } }>((resolve, reject) => {
        worker.once('message', resolve);
        worker.once('error', reject);
        worker.postMessage({ id: 7, channel: 'papers.facets', input: contract['papers.facets'].input.parse({}) });
      });
      expect(reply.id).toBe(7);
      expect(reply.error).toBeUndefined();
      expect(reply.ok).toBe(true);
      expect(reply.value?.total).toBe(18);
      expect(reply.value?.years).toEqual([
        { year: 2024, count: 11 },
        { year: 2025, count: 7 },
      ]);
    } finally {
      await worker.terminate();
    }
  } finally {
    library.close();
    await scratch.dispose();
  }
});

test('the built paste thread sits beside the main bundle and parses a paste', async () => {
  expect(existsSync(join(OUT, 'paste-worker.js'))).toBe(true);
  expect(readFileSync(join(OUT, 'index.js'), 'utf8')).toContain('./paste-worker.js');

  const worker = new Worker(join(OUT, 'paste-worker.js'));
  const ask = (id: number, text: string) =>
    new Promise<{ id: number; ok: boolean; error?: { code: string; message: string }; value?: ReturnType<typeof detectAndParse> }>((resolve, reject) => {
      worker.once('message', resolve);
      worker.once('error', reject);
      worker.postMessage({ id, text });
    });
  try {
    const parsed = await ask(3, SEED_PROFILE);
    expect(parsed.id).toBe(3);
    expect(parsed.error).toBeUndefined();
    expect(parsed.value).toEqual(detectAndParse(SEED_PROFILE));
    const refused = await ask(4, 'Dear colleague,\nplease find attached\nthe minutes.');
    expect(refused).toMatchObject({ id: 4, ok: false, error: { code: 'PASTE_UNRECOGNISED' } });
  } finally {
    await worker.terminate();
  }
});
