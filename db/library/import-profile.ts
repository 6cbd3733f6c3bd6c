/**
 * Importing a parsed paste into the library, in one transaction.
 */
import { and, desc, eq, ne } from 'drizzle-orm';
import type { ImportReport } from '../../shared/contract';
import { isInitialsFormOf } from '../../shared/author-names';
import { LecternError } from '../../shared/errors';
import type { ParsedAuthor, ParsedPaper, ParseOutcome, PasteSource } from '../../shared/paste/parsed';
import { buildImportReport, type ImportedPaper } from './import-report';
import type { LibraryDb } from '../open';
import {
  affiliations,
  authors,
  importPapers,
  imports,
  paperAffiliations,
  paperAuthors,
  paperCategories,
  papers,
} from '../schema';
import { withWriteLock } from '../write-lock';
import { refreshPaperCounts } from './author-counts';
import { driverValues, importStatements, type ImportStatements } from './import-statements';
import { statementCache } from './statement-cache';
import { DryRunRollback, runImportSteps } from './import-steps';
import { recordCitationCount } from './citation-counts';
import { guardEditedFields } from './edited-fields';
import { nameKey } from './keys';
import { ReferenceMatcher } from './reference-match';
import { addSnapshotIfChanged } from './metric-snapshot';
import { fillMissingNameParts } from './name-parts';
import { authorNameParts, mergeRecord, paperRecord, type PaperRecordColumns } from './parsed-record';

type Tx = Parameters<Parameters<LibraryDb['transaction']>[0]>[0];
type Action = 'added' | 'updated' | 'unchanged';


/**
 * Store a parsed paste: the raw text, the profile's author and a metrics snapshot, and every paper with
 * its printed authors linked to author entities (the profile owner included), affiliations and categories.
 *
 * Matching (so importing the same paste twice adds nothing): a paper matches an existing one with the
 * same arXiv id or DOI, or else the same normalised title, a year within one, and at least one shared
 * author surname (when both list authors). Each existing paper is matched at most once per import, so
 * duplicate cards on a page stay separate papers. A matched paper whose fields changed is updated.
 * A snapshot is added only when the metrics differ from the author's latest snapshot from that source.
 * Pasting text identical to an earlier import that would change nothing stores nothing at all (the
 * report says `alreadyImported` and points at the earlier import).
 *
 * @param db the library
 * @param rawText the paste exactly as received (kept in `imports.raw_text`)
 * @param outcome the parser's output for `rawText`
 * @param options.dryRun compute the report, then roll everything back (used by the import preview)
 * @param options.now capture time (ISO 8601), for tests; default: the current time
 * @returns counts of papers added / updated / unchanged, the author, and what the parser skipped
 * @throws whatever SQLite throws; the transaction is then rolled back and the library is unchanged
 */
export function importProfile(
  db: LibraryDb,
  rawText: string,
  outcome: ParseOutcome,
  options: { dryRun?: boolean; now?: string } = {},
): ImportReport {
  let report: ImportReport | undefined;
  try {
    db.transaction(
      (tx) => {
        const steps = importSteps(tx, db, rawText, outcome, options.now ?? new Date().toISOString());
        const statements = statementCache(db.$client);
        let step = statements.run(() => steps.next());
        while (!step.done) step = statements.run(() => steps.next());
        report = step.value;
        if (options.dryRun || report.alreadyImported) throw new DryRunRollback();
      },
      { behavior: 'immediate' },
    );
  } catch (err) {
    if (!(err instanceof DryRunRollback)) throw err;
  }
  return report!;
}

