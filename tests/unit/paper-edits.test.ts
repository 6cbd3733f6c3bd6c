import { beforeEach, describe, expect, it } from 'vitest';
import { openLibrary, type Library } from '../../db/open';
import { call } from '../../electron/handlers/dispatch';
import { createHandlers, type Handlers } from '../../electron/handlers/handlers';
import { LecternError } from '../../shared/errors';
import { fixtureText } from './helpers/fixtures';

let lib: Library;
let h: Handlers;
const seed = fixtureText('seed-profile');
const PROVER = 'DeepSeek-Prover-V1.5: Harnessing Proof Assistant Feedback for Reinforcement Learning and Monte-Carlo Tree Search';

beforeEach(async () => {
  lib = openLibrary(':memory:');
  h = createHandlers(lib);
  await call(h, 'paste.import', { text: seed });
  return () => lib.close();
});

const row = (id: number) => lib.db.$client.prepare('SELECT * FROM papers WHERE id = ?').get(id) as Record<string, unknown>;
const authorsOf = (id: number) => lib.db.$client.prepare('SELECT printed_name, family, given, author_id FROM paper_authors WHERE paper_id = ? ORDER BY position').all(id);
const counts = () => lib.db.$client.prepare('SELECT id, name, paper_count FROM authors ORDER BY id').all();
const fts = (q: string) => lib.db.$client.prepare('SELECT rowid FROM papers_fts WHERE papers_fts MATCH ? ORDER BY rowid').all(q).map((r) => (r as { rowid: number }).rowid);
const undo = () => call(h, 'undo.undo', {});
const redo = () => call(h, 'undo.redo', {});
const failure = async (p: Promise<unknown>) => p.then(() => { throw new Error('expected a failure'); }, (e: LecternError) => ({ code: e.code, message: e.message }));
const proverId = () => (lib.db.$client.prepare('SELECT id FROM papers WHERE title = ?').get(PROVER) as { id: number }).id;

describe('papers.update', () => {
  it('stores checked values, keys and marks, and undo restores the row exactly', async () => {
    const id = proverId();
    const before = row(id);
    const rec = await call(h, 'papers.update', { id, fields: { title: '  Prover 1.5 ', date: '2024', doi: 'https://doi.org/10.1145/3597503', page: '12–34', keywords: ['lean', ' lean ', 'rl'], itemType: 'paper-conference', arxivId: 'arXiv:2408.08152v2' } });
    expect(rec.fields).toMatchObject({ title: 'Prover 1.5', date: '2024', doi: '10.1145/3597503', page: '12–34', keywords: ['lean', 'rl'], itemType: 'paper-conference', arxivId: '2408.08152', arxivVersion: 2 });
    expect(rec.editedFields).toEqual(['title', 'itemType', 'date', 'page', 'doi', 'arxivId', 'keywords']);
    expect(rec.sourceValues).toEqual({});
    const after = row(id);
    expect(after).toMatchObject({ title_key: 'prover 1 5', year: 2024, date: null, arxiv_id: '2408.08152', arxiv_version: 2 });
    expect(fts('prover')).toContain(id);
    expect(fts('harnessing')).not.toContain(id);
    expect((await call(h, 'undo.state', {})).undo).toBe('Edit 7 fields');
    await undo();
    expect(row(id)).toEqual(before);
    expect(fts('harnessing')).toContain(id);
    await redo();
    expect(row(id)).toEqual(after);
  });

  it('labels one or two fields by name and records nothing when nothing changes', async () => {
    const id = proverId();
    await call(h, 'papers.update', { id, fields: { title: 'New title' } });
    expect((await call(h, 'undo.state', {})).undo).toBe('Edit title');
    await call(h, 'papers.update', { id, fields: { volume: '3', page: '1-9' } });
    expect((await call(h, 'undo.state', {})).undo).toBe('Edit volume and pages');
    await call(h, 'papers.update', { id, fields: { volume: '3' } });
    expect((await call(h, 'undo.state', {})).undo).toBe('Edit volume and pages');
    await call(h, 'papers.update', { id, fields: { volume: '' } });
    expect(row(id).volume).toBeNull();
  });

  it('refuses bad values with the check\'s sentence and changes nothing', async () => {
    const id = proverId();
    const before = row(id);
    expect(await failure(call(h, 'papers.update', { id, fields: { title: 'ok', date: '2023-02-30' } }))).toEqual({ code: 'INVALID_INPUT', message: '“2023-02-30” does not exist: February 2023 has 28 days.' });
    expect(await failure(call(h, 'papers.update', { id, fields: { page: '12-' } }))).toEqual({ code: 'INVALID_INPUT', message: 'The page range “12-” has no last page.' });
    expect(await failure(call(h, 'papers.update', { id, fields: { title: ' ' } }))).toEqual({ code: 'INVALID_INPUT', message: 'A paper needs a title.' });
    expect(await failure(call(h, 'papers.update', { id: 9999, fields: { title: 'x' } }))).toEqual({ code: 'NOT_FOUND', message: 'This paper is no longer in the library.' });
    expect(row(id)).toEqual(before);
    expect((await call(h, 'undo.state', {})).undo).toBeNull();
  });
});

