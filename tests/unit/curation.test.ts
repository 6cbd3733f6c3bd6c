import { beforeEach, describe, expect, it } from 'vitest';
import { openLibrary, type Library } from '../../db/open';
import { call, dispatch } from '../../electron/handlers/dispatch';
import { createHandlers, type Handlers } from '../../electron/handlers/handlers';
import { fixtureText } from './helpers/fixtures';

let lib: Library;
let h: Handlers;
const seed = fixtureText('seed-profile');

beforeEach(async () => {
  lib = openLibrary(':memory:');
  h = createHandlers(lib);
  await call(h, 'paste.import', { text: seed });
  return () => lib.close();
});

const titlesOf = async (input: Record<string, unknown>) => (await call(h, 'papers.list', { sort: [{ column: 'added', desc: false }], ...input })).rows.map((r) => r.id);
const undo = () => call(h, 'undo.undo', {});
const redo = () => call(h, 'undo.redo', {});
const fails = async (channel: string, input: unknown) => {
  const r = await dispatch(h, channel, input, { trusted: true });
  if (r.ok) throw new Error(`${channel} succeeded`);
  return r.error;
};

describe('tags', () => {
  it('creates, refuses empty, over-long, malformed and duplicate names, and undoes a create', async () => {
    const t = await call(h, 'tags.create', { name: '  method / rl ', colour: '#FF0000' });
    expect(t).toEqual({ id: 1, name: 'method/rl', colour: '#ff0000', type: 'manual', paperCount: 0, subtreeCount: 0 });
    expect(await fails('tags.create', { name: '   ' })).toEqual({ code: 'INVALID_INPUT', message: 'A tag needs a name.', details: { name: '   ' } });
    expect((await fails('tags.create', { name: 'x'.repeat(101) })).message).toBe('The tag name is 101 characters long; the limit is 100.');
    expect((await fails('tags.create', { name: 'method//rl' })).message).toBe('The tag name "method//rl" has an empty level: use "/" only between names, as in method/rl.');
    expect((await fails('tags.create', { name: 'Method/RL' })).message).toBe('A tag named "method/rl" already exists.');
    expect((await fails('tags.create', { name: 'ok', colour: 'red' })).code).toBe('INVALID_INPUT');
    expect(await call(h, 'undo.state', {})).toEqual({ undo: 'Create tag method/rl', redo: null });
    expect(await undo()).toEqual({ label: 'Create tag method/rl', state: { undo: null, redo: 'Create tag method/rl' } });
    expect(await call(h, 'tags.list', {})).toEqual([]);
    await redo();
    expect(await call(h, 'tags.list', {})).toEqual([t]);
    expect((await fails('undo.redo', {})).message).toBe('There is nothing to redo.');
  });

  it('assigns to many papers (creating named tags), filters with children, AND/OR, and undoes as one change', async () => {
    const method = await call(h, 'tags.create', { name: 'method' });
    const assigned = await call(h, 'tags.assign', { paperIds: [1, 2, 3], tagIds: [method.id], names: ['method/rl', 'Vision'] });
    expect(assigned).toEqual({ added: 9, tagIds: [1, 2, 3] });
    await call(h, 'tags.assign', { paperIds: [4], names: ['method/rl'] });
    expect((await call(h, 'tags.list', {})).map((t) => [t.name, t.paperCount, t.subtreeCount])).toEqual([['method', 3, 4], ['method/rl', 4, 4], ['Vision', 3, 3]]);
    // A parent takes in its children: paper 4 carries only method/rl.
    expect(await titlesOf({ tagIds: [method.id] })).toEqual([1, 2, 3, 4]);
    expect(await titlesOf({ query: 'tag:method' })).toEqual([1, 2, 3, 4]);
    expect(await titlesOf({ query: 'tag:METHOD/rl' })).toEqual([1, 2, 3, 4]);
    expect(await titlesOf({ query: 'tag:meth' })).toEqual([]);
    expect(await titlesOf({ tagIds: [3, 2], tagMode: 'and' })).toEqual([1, 2, 3]);
    expect(await titlesOf({ tagIds: [3, 2], tagMode: 'or' })).toEqual([1, 2, 3, 4]);
    // Papers carrying both chosen tags are counted once.
    expect((await call(h, 'papers.list', { tagIds: [3, 2], tagMode: 'or' })).total).toBe(4);
    const row = (await call(h, 'papers.list', { paperIds: [1] })).rows[0]!;
    expect(row.tags).toEqual([{ id: 1, name: 'method', colour: null }, { id: 2, name: 'method/rl', colour: null }, { id: 3, name: 'Vision', colour: null }]);
    // Undo the second assignment, then the first (links and the tags it created go together).
    expect((await undo()).label).toBe('Tag 1 paper');
    expect((await undo()).label).toBe('Tag 3 papers');
    expect((await call(h, 'tags.list', {})).map((t) => [t.name, t.paperCount])).toEqual([['method', 0]]);
    await redo();
    expect((await call(h, 'tags.list', {})).map((t) => [t.name, t.paperCount])).toEqual([['method', 3], ['method/rl', 3], ['Vision', 3]]);
  });

  it('removes tags from papers and brings them back with undo', async () => {
    await call(h, 'tags.assign', { paperIds: [1, 2, 3], names: ['rl'] });
    expect(await call(h, 'tags.remove', { paperIds: [2, 3, 9], tagIds: [1] })).toEqual({ removed: 2 });
    expect(await titlesOf({ tagIds: [1] })).toEqual([1]);
    expect((await undo()).label).toBe('Untag 3 papers');
    expect(await titlesOf({ tagIds: [1] })).toEqual([1, 2, 3]);
    expect((await fails('tags.remove', { paperIds: [1], tagIds: [99] })).message).toBe('There is no tag with id 99.');
    expect((await fails('tags.assign', { paperIds: [1, 999], tagIds: [1] })).message).toBe('There is no paper with id 999 in the library.');
  });

  it('renames a tag with its children, refuses a taken name, recolours, and undoes both', async () => {
    await call(h, 'tags.assign', { paperIds: [1], names: ['method', 'method/rl', 'method/rl/ppo', 'other'] });
    const renamed = await call(h, 'tags.rename', { id: 1, name: 'Zygote' });
    expect(renamed).toEqual({ id: 1, name: 'Zygote', colour: null, type: 'manual', paperCount: 1, subtreeCount: 1 });
    expect((await call(h, 'tags.list', {})).map((t) => t.name)).toEqual(['other', 'Zygote', 'Zygote/rl', 'Zygote/rl/ppo']);
    expect(await titlesOf({ query: 'zygote' })).toEqual([1]);
    expect(await titlesOf({ query: 'tag:zygote/rl' })).toEqual([1]);
    expect((await fails('tags.rename', { id: 1, name: 'Other' })).message).toBe('A tag named "other" already exists: merge the tags instead of renaming.');
    expect((await fails('tags.rename', { id: 1, name: 'zygote/x' })).message).toBe('"zygote/x" is inside "Zygote": a tag cannot be renamed below itself.');
    await call(h, 'tags.recolour', { id: 4, colour: '#00aa00' });
    await undo();
    await undo();
    expect((await call(h, 'tags.list', {})).map((t) => [t.name, t.colour])).toEqual([['method', null], ['method/rl', null], ['method/rl/ppo', null], ['other', null]]);
    expect(await titlesOf({ query: 'zygote' })).toEqual([]);
    expect(await titlesOf({ query: 'ppo' })).toEqual([1]);
  });

  it('merges tags and deletes tags, each undone exactly', async () => {
    await call(h, 'tags.assign', { paperIds: [1, 2], names: ['rl'] });
    await call(h, 'tags.assign', { paperIds: [2, 3], names: ['reinforcement'] });
    const before = await call(h, 'tags.list', {});
    expect(await call(h, 'tags.merge', { sourceIds: [2], targetId: 1 })).toEqual({ id: 1, name: 'rl', colour: null, type: 'manual', paperCount: 3, subtreeCount: 3 });
    expect((await call(h, 'tags.list', {})).map((t) => t.name)).toEqual(['rl']);
    await undo();
    expect(await call(h, 'tags.list', {})).toEqual(before);
    expect(await titlesOf({ tagIds: [2] })).toEqual([2, 3]);
    expect(await call(h, 'tags.delete', { ids: [1, 2] })).toEqual({ deleted: 2 });
    expect(await call(h, 'tags.list', {})).toEqual([]);
    expect((await call(h, 'papers.list', { paperIds: [2] })).rows[0]!.tags).toEqual([]);
    await undo();
    expect(await call(h, 'tags.list', {})).toEqual(before);
    expect((await call(h, 'papers.list', { paperIds: [2] })).rows[0]!.tags.map((t) => t.name)).toEqual(['reinforcement', 'rl']);
  });
});

