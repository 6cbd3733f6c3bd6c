/**
 * The WHERE clause of every papers view (table, facets, select-all, selection metrics), built from the
 * contract's PaperFilters. All values are bound parameters.
 */
import { sql, type SQL } from 'drizzle-orm';
import type { PaperFilters } from '../../shared/contract';
import type { LibraryDb } from '../open';
import { authorPaperIds } from './author-papers';
import { compileQuery, ftsMatch, tagSubtreeIds, type CompiledQuery } from './search-query';

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

/** What the filters need to know about the library (read once per call). */
export interface FilterContext {
  /**
   * No paper is in the trash: hiding trashed papers needs no condition, so an unfiltered view keeps its
   * fast paths (whole-table counts, kept author counts) instead of evaluating `deleted_at IS NULL`.
   */
  trashEmpty: boolean;
}

/** Reads the FilterContext (one indexed lookup). */
export function filterContext(db: LibraryDb): FilterContext {
  return { trashEmpty: !db.get(sql`SELECT 1 FROM papers WHERE deleted_at IS NOT NULL LIMIT 1`) };
}

/** Without a context, assume the trash holds papers (always correct, sometimes slower). */
const SAFE: FilterContext = { trashEmpty: false };

/**
 * `WHERE` clause on `papers p` for the given filters (see paperConditions).
 */
export function paperWhere(f: PaperFilters, except?: FacetName, ctx: FilterContext = SAFE): SQL {
  return whereAll(paperConditions(f, except, ctx));
}

/**
 * Conditions on `papers p` for the given filters.
 * @param except leave this facet's own filter out (facet counts show what choosing another value gives)
 * @throws LecternError `INVALID_QUERY` when `f.query` does not parse
 */
export function paperConditions(f: PaperFilters, except?: FacetName, ctx: FilterContext = SAFE): SQL[] {
  const { parts, search } = paperSearch(f, except, ctx);
  return search.required ? [...parts, ftsMatch(search.required)] : parts;
}

/**
 * The filters split for ranking: `parts` are every condition except the query's required full-text
 * match, which `search.required` carries (the caller joins it to rank, or adds it with ftsMatch).
 */
export function paperSearch(f: PaperFilters, except?: FacetName, ctx: FilterContext = SAFE): { parts: SQL[]; search: CompiledQuery } {
  const parts: SQL[] = [];
  const search = compileQuery(f.query ?? '');
  parts.push(...search.conditions);
  const trash = f.trash ?? 'hide';
  if (trash === 'only') parts.push(sql`p.deleted_at IS NOT NULL`);
  else if (trash === 'hide' && !ctx.trashEmpty) parts.push(sql`p.deleted_at IS NULL`);
  const tagIds = f.tagIds ?? [];
  if (tagIds.length) {
    // A tag takes in its children: the ids of each chosen tag's subtree.
    const subtree = (id: number) => sql`SELECT s.id FROM tags base, tags s WHERE base.id = ${id} AND s.id IN (${tagSubtreeIds(sql`base.name_key`)})`;
    const tagged = (ids: SQL) => sql`p.id IN (SELECT pt.paper_id FROM paper_tags pt WHERE pt.tag_id IN (${ids}))`;
    if (f.tagMode === 'and') parts.push(...tagIds.map((id) => tagged(subtree(id))));
    else parts.push(tagged(sql.join(tagIds.map(subtree), sql` UNION `)));
  }
  if (f.collectionId !== undefined) {
    parts.push(
      f.includeSubcollections
        ? sql`p.id IN (WITH RECURSIVE s(id) AS (SELECT ${f.collectionId} UNION SELECT c.id FROM collections c JOIN s ON c.parent_id = s.id)
            SELECT cp.paper_id FROM collection_papers cp WHERE cp.collection_id IN (SELECT id FROM s))`
        : sql`p.id IN (SELECT cp.paper_id FROM collection_papers cp WHERE cp.collection_id = ${f.collectionId})`,
    );
  }
  if (f.status !== undefined) parts.push(sql`p.status = ${f.status}`);
  if (f.ratingMin !== undefined) parts.push(sql`p.rating >= ${f.ratingMin}`);
  if (f.starred !== undefined) parts.push(sql`p.starred = ${f.starred ? 1 : 0}`);
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
  return { parts, search };
}