describe('papers.setAuthors', () => {
  it('adds, splits and reorders names, links entities, keeps counts right; undo restores', async () => {
    const id = proverId();
    const before = { row: row(id), authors: authorsOf(id), counts: counts() };
    const rec = await call(h, 'papers.setAuthors', { id, truncated: false, authors: [
      { printedName: 'Z. Z. Ren' },
      { printedName: '', family: 'Curie', given: 'Marie' },
      { printedName: 'Huajian Xin', family: 'Xin', given: 'Huajian' },
    ] });
    expect(rec.authors.map((a) => a.printedName)).toEqual(['Z. Z. Ren', 'Marie Curie', 'Huajian Xin']);
    expect(rec.authors[1]).toMatchObject({ family: 'Curie', given: 'Marie' });
    expect(rec.editedFields).toEqual(['authors']);
    expect(row(id)).toMatchObject({ authors_text: 'Z. Z. Ren, Marie Curie, Huajian Xin', authors_truncated: 0, first_author_key: 'ren z z ren' });
    const curie = (counts() as Array<{ name: string; paper_count: number }>).find((a) => a.name === 'Marie Curie');
    expect(curie?.paper_count).toBe(1);
    const song = (counts() as Array<{ name: string; paper_count: number }>).find((a) => a.name === 'Junxiao Song')!;
    const songBefore = (before.counts as Array<{ name: string; paper_count: number }>).find((a) => a.name === 'Junxiao Song')!;
    expect(song.paper_count).toBe(songBefore.paper_count - 1);
    expect(fts('curie')).toEqual([id]);
    await undo();
    expect({ row: row(id), authors: authorsOf(id) }).toEqual({ row: before.row, authors: before.authors });
    expect((counts() as Array<{ name: string; paper_count: number }>).filter((a) => a.name !== 'Marie Curie')).toEqual((before.counts as Array<{ name: string }>));
    expect(fts('curie')).toEqual([]);
  });

  it('names the change and refuses a nameless author', async () => {
    const id = proverId();
    const names = authorsOf(id).map((a) => ({ printedName: (a as { printed_name: string }).printed_name }));
    await call(h, 'papers.setAuthors', { id, authors: [names[1]!, names[0]!, names[2]!] });
    expect((await call(h, 'undo.state', {})).undo).toBe('Reorder authors');
    await call(h, 'papers.setAuthors', { id, authors: [names[1]!, names[0]!] });
    expect((await call(h, 'undo.state', {})).undo).toBe('Remove author');
    expect(await failure(call(h, 'papers.setAuthors', { id, authors: [{ printedName: '  ' }] }))).toEqual({ code: 'INVALID_INPUT', message: 'Author 1 has no name: type the name as printed, or its family name.' });
  });
});

