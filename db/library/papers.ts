/**
 * Reading papers: the sorted, filtered, paged table and one paper's detail. Sorting, filtering and
 * paging happen in SQL over whitelisted expressions, so the renderer never holds the whole library.
 */
import { sql, type SQL } from 'drizzle-orm';
import type { ChannelArgs, ChannelOutput, PaperDetail, PaperFacets, PaperFilters, PaperRow, PaperSortColumn, ReadingStatus, TagRef } from '../../shared/contract';
import { partsSurname } from '../../shared/author-names';
import { LecternError } from '../../shared/errors';
import type { PasteSource } from '../../shared/paste/parsed';
import type { LibraryDb } from '../open';
import { nameKey } from './keys';
import { paperAuthorLinks } from './author-papers';
import { citationCountsOf } from './citation-counts';
import { recordFieldsOf } from './paper-record-read';
import type { CslNameParts } from '../../shared/record/record-model';
import { STATUS_ORDER } from './search-query';
import { byCountThenName, countPapers, filterContext, isTrashCondition, minusCounts, paperConditions, paperSearch, paperWhere, TRASHED, trashRestriction, whereAll, type FacetName } from './paper-filters';

/** The SQL each sortable column sorts by (the whitelist). */
const SORT_SQL: Record<PaperSortColumn, SQL> = {
  title: sql`p.title_key`,
  // Plain columns (no expressions), so an index gives the order; papers without authors sort first ascending.
  authors: sql`p.first_author_key`,
  date: sql`p.date`,
  // Within a year, by date (the (year, date) index serves both).
  year: sql`p.year`,
  category: sql`p.categories`,
  venue: sql`p.venue`,
  code: sql`p.has_code`,
  affiliations: sql`p.affiliations_text`,
  citations: sql`p.citations`,
  added: sql`p.created_at`,
  // Reading order, not the alphabet; the same expression as the papers_status_order_idx index.
  status: STATUS_ORDER,
  rating: sql`p.rating`,
  starred: sql`p.starred`,
};

interface PaperRecord {
  id: number;
  title: string;
  venue: string | null;
  created_at: string;
  date: string | null;
  year: number | null;
  categories: string;
  has_code: number | null;
  authors_truncated: number;
  citations: number | null;
  status: ReadingStatus;
  rating: number | null;
  starred: number;
  deleted_at: string | null;
  note_count: number;
}

interface ChildLists {
  authors: Map<number, string[]>;
  surnames: Map<number, (string | null)[]>;
  affiliations: Map<number, string[]>;
  tags: Map<number, TagRef[]>;
}

/** Printed authors, affiliation names and tags (by name) of the given papers. */
function childLists(db: LibraryDb, ids: number[]): ChildLists {
  const authors = new Map<number, string[]>();
  const surnames = new Map<number, (string | null)[]>();
  const affs = new Map<number, string[]>();
  const tags = new Map<number, TagRef[]>();
  if (ids.length === 0) return { authors, surnames, affiliations: affs, tags };
  const idList = sql.join(ids.map((id) => sql`${id}`), sql`, `);
  for (const r of db.all<{ paper_id: number; name: string; family: string | null; particle: string | null; literal: string | null }>(
    sql`SELECT paper_id, printed_name AS name, family, non_dropping_particle AS particle, literal
        FROM paper_authors WHERE paper_id IN (${idList}) ORDER BY paper_id, position`,
  )) {
    (authors.get(r.paper_id) ?? authors.set(r.paper_id, []).get(r.paper_id)!).push(r.name);
    (surnames.get(r.paper_id) ?? surnames.set(r.paper_id, []).get(r.paper_id)!).push(partsSurname({ family: r.family, nonDroppingParticle: r.particle, literal: r.literal }));
  }
  for (const r of db.all<{ paper_id: number; name: string }>(
    sql`SELECT pf.paper_id, a.name FROM paper_affiliations pf JOIN affiliations a ON a.id = pf.affiliation_id
        WHERE pf.paper_id IN (${idList}) ORDER BY pf.paper_id, pf.position`,
  )) {
    (affs.get(r.paper_id) ?? affs.set(r.paper_id, []).get(r.paper_id)!).push(r.name);
  }
  for (const r of db.all<{ paper_id: number; id: number; name: string; colour: string | null }>(
    sql`SELECT pt.paper_id, t.id, t.name, t.colour FROM paper_tags pt JOIN tags t ON t.id = pt.tag_id
        WHERE pt.paper_id IN (${idList}) ORDER BY pt.paper_id, t.name_key`,
  )) {
    (tags.get(r.paper_id) ?? tags.set(r.paper_id, []).get(r.paper_id)!).push({ id: r.id, name: r.name, colour: r.colour });
  }
  return { authors, surnames, affiliations: affs, tags };
}

