/**
 * The WHERE clause of every papers view (table, facets, select-all, selection metrics), built from the
 * contract's PaperFilters. All values are bound parameters.
 */
import { sql, type SQL } from 'drizzle-orm';
import type { PaperFilters } from '../../shared/contract';
import { authorPaperIds } from './author-papers';

export type FacetName = 'years' | 'categories' | 'hasCode' | 'authors' | 'affiliations';

/**
 * FTS5 query for the quick filter: each word must start a word of the title, the printed authors or the
 * abstract ("deep prov" finds "DeepSeek-Prover"). Words are quoted, so FTS operators typed by the user
 * are taken literally. The index also holds affiliations, categories, tags, notes and annotations; the
 * quick filter keeps to its three documented columns (the `query` syntax searches them all).
 * @returns null when the text holds no searchable word
 */
export function quickFilterQuery(text: string): string | null {
  const words = text
    .split(/\s+/)
    .map((w) => w.replace(/"/g, '""'))
    .filter((w) => /[\p{L}\p{N}]/u.test(w));
  return words.length ? `{title authors_text abstract} : (${words.map((w) => `"${w}"*`).join(' AND ')})` : null;
}

function idList(ids: readonly number[]): SQL {
  return sql.join(ids.map((id) => sql`${id}`), sql`, `);
}

function textList(values: readonly string[]): SQL {
  return sql.join(values.map((v) => sql`${v}`), sql`, `);
}

/** `WHERE a AND b ...`, or an empty fragment when there is no condition. */
export function whereAll(parts: readonly SQL[]): SQL {
  return parts.length ? sql`WHERE ${sql.join([...parts], sql` AND `)}` : sql``;
}

/**
 * `WHERE` clause on `papers p` for the given filters (see paperConditions).
 */
export function paperWhere(f: PaperFilters, except?: FacetName): SQL {
  return whereAll(paperConditions(f, except));
}

/**
 * Conditions on `papers p` for the given filters.
 * @param except leave this facet's own filter out (facet counts show what choosing another value gives)
 */
export function paperConditions(f: PaperFilters, except?: FacetName): SQL[] {
  const parts: SQL[] = [];
  const fts = quickFilterQuery(f.filter);
  if (fts !== null) parts.push(sql`p.id IN (SELECT rowid FROM papers_fts WHERE papers_fts MATCH ${fts})`);
  if (f.authorId !== undefined) parts.push(sql`p.id IN (${authorPaperIds(f.authorId)})`);
  if (f.importId !== undefined) parts.push(sql`p.id IN (SELECT paper_id FROM import_papers WHERE import_id = ${f.importId})`);
  if (except !== 'years') {
    if (f.yearFrom !== undefined) parts.push(sql`p.year >= ${f.yearFrom}`);
    if (f.yearTo !== undefined) parts.push(sql`p.year <= ${f.yearTo}`);
  }
  if (except !== 'categories' && f.categories.length) {
    parts.push(sql`p.id IN (SELECT paper_id FROM paper_categories WHERE code IN (${textList(f.categories)}))`);
  }
  if (except !== 'hasCode' && f.hasCode !== undefined) parts.push(f.hasCode ? sql`p.has_code = 1` : sql`COALESCE(p.has_code, 0) = 0`);
  if (except !== 'authors' && f.authorIds.length) {
    parts.push(sql`p.id IN (${sql.join(f.authorIds.map((id) => authorPaperIds(id)), sql` UNION `)})`);
  }
  if (except !== 'affiliations' && f.affiliations.length) {
    parts.push(sql`p.id IN (SELECT pf.paper_id FROM paper_affiliations pf JOIN affiliations a ON a.id = pf.affiliation_id WHERE a.name IN (${textList(f.affiliations)}))`);
  }
  if (f.paperIds !== undefined) {
    // A selection larger than SQLite's parameter limit is passed as one JSON array.
    parts.push(f.paperIds.length > 500 ? sql`p.id IN (SELECT value FROM json_each(${JSON.stringify(f.paperIds)}))` : f.paperIds.length ? sql`p.id IN (${idList(f.paperIds)})` : sql`0`);
  }
  return parts;
}