describe('papers.create', () => {
  it('makes a paper from typed fields, every one marked as edited; undo deletes it, redo brings it back', async () => {
    const n = (lib.db.$client.prepare('SELECT COUNT(*) n FROM papers').get() as { n: number }).n;
    const { id } = await call(h, 'papers.create', { fields: { title: 'Attention by hand', itemType: 'article', arxivId: '2401.01234', arxivVersion: 2, url: 'https://arxiv.org/abs/2401.01234v2', date: '2024-01' }, authors: [{ printedName: 'Ada Lovelace' }] });
    const rec = await call(h, 'papers.record', { id });
    expect(rec.fields).toMatchObject({ title: 'Attention by hand', itemType: 'article', arxivId: '2401.01234', arxivVersion: 2, date: '2024-01' });
    expect(rec.editedFields).toEqual(['title', 'itemType', 'date', 'url', 'arxivId', 'authors']);
    expect(row(id)).toMatchObject({ year: 2024, authors_text: 'Ada Lovelace', title_key: 'attention by hand' });
    expect(fts('lovelace')).toEqual([id]);
    expect((await call(h, 'undo.state', {})).undo).toBe('Add paper “Attention by hand”');
    const listed = await call(h, 'papers.list', { query: 'lovelace' });
    expect(listed.rows.map((r) => r.title)).toEqual(['Attention by hand']);
    const created = row(id);
    await undo();
    expect((lib.db.$client.prepare('SELECT COUNT(*) n FROM papers').get() as { n: number }).n).toBe(n);
    expect(fts('lovelace')).toEqual([]);
    expect((counts() as Array<{ name: string; paper_count: number }>).find((a) => a.name === 'Ada Lovelace')?.paper_count).toBe(0);
    await redo();
    expect(row(id)).toEqual(created);
    expect(authorsOf(id)).toHaveLength(1);
  });

  it('refuses a missing title or a bad identifier', async () => {
    expect(await failure(call(h, 'papers.create', { fields: { title: '' } }))).toEqual({ code: 'INVALID_INPUT', message: 'A paper needs a title.' });
    expect(await failure(call(h, 'papers.create', { fields: { title: 'x', arxivId: '2413.00001' } }))).toEqual({ code: 'INVALID_INPUT', message: 'The arXiv id “2413.00001” names month 13; months run from 01 to 12.' });
  });
});