describe('notes and annotations', () => {
  it('creates, edits and deletes notes, refuses over 1 MB, and finds papers by note text', async () => {
    const n = await call(h, 'notes.create', { paperId: 5, body: '# Reading\nThe **longtermism** angle: compare with Zürich scaling laws.' });
    expect(n).toMatchObject({ id: 1, paperId: 5, body: '# Reading\nThe **longtermism** angle: compare with Zürich scaling laws.' });
    await call(h, 'notes.create', { paperId: 5, body: 'second' });
    expect((await call(h, 'papers.list', { paperIds: [5] })).rows[0]!.noteCount).toBe(2);
    expect(await titlesOf({ query: 'zurich' })).toEqual([5]);
    expect(await titlesOf({ query: 'has:notes' })).toEqual([5]);
    expect(await titlesOf({ query: 'note:scaling' })).toEqual([5]);
    const big = 'é'.repeat(524_289); // 1,048,578 bytes of UTF-8
    expect(await fails('notes.create', { paperId: 5, body: big })).toEqual({
      code: 'INVALID_INPUT',
      message: 'The note is 1.05 MB; a note can hold at most 1 MB. Split it into several notes.',
      details: { bytes: 1_048_578, limit: 1_000_000 },
    });
    // Just over: never the same figure as the limit.
    expect(await fails('notes.create', { paperId: 5, body: 'x'.repeat(1_000_001) })).toMatchObject({ message: 'The note is 1.01 MB; a note can hold at most 1 MB. Split it into several notes.' });
    expect((await call(h, 'notes.create', { paperId: 5, body: 'x'.repeat(1_000_000) })).body.length).toBe(1_000_000);
    await call(h, 'notes.delete', { id: 3 });
    const edited = await call(h, 'notes.update', { id: 1, body: 'now about quokkas' });
    expect(edited.body).toBe('now about quokkas');
    expect(await titlesOf({ query: 'zurich' })).toEqual([]);
    expect(await titlesOf({ query: 'quokkas' })).toEqual([5]);
    await undo();
    expect((await call(h, 'notes.list', { paperId: 5 })).map((x) => x.body)).toEqual([n.body, 'second']);
    await call(h, 'notes.delete', { id: 1 });
    expect((await call(h, 'notes.list', { paperId: 5 })).map((x) => x.id)).toEqual([2]);
    await undo();
    expect(await call(h, 'notes.list', { paperId: 5 })).toEqual([n, expect.objectContaining({ id: 2, body: 'second' })]);
    expect(await titlesOf({ query: 'zurich' })).toEqual([5]);
    expect((await fails('notes.update', { id: 42, body: 'x' })).message).toBe('There is no note with id 42.');
  });

  it('annotates a span of the abstract, keeps the quote, edits, deletes and undoes', async () => {
    const abstract = (await call(h, 'papers.get', { id: 13 })).abstract!;
    const start = abstract.indexOf('Lean');
    const a = await call(h, 'annotations.create', { paperId: 13, start, end: start + 4, comment: 'the proof assistant', colour: '#AABBCC' });
    expect(a).toMatchObject({ id: 1, paperId: 13, start, end: start + 4, quote: 'Lean', colour: '#aabbcc', comment: 'the proof assistant', anchor: { start, end: start + 4 } });
    expect(await titlesOf({ query: 'annotation:assistant' })).toEqual([13]);
    expect(await titlesOf({ query: 'has:annotations' })).toEqual([13]);
    expect((await fails('annotations.create', { paperId: 13, start: 5, end: 5 })).message).toBe(`The span 5-5 is not inside the abstract (0-${abstract.length}) or is empty.`);
    expect((await fails('annotations.create', { paperId: 13, start: 0, end: abstract.length + 1 })).code).toBe('INVALID_INPUT');
    expect((await call(h, 'annotations.update', { id: 1, comment: 'interactive prover' })).comment).toBe('interactive prover');
    await call(h, 'annotations.delete', { id: 1 });
    expect(await call(h, 'annotations.list', { paperId: 13 })).toEqual([]);
    await undo(); // the delete
    await undo(); // the edit
    expect(await call(h, 'annotations.list', { paperId: 13 })).toEqual([a]);
    await undo(); // the create
    expect(await call(h, 'annotations.list', { paperId: 13 })).toEqual([]);
    expect(await titlesOf({ query: 'annotation:assistant' })).toEqual([]);
  });
});

