import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { openLibrary } from '../../db/open';
import { integrityOk } from '../../db/upkeep/open-hooks';
import { call, dispatch } from '../../electron/handlers/dispatch';
import { createHandlers } from '../../electron/handlers/handlers';
import { generateLibrary } from '../bench/generate-library';
import { fixtureText, tempLibraryFile } from './helpers/fixtures';
import { damagePages, leafPages } from './helpers/libraries';
import { copyFileSync } from 'node:fs';

const PAPERS = 600;
let pristine: string;

beforeAll(() => {
  pristine = tempLibraryFile();
  generateLibrary(pristine, { papers: PAPERS, seed: 3, notes: 120, tags: 8 });
});

/** A copy of the generated library with one papers page and one notes page overwritten by random bytes. */
function damagedCopy(): { file: string; lostPapers: number; notesOnPage: number } {
  const file = tempLibraryFile();
  copyFileSync(pristine, file);
  const papers = leafPages(file, 'papers');
  const notes = leafPages(file, 'notes');
  const paperPage = papers[Math.floor(papers.length / 2)]!;
  const notePage = notes[Math.floor(notes.length / 2)]!;
  damagePages(file, [paperPage.pageno, notePage.pageno]);
  return { file, lostPapers: paperPage.ncell, notesOnPage: notePage.ncell };
}

const sha = (file: string) => createHash('sha256').update(readFileSync(file)).digest('hex');

