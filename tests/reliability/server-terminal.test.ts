/**
 * The terminal of `npm run serve` is the user's: a failure there is one plain line (what failed, and
 * the sentence the window got), never a stack or SQLite's own words; the details (stack, SQLite's code,
 * what an error wraps) are printed only with LECTERN_DEBUG=1. Checked on a damaged library, where reads
 * on the main thread and on the reader thread fail with SQLITE_CORRUPT.
 */
import { describe, expect, it } from 'vitest';
import { generateLibrary } from '../bench/generate-library';
import { LecternServer } from '../e2e/lectern-server';
import { damagePages, leafPages } from '../unit/helpers/libraries';

/** A server on a library of 300 papers with one page of papers overwritten; runs `calls`, stops, returns all it printed. */
async function serveDamaged(env: Record<string, string>, calls: Array<[string, unknown]>): Promise<{ log: string; answers: unknown[] }> {
  const server = new LecternServer(env);
  try {
    generateLibrary(server.libraryFile, { papers: 300, seed: 2, notes: 40, tags: 5 });
    const pages = leafPages(server.libraryFile, 'papers');
    damagePages(server.libraryFile, [pages[Math.floor(pages.length / 2)]!.pageno]);
    const url = new URL(await server.start());
    const answers: unknown[] = [];
    for (const [channel, input] of calls) {
      const res = await fetch(`${url.origin}/api/${channel}`, { method: 'POST', headers: { 'x-lectern-token': url.searchParams.get('token')!, 'content-type': 'application/json' }, body: JSON.stringify(input) });
      answers.push(await res.json());
    }
    await server.stop();
    return { log: server.log, answers };
  } finally {
    await server.dispose();
  }
}

const CALLS: Array<[string, unknown]> = [
  ['papers.list', { limit: 1000 }],
  ['metrics.selection', {}],
  ['papers.list', { limit: 1000, sort: [{ column: 'title', desc: false }] }],
];

describe("browser mode's terminal on a damaged library", () => {
  it('one plain line per failure: what failed and the sentence, no stack, no SQLite words', async () => {
    const { log, answers } = await serveDamaged({ LECTERN_DEBUG: '' }, CALLS);
    expect(answers).toEqual(CALLS.map(() => expect.objectContaining({ ok: false, error: expect.objectContaining({ code: 'DAMAGED' }) })));
    expect(log).not.toMatch(/\n\s+at |SqliteError|SQLITE_|malformed|\.ts:\d+/);
    const failures = log.split('\n').filter((l) => l.startsWith('lectern serve: '));
    expect(failures).toEqual([
      expect.stringMatching(/^lectern serve: papers\.list failed: The library file is damaged, so Lectern will not write to it: /),
      expect.stringMatching(/^lectern serve: metrics\.selection failed: The library file is damaged, so Lectern will not write to it: /),
      expect.stringMatching(/^lectern serve: papers\.list failed: The library file is damaged/),
    ]);
  });

  it('LECTERN_DEBUG=1 adds the details under each line', async () => {
    const { log } = await serveDamaged({ LECTERN_DEBUG: '1' }, CALLS.slice(0, 2));
    expect(log.split('\n').filter((l) => l.startsWith('lectern serve: '))).toHaveLength(2);
    expect(log).toMatch(/SqliteError: database disk image is malformed\n\s+at /);
    expect(log).toMatch(/code: 'SQLITE_CORRUPT'/);
  });
});