describe('notes export', () => {
  it('writes notes and annotations as one Markdown document', async () => {
    const abstract = (await call(h, 'papers.get', { id: 13 })).abstract!;
    const start = abstract.indexOf('Lean');
    await call(h, 'notes.create', { paperId: 13, body: '# First\nRead **twice**.\n' });
    await call(h, 'notes.create', { paperId: 13, body: 'Second note.' });
    await call(h, 'annotations.create', { paperId: 13, start, end: start + 4, comment: 'the assistant' });
    expect((await call(h, 'notes.export', { paperId: 13 })).markdown).toBe(
      [
        '# DeepSeek-Prover: Advancing Theorem Proving in LLMs through Large-Scale Synthetic Data',
        '',
        'Huajian Xin, Daya Guo, Zhihong Shao et al. · 2024',
        '',
        '## Notes',
        '',
        '# First\nRead **twice**.',
        '',
        '---',
        '',
        'Second note.',
        '',
        '## Annotations',
        '',
        '> Lean',
        '',
        'the assistant',
        '',
      ].join('\n'),
    );
  });
});

describe('collections', () => {
  it('nests, rejects a collection inside itself or its descendants, holds papers, and undoes a delete', async () => {
    const reading = await call(h, 'collections.create', { name: 'Reading group' });
    const week1 = await call(h, 'collections.create', { name: 'Week 1', parentId: reading.id });
    const deep = await call(h, 'collections.create', { name: 'Deep', parentId: week1.id });
    expect((await fails('collections.update', { id: reading.id, parentId: reading.id })).message).toBe('A collection cannot be put inside itself.');
    expect((await fails('collections.update', { id: reading.id, parentId: deep.id })).message).toBe('A collection cannot be put inside one of its own sub-collections.');
    expect((await fails('collections.create', { name: ' ' })).message).toBe('A collection needs a name.');
    expect(await call(h, 'collections.addPapers', { collectionId: week1.id, paperIds: [2, 7, 7] })).toEqual({ added: 2 });
    expect(await call(h, 'collections.addPapers', { collectionId: week1.id, paperIds: [2, 13] })).toEqual({ added: 1 });
    await call(h, 'collections.addPapers', { collectionId: deep.id, paperIds: [1] });
    expect(await titlesOf({ collectionId: week1.id })).toEqual([2, 7, 13]);
    expect(await titlesOf({ collectionId: reading.id, includeSubcollections: true })).toEqual([1, 2, 7, 13]);
    expect(await call(h, 'collections.list', {})).toEqual([
      { id: 3, name: 'Deep', parentId: 2, paperCount: 1 },
      { id: 1, name: 'Reading group', parentId: null, paperCount: 0 },
      { id: 2, name: 'Week 1', parentId: 1, paperCount: 3 },
    ]);
    const before = await call(h, 'collections.list', {});
    expect(await call(h, 'collections.delete', { id: reading.id })).toEqual({ deleted: 3 });
    expect(await call(h, 'collections.list', {})).toEqual([]);
    await undo();
    expect(await call(h, 'collections.list', {})).toEqual(before);
    expect(await call(h, 'collections.removePapers', { collectionId: week1.id, paperIds: [2, 13] })).toEqual({ removed: 2 });
    await call(h, 'collections.update', { id: deep.id, name: 'Deeper', parentId: null });
    await undo();
    await undo();
    expect(await call(h, 'collections.list', {})).toEqual(before);
  });
});

