/**
 * A library made by the release on main (b9c2ee2, migrations 0000-0010), committed as a fixture, opened
 * with this code: a backup first, migrations applied, and every paper, tag, note, annotation, collection
 * and curation mark exactly as it was; the new record columns at their defaults. How the fixture was
 * made: tests/fixtures/libraries/README.md.
 */
import { copyFileSync, existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openLibrary, type Library } from '../../db/open';
import { call } from '../../electron/handlers/dispatch';
import { closeHandlers, createHandlers, type Handlers } from '../../electron/handlers/handlers';
import { importProfile } from '../../db/library/import-profile';
import { detectAndParse } from '../../shared/paste/detect';
import { fixtureText, REPO } from './helpers/fixtures';

const FIXTURE = join(REPO, 'tests', 'fixtures', 'libraries', 'release-b9c2ee2.sqlite');
/** Tables whose every row and column must survive unchanged (FTS shadow tables aside). */
const KEPT = ['papers', 'paper_authors', 'authors', 'affiliations', 'paper_affiliations', 'paper_categories', 'imports', 'import_papers', 'author_metric_snapshots', 'tags', 'paper_tags', 'notes', 'annotations', 'collections', 'collection_papers', 'saved_searches', 'settings'];

type Row = Record<string, unknown>;
function dump(db: Database.Database, table: string): Row[] {
  return db.prepare(`SELECT * FROM ${table} ORDER BY rowid`).all() as Row[];
}

let before: Record<string, Row[]>;
let lib: Library;
let h: Handlers;
let file: string;

beforeAll(() => {
  file = join(mkdtempSync(join(tmpdir(), 'lectern-upgrade-')), 'library.sqlite');
  copyFileSync(FIXTURE, file);
  const old = new Database(file, { readonly: true });
  before = Object.fromEntries(KEPT.map((t) => [t, dump(old, t)]));
  expect(old.prepare('SELECT COUNT(*) AS n FROM __drizzle_migrations').get()).toEqual({ n: 11 });
  old.close();
  lib = openLibrary(file);
  h = createHandlers(lib);
});
afterAll(async () => {
  await closeHandlers(h);
  lib.close();
});