function toRow(r: PaperRecord, lists: ChildLists): PaperRow {
  return {
    id: r.id,
    title: r.title,
    authors: lists.authors.get(r.id) ?? [],
    surnames: lists.surnames.get(r.id) ?? [],
    authorsTruncated: r.authors_truncated === 1,
    date: r.date,
    year: r.year,
    categories: r.categories ? r.categories.split(' ') : [],
    hasCode: r.has_code === null ? null : r.has_code === 1,
    affiliations: lists.affiliations.get(r.id) ?? [],
    citations: r.citations,
    venue: r.venue,
    addedAt: r.created_at,
    tags: lists.tags.get(r.id) ?? [],
    status: r.status,
    rating: r.rating,
    starred: r.starred === 1,
    noteCount: r.note_count,
    deletedAt: r.deleted_at,
  };
}

const ROW_COLUMNS = sql`p.id, p.title, p.date, p.year, p.categories, p.has_code, p.authors_truncated, p.citations, p.venue, p.created_at,
  p.status, p.rating, p.starred, p.deleted_at, (SELECT COUNT(*) FROM notes n WHERE n.paper_id = p.id) AS note_count`;

/**
 * One page of the papers table.
 * @param input sort levels (whitelisted columns; nulls sort last; authors sorts by the first author's
 *   surname, year by year then date, status in reading order; remaining ties by import order), filters
 *   (PaperFilters), offset, limit. Without sort levels, a `query` with text ranks by relevance (bm25,
 *   title matches first; ties newest first), anything else lists newest first.
 * @returns `rows` in order, `total` matching papers, the `offset` used, the query's highlight `terms`,
 *   and whether the order is by relevance (`ranked`)
 * @throws LecternError `INVALID_QUERY` for a malformed query (details.column)
 */
export function listPapers(db: LibraryDb, input: ChannelArgs<'papers.list'>): ChannelOutput<'papers.list'> {
  const ctx = filterContext(db);
  const { parts, search } = paperSearch(input, undefined, ctx);
  const ranked = input.sort.length === 0 && search.rank !== null;
  // Two steps: the page's ids in order (the sort touches only what it sorts by), then the rows of those
  // ids (the note counts and other columns are computed for 200 papers, not for every match).
  let pageIds: number[];
  if (!ranked) {
    pageIds = db
      .all<{ id: number }>(sql`SELECT p.id FROM papers p ${paperWhere(input, undefined, ctx)} ORDER BY ${orderBy(input.sort)} LIMIT ${input.limit} OFFSET ${input.offset}`)
      .map((r) => r.id);
  } else {
    // The required match both filters and ranks (one FTS5 evaluation); a rank-only match (text inside
    // an OR) is a LEFT JOIN, so papers matched by a field alone come after the ranked ones.
    const join = search.required
      ? sql`JOIN (SELECT rowid AS id, rank FROM papers_fts WHERE papers_fts MATCH ${search.required}) r ON r.id = p.id`
      : sql`LEFT JOIN (SELECT rowid AS id, rank FROM papers_fts WHERE papers_fts MATCH ${search.rank}) r ON r.id = p.id`;
    pageIds =
      search.required && parts.length === 0
        ? // Text alone: FTS5 ranks and pages by itself (its ORDER BY rank fast path), without touching papers.
          db.all<{ id: number }>(sql`SELECT rowid AS id FROM papers_fts WHERE papers_fts MATCH ${search.required} ORDER BY rank LIMIT ${input.limit} OFFSET ${input.offset}`).map((r) => r.id)
        : db
            .all<{ id: number }>(
              sql`SELECT p.id FROM papers p ${join} ${whereAll(parts)}
                  ORDER BY ${search.required ? sql`` : sql`r.rank IS NULL, `}r.rank, p.date DESC NULLS LAST, p.id DESC LIMIT ${input.limit} OFFSET ${input.offset}`,
            )
            .map((r) => r.id);
  }
  const byId = new Map(
    (pageIds.length ? db.all<PaperRecord>(sql`SELECT ${ROW_COLUMNS} FROM papers p WHERE p.id IN (SELECT value FROM json_each(${JSON.stringify(pageIds)}))`) : []).map((r) => [r.id, r]),
  );
  const records = pageIds.map((id) => byId.get(id)!);
  const total = countPapers(db, paperConditions(input, undefined, ctx));
  const lists = childLists(db, records.map((r) => r.id));
  return {
    rows: records.map((r) => toRow(r, lists)),
    total,
    offset: input.offset,
    terms: search.terms,
    ranked,
  };
}