describe('status, rating, star', () => {
  it('sets them on many papers, filters and sorts by them, and undo restores each paper’s own value', async () => {
    await call(h, 'papers.setStatus', { paperIds: [1, 2], status: 'reading' });
    expect(await call(h, 'papers.setStatus', { paperIds: [2, 3, 4], status: 'read' })).toEqual({ updated: 3 });
    await call(h, 'papers.setRating', { paperIds: [1, 3], rating: 5 });
    await call(h, 'papers.setRating', { paperIds: [4], rating: 2 });
    await call(h, 'papers.setStarred', { paperIds: [4, 5], starred: true });
    expect(await titlesOf({ status: 'read' })).toEqual([2, 3, 4]);
    expect(await titlesOf({ query: 'status:reading' })).toEqual([1]);
    expect(await titlesOf({ ratingMin: 4 })).toEqual([1, 3]);
    expect(await titlesOf({ query: 'rating:>=2 -rating:5' })).toEqual([4]);
    expect(await titlesOf({ starred: true })).toEqual([4, 5]);
    expect(await titlesOf({ query: 'is:starred has:rating' })).toEqual([4]);
    const byStatus = await call(h, 'papers.list', { sort: [{ column: 'status', desc: true }], limit: 4 });
    expect(byStatus.rows.map((r) => [r.id, r.status])).toEqual([[4, 'read'], [3, 'read'], [2, 'read'], [1, 'reading']]);
    const byRating = await call(h, 'papers.list', { sort: [{ column: 'rating', desc: true }], limit: 3 });
    expect(byRating.rows.map((r) => [r.id, r.rating])).toEqual([[3, 5], [1, 5], [4, 2]]);
    expect((await fails('papers.setRating', { paperIds: [1], rating: 6 })).code).toBe('INVALID_INPUT');
    await undo(); // star
    await undo(); // rating 2
    await undo(); // rating 5
    expect((await undo()).label).toBe('Mark 3 papers read');
    const rows = (await call(h, 'papers.list', { paperIds: [1, 2, 3, 4], sort: [{ column: 'added', desc: false }] })).rows;
    expect(rows.map((r) => [r.id, r.status, r.rating, r.starred])).toEqual([
      [1, 'reading', null, false],
      [2, 'reading', null, false],
      [3, 'unread', null, false],
      [4, 'unread', null, false],
    ]);
  });
});

