import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openLibrary, type Library } from '../../db/open';
import { call } from '../../electron/handlers/dispatch';
import { createHandlers, type Handlers } from '../../electron/handlers/handlers';
import { fixtureText, tempLibraryFile } from './helpers/fixtures';

let lib: Library;
let h: Handlers;
beforeAll(async () => {
  lib = openLibrary(tempLibraryFile());
  h = createHandlers(lib);
  await call(h, 'paste.import', { text: fixtureText('seed-profile') });
});
afterAll(() => lib.close());

describe('papers.list', () => {
  it('sorts by date descending in SQL', async () => {
    const page = await call(h, 'papers.list', { sort: [{ column: 'date', desc: true }], limit: 3 });
    expect(page.total).toBe(18);
    expect(page.rows.map((r) => [r.title, r.date])).toEqual([
      ['DeepSeek-V3.2: Pushing the Frontier of Open Large Language Models', '2025-12-02'],
      ['Insights into DeepSeek-V3: Scaling Challenges and Reflections on Hardware for AI Architectures', '2025-05-14'],
      ['DeepSeek-Prover-V2: Advancing Formal Mathematical Reasoning via Reinforcement Learning for Subgoal Decomposition', '2025-04-30'],
    ]);
    expect(page.rows[0]).toMatchObject({ authors: ['DeepSeek-AI', 'Aixin Liu', 'Aoxue Mei'], authorsTruncated: true, categories: ['CL'], hasCode: false, affiliations: [] });
  });

  it('sorts by title, by first author, by category then date, and by year then date', async () => {
    const byYear = await call(h, 'papers.list', { sort: [{ column: 'year', desc: true }], limit: 3 });
    expect(byYear.rows.map((r) => r.date)).toEqual(['2025-12-02', '2025-05-14', '2025-04-30']);
    const byTitle = await call(h, 'papers.list', { sort: [{ column: 'title', desc: false }], limit: 2 });
    expect(byTitle.rows.map((r) => r.title)).toEqual([
      'DeepSeek-Coder-V2: Breaking the Barrier of Closed-Source Models in Code Intelligence',
      'DeepSeek LLM: Scaling Open-Source Language Models with Longtermism',
    ]);
    // By the first author's surname; ties in import (page) order.
    const byAuthor = await call(h, 'papers.list', { sort: [{ column: 'authors', desc: false }], limit: 4 });
    expect(byAuthor.rows.map((r) => [r.authors[0], r.date])).toEqual([
      ['Xiaokang Chen', '2025-01-29'],
      ['Damai Dai', '2024-01-11'],
      ['DeepSeek-AI', '2025-01-22'],
      ['DeepSeek-AI', '2024-05-07'],
    ]);
    const byAuthorDesc = await call(h, 'papers.list', { sort: [{ column: 'authors', desc: true }], limit: 2 });
    expect(byAuthorDesc.rows.map((r) => r.authors[0])).toEqual(['Chenggang Zhao', 'Jingyang Yuan']);
    const multi = await call(h, 'papers.list', { sort: [{ column: 'category', desc: false }, { column: 'date', desc: true }], limit: 4 });
    expect(multi.rows.map((r) => [r.categories.join(' '), r.date])).toEqual([
      ['AI', '2025-01-29'],
      ['AI', '2024-05-23'],
      ['AI', '2024-03-08'],
      ['CL', '2025-12-02'],
    ]);
  });

  it('filters by text over title, authors and abstract, and pages', async () => {
    // Unsorted: newest first.
    expect((await call(h, 'papers.list', { filter: 'prover' })).rows.map((r) => r.title)).toEqual([
      'DeepSeek-Prover-V2: Advancing Formal Mathematical Reasoning via Reinforcement Learning for Subgoal Decomposition',
      'DeepSeek-Prover-V1.5: Harnessing Proof Assistant Feedback for Reinforcement Learning and Monte-Carlo Tree Search',
      'DeepSeek-Prover: Advancing Theorem Proving in LLMs through Large-Scale Synthetic Data',
    ]);
    expect((await call(h, 'papers.list', { filter: 'Zhiyu Wu' })).total).toBe(3);
    expect((await call(h, 'papers.list', { filter: '100%_' })).total).toBe(0);
    const page2 = await call(h, 'papers.list', { sort: [{ column: 'date', desc: true }], offset: 16, limit: 5 });
    expect(page2.rows.map((r) => r.date)).toEqual(['2024-01-11', '2024-01-05']);
  });

  it("lists an author's papers, including those where the owner is hidden behind et al.", async () => {
    const [owner] = await call(h, 'authors.list', {});
    expect((await call(h, 'papers.list', { authorId: owner!.id })).total).toBe(18);
  });

  it('rejects unknown sort columns and oversized pages', async () => {
    await expect(call(h, 'papers.list', { sort: [{ column: 'abstract; DROP TABLE papers', desc: false }] })).rejects.toMatchObject({ code: 'INVALID_INPUT' });
    await expect(call(h, 'papers.list', { limit: 5000 })).rejects.toMatchObject({ code: 'INVALID_INPUT', message: expect.stringContaining('limit') });
  });
});

