import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openLibrary, type Library } from '../../db/open';
import { call } from '../../electron/handlers/dispatch';
import { createHandlers, type Handlers } from '../../electron/handlers/handlers';
import { fixtureText, tempLibraryFile } from './helpers/fixtures';

let lib: Library;
let h: Handlers;
let ownerId: number;
beforeAll(async () => {
  lib = openLibrary(tempLibraryFile());
  h = createHandlers(lib);
  ownerId = (await call(h, 'paste.import', { text: fixtureText('seed-profile') })).author!.id;
  await call(h, 'paste.import', { text: fixtureText('scholarfeed') });
});
afterAll(() => lib.close());

const seedOnly = () => ({ authorId: ownerId });

describe('facet filters', () => {
  it('filter by year range, category, code and affiliation, combined with AND', async () => {
    expect((await call(h, 'papers.list', { ...seedOnly(), yearFrom: 2025 })).total).toBe(7);
    expect((await call(h, 'papers.list', { ...seedOnly(), yearFrom: 2024, yearTo: 2024 })).total).toBe(11);
    expect((await call(h, 'papers.list', { ...seedOnly(), categories: ['CV', 'AI'] })).total).toBe(6);
    expect((await call(h, 'papers.list', { ...seedOnly(), hasCode: true })).total).toBe(9);
    expect((await call(h, 'papers.list', { ...seedOnly(), hasCode: false })).total).toBe(9);
    expect((await call(h, 'papers.list', { ...seedOnly(), affiliations: ['pku'] })).total).toBe(6);
    const both = await call(h, 'papers.list', { ...seedOnly(), hasCode: true, yearFrom: 2025, sort: [{ column: 'title', desc: false }] });
    expect(both.rows.map((r) => r.title)).toEqual([
      'DeepSeek-Prover-V2: Advancing Formal Mathematical Reasoning via Reinforcement Learning for Subgoal Decomposition',
      'DeepSeek-R1: Incentivizing Reasoning Capability in LLMs via Reinforcement Learning',
    ]);
  });

  it('filters by several authors (any of them) and by a selection of ids', async () => {
    const [a] = await call(h, 'authors.list', { profilesOnly: false, filter: 'Xiaokang Chen' });
    const [b] = await call(h, 'authors.list', { profilesOnly: false, filter: 'Marisol Quintero' });
    expect((await call(h, 'papers.list', { authorIds: [a!.id, b!.id] })).total).toBe(4 + 24);
    const some = (await call(h, 'papers.list', { limit: 3 })).rows.map((r) => r.id);
    expect((await call(h, 'papers.list', { paperIds: some })).rows.map((r) => r.id)).toEqual(some);
    expect((await call(h, 'papers.list', { paperIds: [] })).total).toBe(0);
  });

  it('quick filter matches word starts in title, authors and abstract, accents folded', async () => {
    expect((await call(h, 'papers.list', { filter: 'deeps prov' })).total).toBe(3);
    expect((await call(h, 'papers.list', { filter: 'brzeczyszczykiewicz' })).total).toBe(3);
    // "Ólafur Þórsson": Ó folds to O (Þ is a letter of its own, not an accented T).
    expect((await call(h, 'papers.list', { filter: 'olafur' })).rows.map((r) => r.title)).toEqual(['Rethinking Video Question Answering for Distribution Shift']);
    // FTS syntax typed by the user is taken as words, never as an error.
    const literal = await call(h, 'papers.list', { filter: '"AND OR' });
    expect(literal.total).toBe((await call(h, 'papers.list', { filter: 'and or' })).total);
    expect(literal.total).toBeGreaterThan(0);
  });

  it('counts each facet under the other filters', async () => {
    const f = await call(h, 'papers.facets', { ...seedOnly(), hasCode: true, yearFrom: 2024, yearTo: 2024 });
    expect(f.total).toBe(7);
    // Years ignore the year filter but keep "has code".
    expect(f.years).toEqual([
      { year: 2024, count: 7 },
      { year: 2025, count: 2 },
    ]);
    // Code counts ignore the code filter but keep the year range.
    expect(f.hasCode).toEqual({ with: 7, without: 4 });
    expect(f.categories).toEqual([
      { value: 'CL', label: 'CL', count: 4 },
      { value: 'AI', label: 'AI', count: 1 },
      { value: 'CV', label: 'CV', count: 1 },
      { value: 'SE', label: 'SE', count: 1 },
    ]);
    expect(f.authors[0]).toMatchObject({ label: 'Chong Ruan', count: 7 });
  });

  it('narrows the authors facet by name, with and without other filters', async () => {
    const all = await call(h, 'papers.facets', { authorQuery: 'lefevre' });
    expect(all.authors.map((a) => [a.label, a.count])).toEqual([['François Lefèvre', 3]]);
    const seedCode = await call(h, 'papers.facets', { ...seedOnly(), hasCode: true, authorQuery: 'deepseek' });
    expect(seedCode.authors.map((a) => [a.label, a.count])).toEqual([['DeepSeek-AI', 5]]);
  });

  it('lists every matching id in table order for select-all', async () => {
    const { ids } = await call(h, 'papers.ids', { ...seedOnly(), sort: [{ column: 'date', desc: true }] });
    expect(ids).toHaveLength(18);
    const firstPage = await call(h, 'papers.list', { ...seedOnly(), sort: [{ column: 'date', desc: true }], limit: 18 });
    expect(ids).toEqual(firstPage.rows.map((r) => r.id));
  });
});