/**
 * importProfile for long imports: the same work in one transaction, but it yields to the event loop
 * every ~25 ms, reports progress, and can be cancelled; a cancelled or failed import is rolled back.
 * The transaction is taken with db/write-lock.ts (BEGIN IMMEDIATE, waited for without blocking), or is a
 * savepoint of the caller's when the caller holds the lock (the handlers' write queue does). Nothing
 * else may write on this connection while it runs (the write queue sees to that); reads belong on
 * another connection, which sees none of it until it commits.
 * @param options.signal abort to cancel (-> LecternError `CANCELLED`, library unchanged)
 * @param options.onProgress called with (papers done, papers in the paste)
 * @param options.dryRun compute the report, then roll everything back (a long paste's preview)
 * @throws LecternError `BUSY` when it had to take the lock itself and another process kept it
 */
export async function importProfileAsync(
  db: LibraryDb,
  rawText: string,
  outcome: ParseOutcome,
  options: { now?: string; signal?: AbortSignal; onProgress?: (done: number, total: number) => void; dryRun?: boolean } = {},
): Promise<ImportReport> {
  const total = outcome.profile.papers.length;
  let report: ImportReport | undefined;
  try {
    await withWriteLock(db, async () => {
      report = await runImportSteps(db, importSteps(db as unknown as Tx, db, rawText, outcome, options.now ?? new Date().toISOString()), total, options);
      if (options.dryRun || report.alreadyImported) throw new DryRunRollback();
    });
  } catch (err) {
    if (!(err instanceof DryRunRollback)) throw err;
  }
  return report!;
}