/**
 * ORDER BY for the table. Remaining ties go by id in the direction of the last level (import order, so
 * a profile's papers keep page order): that ordering is exactly an index's, which keeps deep pages
 * (OFFSET 90000 of 100,000) at a few ms instead of a sort of the whole table. Unsorted: newest first.
 */
function orderBy(sort: ChannelArgs<'papers.list'>['sort']): SQL {
  if (sort.length === 0) return sql`p.date DESC NULLS LAST, p.id DESC`;
  const order: SQL[] = [];
  for (const s of sort) {
    const dir = s.desc ? sql`DESC` : sql`ASC`;
    order.push(sql`${SORT_SQL[s.column]} ${dir} NULLS LAST`);
    if (s.column === 'year') order.push(sql`p.date ${dir} NULLS LAST`);
  }
  order.push(sort.at(-1)!.desc ? sql`p.id DESC` : sql`p.id ASC`);
  return sql.join(order, sql`, `);
}

/**
 * Every paper id matching the filters, in table order (select-all in the table).
 * @returns ids (up to the whole library: 100,000 ids are ~600 kB of JSON)
 */
export function listPaperIds(db: LibraryDb, input: ChannelArgs<'papers.ids'>): number[] {
  const ctx = filterContext(db);
  const { parts, search } = paperSearch(input, undefined, ctx);
  if (input.sort.length === 0 && search.required && parts.length === 0) {
    return db.all<{ id: number }>(sql`SELECT rowid AS id FROM papers_fts WHERE papers_fts MATCH ${search.required} ORDER BY rank`).map((r) => r.id);
  }
  if (input.sort.length === 0 && search.required) {
    // Same order as the ranked table.
    return db
      .all<{ id: number }>(
        sql`SELECT p.id FROM papers p JOIN (SELECT rowid AS id, rank FROM papers_fts WHERE papers_fts MATCH ${search.required}) r ON r.id = p.id
            ${whereAll(parts)} ORDER BY r.rank, p.date DESC NULLS LAST, p.id DESC`,
      )
      .map((r) => r.id);
  }
  if (input.sort.length === 0 && search.rank) {
    return db
      .all<{ id: number }>(
        sql`SELECT p.id FROM papers p LEFT JOIN (SELECT rowid AS id, rank FROM papers_fts WHERE papers_fts MATCH ${search.rank}) r ON r.id = p.id
            ${whereAll(paperConditions(input, undefined, ctx))} ORDER BY r.rank IS NULL, r.rank, p.date DESC NULLS LAST, p.id DESC`,
      )
      .map((r) => r.id);
  }
  return db.all<{ id: number }>(sql`SELECT p.id FROM papers p ${paperWhere(input, undefined, ctx)} ORDER BY ${orderBy(input.sort)}`).map((r) => r.id);
}

/**
 * Facet counts under the current filters; each facet ignores its own filter so the other values stay
 * choosable. Categories count a paper once per code; authors and affiliations list the 30 most frequent.
 * @param f the filters, plus `authorQuery` / `affiliationQuery`: list only the authors / affiliations whose
 *   name contains this text (case, accents and punctuation ignored, as `nameKey` folds them; '' or absent: all)
 * @returns the counts; `authors` holds the 30 most frequent matching the author query, then every author of
 *   the filter (`f.authorIds`) not among them with their count under the other filters (0 when none);
 *   `affiliations` holds the 30 most frequent matching the query (count desc, then name),
 *   then every affiliation of the filter (`f.affiliations`) not among them, with its count under the other
 *   filters (0 when none), so a chosen value stays listed whatever the query
 */
