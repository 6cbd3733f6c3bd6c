/**
 * Reading authors: the list, one author's card, and the figures of the metrics panel.
 */
import { latestPageFigures, libraryFiguresOf } from './author-page-figures';
import { sql, type SQL } from 'drizzle-orm';
import type { AuthorCard, AuthorMetrics, AuthorSummary, ChannelArgs, ChannelOutput, LibraryInfo, MetricSnapshot } from '../../shared/contract';
import { PaperFilters } from '../../shared/contract';
import { LecternError } from '../../shared/errors';
import type { PasteSource } from '../../shared/paste/parsed';
import type { LibraryDb } from '../open';
import { paperAuthorLinks } from './author-papers';
import { nameKey } from './keys';
import { selectionMetrics } from './selection-metrics';

interface SnapshotRecord {
  id: number;
  source: string;
  captured_at: string;
  h_index: number | null;
  i10_index: number | null;
  citations: number | null;
  paper_count: number | null;
  novelty_pct: number | null;
  ai_score: number | null;
}

const SNAPSHOT_COLUMNS = sql`s.id, s.source, s.captured_at, s.h_index, s.i10_index, s.citations, s.paper_count, s.novelty_pct, s.ai_score`;

/** Each author's latest snapshot (one row per profile owner; only profile owners have snapshots, so it stays small). */
const LATEST_SNAPSHOTS = sql`SELECT s1.* FROM author_metric_snapshots s1 WHERE s1.id = (
  SELECT s2.id FROM author_metric_snapshots s2 WHERE s2.author_id = s1.author_id ORDER BY s2.captured_at DESC, s2.id DESC LIMIT 1)`;

/**
 * Owners of imported profile pages. A profile may show no metrics (dblp, ORCID, OpenReview, an arXiv
 * author page) and so have no snapshot; its owner is a profile all the same.
 */
const PROFILE_OWNERS = sql`SELECT DISTINCT author_id FROM imports WHERE author_id IS NOT NULL`;

function toSnapshot(r: SnapshotRecord): MetricSnapshot {
  return {
    id: r.id,
    source: r.source as PasteSource,
    capturedAt: r.captured_at,
    hIndex: r.h_index,
    i10Index: r.i10_index,
    citations: r.citations,
    paperCount: r.paper_count,
    noveltyPct: r.novelty_pct,
    aiScore: r.ai_score,
  };
}

function authorRow(db: LibraryDb, id: number): { id: number; name: string; primary_category: string | null; paper_count: number } {
  const row = db.get<{ id: number; name: string; primary_category: string | null; paper_count: number }>(
    sql`SELECT id, name, primary_category, paper_count FROM authors WHERE id = ${id}`,
  );
  if (!row) throw new LecternError('NOT_FOUND', `There is no author with id ${id} in the library.`, { id });
  return row;
}

function latestSnapshot(db: LibraryDb, authorId: number): MetricSnapshot | null {
  const r = db.get<SnapshotRecord>(
    sql`SELECT ${SNAPSHOT_COLUMNS} FROM author_metric_snapshots s WHERE s.author_id = ${authorId} ORDER BY s.captured_at DESC, s.id DESC LIMIT 1`,
  );
  return r ? toSnapshot(r) : null;
}


/**
 * Authors, profiles first, then by papers in the library (descending), then by name.
 * @param input.profilesOnly only authors whose profile was imported
 * @param input.filter case- and accent-insensitive substring of the name
 */
export function listAuthors(db: LibraryDb, input: ChannelArgs<'authors.list'>): AuthorSummary[] {
  const filter = nameKey(input.filter);
  const rows = db.all<{ id: number; name: string; primary_category: string | null; papers: number; has_profile: number; h_index: number | null; citations: number | null }>(sql`
    SELECT a.id, a.name, a.primary_category, a.paper_count AS papers,
      (s.id IS NOT NULL OR o.author_id IS NOT NULL) AS has_profile, s.h_index, s.citations
    FROM authors a LEFT JOIN (${LATEST_SNAPSHOTS}) s ON s.author_id = a.id
      LEFT JOIN (${PROFILE_OWNERS}) o ON o.author_id = a.id
    WHERE (${input.profilesOnly ? 0 : 1} OR s.id IS NOT NULL OR o.author_id IS NOT NULL)
      AND (${filter} = '' OR instr(a.name_key, ${filter}) > 0)
    ORDER BY has_profile DESC, papers DESC, a.name COLLATE NOCASE`);
  return rows.map((r) => ({
    id: r.id,
    name: r.name,
    primaryCategory: r.primary_category,
    papersInLibrary: r.papers,
    hasProfile: r.has_profile === 1,
    hIndex: r.h_index,
    citations: r.citations,
  }));
}