describe('re-import protection and papers.resolveSourceValue', () => {
  const changedSeed = seed.replace(PROVER, PROVER.toUpperCase());

  it('keeps the user\'s title, shows the page\'s changed one, and accepts it', async () => {
    const id = proverId();
    await call(h, 'papers.update', { id, fields: { title: 'My own title' } });
    // The same page again: its title is the one the user replaced, so it is not offered back.
    await call(h, 'paste.import', { text: seed + '\n' });
    expect((await call(h, 'papers.record', { id })).sourceValues).toEqual({});
    const report = await call(h, 'paste.import', { text: changedSeed });
    expect(report.added).toBe(0);
    let rec = await call(h, 'papers.record', { id });
    expect(rec.fields.title).toBe('My own title');
    expect(rec.sourceValues).toEqual({ title: PROVER.toUpperCase() });
    rec = await call(h, 'papers.resolveSourceValue', { id, field: 'title', accept: true });
    expect(rec.fields.title).toBe(PROVER.toUpperCase());
    expect(rec.sourceValues).toEqual({});
    expect(rec.editedFields).toEqual([]);
    expect((await call(h, 'undo.state', {})).undo).toBe('Accept the page\'s title');
    await undo();
    rec = await call(h, 'papers.record', { id });
    expect(rec.fields.title).toBe('My own title');
    expect(rec.sourceValues).toEqual({ title: PROVER.toUpperCase() });
  });

  it('ignoring drops the page value and does not offer it again', async () => {
    const id = proverId();
    await call(h, 'papers.update', { id, fields: { title: 'My own title' } });
    await call(h, 'paste.import', { text: changedSeed });
    const rec = await call(h, 'papers.resolveSourceValue', { id, field: 'title', accept: false });
    expect(rec.fields.title).toBe('My own title');
    expect(rec.sourceValues).toEqual({});
    await call(h, 'paste.import', { text: changedSeed + '\n' });
    expect((await call(h, 'papers.record', { id })).sourceValues).toEqual({});
    expect(await failure(call(h, 'papers.resolveSourceValue', { id, field: 'title', accept: true }))).toEqual({ code: 'NOT_FOUND', message: 'There is no newer title from the page to accept.' });
  });

  it('keeps an edited author list and offers the page\'s names', async () => {
    const id = proverId();
    await call(h, 'papers.setAuthors', { id, authors: [{ printedName: 'Huajian Xin' }] });
    await call(h, 'paste.import', { text: changedSeed.replace('Huajian Xin, Z. Z. Ren, Junxiao Song et al.', 'Huajian Xin, Z. Z. Ren, Junxiao Song, Bo Liu et al.') });
    let rec = await call(h, 'papers.record', { id });
    expect(rec.authors.map((a) => a.printedName)).toEqual(['Huajian Xin']);
    expect(rec.sourceValues.authors).toEqual(['Huajian Xin', 'Z. Z. Ren', 'Junxiao Song', 'Bo Liu']);
    rec = await call(h, 'papers.resolveSourceValue', { id, field: 'authors', accept: true });
    expect(rec.authors.map((a) => a.printedName)).toEqual(['Huajian Xin', 'Z. Z. Ren', 'Junxiao Song', 'Bo Liu']);
    expect(row(id).authors_text).toBe('Huajian Xin, Z. Z. Ren, Junxiao Song, Bo Liu et al.');
  });

  it('a paper whose title the user retyped is still found by the next import (no duplicate)', async () => {
    const id = proverId();
    const n = (lib.db.$client.prepare('SELECT COUNT(*) n FROM papers').get() as { n: number }).n;
    await call(h, 'papers.update', { id, fields: { title: 'Completely different' } });
    const report = await call(h, 'paste.import', { text: changedSeed });
    expect(report.added).toBe(0);
    expect((lib.db.$client.prepare('SELECT COUNT(*) n FROM papers').get() as { n: number }).n).toBe(n);
  });
});

describe('undo after the paper is gone', () => {
  it('an edit of a paper purged since is not undone into a bare copy of it', async () => {
    const id = proverId();
    await call(h, 'papers.update', { id, fields: { title: 'Edited' } });
    await call(h, 'papers.trash', { paperIds: [id] });
    await call(h, 'trash.empty', {});
    const n = (lib.db.$client.prepare('SELECT COUNT(*) n FROM papers').get() as { n: number }).n;
    await undo(); // the trash (nothing to restore: purged)
    await undo(); // the title edit
    expect(lib.db.$client.prepare('SELECT id FROM papers WHERE id = ?').get(id)).toBeUndefined();
    expect((lib.db.$client.prepare('SELECT COUNT(*) n FROM papers').get() as { n: number }).n).toBe(n);
  });
});

describe('papers.record', () => {
  it('reads a type outside the offered list and text longer than a hand-typed field may be', async () => {
    const id = proverId();
    lib.db.$client.prepare('UPDATE papers SET item_type = ?, volume = ? WHERE id = ?').run('post', 'v'.repeat(500), id);
    const rec = await call(h, 'papers.record', { id });
    expect(rec.fields.itemType).toBe('post');
    expect(rec.fields.volume).toHaveLength(500);
    expect(rec.fields.date).toBe('2024-08-15');
    expect(rec.authors.map((a) => a.printedName)).toEqual(['Huajian Xin', 'Z. Z. Ren', 'Junxiao Song']);
    expect(rec.authorsTruncated).toBe(true);
  });
});