describe('upgrading a library made by release b9c2ee2', () => {
  it('writes a backup before migrating, then applies the new migrations', () => {
    expect(lib.backup).not.toBeNull();
    expect(existsSync(lib.backup!)).toBe(true);
    const backup = new Database(lib.backup!, { readonly: true });
    expect(backup.prepare('SELECT COUNT(*) AS n FROM __drizzle_migrations').get()).toEqual({ n: 11 });
    backup.close();
    expect(lib.db.$client.prepare('SELECT COUNT(*) AS n FROM __drizzle_migrations').get()).toEqual({ n: 13 });
  });

  it('keeps every row of every table with the exact values it had', () => {
    for (const table of KEPT) {
      const after = dump(lib.db.$client, table);
      expect(after.length, table).toBe(before[table]!.length);
      // The old columns are unchanged; new columns are checked below.
      after.forEach((row, i) => {
        const old = before[table]![i]!;
        expect(Object.fromEntries(Object.keys(old).map((k) => [k, row[k]])), `${table} row ${i}`).toEqual(old);
      });
    }
    expect(before.papers).toHaveLength(18);
  });

  it('keeps the curation exactly: tags (nested), notes, annotations, collections, star, rating, status, trash', async () => {
    const c = lib.db.$client;
    expect(c.prepare('SELECT name, colour FROM tags ORDER BY id').all()).toEqual([
      { name: 'method/rl', colour: null },
      { name: 'survey', colour: '#4f8cc9' },
    ]);
    expect(c.prepare('SELECT paper_id, tag_id FROM paper_tags ORDER BY paper_id, tag_id').all()).toEqual([
      { paper_id: 1, tag_id: 1 },
      { paper_id: 2, tag_id: 1 },
      { paper_id: 2, tag_id: 2 },
      { paper_id: 3, tag_id: 1 },
      { paper_id: 4, tag_id: 2 },
    ]);
    expect(c.prepare('SELECT paper_id, body FROM notes').all()).toEqual([{ paper_id: 1, body: '# Prover\n\nA note about the *prover*, with “quotes” and ünïcode.' }]);
    expect(c.prepare('SELECT paper_id, start, "end", quote, colour, comment FROM annotations').all()).toEqual([
      { paper_id: 1, start: 0, end: 10, quote: 'We introdu', colour: '#f5d76e', comment: 'first words' },
    ]);
    expect(c.prepare('SELECT id, name, parent_id FROM collections ORDER BY id').all()).toEqual([
      { id: 1, name: 'Thesis', parent_id: null },
      { id: 2, name: 'Chapter 2', parent_id: 1 },
    ]);
    expect(c.prepare('SELECT collection_id, paper_id FROM collection_papers ORDER BY collection_id, paper_id').all()).toEqual([
      { collection_id: 1, paper_id: 1 },
      { collection_id: 1, paper_id: 5 },
      { collection_id: 2, paper_id: 5 },
    ]);
    expect(c.prepare('SELECT id, status, rating, starred, deleted_at IS NOT NULL AS trashed FROM papers WHERE id <= 7 ORDER BY id').all()).toEqual([
      { id: 1, status: 'read', rating: 4, starred: 1, trashed: 0 },
      { id: 2, status: 'reading', rating: null, starred: 0, trashed: 0 },
      { id: 3, status: 'unread', rating: null, starred: 0, trashed: 0 },
      { id: 4, status: 'unread', rating: null, starred: 0, trashed: 0 },
      { id: 5, status: 'unread', rating: null, starred: 0, trashed: 0 },
      { id: 6, status: 'unread', rating: 2, starred: 1, trashed: 0 },
      { id: 7, status: 'unread', rating: null, starred: 0, trashed: 1 },
    ]);
    // Through the handlers too: the nested tag filters, the trash hides, search finds the note.
    expect((await call(h, 'papers.list', { tagIds: [1] })).total).toBe(3);
    expect((await call(h, 'papers.list', {})).total).toBe(17);
    expect((await call(h, 'papers.list', { query: 'note:ünïcode' })).rows.map((r) => r.id)).toEqual([1]);
  });

  it('gives the new columns their defaults, and papers.get answers the whole record', async () => {
    const c = lib.db.$client;
    expect(
      c.prepare(
        `SELECT DISTINCT item_type, arxiv_version, volume, issue, page, number, publisher, publisher_place, event, url, isbn, issn, pmid, pmcid, language,
         keywords, extra, edited_fields, source_values FROM papers`,
      ).all(),
    ).toEqual([
      { item_type: 'article', arxiv_version: null, volume: null, issue: null, page: null, number: null, publisher: null, publisher_place: null, event: null, url: null, isbn: null, issn: null, pmid: null, pmcid: null, language: null, keywords: '[]', extra: '{}', edited_fields: '[]', source_values: '{}' },
    ]);
    expect(c.prepare('SELECT DISTINCT family, given, dropping_particle, non_dropping_particle, suffix, literal FROM paper_authors').all()).toEqual([
      { family: null, given: null, dropping_particle: null, non_dropping_particle: null, suffix: null, literal: null },
    ]);
    expect(c.prepare('SELECT DISTINCT other_metrics, citations_per_year FROM author_metric_snapshots').all()).toEqual([{ other_metrics: '{}', citations_per_year: null }]);
    expect(c.prepare('SELECT COUNT(*) AS n FROM paper_citation_counts').get()).toEqual({ n: 0 });
    const d = await call(h, 'papers.get', { id: 1 });
    expect(d).toMatchObject({ itemType: 'article', keywords: [], extra: {}, editedFields: [], sourceValues: {}, citationCounts: [], rating: 4, starred: true, status: 'read' });
    expect(d.authorLinks[0]).toMatchObject({ printedName: 'Huajian Xin', family: null, literal: null });
  });

  it('splits the stored authors into name parts when the same page is imported again, curation untouched', () => {
    const seed = fixtureText('seed-profile');
    const report = importProfile(lib.db, seed, detectAndParse(seed), { now: '2026-12-07T12:00:00.000Z' });
    expect(report).toMatchObject({ alreadyImported: false, added: 0, updated: 0, unchanged: 18 });
    const c = lib.db.$client;
    expect(c.prepare('SELECT printed_name, given, family, literal FROM paper_authors WHERE paper_id = 2 ORDER BY position').all()).toEqual([
      { printed_name: 'DeepSeek-AI', given: null, family: null, literal: 'DeepSeek-AI' },
      { printed_name: 'Daya Guo', given: 'Daya', family: 'Guo', literal: null },
      { printed_name: 'Dejian Yang', given: 'Dejian', family: 'Yang', literal: null },
    ]);
    expect(c.prepare('SELECT COUNT(*) AS n FROM paper_authors WHERE family IS NULL AND literal IS NULL').get()).toEqual({ n: 0 });
    expect(c.prepare('SELECT id, status, rating, starred FROM papers WHERE id IN (1, 6) ORDER BY id').all()).toEqual([
      { id: 1, status: 'read', rating: 4, starred: 1 },
      { id: 6, status: 'unread', rating: 2, starred: 1 },
    ]);
    // Once split, the same text again changes nothing and is recognised as imported before.
    expect(importProfile(lib.db, seed, detectAndParse(seed))).toMatchObject({ alreadyImported: true });
  });
});