/**
 * Find an author by name (case- and accent-insensitive; exact key first, then a unique substring).
 * @throws LecternError `NOT_FOUND` when no author or several authors match
 */
export function findAuthorByName(db: LibraryDb, name: string): number {
  const key = nameKey(name);
  const exact = db.get<{ id: number }>(sql`SELECT id FROM authors WHERE name_key = ${key}`);
  if (exact) return exact.id;
  const partial = db.all<{ id: number; name: string }>(sql`SELECT id, name FROM authors WHERE instr(name_key, ${key}) > 0 ORDER BY name LIMIT 6`);
  if (partial.length === 1) return partial[0]!.id;
  if (partial.length === 0) throw new LecternError('NOT_FOUND', `No author named "${name}" in the library.`, { name });
  throw new LecternError('NOT_FOUND', `"${name}" matches several authors: ${partial.map((p) => p.name).join(', ')}. Give more of the name.`, {
    name,
    candidates: partial.map((p) => p.name),
  });
}

/**
 * An author's card: latest profile metrics, papers in the library, the affiliations printed on their
 * papers (the papers', not claimed as the person's) and the ten most frequent co-authors.
 * @throws LecternError `NOT_FOUND`
 */
export function authorCard(db: LibraryDb, id: number): AuthorCard {
  const a = authorRow(db, id);
  const details = cardDetails(db, [id], { paperAffiliations: 1000, coAuthors: 10 });
  return {
    id: a.id,
    name: a.name,
    primaryCategory: a.primary_category,
    metrics: latestSnapshot(db, id),
    profileSources: db
      .all<{ format: string }>(sql`SELECT DISTINCT format FROM imports WHERE author_id = ${id} ORDER BY format`)
      .map((r) => r.format as PasteSource),
    papersInLibrary: a.paper_count,
    paperAffiliations: details.paperAffiliations.get(id) ?? [],
    coAuthors: details.coAuthors.get(id) ?? [],
  };
}

/**
 * Figures for the metrics panel: every snapshot (oldest first), papers per year (ascending) and per
 * category (most first; a paper counts once per code it carries), the share of papers with code, and
 * the page's figures (latest per source) beside the library's own indices.
 * @throws LecternError `NOT_FOUND`
 */
export function authorMetrics(db: LibraryDb, id: number): AuthorMetrics {
  const a = authorRow(db, id);
  const snapshots = db
    .all<SnapshotRecord>(sql`SELECT ${SNAPSHOT_COLUMNS} FROM author_metric_snapshots s WHERE s.author_id = ${id} ORDER BY s.captured_at, s.id`)
    .map(toSnapshot);
  // The paper figures are those of the selection "this author's papers".
  const papers = selectionMetrics(db, PaperFilters.parse({ authorId: id }));
  return {
    authorId: a.id,
    name: a.name,
    snapshots,
    papersPerYear: papers.papersPerYear,
    papersPerCategory: papers.papersPerCategory,
    papersInLibrary: papers.papers,
    papersWithCode: papers.papersWithCode,
    codeShare: papers.papers > 0 ? papers.papersWithCode / papers.papers : null,
    pageFigures: latestPageFigures(db, id),
    libraryFigures: libraryFiguresOf(papers.citations),
  };
}

/** Counts of what the library holds (papers in the trash not counted), and its file. */
export function libraryInfo(db: LibraryDb, file: string): LibraryInfo {
  const r = db.get<{ papers: number; authors: number; imports: number }>(
    sql`SELECT (SELECT COUNT(*) FROM papers WHERE deleted_at IS NULL) AS papers, (SELECT COUNT(*) FROM authors) AS authors, (SELECT COUNT(*) FROM imports) AS imports`,
  )!;
  return { file, ...r };
}

const GRID_SORT: Record<ChannelArgs<'authors.grid'>['sort'], SQL> = {
  papers: sql`a.paper_count`,
  hIndex: sql`s.h_index`,
  citations: sql`s.citations`,
  name: sql`a.name_key`,
};

/**
 * One page of the author grid: every author with papers in the library, sorted in SQL.
 * Metrics come from each author's latest snapshot (null without an imported profile; such authors sort
 * last). Each card carries up to 3 of its papers' affiliations and 3 co-authors, computed for the page only.
 */