/** The import, one paper per step: yields the number of papers done, returns the report. */
function* importSteps(tx: Tx, db: LibraryDb, rawText: string, outcome: ParseOutcome, now: string): Generator<number, ImportReport> {
  const { profile, report: parseReport } = outcome;
  const importId = tx
    .insert(imports)
    .values({ rawText, format: profile.source, createdAt: now })
    .returning({ id: imports.id })
    .get().id;

  const authorIds = new AuthorResolver(tx);
  const affiliationIds = new AffiliationResolver(tx);

  let owner: { id: number; name: string } | null = null;
  let snapshotAdded = false;
  if (profile.author) {
    const primary = typeof profile.author.extra.primary_category === 'string' ? profile.author.extra.primary_category : null;
    const id = authorIds.resolve(profile.author.name, primary);
    owner = { id, name: profile.author.name };
    authorIds.setOwner(owner);
    snapshotAdded = addSnapshotIfChanged(tx, id, profile.source, importId, now, profile.author);
  }

  const counts: Record<Action, number> = { added: 0, updated: 0, unchanged: 0 };
  // Authors whose paper count may change: everyone named on a paper this import writes, and the owner.
  const touchedAuthors = authorIds.seen;
  if (owner) touchedAuthors.add(owner.id);
  // The matching reference files use too (reference-match.ts); a paste is matched by indexed lookups.
  const matcher = new ReferenceMatcher(db, 0);
  const done: ImportedPaper[] = [];
  const readOn = now.slice(0, 10);
  // Set when name parts were filled in: the import then stores that, even for a text imported before.
  let namesSplit = false;
  let statements: ImportStatements | null = null;
  for (const paper of profile.papers) {
    const record = paperRecord(paper, profile.source);
    statements ??= importStatements(tx, Object.keys(record) as Array<keyof PaperRecordColumns>);
    const match = matcher.find({ arxivId: record.arxivId, doi: record.doi, titleKey: record.titleKey, year: paper.year, authors: paper.authors });
    let paperId: number;
    let action: Action;
    if (match === null) {
      paperId = statements.insertPaper.get(driverValues({ ...record, citations: paper.citations, createdAt: now, updatedAt: now })).id;
      writeChildren(tx, statements, paperId, paper, profile.source, authorIds, affiliationIds);
      if (paper.citations !== null) statements.insertCitationCount.run({ paperId, source: profile.source, count: paper.citations, readOn, importId });
      action = 'added';
    } else {
      paperId = match;
      // The count first: a changed count alone makes the paper `updated`.
      const recounted = recordCitationCount(tx, paperId, profile.source, paper.citations, importId, readOn);
      // Read once, after the count: the merge, the edited-field guard and the comparison all use it.
      const stored = tx.select().from(papers).where(eq(papers.id, paperId)).get()!;
      const merged = mergeRecord(stored, record, paper.type === null);
      // Fields the user edited by hand are left alone; the page's differing values are kept beside them.
      const guarded = guardEditedFields(tx, paperId, stored, merged, paper.authors);
      // A page that lists no authors (ORCID), affiliations or categories leaves the stored ones alone.
      const keepAuthors = guarded.keepAuthors || paper.authors.length === 0;
      if (paperDiffers(tx, stored, paper, { ...guarded, keepAuthors }) || guarded.sourceValuesChanged) {
        for (const r of tx.select({ id: paperAuthors.authorId }).from(paperAuthors).where(eq(paperAuthors.paperId, paperId)).all()) touchedAuthors.add(r.id);
        // Old author links go while the stored printed list still names them: a link whose name is printed
        // fires no full-text re-read of the paper (migration 0010), which reads every link (cubic before).
        if (!keepAuthors) tx.delete(paperAuthors).where(eq(paperAuthors.paperId, paperId)).run();
        tx.update(papers).set({ ...guarded.columns, updatedAt: now }).where(eq(papers.id, paperId)).run();
        if (paper.affiliations.length > 0) tx.delete(paperAffiliations).where(eq(paperAffiliations.paperId, paperId)).run();
        if (paper.category.length > 0) tx.delete(paperCategories).where(eq(paperCategories.paperId, paperId)).run();
        writeChildren(tx, statements, paperId, paper, profile.source, authorIds, affiliationIds, !keepAuthors);
        action = 'updated';
      } else {
        // Authors stored before names were split (an upgraded library) get their parts now.
        if (fillMissingNameParts(tx, paperId, paper.authors, profile.source)) namesSplit = true;
        if (recounted) tx.update(papers).set({ updatedAt: now }).where(eq(papers.id, paperId)).run();
        action = recounted ? 'updated' : 'unchanged';
      }
    }
    matcher.claimed.add(paperId);
    counts[action]++;
    done.push({ paper, id: paperId, action });
    statements.insertImportPaper.run({ importId, paperId, action });
    yield counts.added + counts.updated + counts.unchanged;
  }

  const storedReport = { skipped: parseReport.skipped, incompleteTail: parseReport.incompleteTail, warnings: parseReport.warnings };
  if (counts.added === 0 && counts.updated === 0 && !snapshotAdded && !namesSplit) {
    const earlier = tx
      .select({ id: imports.id })
      .from(imports)
      .where(and(eq(imports.rawText, rawText), eq(imports.format, profile.source), ne(imports.id, importId)))
      .orderBy(desc(imports.id))
      .limit(1)
      .get();
    if (earlier) {
      return { importId: earlier.id, alreadyImported: true, format: profile.source, author: owner, snapshotAdded, ...counts, ...storedReport };
    }
  }
  tx.update(imports)
    .set({
      authorId: owner?.id ?? null,
      papersAdded: counts.added,
      papersUpdated: counts.updated,
      papersUnchanged: counts.unchanged,
      linesSkipped: parseReport.skipped.length,
      // The whole report, kept so the Imports list can show it later (db/library/import-report.ts).
      report: JSON.stringify(buildImportReport(outcome, done)),
    })
    .where(eq(imports.id, importId))
    .run();
  // After the import row names its owner, so the owner's profile papers count.
  refreshPaperCounts(tx, touchedAuthors);

  return { importId, alreadyImported: false, format: profile.source, author: owner, snapshotAdded, ...counts, ...storedReport };
}

