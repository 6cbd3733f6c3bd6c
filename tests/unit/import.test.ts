import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openLibrary, type Library } from '../../db/open';
import { importProfile } from '../../db/library/import-profile';
import { detectAndParse } from '../../shared/paste/detect';
import { fixtureText, tempLibraryFile } from './helpers/fixtures';

const TABLES = ['imports', 'papers', 'authors', 'paper_authors', 'affiliations', 'paper_affiliations', 'paper_categories', 'import_papers', 'author_metric_snapshots'];

/** Every row of every library table, for before/after comparisons. */
function dump(lib: Library): Record<string, unknown[]> {
  return Object.fromEntries(TABLES.map((t) => [t, lib.db.$client.prepare(`SELECT * FROM ${t} ORDER BY rowid`).all()]));
}

function count(lib: Library, table: string): number {
  return (lib.db.$client.prepare(`SELECT COUNT(*) AS n FROM ${table}`).get() as { n: number }).n;
}

const seed = fixtureText('seed-profile');

describe('importing a scholarfeed paste', () => {
  let lib: Library;
  beforeEach(() => {
    lib = openLibrary(tempLibraryFile());
  });
  afterEach(() => lib.close());

  it('stores the raw paste, the author with a snapshot, every paper and every printed author', () => {
    const report = importProfile(lib.db, seed, detectAndParse(seed), { now: '2026-11-29T10:00:00.000Z' });
    expect(report).toMatchObject({ format: 'scholarfeed', author: { name: 'Chong Ruan' }, added: 18, updated: 0, unchanged: 0, snapshotAdded: true, skipped: [] });
    expect(count(lib, 'papers')).toBe(18);
    expect(count(lib, 'paper_authors')).toBe(54);
    const raw = lib.db.$client.prepare('SELECT raw_text, format, papers_added FROM imports').get();
    expect(raw).toEqual({ raw_text: seed, format: 'scholarfeed', papers_added: 18 });
    const snap = lib.db.$client.prepare('SELECT source, captured_at, h_index, citations, paper_count, novelty_pct, ai_score, i10_index FROM author_metric_snapshots').all();
    expect(snap).toEqual([{ source: 'scholarfeed', captured_at: '2026-11-29T10:00:00.000Z', h_index: 38, citations: 14139, paper_count: 18, novelty_pct: 54, ai_score: 53, i10_index: null }]);
  });

  it('links printed names to author entities, the profile owner included where printed', () => {
    importProfile(lib.db, seed, detectAndParse(seed));
    const owner = lib.db.$client
      .prepare(`SELECT p.title, pa.position FROM paper_authors pa JOIN papers p ON p.id = pa.paper_id JOIN authors a ON a.id = pa.author_id WHERE a.name = 'Chong Ruan'`)
      .all();
    expect(owner).toEqual([{ title: 'Insights into DeepSeek-V3: Scaling Challenges and Reflections on Hardware for AI Architectures', position: 2 }]);
    // "DeepSeek-AI" heads six papers and is one author entity.
    const org = lib.db.$client.prepare(`SELECT COUNT(*) AS n FROM paper_authors pa JOIN authors a ON a.id = pa.author_id WHERE a.name = 'DeepSeek-AI'`).get();
    expect(org).toEqual({ n: 6 });
    const stored = lib.db.$client.prepare(`SELECT categories, has_code, authors_truncated FROM papers WHERE title LIKE 'DeepSeek-Prover-V1.5%'`).get();
    expect(stored).toEqual({ categories: 'CL', has_code: 1, authors_truncated: 1 });
  });

  it('adds nothing when the same paste is imported twice', () => {
    importProfile(lib.db, seed, detectAndParse(seed));
    const before = dump(lib);
    const again = importProfile(lib.db, seed, detectAndParse(seed));
    expect(again).toMatchObject({ importId: 1, alreadyImported: true, added: 0, updated: 0, unchanged: 18, snapshotAdded: false });
    expect(dump(lib)).toEqual(before);
  });

  it('records a re-import whose text differs even when no paper changed', () => {
    importProfile(lib.db, seed, detectAndParse(seed));
    const withMenu = `Scholarfeed\n${seed}`;
    const report = importProfile(lib.db, withMenu, detectAndParse(withMenu));
    expect(report).toMatchObject({ importId: 2, alreadyImported: false, added: 0, unchanged: 18, skipped: [{ line: 1, text: 'Scholarfeed' }] });
    expect(count(lib, 'imports')).toBe(2);
    expect(count(lib, 'papers')).toBe(18);
  });

  it('updates changed fields and adds a snapshot when a later paste of the profile differs', () => {
    importProfile(lib.db, seed, detectAndParse(seed), { now: '2026-11-01T00:00:00.000Z' });
    const later = seed
      .replace('h-index38', 'h-index39')
      .replace('14,139citations', '15,002citations')
      .replace('CLJan 22, 2025Code', 'CLJan 22, 2025')
      .replace('19papers', '19papers');
    const report = importProfile(lib.db, later, detectAndParse(later), { now: '2026-11-29T00:00:00.000Z' });
    expect(report).toMatchObject({ added: 0, updated: 1, unchanged: 17, snapshotAdded: true });
    const r1 = lib.db.$client.prepare(`SELECT has_code, updated_at FROM papers WHERE title LIKE 'DeepSeek-R1:%'`).get();
    expect(r1).toEqual({ has_code: 0, updated_at: '2026-11-29T00:00:00.000Z' });
    const snaps = lib.db.$client.prepare('SELECT h_index, citations FROM author_metric_snapshots ORDER BY captured_at').all();
    expect(snaps).toEqual([
      { h_index: 38, citations: 14139 },
      { h_index: 39, citations: 15002 },
    ]);
  });

  it('keeps duplicate cards of one page as separate papers, and re-imports them without duplication', () => {
    const text = fixtureText('scholarfeed');
    expect(importProfile(lib.db, text, detectAndParse(text)).added).toBe(24);
    expect(importProfile(lib.db, text, detectAndParse(text))).toMatchObject({ added: 0, unchanged: 24 });
    expect(count(lib, 'papers')).toBe(24);
  });

  it('matches a re-listed paper whose year moved by one and whose title changed case', () => {
    importProfile(lib.db, seed, detectAndParse(seed));
    const moved = seed.replace('CLAug 15, 2024Code\nDeepSeek-Prover-V1.5: Harnessing', 'CLJan 3, 2025Code\nDeepSeek-prover-v1.5: harnessing');
    expect(importProfile(lib.db, moved, detectAndParse(moved))).toMatchObject({ added: 0, updated: 1, unchanged: 17 });
  });

  it('leaves the library exactly as it was when an import fails part-way', () => {
    importProfile(lib.db, seed, detectAndParse(seed));
    const before = dump(lib);
    // Make the 10th paper of the next paste fail inside SQLite.
    lib.db.$client.exec(`CREATE TRIGGER fail_import BEFORE INSERT ON papers WHEN NEW.title LIKE 'Broken%' BEGIN SELECT RAISE(ABORT, 'disk full (simulated)'); END`);
    const other = fixtureText('scholarfeed').replace('QuillNet: Calibrated Robotic Grasping at Scale', 'Broken paper');
    expect(() => importProfile(lib.db, other, detectAndParse(other))).toThrow('disk full (simulated)');
    lib.db.$client.exec('DROP TRIGGER fail_import');
    expect(dump(lib)).toEqual(before);
  });

  it('keeps the full-text index in step on insert, update and delete', () => {
    const match = (q: string) =>
      lib.db.$client.prepare(`SELECT p.title FROM papers_fts JOIN papers p ON p.id = papers_fts.rowid WHERE papers_fts MATCH ? ORDER BY p.id`).all(q).map((r) => (r as { title: string }).title);
    importProfile(lib.db, seed, detectAndParse(seed));
    expect(match('prover AND lean')).toEqual(['DeepSeek-Prover-V1.5: Harnessing Proof Assistant Feedback for Reinforcement Learning and Monte-Carlo Tree Search', 'DeepSeek-Prover-V2: Advancing Formal Mathematical Reasoning via Reinforcement Learning for Subgoal Decomposition', 'DeepSeek-Prover: Advancing Theorem Proving in LLMs through Large-Scale Synthetic Data']);
    expect(match('authors_text:"Huajian Xin"')).toHaveLength(2);
    const changed = seed.replace('theorem proving in Lean 4', 'theorem proving in Isabelle');
    importProfile(lib.db, changed, detectAndParse(changed));
    expect(match('isabelle')).toEqual(['DeepSeek-Prover-V1.5: Harnessing Proof Assistant Feedback for Reinforcement Learning and Monte-Carlo Tree Search']);
    expect(match('prover AND lean')).toEqual(['DeepSeek-Prover-V2: Advancing Formal Mathematical Reasoning via Reinforcement Learning for Subgoal Decomposition', 'DeepSeek-Prover: Advancing Theorem Proving in LLMs through Large-Scale Synthetic Data']);
    lib.db.$client.prepare(`DELETE FROM papers WHERE title LIKE 'DeepSeek-Prover:%'`).run();
    expect(match('prover AND lean')).toEqual(['DeepSeek-Prover-V2: Advancing Formal Mathematical Reasoning via Reinforcement Learning for Subgoal Decomposition']);
    // FTS5's own consistency check throws SQLITE_CORRUPT_VTAB when the index and the table disagree.
    expect(() => lib.db.$client.prepare(`INSERT INTO papers_fts (papers_fts) VALUES ('integrity-check')`).run()).not.toThrow();
  });

  it("keeps each author's paper count, the profile owner's included", () => {
    importProfile(lib.db, seed, detectAndParse(seed));
    const countOf = (name: string) => (lib.db.$client.prepare('SELECT paper_count AS n FROM authors WHERE name = ?').get(name) as { n: number }).n;
    expect([countOf('Chong Ruan'), countOf('DeepSeek-AI'), countOf('Xiaokang Chen')]).toEqual([18, 6, 4]);
    const without = seed.replace('Xiaokang Chen, Zhiyu Wu, Xingchao Liu et al.', 'Zhiyu Wu, Xingchao Liu et al.');
    importProfile(lib.db, without, detectAndParse(without));
    expect(countOf('Xiaokang Chen')).toBe(3);
  });

  it('changes nothing on a dry run but reports what it would do', () => {
    const before = dump(lib);
    expect(importProfile(lib.db, seed, detectAndParse(seed), { dryRun: true })).toMatchObject({ added: 18 });
    expect(dump(lib)).toEqual(before);
  });
});