export function paperFacets(db: LibraryDb, f: PaperFilters & { authorQuery?: string; affiliationQuery?: string }): PaperFacets {
  const ctx = filterContext(db);
  const all = paperConditions(f, undefined, ctx);
  /** Filters that narrow the view (hiding the trash alone does not: facets then count the whole library less the trash). */
  const narrowing = (conditions: SQL[]) => conditions.filter((c) => !isTrashCondition(c));
  const filtered = narrowing(all).length > 0;
  const authorKey = nameKey(f.authorQuery ?? '');
  const authorNamed = authorKey ? sql`AND instr(a.name_key, ${authorKey}) > 0` : sql``;
  const affiliationKey = nameKey(f.affiliationQuery ?? '');
  const affiliationNamed = affiliationKey ? sql`AND instr(a.name_key, ${affiliationKey}) > 0` : sql``;
  // The full filter (a full-text match, say) is evaluated once into a temporary table that every facet
  // whose own filter is not set reuses, instead of once per facet. Safe: this function runs synchronously.
  if (filtered) {
    db.run(sql`DROP TABLE IF EXISTS temp.facet_ids`);
    db.run(sql`CREATE TEMP TABLE facet_ids (id INTEGER PRIMARY KEY)`);
    db.run(sql`INSERT INTO temp.facet_ids SELECT p.id FROM papers p ${whereAll(all)}`);
  }
  try {
    /** SQL yielding the ids matching every filter but the facet's own, or null when no filter narrows it. */
    const matching = (facet: FacetName): SQL | null => {
      const conditions = paperConditions(f, facet, ctx);
      if (!narrowing(conditions).length) return null;
      return conditions.length === all.length ? sql`SELECT id FROM temp.facet_ids` : sql`SELECT p.id FROM papers p ${whereAll(conditions)}`;
    };
    const restrict = (column: SQL, facet: FacetName): SQL => {
      const ids = matching(facet);
      return ids ? sql`AND ${column} IN (${ids})` : trashRestriction(all, column);
    };
    const total = filtered ? db.get<{ n: number }>(sql`SELECT COUNT(*) AS n FROM temp.facet_ids`)!.n : countPapers(db, all);
    const hides = all.some(isTrashCondition);
    /**
     * A facet's counts under the other filters; with none but hiding the trash, the whole library's counts
     * less the trash's (see minusCounts). `query` takes the restriction to put in its WHERE.
     */
    const facetCounts = <R extends { count: number }>(facet: FacetName, column: SQL, query: (restriction: SQL) => R[], key: (r: NoInfer<R>) => string | number): R[] => {
      const ids = matching(facet);
      if (ids) return query(sql`AND ${column} IN (${ids})`);
      const whole = query(sql``);
      return hides ? minusCounts(whole, query(sql`AND ${column} IN (${TRASHED})`), key) : whole;
    };
    const years = facetCounts(
      'years',
      sql`p.id`,
      (where) => db.all<{ year: number; count: number }>(sql`SELECT p.year, COUNT(*) AS count FROM papers p WHERE p.year IS NOT NULL ${where} GROUP BY p.year ORDER BY p.year`),
      (r) => r.year,
    );
    const categories = facetCounts(
      'categories',
      sql`pc.paper_id`,
      (where) => db.all<{ code: string; count: number }>(sql`SELECT pc.code, COUNT(*) AS count FROM paper_categories pc WHERE 1 ${where} GROUP BY pc.code ORDER BY count DESC, pc.code`),
      (r) => r.code,
    ).sort(byCountThenName((r) => r.code));
    const withCode = db.get<{ n: number }>(sql`SELECT COUNT(*) AS n FROM papers p WHERE p.has_code = 1 ${restrict(sql`p.id`, 'hasCode')}`)!.n;
    const codeTotal = db.get<{ n: number }>(sql`SELECT COUNT(*) AS n FROM papers p WHERE 1 ${restrict(sql`p.id`, 'hasCode')}`)!.n;
    const authorIds = matching('authors');
    const authors = authorIds
      ? db.all<{ id: number; name: string; count: number }>(
          sql`SELECT a.id, a.name, COUNT(*) AS count FROM (${paperAuthorLinks(authorIds)}) l
              JOIN authors a ON a.id = l.author_id WHERE 1 ${authorNamed} GROUP BY a.id ORDER BY count DESC, a.name LIMIT 30`,
        )
      : // No other filter: the kept per-author counts answer without scanning every author link.
        db.all<{ id: number; name: string; count: number }>(sql`SELECT a.id, a.name, a.paper_count AS count FROM authors a WHERE a.paper_count > 0 ${authorNamed} ORDER BY a.paper_count DESC, a.name LIMIT 30`);
    // Chosen authors stay listed with their real counts under the other filters, whatever the name search.
    const chosenAuthors = f.authorIds.filter((id) => !authors.some((a) => a.id === id));
    if (chosenAuthors.length) {
      const wanted = sql.join(chosenAuthors.map((id) => sql`${id}`), sql`, `);
      const counted = new Map(
        (authorIds
          ? db.all<{ id: number; count: number }>(
              sql`SELECT l.author_id AS id, COUNT(*) AS count FROM (${paperAuthorLinks(authorIds)}) l WHERE l.author_id IN (${wanted}) GROUP BY l.author_id`,
            )
          : db.all<{ id: number; count: number }>(sql`SELECT id, paper_count AS count FROM authors WHERE id IN (${wanted})`)
        ).map((r) => [r.id, r.count]),
      );
      const names = new Map(db.all<{ id: number; name: string }>(sql`SELECT id, name FROM authors WHERE id IN (${wanted})`).map((r) => [r.id, r.name]));
      for (const id of chosenAuthors) {
        const name = names.get(id);
        if (name !== undefined) authors.push({ id, name, count: counted.get(id) ?? 0 });
      }
    }
    // Every affiliation's count, then the top 30 (after subtracting the trash, the top may change).
    const affiliations: { name: string; count: number }[] = facetCounts(
      'affiliations',
      sql`pf.paper_id`,
      (where) =>
        db.all<{ id: number; name: string; count: number }>(
          sql`SELECT a.id, a.name, COUNT(*) AS count FROM paper_affiliations pf JOIN affiliations a ON a.id = pf.affiliation_id
              WHERE 1 ${affiliationNamed} ${where} GROUP BY a.id`,
        ),
      (r) => r.id,
    )
      .sort(byCountThenName((r) => r.name))
      .slice(0, 30);
    const chosen = f.affiliations.filter((name) => !affiliations.some((a) => a.name === name));
    if (chosen.length) {
      const counted = new Map(
        db
          .all<{ name: string; count: number }>(
            sql`SELECT a.name, COUNT(*) AS count FROM paper_affiliations pf JOIN affiliations a ON a.id = pf.affiliation_id
                WHERE a.name IN (${sql.join(chosen.map((name) => sql`${name}`), sql`, `)}) ${restrict(sql`pf.paper_id`, 'affiliations')} GROUP BY a.id`,
          )
          .map((a) => [a.name, a.count]),
      );
      for (const name of chosen) affiliations.push({ name, count: counted.get(name) ?? 0 });
    }
    return {
      total,
      years,
      categories: categories.map((c) => ({ value: c.code, label: c.code, count: c.count })),
      hasCode: { with: withCode, without: codeTotal - withCode },
      authors: authors.map((a) => ({ value: String(a.id), label: a.name, count: a.count })),
      affiliations: affiliations.map((a) => ({ value: a.name, label: a.name, count: a.count })),
    };
  } finally {
    if (filtered) db.run(sql`DROP TABLE IF EXISTS temp.facet_ids`);
  }
}