function writeChildren(
  tx: Tx,
  statements: ImportStatements,
  paperId: number,
  p: ParsedPaper,
  source: PasteSource,
  authorIds: AuthorResolver,
  affiliationIds: AffiliationResolver,
  withAuthors = true,
): void {
  if (withAuthors && p.authors.length > 0) {
    const parts = authorNameParts(p.authors, source);
    p.authors.forEach((printedName, position) =>
      statements.insertPaperAuthor.run(driverValues({ ...NO_NAME_PARTS, ...parts[position], paperId, position, printedName, authorId: authorIds.resolve(printedName) })),
    );
  }
  if (p.affiliations.length > 0) {
    tx.insert(paperAffiliations)
      .values(p.affiliations.map((name, position) => ({ paperId, position, affiliationId: affiliationIds.resolve(name) })))
      .run();
  }
  if (p.category.length > 0) {
    tx.insert(paperCategories)
      .values(p.category.map((code, position) => ({ paperId, position, code })))
      .run();
  }
}

/** Name parts a printed name may lack (placeholders need every key). */
const NO_NAME_PARTS = { family: null, given: null, droppingParticle: null, nonDroppingParticle: null, suffix: null, literal: null };

function paperDiffers(tx: Tx, row: typeof papers.$inferSelect, p: ParsedPaper, guarded: { columns: Partial<PaperRecordColumns>; keepAuthors: boolean }): boolean {
  const paperId = row.id;
  const next = guarded.columns;
  for (const key of Object.keys(next) as Array<keyof typeof next>) {
    if ((row[key] ?? null) !== (next[key] ?? null)) return true;
  }
  const printed = tx
    .select({ name: paperAuthors.printedName })
    .from(paperAuthors)
    .where(eq(paperAuthors.paperId, paperId))
    .orderBy(paperAuthors.position)
    .all()
    .map((r) => r.name);
  const affs = tx
    .select({ name: affiliations.name })
    .from(paperAffiliations)
    .innerJoin(affiliations, eq(affiliations.id, paperAffiliations.affiliationId))
    .where(eq(paperAffiliations.paperId, paperId))
    .orderBy(paperAffiliations.position)
    .all()
    .map((r) => r.name);
  return (!guarded.keepAuthors && printed.join('\u0000') !== p.authors.join('\u0000')) || (p.affiliations.length > 0 && affs.join('\u0000') !== p.affiliations.join('\u0000'));
}

/** Finds or creates author entities by name key, caching within one import. */
class AuthorResolver {
  private readonly cache = new Map<string, number>();
  /** Every author id resolved in this import. */
  readonly seen = new Set<number>();
  constructor(private readonly tx: Tx) {}

  private owner: { id: number; name: string } | null = null;

  /** The profile's owner: their initials form on their own papers (`H Ødegård`) links to them. */
  setOwner(owner: { id: number; name: string }): void {
    this.owner = owner;
  }

  resolve(name: string, primaryCategory: string | null = null): number {
    const key = nameKey(name) || name;
    let id = this.cache.get(key);
    if (id === undefined && this.owner && key !== nameKey(this.owner.name) && isInitialsFormOf(name, this.owner.name, nameKey)) {
      id = this.owner.id;
      this.cache.set(key, id);
    }
    if (id === undefined) {
      id =
        this.tx.select({ id: authors.id }).from(authors).where(eq(authors.nameKey, key)).get()?.id ??
        this.tx.insert(authors).values({ name, nameKey: key, primaryCategory }).returning({ id: authors.id }).get().id;
      this.cache.set(key, id);
    }
    if (primaryCategory) this.tx.update(authors).set({ primaryCategory }).where(eq(authors.id, id)).run();
    this.seen.add(id);
    return id;
  }
}

class AffiliationResolver {
  private readonly cache = new Map<string, number>();
  constructor(private readonly tx: Tx) {}

  resolve(name: string): number {
    let id = this.cache.get(name);
    if (id === undefined) {
      id =
        this.tx.select({ id: affiliations.id }).from(affiliations).where(eq(affiliations.name, name)).get()?.id ??
        this.tx.insert(affiliations).values({ name, nameKey: nameKey(name) }).returning({ id: affiliations.id }).get().id;
      this.cache.set(name, id);
    }
    return id;
  }
}