describe('saved searches', () => {
  it('saves a valid query, refuses a malformed one with its column, edits, deletes and undoes', async () => {
    const s = await call(h, 'savedSearches.create', { name: 'Provers', query: 'prover -survey year:>=2024' });
    expect(s).toMatchObject({ id: 1, name: 'Provers', query: 'prover -survey year:>=2024' });
    expect(await fails('savedSearches.create', { name: 'Bad', query: 'prover "lean' })).toEqual({
      code: 'INVALID_QUERY',
      message: 'Unclosed quote at column 8',
      details: { column: 8, length: 5 },
    });
    expect((await fails('savedSearches.create', { name: '', query: 'x' })).message).toBe('A saved search needs a name.');
    await call(h, 'savedSearches.update', { id: 1, name: 'Lean provers', query: 'prover lean' });
    await call(h, 'savedSearches.delete', { id: 1 });
    expect(await call(h, 'savedSearches.list', {})).toEqual([]);
    await undo();
    await undo();
    expect(await call(h, 'savedSearches.list', {})).toEqual([s]);
  });
});

describe('trash', () => {
  it('hides trashed papers from lists, facets, metrics, author counts and library info until restored', async () => {
    const info = await call(h, 'library.info', {});
    const ruan = (await call(h, 'authors.list', { profilesOnly: false, filter: 'Chong Ruan' }))[0]!;
    expect(ruan.papersInLibrary).toBe(18);
    expect(await call(h, 'papers.trash', { paperIds: [1, 2] })).toEqual({ trashed: 2 });
    expect((await call(h, 'papers.list', {})).total).toBe(16);
    expect((await call(h, 'papers.ids', {})).ids).toHaveLength(16);
    expect((await call(h, 'papers.facets', {})).total).toBe(16);
    expect((await call(h, 'metrics.selection', {})).papers).toBe(16);
    expect((await call(h, 'library.info', {})).papers).toBe(info.papers - 2);
    expect((await call(h, 'authors.list', { profilesOnly: false, filter: 'Chong Ruan' }))[0]!.papersInLibrary).toBe(16);
    expect((await call(h, 'authors.metrics', { id: ruan.id })).papersInLibrary).toBe(16);
    // Whole-library facets and metrics (computed as the library less the trash) equal those of the 16 papers left.
    const left = Array.from({ length: 16 }, (_, i) => i + 3);
    const facets = await call(h, 'papers.facets', {});
    const leftFacets = await call(h, 'papers.facets', { paperIds: left });
    expect(facets).toEqual(leftFacets);
    expect(facets.categories).toEqual([
      { value: 'CL', label: 'CL', count: 8 },
      { value: 'AI', label: 'AI', count: 3 },
      { value: 'CV', label: 'CV', count: 3 },
      { value: 'DC', label: 'DC', count: 1 },
      { value: 'SE', label: 'SE', count: 1 },
    ]);
    expect(await call(h, 'metrics.selection', {})).toEqual(await call(h, 'metrics.selection', { paperIds: left }));
    expect(await titlesOf({ query: 'prover' })).toEqual([7, 13]);
    const trashView = await call(h, 'papers.list', { trash: 'only' });
    expect(trashView.rows.map((r) => r.id).sort()).toEqual([1, 2]);
    expect(trashView.rows[0]!.deletedAt).not.toBeNull();
    expect((await call(h, 'papers.list', { trash: 'include' })).total).toBe(18);
    expect((await call(h, 'trash.info', {})).count).toBe(2);
    expect(await call(h, 'papers.restore', { paperIds: [1] })).toEqual({ restored: 1 });
    expect((await call(h, 'papers.list', {})).total).toBe(17);
    await undo(); // the restore
    await undo(); // the trash
    expect((await call(h, 'papers.list', {})).total).toBe(18);
    expect((await call(h, 'authors.list', { profilesOnly: false, filter: 'Chong Ruan' }))[0]!.papersInLibrary).toBe(18);
    expect(await call(h, 'trash.info', {})).toEqual({ count: 0, oldest: null });
  });

  it('empties the trash for good, purges after 30 days, and undo then skips the purged papers', async () => {
    await call(h, 'tags.assign', { paperIds: [1, 2, 3], names: ['rl'] });
    await call(h, 'notes.create', { paperId: 3, body: 'kept' });
    await call(h, 'papers.trash', { paperIds: [3] });
    expect(await call(h, 'trash.empty', {})).toEqual({ deleted: 1 });
    expect((await call(h, 'papers.list', { trash: 'include' })).total).toBe(17);
    await undo(); // the trash: paper 3 is gone, nothing to restore
    await undo(); // the note, on a purged paper
    await undo(); // the tagging: papers 1 and 2 untagged
    await redo(); // tags 1 and 2 again, paper 3 skipped
    expect(await titlesOf({ tagIds: [1] })).toEqual([1, 2]);
    // Papers trashed over 30 days ago are purged when a library is opened (createHandlers).
    lib.db.$client.prepare(`UPDATE papers SET deleted_at = ? WHERE id IN (4, 5)`).run(new Date(Date.now() - 31 * 86_400_000).toISOString());
    lib.db.$client.prepare(`UPDATE papers SET deleted_at = ? WHERE id = 6`).run(new Date(Date.now() - 29 * 86_400_000).toISOString());
    createHandlers(lib);
    expect((await call(h, 'papers.list', { trash: 'include', sort: [{ column: 'added', desc: false }] })).rows.map((r) => r.id)).toEqual([1, 2, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18]);
  });
});