export function authorGrid(db: LibraryDb, input: ChannelArgs<'authors.grid'>): ChannelOutput<'authors.grid'> {
  const filter = nameKey(input.filter);
  const where = sql`WHERE a.paper_count > 0 ${filter ? sql`AND instr(a.name_key, ${filter}) > 0` : sql``}`;
  const direction = input.desc ? sql`DESC` : sql`ASC`;
  const rows = db.all<{ id: number; name: string; primary_category: string | null; paper_count: number; h_index: number | null; citations: number | null; captured_at: string | null; owner: number | null }>(sql`
    SELECT a.id, a.name, a.primary_category, a.paper_count, s.h_index, s.citations, s.captured_at, o.author_id AS owner
    FROM authors a LEFT JOIN (${LATEST_SNAPSHOTS}) s ON s.author_id = a.id
      LEFT JOIN (${PROFILE_OWNERS}) o ON o.author_id = a.id
    ${where}
    ORDER BY ${GRID_SORT[input.sort]} ${direction} NULLS LAST, a.paper_count DESC, a.name_key ASC, a.id ASC
    LIMIT ${input.limit} OFFSET ${input.offset}`);
  const total = db.get<{ n: number }>(sql`SELECT COUNT(*) AS n FROM authors a ${where}`)!.n;
  const details = cardDetails(db, rows.map((r) => r.id), { paperAffiliations: 3, coAuthors: 3 });
  return {
    total,
    offset: input.offset,
    rows: rows.map((r) => ({
      id: r.id,
      name: r.name,
      primaryCategory: r.primary_category,
      papersInLibrary: r.paper_count,
      hasProfile: r.captured_at !== null || r.owner !== null,
      hIndex: r.h_index,
      citations: r.citations,
      capturedAt: r.captured_at,
      paperAffiliations: details.paperAffiliations.get(r.id) ?? [],
      coAuthors: details.coAuthors.get(r.id) ?? [],
    })),
  };
}

/**
 * The most frequent affiliations printed on their papers, and co-authors, of several authors at once
 * (two queries for a whole page of cards, instead of two per card).
 * @param top how many of each to keep per author (most frequent first, ties by name)
 */
function cardDetails(db: LibraryDb, authorIds: number[], top: { paperAffiliations: number; coAuthors: number }) {
  const paperAffiliations = new Map<number, Array<{ name: string; count: number }>>();
  const coAuthors = new Map<number, Array<{ id: number; name: string; count: number }>>();
  if (authorIds.length === 0) return { paperAffiliations, coAuthors };
  const json = JSON.stringify(authorIds);
  // (author, paper) for every paper of every author on the page (printed, or from their profile), trash left out.
  const mine = sql`SELECT me, paper_id FROM (
    SELECT pa.author_id AS me, pa.paper_id FROM paper_authors pa WHERE pa.author_id IN (SELECT value FROM json_each(${json}))
    UNION SELECT i.author_id AS me, ip.paper_id FROM import_papers ip JOIN imports i ON i.id = ip.import_id WHERE i.author_id IN (SELECT value FROM json_each(${json})))
    WHERE paper_id NOT IN (SELECT id FROM papers WHERE deleted_at IS NOT NULL)`;
  for (const r of db.all<{ me: number; name: string; count: number }>(sql`
    WITH m AS MATERIALIZED (${mine})
    SELECT me, name, count FROM (
      SELECT m.me, af.name, COUNT(*) AS count, ROW_NUMBER() OVER (PARTITION BY m.me ORDER BY COUNT(*) DESC, af.name COLLATE NOCASE) AS rank
      FROM m JOIN paper_affiliations pf ON pf.paper_id = m.paper_id JOIN affiliations af ON af.id = pf.affiliation_id
      GROUP BY m.me, af.id)
    WHERE rank <= ${top.paperAffiliations} ORDER BY me, rank`)) {
    (paperAffiliations.get(r.me) ?? paperAffiliations.set(r.me, []).get(r.me)!).push({ name: r.name, count: r.count });
  }
  for (const r of db.all<{ me: number; id: number; name: string; count: number }>(sql`
    WITH m AS MATERIALIZED (${mine})
    SELECT me, id, name, count FROM (
      SELECT m.me, o.id, o.name, COUNT(*) AS count, ROW_NUMBER() OVER (PARTITION BY m.me ORDER BY COUNT(*) DESC, o.name COLLATE NOCASE) AS rank
      FROM m JOIN (${paperAuthorLinks(sql`SELECT paper_id FROM m`)}) l ON l.paper_id = m.paper_id
      JOIN authors o ON o.id = l.author_id
      WHERE l.author_id <> m.me
      GROUP BY m.me, o.id)
    WHERE rank <= ${top.coAuthors} ORDER BY me, rank`)) {
    (coAuthors.get(r.me) ?? coAuthors.set(r.me, []).get(r.me)!).push({ id: r.id, name: r.name, count: r.count });
  }
  return { paperAffiliations, coAuthors };
}
