/**
 * Citation counts per paper and per source (paper_citation_counts): "cited by 12 (Google Scholar,
 * 2026-12-07)". papers.citations holds the largest count over the sources, which the table's Citations
 * column, its sort and the library's own h-, g- and i10-index (shared/metrics) read.
 *
 * Why the largest: sources count different citing sets (Google Scholar indexes theses, preprints and
 * slides; Scopus only the journals it indexes; Semantic Scholar its own graph), so their counts for one
 * paper differ by design and none is "the" count. Every count is a lower bound on the citations the paper
 * has; the largest is the best such bound, it does not swing with the order pastes were imported in, and
 * it is what the person's own profile on the widest index reports. Each source's figure stays stored and
 * shown beside it.
 */
import { and, desc, eq, ne, sql } from 'drizzle-orm';
import { FORMATS } from '../../shared/paste/formats';
import type { PasteSource } from '../../shared/paste/parsed';
import type { LibraryDb } from '../open';
import { importPapers, imports, paperCitationCounts, papers } from '../schema';

type Tx = Parameters<Parameters<LibraryDb['transaction']>[0]>[0];

/** One source's count as the detail pane shows it. */
export interface CitationCount {
  source: PasteSource;
  /** The site, as the paste formats name it (`Google Scholar`). */
  site: string;
  count: number;
  /** YYYY-MM-DD the page was read. */
  readOn: string;
}

/** The site a source's pages come from (`google_scholar` -> `Google Scholar`). */
export function siteOf(source: PasteSource): string {
  return FORMATS.find((f) => f.source === source && f.id === source)?.site ?? FORMATS.find((f) => f.source === source)?.site ?? source;
}

/**
 * The import that last wrote a paper before `exceptImport`, for a count stored before per-source counts
 * existed (papers.citations of a library made by an earlier release).
 */
function legacySource(tx: Tx, paperId: number, exceptImport: number | null) {
  return tx
    .select({ id: imports.id, format: imports.format, createdAt: imports.createdAt })
    .from(importPapers)
    .innerJoin(imports, eq(imports.id, importPapers.importId))
    .where(and(eq(importPapers.paperId, paperId), exceptImport === null ? undefined : ne(imports.id, exceptImport)))
    .orderBy(desc(imports.id))
    .limit(1)
    .get();
}

/**
 * Records the count a source showed for a paper (upsert per paper and source, the date and import
 * replaced), then sets papers.citations to the largest count over the sources. A paper whose count was
 * stored by an earlier release (papers.citations without any row here) first gets that count as a row of
 * the import that last wrote it, so it is neither lost nor double-counted.
 * @param count the count the page showed; null (not shown) leaves the stored counts as they are
 * @param readOn YYYY-MM-DD
 * @returns true when papers.citations changed
 */
export function recordCitationCount(tx: Tx, paperId: number, source: PasteSource, count: number | null, importId: number, readOn: string): boolean {
  const stored = tx.select({ citations: papers.citations }).from(papers).where(eq(papers.id, paperId)).get()?.citations ?? null;
  if (count === null) return false;
  const rows = tx.select({ n: sql<number>`count(*)` }).from(paperCitationCounts).where(eq(paperCitationCounts.paperId, paperId)).get()!.n;
  if (rows === 0 && stored !== null) {
    const earlier = legacySource(tx, paperId, importId);
    if (earlier && earlier.format !== source) {
      tx.insert(paperCitationCounts).values({ paperId, source: earlier.format, count: stored, readOn: earlier.createdAt.slice(0, 10), importId: earlier.id }).run();
    }
  }
  tx.insert(paperCitationCounts)
    .values({ paperId, source, count, readOn, importId })
    .onConflictDoUpdate({ target: [paperCitationCounts.paperId, paperCitationCounts.source], set: { count, readOn, importId } })
    .run();
  const largest = tx.select({ n: sql<number>`max(${paperCitationCounts.count})` }).from(paperCitationCounts).where(eq(paperCitationCounts.paperId, paperId)).get()!.n;
  if (largest === stored) return false;
  tx.update(papers).set({ citations: largest }).where(eq(papers.id, paperId)).run();
  return true;
}

/**
 * A paper's counts per source, largest first (then by source). A paper with a count from an earlier
 * release and no row shows that count with the source and date of the import that last wrote it.
 */
export function citationCountsOf(db: LibraryDb, paperId: number): CitationCount[] {
  const rows = db
    .select({ source: paperCitationCounts.source, count: paperCitationCounts.count, readOn: paperCitationCounts.readOn })
    .from(paperCitationCounts)
    .where(eq(paperCitationCounts.paperId, paperId))
    .orderBy(desc(paperCitationCounts.count), paperCitationCounts.source)
    .all()
    .map((r) => ({ ...r, source: r.source as PasteSource, site: siteOf(r.source as PasteSource) }));
  if (rows.length > 0) return rows;
  const legacy = db.select({ citations: papers.citations }).from(papers).where(eq(papers.id, paperId)).get()?.citations ?? null;
  const earlier = legacy === null ? undefined : legacySource(db as unknown as Tx, paperId, null);
  if (!earlier || legacy === null) return [];
  const source = earlier.format as PasteSource;
  return [{ source, site: siteOf(source), count: legacy, readOn: earlier.createdAt.slice(0, 10) }];
}
