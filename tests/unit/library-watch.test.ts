/**
 * The library watch (electron/handlers/library-watch.ts): another connection's commit is reported
 * within the poll interval, own writes with the contract's tables and their caller, bursts coalesced,
 * and stopping leaves nothing running.
 */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { openLibrary, type Library } from '../../db/open';
import { call, dispatch } from '../../electron/handlers/dispatch';
import { closeHandlers, createHandlers, libraryWatchOf, type Handlers } from '../../electron/handlers/handlers';
import { changeFor, LibraryWatch, type LibraryChangeBatch } from '../../electron/handlers/library-watch';
import { fixtureText, REPO, tempLibraryFile } from './helpers/fixtures';
import { tablesChanged } from '../../shared/contract';

const POLL_MS = 50;
const COALESCE_MS = 100;

let lib: Library | null = null;
let handlers: Handlers | null = null;
afterEach(async () => {
  if (handlers) await closeHandlers(handlers);
  lib?.close();
  lib = handlers = null;
});

function setup(): { file: string; batches: LibraryChangeBatch[]; at: number[] } {
  const file = tempLibraryFile();
  lib = openLibrary(file);
  handlers = createHandlers(lib, { watch: { pollMs: POLL_MS, coalesceMs: COALESCE_MS }, readsInProcess: true, parseInProcess: true });
  const batches: LibraryChangeBatch[] = [];
  const at: number[] = [];
  libraryWatchOf(handlers)!.subscribe((b) => {
    batches.push(b);
    at.push(performance.now());
  });
  return { file, batches, at };
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function until(check: () => boolean, ms: number): Promise<number> {
  const start = performance.now();
  while (!check()) {
    if (performance.now() - start > ms) throw new Error(`not within ${ms} ms`);
    await sleep(5);
  }
  return performance.now() - start;
}

describe('library watch', () => {
  it('reports a commit by another connection (the command line, say) within its poll interval, as everything from elsewhere', async () => {
    const { file, batches } = setup();
    await sleep(POLL_MS * 2);
    expect(batches).toEqual([]);
    const other = new Database(file);
    other.prepare(`INSERT INTO settings (key, value, updated_at) VALUES ('x', '1', 'now')`).run();
    other.close();
    const took = await until(() => batches.length > 0, 1000);
    expect(took).toBeLessThan(POLL_MS + 60);
    expect(batches).toHaveLength(1);
    expect(batches[0]).toMatchObject({ version: 1, tables: 'everything', foreign: true });
    expect(changeFor(batches[0]!, 'window-1')).toEqual({ version: 1, tables: 'everything', origin: 'elsewhere' });
  });

  it("reports this process's own writes at once with the tables the contract declares, once (the poll does not see them again)", async () => {
    const { batches, at } = setup();
    const before = performance.now();
    const r = await dispatch(handlers!, 'tags.create', { name: 'method/rl' }, { trusted: true, caller: 'tab-aaaaaaaa' });
    expect(r.ok).toBe(true);
    await until(() => batches.length > 0, 1000);
    expect(at[0]! - before).toBeLessThan(50);
    expect(batches[0]).toMatchObject({ version: 1, tables: ['tags'], foreign: false });
    expect([...batches[0]!.writers]).toEqual(['tab-aaaaaaaa']);
    // The tab that wrote hears 'here'; any other window 'elsewhere'.
    expect(changeFor(batches[0]!, 'tab-aaaaaaaa')).toEqual({ version: 1, tables: ['tags'], origin: 'here' });
    expect(changeFor(batches[0]!, 'tab-bbbbbbbb').origin).toBe('elsewhere');
    await sleep(POLL_MS * 4);
    expect(batches).toHaveLength(1);
  });

  it('reports nothing for reads, for a write that changes nothing (a preview), or for a failed write', async () => {
    const { batches } = setup();
    await call(handlers!, 'papers.list', {});
    await call(handlers!, 'tags.list', {});
    const failed = await dispatch(handlers!, 'tags.rename', { id: 999, name: 'x' }, { trusted: true });
    expect(failed.ok).toBe(false);
    await sleep(COALESCE_MS + POLL_MS * 3);
    expect(batches).toEqual([]);
  });

  it('coalesces a burst of writes: the first at once, then at most one event per 100 ms, tables joined', async () => {
    const { batches, at } = setup();
    const { id } = await call(handlers!, 'tags.create', { name: 'a' });
    const start = performance.now();
    // 40 quick writes over about 300 ms, from two windows.
    for (let i = 0; i < 40; i++) {
      await dispatch(handlers!, i % 2 ? 'tags.recolour' : 'savedSearches.create', i % 2 ? { id, colour: '#aa0000' } : { name: `s${i}`, query: 'x' }, { trusted: true, caller: i % 2 ? 'tab-aaaaaaaa' : 'tab-bbbbbbbb' });
      await sleep(7);
    }
    const spent = performance.now() - start;
    await sleep(COALESCE_MS * 2);
    for (let i = 1; i < at.length; i++) expect(at[i]! - at[i - 1]!).toBeGreaterThanOrEqual(COALESCE_MS - 5);
    expect(batches.length).toBeLessThanOrEqual(Math.ceil(spent / COALESCE_MS) + 2);
    expect(batches.length).toBeGreaterThanOrEqual(2);
    // A batch that merged both windows' writes names both tables, and is 'elsewhere' to each of them.
    const merged = batches.find((b) => b.writers.size === 2)!;
    expect(merged).toBeDefined();
    expect([...(merged.tables as string[])].sort()).toEqual(['saved_searches', 'tags']);
    expect(changeFor(merged, 'tab-aaaaaaaa').origin).toBe('elsewhere');
    expect(changeFor(merged, 'tab-bbbbbbbb').origin).toBe('elsewhere');
    expect(batches.map((b) => b.version)).toEqual(batches.map((_, i) => i + 1));
  });

  it('stops cleanly: nothing is reported after closeHandlers, and a watch never keeps a process alive', async () => {
    const { file, batches } = setup();
    await closeHandlers(handlers!);
    handlers = null;
    const other = new Database(file);
    other.prepare(`INSERT INTO settings (key, value, updated_at) VALUES ('y', '1', 'now')`).run();
    other.close();
    await sleep(POLL_MS * 4);
    expect(batches).toEqual([]);
    // A process that starts a watch and never stops it still exits by itself.
    const script = `import { LibraryWatch } from ${JSON.stringify(join(REPO, 'electron/handlers/library-watch.ts'))};
      const w = new LibraryWatch({ probe: () => Date.now(), pollMs: 10 }); w.wrote(['tags']); console.log('started');`;
    const started = performance.now();
    const r = spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], { cwd: REPO, encoding: 'utf8', timeout: 20_000 });
    expect(r.stdout.trim()).toBe('started');
    expect(r.status).toBe(0);
    expect(performance.now() - started).toBeLessThan(15_000);
  });

  it('reports the purge of papers 30 days in the trash, made when the library opens (no window asked for it)', async () => {
    const file = tempLibraryFile();
    const first = openLibrary(file);
    const h = createHandlers(first, { readsInProcess: true, parseInProcess: true });
    await call(h, 'paste.import', { text: fixtureText('seed-profile') });
    const { ids } = await call(h, 'papers.ids', {});
    await call(h, 'papers.trash', { paperIds: [ids[0]!] });
    await closeHandlers(h);
    first.db.$client.prepare(`UPDATE papers SET deleted_at = '2000-01-01T00:00:00.000Z' WHERE deleted_at IS NOT NULL`).run();
    first.close();
    lib = openLibrary(file);
    handlers = createHandlers(lib, { watch: { pollMs: POLL_MS }, readsInProcess: true, parseInProcess: true });
    const batches: LibraryChangeBatch[] = [];
    libraryWatchOf(handlers)!.subscribe((b) => batches.push(b));
    await until(() => batches.length > 0, 2000);
    expect(batches[0]).toMatchObject({ tables: tablesChanged('trash.empty'), foreign: false });
    expect(changeFor(batches[0]!, '1').origin).toBe('elsewhere');
    expect((await call(handlers, 'trash.info', {})).count).toBe(0);
  });

  it('a probe that fails (the library closed) reports nothing and does not throw', async () => {
    let fail = false;
    let version = 1;
    const w = new LibraryWatch({ probe: () => { if (fail) throw new Error('closed'); return version; }, pollMs: 10_000 });
    const seen: LibraryChangeBatch[] = [];
    w.subscribe((b) => seen.push(b));
    fail = true;
    expect(() => w.poll()).not.toThrow();
    fail = false;
    version = 2;
    w.poll();
    await sleep(20);
    expect(seen).toHaveLength(1);
    w.stop();
  });
});
