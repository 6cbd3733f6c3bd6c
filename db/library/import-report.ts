/**
 * The whole report of an import, kept with it (imports.report, JSON): what it did to each paper, the
 * lines the parser skipped, the fields the generic parser guessed, a record cut off at the end, the
 * warnings and how the source was chosen. `imports.report` reads it back, for old imports too.
 */
import { sql } from 'drizzle-orm';
import { LecternError } from '../../shared/errors';
import { ImportReportView, KeptImportReport, type GuessedPaper, type ReportedPaper } from '../../shared/import-report-view';
import { ParseReport, type ParsedPaper, type ParseOutcome, type PasteSource } from '../../shared/paste/parsed';
import type { LibraryDb } from '../open';

/** What the import did to one parsed paper. */
export interface ImportedPaper {
  paper: ParsedPaper;
  id: number;
  action: 'added' | 'updated' | 'unchanged';
}

/**
 * The report to keep with an import.
 * @param outcome the parse (its report and detection are kept)
 * @param done each parsed paper with the library id it went to and what happened to it, in page order
 * @returns version 2 of the kept report (shared/import-report-view.ts)
 */
export function buildImportReport(outcome: ParseOutcome, done: readonly ImportedPaper[]): KeptImportReport {
  const lists: KeptImportReport['papers'] = { added: [], updated: [], unchanged: [] };
  const guessed: GuessedPaper[] = [];
  for (const { paper, id, action } of done) {
    lists[action].push({ id, title: paper.title });
    const fields = guessedFields(paper.extra.guessed);
    if (fields.length > 0) guessed.push({ id, title: paper.title, fields });
  }
  return {
    version: 2,
    detection: outcome.detection ?? null,
    papers: lists,
    skipped: outcome.report.skipped,
    guessed,
    incompleteTail: outcome.report.incompleteTail,
    warnings: outcome.report.warnings,
  };
}

/**
 * The field names a paper's `extra.guessed` names. The generic parser marks uncertain fields there:
 * a list of names, an object keyed by name, or `true` for the record as a whole.
 */
export function guessedFields(mark: unknown): string[] {
  if (mark === true) return ['the whole record'];
  if (Array.isArray(mark)) return mark.filter((f): f is string => typeof f === 'string' && f !== '');
  if (typeof mark === 'object' && mark !== null) return Object.keys(mark);
  return [];
}

/**
 * One import's whole report.
 * @param id the import's id
 * @returns the kept report with the import's date, source and author. An import kept before whole
 *   reports were (only skipped lines, tail and warnings) comes back with `complete: false`, its paper
 *   lists read from the import's links to papers (titles as they are now)
 * @throws LecternError `NOT_FOUND` when there is no such import
 */
export function readImportReport(db: LibraryDb, id: number): ImportReportView {
  const row = db.get<{ id: number; created_at: string; format: PasteSource; author_id: number | null; author_name: string | null; report: string }>(
    sql`SELECT i.id, i.created_at, i.format, i.author_id, a.name AS author_name, i.report FROM imports i LEFT JOIN authors a ON a.id = i.author_id WHERE i.id = ${id}`,
  );
  if (!row) throw new LecternError('NOT_FOUND', `Import ${id} is not in the library.`);
  const head = {
    importId: row.id,
    createdAt: row.created_at,
    format: row.format,
    author: row.author_id === null ? null : { id: row.author_id, name: row.author_name ?? '' },
  };
  const stored = parseJson(row.report);
  const kept = KeptImportReport.safeParse(stored);
  if (kept.success) {
    const { version: _version, ...report } = kept.data;
    return { ...head, ...report, complete: true };
  }
  // The older shape: { skipped, incompleteTail, warnings }, each part read on its own so one odd part
  // does not hide the others.
  const old = (typeof stored === 'object' && stored !== null ? stored : {}) as Record<string, unknown>;
  const skipped = ParseReport.shape.skipped.safeParse(old.skipped);
  const tail = ParseReport.shape.incompleteTail.safeParse(old.incompleteTail ?? null);
  const warnings = ParseReport.shape.warnings.safeParse(old.warnings);
  return {
    ...head,
    detection: null,
    papers: linkedPapers(db, id),
    skipped: skipped.success ? skipped.data : [],
    guessed: [],
    incompleteTail: tail.success ? tail.data : null,
    warnings: warnings.success ? warnings.data : [],
    complete: false,
  };
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return {};
  }
}

/** An old import's papers by what it did to them, from import_papers (in the order they were linked). */
function linkedPapers(db: LibraryDb, importId: number): KeptImportReport['papers'] {
  const lists: Record<string, ReportedPaper[]> = { added: [], updated: [], unchanged: [] };
  const rows = db.all<{ id: number; title: string; action: string }>(
    sql`SELECT p.id, p.title, ip.action FROM import_papers ip JOIN papers p ON p.id = ip.paper_id WHERE ip.import_id = ${importId} ORDER BY ip.rowid`,
  );
  for (const r of rows) lists[r.action]?.push({ id: r.id, title: r.title });
  return { added: lists.added!, updated: lists.updated!, unchanged: lists.unchanged! };
}