describe('query', () => {
  it('searches every indexed column, ranks unsorted text queries and returns the terms to highlight', async () => {
    const r = await call(h, 'papers.list', { query: 'prover lean' });
    expect(r.ranked).toBe(true);
    expect(r.terms).toEqual([{ text: 'prover', prefix: true, field: null }, { text: 'lean', prefix: true, field: null }]);
    expect(r.rows.map((x) => x.id)).toEqual([13, 1, 7]);
    expect((await call(h, 'papers.ids', { query: 'prover lean' })).ids).toEqual([13, 1, 7]);
    expect((await call(h, 'papers.list', { query: 'prover lean', sort: [{ column: 'added', desc: false }] })).ranked).toBe(false);
    expect(await titlesOf({ query: '"proof assistant"' })).toEqual([1]);
    expect(await titlesOf({ query: 'proof assistant' })).toEqual([1, 13]);
    expect(await titlesOf({ query: 'prover -lean' })).toEqual([]);
    expect(await titlesOf({ query: 'janus OR prover year:2025' })).toEqual([7, 10]);
    expect(await titlesOf({ query: 'category:dc' })).toEqual([18]);
    expect(await titlesOf({ query: 'category:SE has:code' })).toEqual([15]);
    expect(await titlesOf({ query: 'author:"huajian x" year:2024..2024' })).toEqual([1, 13]);
    expect(await titlesOf({ query: 'title:janus -title:pro' })).toEqual([11, 17]);
    // FTS5 syntax typed by the user is not FTS5 syntax here: NEAR is a word, * ends a word, ^ is nothing.
    expect(await titlesOf({ query: 'NEAR(prover lean)' })).toEqual([]);
    expect(await titlesOf({ query: '^prover' })).toEqual([1, 7, 13]);
    expect(await titlesOf({ query: 'prover*' })).toEqual([1, 7, 13]);
  });

  it('fails a malformed query with INVALID_QUERY and the column, on list, ids and facets', async () => {
    const expected = { code: 'INVALID_QUERY', message: "Unknown field 'autor:' at column 1 — did you mean author:?", details: { column: 1, length: 6 } };
    expect(await fails('papers.list', { query: 'autor:ruan' })).toEqual(expected);
    expect(await fails('papers.ids', { query: 'autor:ruan' })).toEqual(expected);
    expect(await fails('papers.facets', { query: 'autor:ruan' })).toEqual(expected);
    expect(await call(h, 'search.parse', { query: 'a "b' })).toEqual({ ok: false, error: { message: 'Unclosed quote at column 3', column: 3, length: 2 } });
    expect(await call(h, 'search.parse', { query: 'a -b' })).toEqual({ ok: true, terms: [{ text: 'a', prefix: true, field: null }] });
  });

  it('never fails inside SQLite: 400 random queries either run or get INVALID_QUERY', async () => {
    let seedValue = 7;
    const rand = () => ((seedValue = (seedValue * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
    const pieces = ['prover', 'lean', '"', '(', ')', '-', 'OR', 'AND', 'NOT', '*', ':', 'tag:', 'author:', 'year:', '2024', '..', '>=', '^', '{title}', 'NEAR/2', "'", '\\', 'ǃ', 'é', ' ', ' ', ' ', 'rating:', 'has:', 'x'];
    for (let i = 0; i < 400; i++) {
      const q = Array.from({ length: 1 + Math.floor(rand() * 8) }, () => pieces[Math.floor(rand() * pieces.length)]).join('');
      const r = await dispatch(h, 'papers.list', { query: q, limit: 5 }, { trusted: true });
      if (!r.ok) expect([q, r.error.code]).toEqual([q, 'INVALID_QUERY']);
    }
  });

  it('keeps the quick filter to title, authors and abstract', async () => {
    await call(h, 'notes.create', { paperId: 3, body: 'wombat' });
    expect((await call(h, 'papers.list', { filter: 'wombat' })).total).toBe(0);
    expect((await call(h, 'papers.list', { query: 'wombat' })).total).toBe(1);
  });
});

describe('re-import', () => {
  it('matches a trashed paper instead of adding it again, and leaves it in the trash', async () => {
    await call(h, 'papers.trash', { paperIds: [4] });
    expect(await call(h, 'paste.import', { text: seed })).toMatchObject({ added: 0, alreadyImported: true });
    const changed = seed.replace('DeepSeek-VL: Towards Real-World', 'DeepSeek-VL: Towards real-world');
    expect(await call(h, 'paste.import', { text: changed })).toMatchObject({ added: 0, updated: 1 });
    expect((await call(h, 'papers.list', {})).total).toBe(17);
    expect((await call(h, 'papers.list', { trash: 'only' })).rows.map((r) => [r.id, r.title])).toEqual([[4, 'DeepSeek-VL: Towards real-world Vision-Language Understanding']]);
  });

  it('never drops tags, notes, annotations, collections, status, rating or star of papers already in the library', async () => {
    const abstract = (await call(h, 'papers.get', { id: 1 })).abstract!;
    const start = abstract.indexOf('Lean 4');
    await call(h, 'tags.assign', { paperIds: [1, 2], names: ['method/rl'] });
    await call(h, 'notes.create', { paperId: 1, body: 'keep me' });
    const ann = await call(h, 'annotations.create', { paperId: 1, start, end: start + 6, comment: 'the prover' });
    const c = await call(h, 'collections.create', { name: 'Keep' });
    await call(h, 'collections.addPapers', { collectionId: c.id, paperIds: [1] });
    await call(h, 'papers.setStatus', { paperIds: [1], status: 'read' });
    await call(h, 'papers.setRating', { paperIds: [1], rating: 4 });
    await call(h, 'papers.setStarred', { paperIds: [1], starred: true });
    // The same page again, then with paper 1's abstract rewritten so the annotated words move.
    await call(h, 'paste.import', { text: seed });
    const changed = seed.replace('theorem proving in Lean 4', 'theorem proving, in the interactive prover Lean 4');
    expect(changed).not.toBe(seed);
    const report = await call(h, 'paste.import', { text: changed });
    expect(report).toMatchObject({ added: 0, updated: 1, unchanged: 17 });
    const row = (await call(h, 'papers.list', { paperIds: [1] })).rows[0]!;
    expect(row).toMatchObject({ status: 'read', rating: 4, starred: true, noteCount: 1, tags: [{ id: 1, name: 'method/rl', colour: null }] });
    expect((await call(h, 'notes.list', { paperId: 1 })).map((n) => n.body)).toEqual(['keep me']);
    expect(await titlesOf({ collectionId: c.id })).toEqual([1]);
    const newStart = (await call(h, 'papers.get', { id: 1 })).abstract!.indexOf('Lean 4');
    expect(newStart).toBe(start + 24);
    expect(await call(h, 'annotations.list', { paperId: 1 })).toEqual([{ ...ann, anchor: { start: newStart, end: newStart + 6 } }]);
    expect(await titlesOf({ query: 'interactive "keep me" tag:method' })).toEqual([1]);
  });
});
