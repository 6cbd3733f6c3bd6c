/**
 * Reads see only committed data (issue 8, item 4): while a long import runs in this process, the
 * library's counts do not move until it commits, and a cancelled import never shows at all. A read
 * right after a committed write sees it.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openLibrary, type Library } from '../../db/open';
import { call, dispatch } from '../../electron/handlers/dispatch';
import { createHandlers, type Handlers } from '../../electron/handlers/handlers';
import { bigPaste } from '../unit/helpers/big-paste';
import { fixtureText, tempLibraryFile } from '../unit/helpers/fixtures';

let lib: Library;
let h: Handlers;
beforeEach(async () => {
  lib = openLibrary(tempLibraryFile());
  h = createHandlers(lib);
  await call(h, 'paste.import', { text: fixtureText('seed-profile') });
});
afterEach(() => lib.close());

/** Poll papers.list, papers.ids, library.info and imports.list until `until` settles; returns what was seen. */
async function watch(until: Promise<unknown>): Promise<Set<string>> {
  const seen = new Set<string>();
  let settled = false;
  void until.then(
    () => (settled = true),
    () => (settled = true),
  );
  while (!settled) {
    const [list, ids, info, imports] = await Promise.all([
      call(h, 'papers.list', { limit: 1 }),
      call(h, 'papers.ids', {}),
      call(h, 'library.info', {}),
      call(h, 'imports.list', {}),
    ]);
    seen.add(`${list.total}/${ids.ids.length}/${info.papers}/${info.imports}/${imports.length}`);
    await new Promise((r) => setTimeout(r, 15));
  }
  return seen;
}

describe('reads during a long import in this process', () => {
  it('see the library as it was until the import commits, then all of it', async () => {
    const importing = call(h, 'paste.import', { text: bigPaste(3000, ' a'), jobId: 'a' });
    const seen = await watch(importing);
    expect(await importing).toMatchObject({ added: 3000 });
    expect([...seen]).toEqual(['18/18/18/1/1']);
    expect((await call(h, 'library.info', {})).papers).toBe(3018);
  });

  it('never see a cancelled import', async () => {
    const importing = dispatch(h, 'paste.import', { text: bigPaste(5000, ' b'), jobId: 'b' }, { trusted: true });
    const cancel = (async () => {
      for (;;) {
        const { progress } = await call(h, 'jobs.progress', { jobId: 'b' });
        if (progress && progress.done > 1500) return call(h, 'jobs.cancel', { jobId: 'b' });
        await new Promise((r) => setTimeout(r, 10));
      }
    })();
    const seen = await watch(importing);
    expect(await cancel).toEqual({ cancelled: true });
    expect(await importing).toMatchObject({ ok: false, error: { code: 'CANCELLED' } });
    expect([...seen]).toEqual(['18/18/18/1/1']);
    expect(await call(h, 'library.info', {})).toMatchObject({ papers: 18, imports: 1 });
  });
});

describe('a read right after a committed write', () => {
  it('sees it, for every kind of write', async () => {
    await call(h, 'settings.set', { key: 'view.last', value: 'authors' });
    expect(await call(h, 'settings.get', { key: 'view.last' })).toEqual({ value: 'authors' });
    const tag = await call(h, 'tags.create', { name: 'fresh' });
    await call(h, 'tags.assign', { paperIds: [1, 2], tagIds: [tag.id] });
    expect((await call(h, 'tags.list', {})).map((t) => [t.name, t.paperCount])).toEqual([['fresh', 2]]);
    const note = await call(h, 'notes.create', { paperId: 1, body: 'seen at once' });
    expect((await call(h, 'notes.list', { paperId: 1 })).map((n) => n.id)).toEqual([note.id]);
    expect((await call(h, 'notes.export', { paperId: 1 })).markdown).toContain('seen at once');
    await call(h, 'collections.create', { name: 'c' });
    expect((await call(h, 'collections.list', {})).map((c) => c.name)).toEqual(['c']);
    await call(h, 'savedSearches.create', { name: 's', query: 'prover' });
    expect((await call(h, 'savedSearches.list', {})).map((s) => s.name)).toEqual(['s']);
    await call(h, 'papers.trash', { paperIds: [3] });
    expect((await call(h, 'trash.info', {})).count).toBe(1);
    expect((await call(h, 'papers.list', {})).total).toBe(17);
    await call(h, 'undo.undo', {});
    expect((await call(h, 'papers.get', { id: 3 })).deletedAt).toBeNull();
    expect((await call(h, 'library.info', {})).papers).toBe(18);
    await call(h, 'paste.import', { text: bigPaste(5, ' c') });
    expect((await call(h, 'papers.ids', {})).ids).toHaveLength(23);
    expect((await call(h, 'imports.list', {})).length).toBe(2);
  });
});

describe('an in-memory library (one connection, no second one possible)', () => {
  it('makes reads wait while a long import holds its transaction, so they still see only committed data', async () => {
    const mem = openLibrary(':memory:');
    try {
      const hm = createHandlers(mem);
      await call(hm, 'paste.import', { text: fixtureText('seed-profile') });
      const importing = call(hm, 'paste.import', { text: bigPaste(1500, ' m'), jobId: 'm' });
      // The paste is read on the paste thread first (its start-up takes a moment); then the import's
      // transaction opens and stays open between its steps.
      const deadline = performance.now() + 30_000;
      while (!mem.db.$client.inTransaction && performance.now() < deadline) await new Promise((r) => setTimeout(r, 5));
      expect(mem.db.$client.inTransaction).toBe(true);
      const [list, info, facets] = await Promise.all([call(hm, 'papers.list', { limit: 1 }), call(hm, 'library.info', {}), call(hm, 'papers.facets', {})]);
      // Answered after the commit, never in between: all of the import or (had they run before) none.
      expect(list.total).toBe(1518);
      expect(info.papers).toBe(1518);
      expect(facets.years.reduce((n, y) => n + y.count, 0)).toBe(1518);
      expect(await importing).toMatchObject({ added: 1500 });
    } finally {
      mem.close();
    }
  });
});