describe('a damaged library', () => {
  it('is found damaged at open, keeps the reads that work, and refuses every write with DAMAGED', async () => {
    const { file } = damagedCopy();
    const lib = openLibrary(file);
    expect(lib.integrity).toMatchObject({ state: 'damaged', reason: expect.stringMatching(/^The library file is damaged: Lectern's check found (at least )?\d+ problems? in it: .+\.$/) });
    const h = createHandlers(lib, { background: true });
    expect(await call(h, 'library.integrity', {})).toMatchObject({ state: 'damaged' });
    expect((await call(h, 'tags.list', {})).length).toBe(8);
    const before = sha(file);
    for (const [channel, input] of [
      ['paste.import', { text: fixtureText('seed-profile') }],
      ['tags.create', { name: 'new' }],
      ['settings.set', { key: 'ui.theme', value: 'dark' }],
      ['backups.create', {}],
    ] as const) {
      const result = await dispatch(h, channel, input, { trusted: true });
      expect(result.ok, channel).toBe(false);
      if (!result.ok) expect(result.error.code, channel).toBe('DAMAGED');
    }
    const refused = await dispatch(h, 'tags.create', { name: 'new' }, { trusted: true });
    expect(!refused.ok && refused.error.message).toMatch(/^The library file is damaged: Lectern's check found .* Lectern will not write to it, so nothing was changed\. To restore the latest backup or recover what can be read, use the banner at the top of the window, or Backups… in the sidebar\.$/);
    expect(sha(file)).toBe(before);
    lib.close();
  });

  it('a large library is checked on the upkeep thread after opening; writes made meanwhile wait for the verdict', async () => {
    const { file } = damagedCopy();
    const lib = openLibrary(file);
    // As a library over SYNC_CHECK_BYTES is opened: not checked yet.
    lib.integrity = { state: 'unchecked', reason: null, checkedAt: null, checkMs: null, problems: [] };
    const h = createHandlers(lib, { background: true });
    expect((await call(h, 'library.integrity', {})).state).toBe('checking');
    // A read answers at once; a write waits for the check, then is refused.
    expect((await call(h, 'tags.list', {})).length).toBe(8);
    const write = dispatch(h, 'tags.create', { name: 'during-the-check' }, { trusted: true });
    expect(await write).toMatchObject({ ok: false, error: { code: 'DAMAGED' } });
    expect(await call(h, 'library.integrity', {})).toMatchObject({ state: 'damaged', checkMs: expect.any(Number) });
    lib.close();

    const sound = tempLibraryFile();
    copyFileSync(pristine, sound);
    const ok = openLibrary(sound);
    ok.integrity = { state: 'unchecked', reason: null, checkedAt: null, checkMs: null, problems: [] };
    const h2 = createHandlers(ok, { background: true });
    expect((await call(h2, 'library.integrity', {})).state).toBe('checking');
    expect(await call(h2, 'tags.create', { name: 'after-the-check' })).toMatchObject({ name: 'after-the-check' });
    expect(await call(h2, 'library.integrity', {})).toMatchObject({ state: 'ok', reason: null });
    ok.close();
  });

  it('is marked damaged when a read meets damage later, and then refuses writes', async () => {
    const { file } = damagedCopy();
    const lib = openLibrary(file);
    lib.integrity = integrityOk(); // as if the damage happened after the check
    const h = createHandlers(lib, { readsInProcess: true });
    const read = await dispatch(h, 'papers.list', { sort: [{ column: 'title', desc: false }], limit: 1000 }, { trusted: true });
    expect(read.ok).toBe(false);
    expect(await call(h, 'library.integrity', {})).toMatchObject({ state: 'damaged', reason: 'Lectern met damage in the library file while reading or writing it.' });
    expect(await dispatch(h, 'tags.create', { name: 'x' }, { trusted: true })).toMatchObject({ ok: false, error: { code: 'DAMAGED' } });
    lib.close();
  });

  it('recovers what can be read into a sound library, says what was kept and lost per table, and keeps the damaged file', async () => {
    const { file, lostPapers, notesOnPage } = damagedCopy();
    const lib = openLibrary(file);
    const h = createHandlers(lib);
    const report = await call(h, 'library.recover', {});
    const byTable = Object.fromEntries(report.tables.map((t) => [t.table, t]));
    expect(report.papers).toBe(PAPERS - lostPapers);
    expect(byTable.papers).toEqual({ table: 'papers', label: 'papers', kept: PAPERS - lostPapers, lost: lostPapers });
    // Notes on the damaged page are lost, and so are notes of lost papers.
    expect(byTable.notes!.lost).toBeGreaterThanOrEqual(notesOnPage);
    expect(byTable.notes!.kept + byTable.notes!.lost!).toBe(120);
    expect(byTable.tags).toMatchObject({ kept: 8, lost: 0 });
    expect(report.complete).toBe(false);
    expect(report.previous).toMatchObject({ kind: 'damaged', restorable: false, papers: null });
    expect(report.previous!.path).toBe(join(dirname(file), 'backups', report.previous!.name));

    expect(await call(h, 'library.integrity', {})).toMatchObject({ state: 'ok' });
    expect(lib.db.$client.pragma('integrity_check', { simple: true })).toBe('ok');
    expect((await call(h, 'papers.list', {})).total).toBe(PAPERS - lostPapers);
    expect((await call(h, 'papers.facets', {})).total).toBe(PAPERS - lostPapers);
    // The full-text index was rebuilt from the rows kept, tags and notes included.
    const someNote = lib.db.$client.prepare('SELECT paper_id FROM notes ORDER BY id LIMIT 1').pluck().get() as number;
    expect((await call(h, 'papers.list', { query: 'note:ablation OR note:baseline OR note:appendix OR note:gating', limit: 1000 })).rows.map((r) => r.id)).toContain(someNote);
    // Author counts match the papers kept.
    expect(lib.db.$client.prepare(`SELECT COUNT(*) FROM authors a WHERE a.paper_count <> (SELECT COUNT(DISTINCT pa.paper_id) FROM paper_authors pa JOIN papers p ON p.id = pa.paper_id WHERE pa.author_id = a.id AND p.deleted_at IS NULL)`).pluck().get()).toBe(0);
    // Writable again.
    await call(h, 'tags.create', { name: 'after-recovery' });
    lib.close();
  });

  it('restores the latest good backup over the damage', async () => {
    const file = tempLibraryFile();
    copyFileSync(pristine, file);
    const good = openLibrary(file);
    const backup = await call(createHandlers(good, { readsInProcess: true }), 'backups.create', {});
    good.close();
    damagePages(file, [leafPages(file, 'papers')[3]!.pageno]);
    const lib = openLibrary(file);
    const h = createHandlers(lib, { readsInProcess: true });
    expect((await call(h, 'library.integrity', {})).state).toBe('damaged');
    const report = await call(h, 'backups.restore', { name: backup.name });
    expect(report).toMatchObject({ papers: PAPERS, previous: { kind: 'damaged' }, previousNote: 'The library was damaged, so its file was kept aside as it was instead of being backed up.' });
    expect(await call(h, 'library.integrity', {})).toMatchObject({ state: 'ok' });
    expect(lib.db.$client.pragma('integrity_check', { simple: true })).toBe('ok');
    expect((await call(h, 'papers.list', {})).total).toBe(PAPERS);
    lib.close();
  });
});