/**
 * One paper with everything the library knows about it.
 * @throws LecternError `NOT_FOUND` when no paper has this id
 */
export function getPaper(db: LibraryDb, id: number): PaperDetail {
  const r = db.get<PaperRecord & { abstract: string | null; doi: string | null; arxiv_id: string | null; author_count: number | null; updated_at: string; citation_key: string | null }>(
    sql`SELECT ${ROW_COLUMNS}, p.abstract, p.doi, p.arxiv_id, p.author_count, p.updated_at, p.citation_key
        FROM papers p WHERE p.id = ${id}`,
  );
  if (!r) throw new LecternError('NOT_FOUND', `There is no paper with id ${id} in the library.`, { id });
  const lists = childLists(db, [id]);
  const links = db.all<{ position: number; printed_name: string; author_id: number } & CslNameParts>(
    sql`SELECT position, printed_name, author_id, family, given, dropping_particle AS droppingParticle, non_dropping_particle AS nonDroppingParticle,
        suffix, literal FROM paper_authors WHERE paper_id = ${id} ORDER BY position`,
  );
  const history = db.all<{ import_id: number; format: PasteSource; action: 'added' | 'updated' | 'unchanged'; created_at: string }>(
    sql`SELECT ip.import_id, i.format, ip.action, i.created_at FROM import_papers ip JOIN imports i ON i.id = ip.import_id
        WHERE ip.paper_id = ${id} ORDER BY i.created_at, i.id`,
  );
  return {
    ...toRow(r, lists),
    abstract: r.abstract,
    ...recordFieldsOf(db, id),
    citationCounts: citationCountsOf(db, id),
    doi: r.doi,
    arxivId: r.arxiv_id,
    authorCount: r.author_count,
    authorLinks: links.map(({ position, printed_name, author_id, ...parts }) => ({ position, printedName: printed_name, authorId: author_id, ...parts })),
    imports: history.map((h) => ({ importId: h.import_id, format: h.format, action: h.action, createdAt: h.created_at })),
    createdAt: r.created_at,
    updatedAt: r.updated_at,
    ...(r.citation_key ? { citationKey: r.citation_key } : {}),
  };
}