describe('imports', () => {
  it('lists imports newest first and filters the table by one', async () => {
    const list = await call(h, 'imports.list', {});
    expect(list.map((i) => [i.format, i.author?.name, i.added, i.updated, i.unchanged])).toEqual([
      ['scholarfeed', 'Marisol Quintero-Vance', 24, 0, 0],
      ['scholarfeed', 'Chong Ruan', 18, 0, 0],
    ]);
    expect((await call(h, 'papers.list', { importId: list[1]!.id })).total).toBe(18);
  });

  it("counts an import's papers in the library now: one moved to the trash drops out, as from every other count", async () => {
    const seed = (await call(h, 'imports.list', {}))[1]!;
    expect(seed.papersInLibrary).toBe(18);
    const [first] = (await call(h, 'papers.list', { importId: seed.id, limit: 1 })).rows;
    await call(h, 'papers.trash', { paperIds: [first!.id] });
    const after = (await call(h, 'imports.list', {}))[1]!;
    expect([after.added, after.papersInLibrary]).toEqual([18, 17]);
    expect((await call(h, 'papers.list', { importId: seed.id })).total).toBe(17);
    await call(h, 'papers.restore', { paperIds: [first!.id] });
    expect((await call(h, 'imports.list', {}))[1]!.papersInLibrary).toBe(18);
  });
});

describe('metrics for a selection', () => {
  it('sums papers per year and category, code, co-authors and affiliations', async () => {
    const m = await call(h, 'metrics.selection', { ...seedOnly(), hasCode: true });
    expect(m.papers).toBe(9);
    expect(m.papersWithCode).toBe(9);
    expect(m.affiliations).toEqual([
      { name: 'pku', count: 4 },
      { name: 'stanford', count: 4 },
      { name: 'tsinghua', count: 3 },
      { name: 'microsoft-research', count: 2 },
    ]);
    expect(m.coAuthorsOf).toBe(ownerId);
    expect(m.topAuthors.slice(0, 2).map((c) => [c.name, c.count])).toEqual([
      ['DeepSeek-AI', 5],
      ['Aixin Liu', 2],
    ]);
    expect(m.citations).toBeNull();
  });

  it("lists one author's co-authors without them, and the whole library's top authors with the profile owners", async () => {
    const one = await call(h, 'metrics.selection', seedOnly());
    expect(one.coAuthorsOf).toBe(ownerId);
    expect(one.topAuthors.map((a) => a.id)).not.toContain(ownerId);
    const all = await call(h, 'metrics.selection', {});
    expect(all.coAuthorsOf).toBeNull();
    expect(all.topAuthors.slice(0, 2).map((a) => [a.name, a.count])).toEqual([
      ['Marisol Quintero-Vance', 24],
      ['Chong Ruan', 18],
    ]);
  });

  it('computes citation indices where papers carry counts', async () => {
    const ids = (await call(h, 'papers.list', { ...seedOnly(), sort: [{ column: 'date', desc: true }], limit: 5 })).rows.map((r) => r.id);
    const counts = [120, 40, 12, 9, 0];
    ids.forEach((id, i) => lib.db.$client.prepare('UPDATE papers SET citations = ? WHERE id = ?').run(counts[i], id));
    const m = await call(h, 'metrics.selection', { paperIds: ids });
    expect(m.citations).toMatchObject({ papersCounted: 5, totalCitations: 181, meanCitations: 36.2, hIndex: 4, gIndex: 5, i10Index: 3 });
    lib.db.$client.prepare('UPDATE papers SET citations = NULL').run();
  });
});

describe('author grid', () => {
  it('lists every author with papers, sorted in SQL, with card details', async () => {
    const byPapers = await call(h, 'authors.grid', { limit: 3 });
    expect(byPapers.total).toBe(31 + 33);
    expect(byPapers.rows.map((r) => [r.name, r.papersInLibrary])).toEqual([
      ['Marisol Quintero-Vance', 24],
      ['Chong Ruan', 18],
      ['DeepSeek-AI', 6],
    ]);
    const top = byPapers.rows[1]!;
    expect(top).toMatchObject({ hasProfile: true, hIndex: 38, citations: 14139, primaryCategory: 'CL' });
    expect(top.paperAffiliations.map((a) => a.name)).toEqual(['pku', 'stanford', 'tsinghua']);
    expect(top.coAuthors[0]).toMatchObject({ name: 'DeepSeek-AI', count: 6 });
    const byH = await call(h, 'authors.grid', { sort: 'hIndex', desc: true, limit: 2 });
    expect(byH.rows.map((r) => [r.name, r.hIndex])).toEqual([
      ['Chong Ruan', 38],
      ['Marisol Quintero-Vance', 19],
    ]);
    const named = await call(h, 'authors.grid', { sort: 'name', desc: false, filter: 'lef' });
    expect(named.rows.map((r) => r.name)).toEqual(['François Lefèvre']);
  });
});

describe('settings', () => {
  it('keeps JSON values per key across reopening', async () => {
    expect(await call(h, 'settings.get', { key: 'table.columns' })).toEqual({ value: null });
    await call(h, 'settings.set', { key: 'table.columns', value: { visible: ['title', 'year'], widths: { title: 420 } } });
    const again = createHandlers(openLibrary(lib.file));
    expect(await call(again, 'settings.get', { key: 'table.columns' })).toEqual({ value: { visible: ['title', 'year'], widths: { title: 420 } } });
    await expect(call(h, 'settings.set', { key: 'Bad Key!', value: 1 })).rejects.toMatchObject({ code: 'INVALID_INPUT' });
  });
});
