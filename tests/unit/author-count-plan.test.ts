import { afterEach, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { openLibrary, type Library } from '../../db/open';
import { authorPaperIds } from '../../db/library/author-papers';

let lib: Library | undefined;
afterEach(() => {
  lib?.close();
  lib = undefined;
});

describe("an author's papers through the imports of their profiles", () => {
  it('reads the imports first and their papers by key, never every link of a large import (a 50,000-entry .bib recounted each author over all its links)', () => {
    lib = openLibrary(':memory:');
    const c = lib.db.$client;
    // One file import with many links and no profile owner, as a .bib import leaves it.
    c.exec(`INSERT INTO imports (id, raw_text, format) VALUES (1, '', 'bibtex')`);
    c.exec(`INSERT INTO authors (id, name, name_key) VALUES (1, 'Ada', 'ada')`);
    const insert = c.prepare(`INSERT INTO papers (id, title, title_key) VALUES (?, 'T', 't')`);
    const link = c.prepare(`INSERT INTO import_papers (import_id, paper_id, action) VALUES (1, ?, 'added')`);
    for (let id = 1; id <= 2000; id++) {
      insert.run(id);
      link.run(id);
    }
    c.exec('ANALYZE');
    const plan = lib.db.all<{ detail: string }>(sql`EXPLAIN QUERY PLAN SELECT COUNT(*) FROM (${authorPaperIds(1)})`).map((r) => r.detail);
    expect(plan.some((d) => /^SCAN ip\b/.test(d))).toBe(false);
    expect(plan.some((d) => /^SEARCH ip USING (?:COVERING INDEX|PRIMARY KEY|INDEX)/.test(d))).toBe(true);
  });
});
