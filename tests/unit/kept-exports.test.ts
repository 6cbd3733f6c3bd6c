/**
 * "Keep exported to FILE.bib" (electron/handlers/kept-exports.ts, kept-export-file.ts): set writes the
 * file at once; a change rewrites it after the debounce, atomically; removal stops it; unsafe paths are
 * refused with their reasons; a failure is recorded in words and the host goes on.
 *
 * Most tests give the handler table a small `references.export` of their own (the papers' titles, padded
 * to a few hundred kB so that a torn write would show), so they test the writer, not the exporter; the
 * last block uses the library's real export (db/library/reference-export.ts).
 */
import { existsSync, mkdirSync, readdirSync, mkdtempSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { sql } from 'drizzle-orm';
import { afterEach, describe, expect, it } from 'vitest';
import { openLibrary, type Library, type LibraryDb } from '../../db/open';
import { call } from '../../electron/handlers/dispatch';
import { closeHandlers, createHandlers, type Handlers } from '../../electron/handlers/handlers';
import { handlerTable } from '../../electron/handlers/handler-table';
import type { HandlerTable } from '../../electron/handlers/channel-entry';
import { looksLikeExport, writeFailureWords } from '../../electron/handlers/kept-export-file';
import type { ChannelArgs } from '../../shared/contract';
import type { KeptExport } from '../../shared/contract/references';
import { tempLibraryFile } from './helpers/fixtures';

const DEBOUNCE_MS = 150;
const PAD = `% ${'x'.repeat(1000)}\n`.repeat(300);
const END = '% end of export\n';

/** The test's export: one line per paper (title), padded; ends with END so a torn file is seen. */
function fakeExport(db: LibraryDb, input: ChannelArgs<'references.export'>) {
  const { collectionId } = input.filters;
  const titles = db
    .all<{ title: string }>(
      collectionId === undefined
        ? sql`SELECT title FROM papers WHERE deleted_at IS NULL ORDER BY id`
        : sql`SELECT p.title FROM papers p JOIN collection_papers cp ON cp.paper_id = p.id WHERE cp.collection_id = ${collectionId} AND p.deleted_at IS NULL ORDER BY p.id`,
    )
    .map((r) => r.title);
  const body = input.format === 'ris' ? titles.map((t) => `TY  - JOUR\nTI  - ${t}\nER  - \n`).join('') : titles.map((t) => `@article{k${t.length},\n  title = {${t}}\n}\n`).join('');
  const text = input.format === 'ris' ? body : `${body}${PAD}${END}`;
  return { text, count: titles.length, fileName: 'export', keysAssigned: 0 };
}

const fakeTable: HandlerTable = { ...handlerTable, 'references.export': fakeExport };

let opened: Array<{ lib: Library; handlers: Handlers }> = [];
afterEach(async () => {
  for (const { lib, handlers } of opened) {
    await closeHandlers(handlers);
    lib.close();
  }
  opened = [];
});

function open(file = tempLibraryFile(), options: { watch?: boolean; table?: HandlerTable; lockWaitMs?: number; debounceMs?: number } = {}): { file: string; handlers: Handlers } {
  const lib = openLibrary(file);
  const handlers = createHandlers(lib, {
    ...(options.lockWaitMs !== undefined ? { lockWaitMs: options.lockWaitMs } : {}),
    readsInProcess: true,
    parseInProcess: true,
    table: options.table ?? fakeTable,
    ...(options.watch === false ? {} : { watch: { pollMs: 30, coalesceMs: 20 }, keptExports: { debounceMs: options.debounceMs ?? DEBOUNCE_MS } }),
  });
  opened.push({ lib, handlers });
  return { file, handlers };
}

const folder = () => mkdtempSync(join(tmpdir(), 'lectern-kept-'));
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
async function until(check: () => boolean, ms = 3000): Promise<void> {
  const start = performance.now();
  while (!check()) {
    if (performance.now() - start > ms) throw new Error(`not within ${ms} ms`);
    await sleep(10);
  }
}
/** The first kept export once `check` holds for it. */
async function keptWhen(handlers: Handlers, check: (k: KeptExport) => boolean, ms = 3000): Promise<KeptExport> {
  const start = performance.now();
  for (;;) {
    const k = (await call(handlers, 'keptExports.list', {}))[0]!;
    if (check(k)) return k;
    if (performance.now() - start > ms) throw new Error(`not within ${ms} ms: ${JSON.stringify(k)}`);
    await sleep(10);
  }
}
const read = (path: string) => (existsSync(path) ? readFileSync(path, 'utf8') : '');

async function paper(handlers: Handlers, title: string): Promise<number> {
  return (await call(handlers, 'papers.create', { fields: { title }, authors: [] })).id;
}

async function collectionWith(handlers: Handlers, name: string, titles: string[]): Promise<{ id: number; papers: number[] }> {
  const { id } = await call(handlers, 'collections.create', { name });
  const papers: number[] = [];
  for (const t of titles) papers.push(await paper(handlers, t));
  if (papers.length) await call(handlers, 'collections.addPapers', { collectionId: id, paperIds: papers });
  return { id, papers };
}

describe('kept exports: writing', () => {
  it('set writes the file at once and lists it with when it was written', async () => {
    const { handlers } = open();
    const c = await collectionWith(handlers, 'Thesis', ['Alpha paper', 'Beta paper']);
    await paper(handlers, 'Outside the collection');
    const path = join(folder(), 'thesis.bib');
    const kept = await call(handlers, 'keptExports.set', { collectionId: c.id, path, format: 'bibtex' });
    expect(kept).toMatchObject({ collectionId: c.id, collectionName: 'Thesis', path, format: 'bibtex', ascii: false, lastError: null });
    expect(Date.parse(kept.lastWrittenAt!)).toBeGreaterThan(Date.now() - 10_000);
    const text = read(path);
    expect(text).toContain('title = {Alpha paper}');
    expect(text).toContain('title = {Beta paper}');
    expect(text).not.toContain('Outside the collection');
    expect(await call(handlers, 'keptExports.list', {})).toEqual([kept]);
  });

  it('collectionId null keeps the whole library; setting the same path again replaces the kept export', async () => {
    const { handlers } = open(tempLibraryFile(), { watch: false });
    await collectionWith(handlers, 'C', ['In C']);
    await paper(handlers, 'Loose paper');
    const path = join(folder(), 'all.ris');
    const first = await call(handlers, 'keptExports.set', { collectionId: null, path, format: 'ris' });
    expect(read(path)).toBe(`TY  - JOUR\nTI  - In C\nER  - \nTY  - JOUR\nTI  - Loose paper\nER  - \n`);
    const again = await call(handlers, 'keptExports.set', { collectionId: null, path, format: 'ris', ascii: true });
    expect(again.id).toBe(first.id);
    expect(await call(handlers, 'keptExports.list', {})).toEqual([again]);
  });

  it('a change to the collection rewrites the file after the debounce; a change elsewhere leaves it untouched', async () => {
    const { handlers } = open();
    const c = await collectionWith(handlers, 'Thesis', ['Alpha paper']);
    const path = join(folder(), 'thesis.bib');
    await call(handlers, 'keptExports.set', { collectionId: c.id, path, format: 'bibtex' });
    await sleep(DEBOUNCE_MS * 3); // the start-up check and set's own report: nothing to change
    const inode = statSync(path).ino;
    const before = (await call(handlers, 'keptExports.list', {}))[0]!.lastWrittenAt;

    // Not in the collection: same content, so the file is not touched (same inode: no rename).
    await paper(handlers, 'Elsewhere');
    await sleep(DEBOUNCE_MS * 3);
    expect(statSync(path).ino).toBe(inode);
    expect((await call(handlers, 'keptExports.list', {}))[0]!.lastWrittenAt).toBe(before);

    const id = await paper(handlers, 'Gamma paper');
    const changedAt = performance.now();
    await call(handlers, 'collections.addPapers', { collectionId: c.id, paperIds: [id] });
    await until(() => read(path).includes('Gamma paper'));
    expect(performance.now() - changedAt).toBeGreaterThanOrEqual(DEBOUNCE_MS - 20);
    expect(statSync(path).ino).not.toBe(inode);
    await keptWhen(handlers, (k) => k.lastWrittenAt! > before! && k.lastError === null);
  });

  it('a burst of changes is written once, after the last of them', async () => {
    // A quiet time well above the gaps of the burst, however loaded the machine is.
    const debounceMs = 1000;
    const { handlers } = open(tempLibraryFile(), { debounceMs });
    const c = await collectionWith(handlers, 'Burst', []);
    const path = join(folder(), 'burst.ris');
    await call(handlers, 'keptExports.set', { collectionId: c.id, path, format: 'ris' });
    await sleep(debounceMs * 1.5);
    const inodes = new Set<number>();
    const watcher = setInterval(() => inodes.add(statSync(path).ino), 5);
    try {
      for (let i = 0; i < 5; i++) {
        const id = await paper(handlers, `Burst ${i}`);
        await call(handlers, 'collections.addPapers', { collectionId: c.id, paperIds: [id] });
        await sleep(debounceMs / 20);
      }
      await until(() => read(path).includes('Burst 4'));
      await sleep(debounceMs / 2);
    } finally {
      clearInterval(watcher);
    }
    // The file as set wrote it, then one rewrite.
    expect(inodes.size).toBe(2);
  });

  it('a commit by another process (the command line) is picked up through the watch', async () => {
    const { file, handlers } = open();
    const c = await collectionWith(handlers, 'Shared', ['First']);
    const path = join(folder(), 'shared.bib');
    await call(handlers, 'keptExports.set', { collectionId: c.id, path, format: 'bibtex' });
    const cli = open(file, { watch: false });
    const id = await paper(cli.handlers, 'Added from the command line');
    await call(cli.handlers, 'collections.addPapers', { collectionId: c.id, paperIds: [id] });
    await until(() => read(path).includes('Added from the command line'));
  });

  it('closing the host right after a change still writes it (the waiting rewrite is done at once)', async () => {
    const { handlers } = open();
    const c = await collectionWith(handlers, 'Quit', ['Before quitting']);
    const path = join(folder(), 'quit.bib');
    await call(handlers, 'keptExports.set', { collectionId: c.id, path, format: 'bibtex' });
    const id = await paper(handlers, 'Just before quitting');
    await call(handlers, 'collections.addPapers', { collectionId: c.id, paperIds: [id] });
    await sleep(50); // the watch has reported it; the rewrite waits for its quiet time
    const { lib } = opened.pop()!;
    await closeHandlers(handlers);
    lib.close();
    expect(read(path)).toContain('Just before quitting');
  });

  it('removal stops the rewrites and leaves the file as it is', async () => {
    const { handlers } = open();
    const c = await collectionWith(handlers, 'Gone', ['Kept paper']);
    const path = join(folder(), 'gone.bib');
    const kept = await call(handlers, 'keptExports.set', { collectionId: c.id, path, format: 'bibtex' });
    await call(handlers, 'keptExports.remove', { id: kept.id });
    expect(await call(handlers, 'keptExports.list', {})).toEqual([]);
    const text = read(path);
    const id = await paper(handlers, 'After removal');
    await call(handlers, 'collections.addPapers', { collectionId: c.id, paperIds: [id] });
    await sleep(DEBOUNCE_MS * 4);
    expect(read(path)).toBe(text);
    await expect(call(handlers, 'keptExports.remove', { id: kept.id })).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });

  it('is atomic: a reader polling the file never sees a partial file', async () => {
    const { handlers } = open();
    const c = await collectionWith(handlers, 'Atomic', ['Seed']);
    const dir = folder();
    const path = join(dir, 'atomic.bib');
    await call(handlers, 'keptExports.set', { collectionId: c.id, path, format: 'bibtex' });
    let reads = 0;
    const torn: number[] = [];
    let polling = true;
    const poll = (async () => {
      while (polling) {
        const text = readFileSync(path, 'utf8');
        reads++;
        if (!text.startsWith('@article{') || !text.endsWith(END)) torn.push(text.length);
        await new Promise((r) => setImmediate(r));
      }
    })();
    for (let i = 0; i < 6; i++) {
      const id = await paper(handlers, `Rewrite ${i}`);
      await call(handlers, 'collections.addPapers', { collectionId: c.id, paperIds: [id] });
      await until(() => read(path).includes(`Rewrite ${i}`));
    }
    polling = false;
    await poll;
    expect(reads).toBeGreaterThan(20);
    expect(torn).toEqual([]);
    expect(readFileSync(path, 'utf8').length).toBeGreaterThan(300_000);
    // No temporary file left behind.
    expect(readdirSync(dir)).toEqual(['atomic.bib']);
  });
});

describe('kept exports: safety', () => {
  it('refuses unsafe paths with their reasons, and keeps nothing', async () => {
    const { handlers } = open(tempLibraryFile(), { watch: false });
    const dir = folder();
    const refused = async (path: string, format: 'bibtex' | 'ris' | 'csl-json' = 'bibtex') => {
      const err = await call(handlers, 'keptExports.set', { collectionId: null, path, format }).then(
        () => null,
        (e: { code: string; message: string }) => e,
      );
      expect(err?.code).toBe('INVALID_INPUT');
      return err!.message;
    };
    expect(await refused('refs.bib')).toBe('The path must be absolute (start at the root of a disk): refs.bib');
    expect(await refused(join(dir, 'refs.txt'))).toBe(`A BibTeX file must end in .bib: ${join(dir, 'refs.txt')}`);
    expect(await refused(join(dir, 'refs.bib'), 'ris')).toBe(`A RIS file must end in .ris: ${join(dir, 'refs.bib')}`);
    expect(await refused(join(dir, 'refs.bib'), 'csl-json')).toBe(`A CSL-JSON file must end in .json: ${join(dir, 'refs.bib')}`);
    expect(await refused(join(dir, 'nope', 'refs.bib'))).toBe(`The folder ${join(dir, 'nope')} does not exist.`);
    mkdirSync(join(dir, 'a.bib'));
    expect(await refused(join(dir, 'a.bib'))).toBe(`${join(dir, 'a.bib')} is a folder.`);
    writeFileSync(join(dir, 'real.bib'), '@article{a, title={A}}\n');
    symlinkSync(join(dir, 'real.bib'), join(dir, 'link.bib'));
    expect(await refused(join(dir, 'link.bib'))).toBe(`${join(dir, 'link.bib')} is a symbolic link; give the path of the file itself.`);
    const thesis = join(dir, 'thesis.bib');
    writeFileSync(thesis, '\\documentclass{article}\n\\begin{document}\n');
    expect(await refused(thesis)).toBe(`${thesis} exists and does not look like a BibTeX file, so it was not overwritten: choose another file, or empty or delete this one first.`);
    expect(readFileSync(thesis, 'utf8')).toBe('\\documentclass{article}\n\\begin{document}\n');
    const notes = join(dir, 'notes.json');
    writeFileSync(notes, '{"settings": true}');
    expect(await refused(notes, 'csl-json')).toContain('does not look like a CSL-JSON file');
    expect(readFileSync(join(dir, 'real.bib'), 'utf8')).toBe('@article{a, title={A}}\n');
    expect(await call(handlers, 'keptExports.list', {})).toEqual([]);
    await expect(call(handlers, 'keptExports.set', { collectionId: 999, path: join(dir, 'x.bib'), format: 'bibtex' })).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });

  it('overwrites an existing export of the format, or an empty file', async () => {
    const { handlers } = open(tempLibraryFile(), { watch: false });
    await paper(handlers, 'Only');
    const dir = folder();
    const old = join(dir, 'old.bib');
    writeFileSync(old, '% exported by JabRef\n\n@Article{x,\n}\n');
    const empty = join(dir, 'empty.json');
    writeFileSync(empty, '');
    const ris = join(dir, 'old.ris');
    writeFileSync(ris, '\uFEFFTY  - JOUR\r\nER  - \r\n');
    await call(handlers, 'keptExports.set', { collectionId: null, path: old, format: 'biblatex' });
    await call(handlers, 'keptExports.set', { collectionId: null, path: empty, format: 'csl-json' });
    await call(handlers, 'keptExports.set', { collectionId: null, path: ris, format: 'ris' });
    expect(read(old)).toContain('title = {Only}');
    expect(read(ris)).toContain('TI  - Only');
    expect(await call(handlers, 'keptExports.list', {})).toHaveLength(3);
  });

  it('tells an export from other files by its start', () => {
    expect(looksLikeExport('   \n', 'bibtex')).toBe(true);
    expect(looksLikeExport('% header\n@string{x = "y"}', 'bibtex')).toBe(true);
    expect(looksLikeExport('Some notes\n@article{', 'bibtex')).toBe(false);
    expect(looksLikeExport('TY  - BOOK\n', 'ris')).toBe(true);
    expect(looksLikeExport('TITLE: x\n', 'ris')).toBe(false);
    expect(looksLikeExport('[\n  {"id": "a"}', 'csl-json')).toBe(true);
    expect(looksLikeExport('[]', 'csl-json')).toBe(true);
    expect(looksLikeExport('["a"]', 'csl-json')).toBe(false);
    expect(looksLikeExport('[{"name": "window", "width": 800}]', 'csl-json')).toBe(false);
  });

  it('refuses files that only resemble an export (attack review): a tasks.json, notes with @comment, a non-TY RIS start', () => {
    expect(looksLikeExport('[\n  {"label": "build", "type": "shell", "command": "make"}\n]\n', 'csl-json', true)).toBe(false);
    expect(looksLikeExport('[\n  {"label": "build", "type": "shell", "command": "make"}', 'csl-json', false)).toBe(false);
    expect(looksLikeExport('[{"name":"n","config":{"id": 3}}]', 'csl-json', true)).toBe(false);
    expect(looksLikeExport('[{"id":"smith2020","type":"article-journal","title":"T"}]', 'csl-json', true)).toBe(true);
    expect(looksLikeExport('[{"id":"smith2020","type":"article-journal"}, {"id":"x"}]', 'csl-json', true)).toBe(false);
    expect(looksLikeExport('% not bib\n@comment{x}\nreal user notes', 'bibtex', true)).toBe(false);
    expect(looksLikeExport('@article{a, title = {T}}\n@article{b, title = {never closed\n', 'bibtex', true)).toBe(false);
    expect(looksLikeExport('@article{a, title = {T}}\n@article{b, title = {cut here', 'bibtex', false)).toBe(true);
    expect(looksLikeExport('@article{a, title = {T}}\n', 'bibtex', true)).toBe(true);
    expect(looksLikeExport('AU  - Smith\nTY  - BOOK\n', 'ris', true)).toBe(false);
  });

  it('says file-system failures in words', () => {
    const errno = (code: string) => Object.assign(new Error(`${code}: raw`), { code });
    expect(writeFailureWords(errno('EACCES'), '/x/refs.bib')).toBe('Permission denied writing /x/refs.bib.');
    expect(writeFailureWords(errno('ENOENT'), '/x/refs.bib')).toBe('The folder /x does not exist.');
    expect(writeFailureWords(errno('ENOSPC'), '/x/refs.bib')).toBe('The disk is full: /x/refs.bib could not be written.');
    expect(writeFailureWords(errno('EWHATEVER'), '/x/refs.bib')).toBe('/x/refs.bib could not be written.');
  });
});

describe('kept exports: failures', () => {
  it('a failed write is recorded in lastError, the host goes on, and the next change writes again', async () => {
    const { handlers } = open();
    const c = await collectionWith(handlers, 'Fragile', ['One']);
    const dir = folder();
    const path = join(dir, 'fragile.bib');
    await call(handlers, 'keptExports.set', { collectionId: c.id, path, format: 'bibtex' });
    rmSync(dir, { recursive: true });
    const id = await paper(handlers, 'Two');
    await call(handlers, 'collections.addPapers', { collectionId: c.id, paperIds: [id] });
    const failed = await keptWhen(handlers, (k) => k.lastError !== null);
    expect(failed.lastError).toBe(`The folder ${dir} does not exist.`);
    // The host still answers.
    expect((await call(handlers, 'papers.list', {})).total).toBe(2);
    mkdirSync(dir);
    const three = await paper(handlers, 'Three');
    await call(handlers, 'collections.addPapers', { collectionId: c.id, paperIds: [three] });
    await until(() => read(path).includes('Three'));
    await keptWhen(handlers, (k) => k.lastError === null && k.lastWrittenAt! > failed.lastWrittenAt!);
  });

  it('a failing export (a bug) is recorded in words, not as a stack, and the host survives', async () => {
    let fail = false;
    const table: HandlerTable = {
      ...fakeTable,
      'references.export': (db, input) => {
        if (fail) throw new TypeError('Cannot read properties of undefined (reading "x")');
        return fakeExport(db, input);
      },
    };
    const { handlers } = open(tempLibraryFile(), { table });
    const c = await collectionWith(handlers, 'Buggy', ['One']);
    const path = join(folder(), 'buggy.bib');
    await call(handlers, 'keptExports.set', { collectionId: c.id, path, format: 'bibtex' });
    fail = true;
    await call(handlers, 'collections.addPapers', { collectionId: c.id, paperIds: [await paper(handlers, 'Two')] });
    const { lastError: error } = await keptWhen(handlers, (k) => k.lastError !== null);
    expect(error).toMatch(/^Something went wrong inside Lectern/);
    expect(error).not.toContain('Cannot read');
    expect(read(path)).toContain('One');
    expect(read(path)).not.toContain('Two');
  });

  it('a library held by another process (BUSY) is tried again later, not lost', async () => {
    const { file, handlers } = open(tempLibraryFile(), { lockWaitMs: 200 });
    const c = await collectionWith(handlers, 'Busy', ['One']);
    const path = join(folder(), 'busy.bib');
    await call(handlers, 'keptExports.set', { collectionId: c.id, path, format: 'bibtex' });
    const id = await paper(handlers, 'Written after the lock');
    await call(handlers, 'collections.addPapers', { collectionId: c.id, paperIds: [id] });
    // Another process takes the write lock before the debounce ends, and keeps it past the wait.
    const other = new Database(file);
    other.exec('BEGIN IMMEDIATE');
    await sleep(DEBOUNCE_MS + 600);
    expect(read(path)).not.toContain('Written after the lock');
    other.exec('COMMIT');
    other.close();
    await until(() => read(path).includes('Written after the lock'), 6000);
    expect((await keptWhen(handlers, (k) => k.lastError === null)).lastError).toBeNull();
  }, 15_000);

  it('a kept export of a deleted collection leaves the file and says why', async () => {
    const { handlers } = open();
    const c = await collectionWith(handlers, 'Doomed', ['Doomed paper']);
    const path = join(folder(), 'doomed.bib');
    await call(handlers, 'keptExports.set', { collectionId: c.id, path, format: 'bibtex' });
    const text = read(path);
    await call(handlers, 'collections.delete', { id: c.id });
    const listed = await keptWhen(handlers, (k) => k.lastError !== null);
    expect(listed).toMatchObject({ collectionName: null, lastError: 'The collection it exports was deleted, so the file was left as it was.' });
    expect(read(path)).toBe(text);
  });
});

describe('kept exports with the library export (db/library/reference-export.ts)', () => {
  it('writes the collection and its sub-collections in each format, and rewrites its own files after a change', async () => {
    const { handlers } = open(tempLibraryFile(), { table: handlerTable });
    const top = await collectionWith(handlers, 'Book', ['Introduction to widgets']);
    const { id: chapter } = await call(handlers, 'collections.create', { name: 'Chapter 1', parentId: top.id });
    const inChapter = await paper(handlers, 'Widgets in depth');
    await call(handlers, 'collections.addPapers', { collectionId: chapter, paperIds: [inChapter] });
    await paper(handlers, 'Not in the book');
    const dir = folder();
    const paths = { bibtex: join(dir, 'book.bib'), ris: join(dir, 'book.ris'), 'csl-json': join(dir, 'book.json') } as const;
    for (const [format, path] of Object.entries(paths)) {
      await call(handlers, 'keptExports.set', { collectionId: top.id, path, format: format as keyof typeof paths });
      const text = read(path);
      expect(text).toContain('Introduction to widgets');
      expect(text).toContain('Widgets in depth');
      expect(text).not.toContain('Not in the book');
    }
    expect(read(paths.bibtex)).toMatch(/^@\w+\{/m);
    expect(JSON.parse(read(paths['csl-json']))).toHaveLength(2);
    // The next write finds each file an export of its format (kept-export-file.ts looksLikeExport) and replaces it.
    await call(handlers, 'papers.update', { id: inChapter, fields: { title: 'Widgets in more depth' } });
    for (const path of Object.values(paths)) await until(() => read(path).includes('Widgets in more depth'));
    const kept = await call(handlers, 'keptExports.list', {});
    expect(kept.map((k) => k.lastError)).toEqual([null, null, null]);
  });
});
