import { beforeEach, describe, expect, it } from 'vitest';
import { openLibrary, type Library } from '../../db/open';
import { assignTags } from '../../db/library/paper-tags';
import { applyChange, changeSize } from '../../db/library/changes';

let lib: Library;
const run = (q: string, ...params: unknown[]) => lib.db.$client.prepare(q).run(...params);
/** Paper ids whose index row matches an FTS5 expression. */
const match = (q: string) => (lib.db.$client.prepare(`SELECT rowid AS id FROM papers_fts WHERE papers_fts MATCH ? ORDER BY rowid`).all(q) as Array<{ id: number }>).map((r) => r.id);
const consistent = () => run(`INSERT INTO papers_fts (papers_fts) VALUES ('integrity-check')`);

beforeEach(() => {
  lib = openLibrary(':memory:');
  run(`INSERT INTO papers (id, title, title_key, abstract, authors_text, affiliations_text, categories) VALUES
    (1, 'Déjà Vu Attention', 'deja vu attention', 'A study of recurrence.', 'Zoë Müller, Ana Pérez', 'eth-zurich', 'LG CL'),
    (2, 'Sparse Mixtures', 'sparse mixtures', 'Experts everywhere.', 'Wei Zhang', 'pku', 'CL')`);
  return () => lib.close();
});

describe('full-text index stays in step with every source table', () => {
  it('papers: insert, update of an indexed column, delete; accents folded', () => {
    expect(match('deja')).toEqual([1]);
    expect(match('muller AND perez')).toEqual([1]);
    expect(match('affiliations : zurich')).toEqual([1]);
    expect(match('categories : lg')).toEqual([1]);
    run(`UPDATE papers SET abstract = 'Now about gating.' WHERE id = 2`);
    expect(match('experts')).toEqual([]);
    expect(match('gating')).toEqual([2]);
    run(`UPDATE papers SET status = 'read', starred = 1 WHERE id = 2`); // not indexed: no reindex needed
    expect(match('gating')).toEqual([2]);
    run(`DELETE FROM papers WHERE id = 1`);
    expect(match('deja')).toEqual([]);
    consistent();
  });

  it('tags and paper_tags: link, rename (every tagged paper), unlink, delete the tag', () => {
    run(`INSERT INTO tags (id, name, name_key) VALUES (1, 'method/rl', 'method/rl')`);
    run(`INSERT INTO paper_tags (tag_id, paper_id) VALUES (1, 1), (1, 2)`);
    expect(match('tags : rl')).toEqual([1, 2]);
    run(`UPDATE tags SET name = 'method/bandits', name_key = 'method/bandits' WHERE id = 1`);
    expect(match('rl')).toEqual([]);
    expect(match('bandits')).toEqual([1, 2]);
    run(`DELETE FROM paper_tags WHERE paper_id = 2`);
    expect(match('bandits')).toEqual([1]);
    run(`DELETE FROM tags WHERE id = 1`); // cascades to paper_tags, whose trigger reindexes
    expect(match('bandits')).toEqual([]);
    consistent();
  });

  it('notes: insert, edit, move to another paper, delete, and deleting the paper', () => {
    run(`INSERT INTO notes (id, paper_id, body) VALUES (1, 1, 'Compare with **SStraße** résumé'), (2, 1, 'second note')`);
    expect(match('notes : resume')).toEqual([1]);
    expect(match('second')).toEqual([1]);
    run(`UPDATE notes SET body = 'about quokkas' WHERE id = 1`);
    expect(match('resume')).toEqual([]);
    expect(match('quokkas AND second')).toEqual([1]);
    run(`UPDATE notes SET paper_id = 2 WHERE id = 1`);
    expect(match('quokkas')).toEqual([2]);
    expect(match('second')).toEqual([1]);
    run(`DELETE FROM notes WHERE id = 2`);
    expect(match('second')).toEqual([]);
    run(`DELETE FROM papers WHERE id = 2`);
    expect(match('quokkas')).toEqual([]);
    consistent();
  });

  it('annotations: quote and comment, edit, delete', () => {
    run(`INSERT INTO annotations (id, paper_id, start, "end", quote, comment) VALUES (1, 2, 0, 7, 'Experts', 'compare with gshard')`);
    expect(match('annotations : gshard')).toEqual([2]);
    expect(match('annotations : experts')).toEqual([2]);
    run(`UPDATE annotations SET comment = 'see switch' WHERE id = 1`);
    expect(match('gshard')).toEqual([]);
    expect(match('switch')).toEqual([2]);
    run(`DELETE FROM annotations WHERE id = 1`);
    expect(match('switch')).toEqual([]);
    consistent();
  });

  it('tagging 1,000 papers is one insert, and its undo one delete that the index follows', () => {
    const insert = lib.db.$client.prepare(`INSERT INTO papers (title, title_key) VALUES (?, ?)`);
    lib.db.$client.transaction(() => {
      for (let i = 0; i < 1000; i++) insert.run(`Paper ${i}`, `paper ${i}`);
    })();
    const ids = Array.from({ length: 1000 }, (_, i) => i + 3);
    const outcome = assignTags(lib.db, { paperIds: ids, names: ['bulk'] });
    expect(outcome.value).toEqual({ added: 1000, tagIds: [1] });
    expect(match('bulk')).toHaveLength(1000);
    const undo = outcome.undo!;
    expect(undo.steps.map((s) => [s.op, s.table])).toEqual([['delete', 'paper_tags'], ['delete', 'tags']]);
    expect(changeSize(undo)).toBe(1001);
    const redo = applyChange(lib.db, undo);
    expect(match('bulk')).toEqual([]);
    expect(redo.steps.map((s) => [s.op, s.table])).toEqual([['insert', 'tags'], ['insert', 'paper_tags']]);
    applyChange(lib.db, redo);
    expect(match('bulk')).toHaveLength(1000);
    consistent();
  });

  it('is rebuilt from every source by the migration (an upgraded library finds old notes)', () => {
    run(`INSERT INTO notes (paper_id, body) VALUES (2, 'wombat')`);
    run(`DELETE FROM papers_fts`);
    expect(match('wombat')).toEqual([]);
    run(`INSERT INTO papers_fts (rowid, title, authors_text, abstract, affiliations, categories, tags, notes, annotations) SELECT * FROM papers_fts_source`);
    expect(match('wombat')).toEqual([2]);
    consistent();
  });
});