describe('papers.get', () => {
  it('returns the full abstract, linked authors and import history', async () => {
    const { rows } = await call(h, 'papers.list', { filter: 'DeepSeek-Prover-V1.5' });
    const paper = await call(h, 'papers.get', { id: rows[0]!.id });
    expect(paper.abstract).toMatch(/ProofNet benchmark \(\$25\.3\\%\$\)\.$/);
    expect(paper.authorLinks.map((a) => a.printedName)).toEqual(['Huajian Xin', 'Z. Z. Ren', 'Junxiao Song']);
    expect(paper.imports).toHaveLength(1);
    expect(paper.imports[0]).toMatchObject({ format: 'scholarfeed', action: 'added' });
  });

  it('says which id is missing', async () => {
    await expect(call(h, 'papers.get', { id: 999 })).rejects.toMatchObject({ code: 'NOT_FOUND', message: 'There is no paper with id 999 in the library.' });
  });
});

describe('authors', () => {
  it('lists the profile author with metrics from the latest snapshot', async () => {
    const authors = await call(h, 'authors.list', {});
    expect(authors).toEqual([{ id: authors[0]!.id, name: 'Chong Ruan', primaryCategory: 'CL', papersInLibrary: 18, hasProfile: true, hIndex: 38, citations: 14139 }]);
    expect((await call(h, 'authors.list', { profilesOnly: false })).length).toBe(31);
  });

  it("builds the card: metrics, affiliations printed on the author's papers, top co-authors", async () => {
    const [owner] = await call(h, 'authors.list', {});
    const card = await call(h, 'authors.card', { id: owner!.id });
    expect(card.metrics).toMatchObject({ hIndex: 38, citations: 14139, paperCount: 18, noveltyPct: 54, aiScore: 53, source: 'scholarfeed' });
    expect(card.papersInLibrary).toBe(18);
    expect(card.paperAffiliations).toEqual([
      { name: 'pku', count: 6 },
      { name: 'stanford', count: 4 },
      { name: 'tsinghua', count: 4 },
      { name: 'microsoft-research', count: 2 },
    ]);
    expect(card.coAuthors.slice(0, 3).map((c) => [c.name, c.count])).toEqual([
      ['DeepSeek-AI', 6],
      ['Xiaokang Chen', 4],
      ['Aixin Liu', 3],
    ]);
  });

  it("counts the profile owner as a co-author on papers where the page hid them behind et al.", async () => {
    const all = await call(h, 'authors.list', { profilesOnly: false, filter: 'Xiaokang Chen' });
    const card = await call(h, 'authors.card', { id: all[0]!.id });
    expect(card.papersInLibrary).toBe(4);
    expect(card.coAuthors[0]).toMatchObject({ name: 'Chong Ruan', count: 4 });
    expect(card.metrics).toBeNull();
  });

  it('computes the metrics panel figures', async () => {
    const [owner] = await call(h, 'authors.list', {});
    const m = await call(h, 'authors.metrics', { id: owner!.id });
    expect(m.papersPerYear).toEqual([
      { year: 2024, count: 11 },
      { year: 2025, count: 7 },
    ]);
    expect(m.papersPerCategory).toEqual([
      { category: 'CL', count: 10 },
      { category: 'AI', count: 3 },
      { category: 'CV', count: 3 },
      { category: 'DC', count: 1 },
      { category: 'SE', count: 1 },
    ]);
    expect([m.papersWithCode, m.papersInLibrary, m.codeShare]).toEqual([9, 18, 0.5]);
    expect(m.snapshots).toHaveLength(1);
  });
});
