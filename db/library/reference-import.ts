/**
 * Importing the records read from a reference file (BibTeX, BibLaTeX, RIS, CSL-JSON) into the library,
 * the whole file in one transaction: matched against the library like a paste (reference-match.ts), a
 * matched paper updated where the file says something else (fields edited by hand stay, see
 * edited-fields.ts), tags, a note and the file's citation key added. The file's text is kept in
 * `imports.raw_text`, its report (problems as `FILE:LINE:COLUMN: message` lines) in `imports.report`.
 */
import { eq, sql } from 'drizzle-orm';
import { LecternError } from '../../shared/errors';
import type { FileImportSource } from '../../shared/import-source';
import type { KeptImportReport } from '../../shared/import-report-view';
import { problemLine, type InteropFormat, type InteropReadResult, type TextEncodingName } from '../../shared/interop/interop-record';
import type { ReferenceImportReport } from '../../shared/contract/references';
import type { LibraryDb } from '../open';
import { papers } from '../schema';
import { withWriteLock } from '../write-lock';
import { refreshPaperCounts } from './author-counts';
import { guardEditedFields } from './edited-fields';
import { DryRunRollback, runImportSteps } from './import-steps';
import { mergeRecord, type PaperRecordColumns } from './parsed-record';
import { keyAllocatorIn } from './citation-keys';
import { isWritableCitationKey } from '../../shared/interop/citation-key';
import { ReferenceExtras } from './reference-extras';
import { ReferenceMatcher } from './reference-match';
import { keepEquivalentValues, sameAuthorList } from './reference-merge';
import { recordFromInterop } from './reference-record-in';
import { deferFts } from './fts-deferred';

type Action = 'added' | 'updated' | 'unchanged';

/** A file read and ready to import. */
export interface ReferenceFile {
  fileName: string;
  /** The decoded text (kept in imports.raw_text). */
  text: string;
  encoding: TextEncodingName;
  read: InteropReadResult;
}

/** The import source an import row names for a file format. */
export function importSourceOf(format: InteropFormat): FileImportSource {
  return format === 'csl-json' ? 'csl_json' : format;
}


/**
 * The file summary of a report: format, encoding, entries seen and read, every problem.
 */
export function fileSummary(file: ReferenceFile): ReferenceImportReport['file'] {
  return {
    fileName: file.fileName,
    format: file.read.format,
    encoding: file.encoding,
    entriesSeen: file.read.entriesSeen,
    recordsRead: file.read.records.length,
    problems: file.read.problems.map(({ line, column, message, key, severity }) => ({ line, column, message, severity, ...(key === undefined ? {} : { key }) })),
  };
}

/**
 * @throws LecternError `INVALID_INPUT` naming the first problem when the file yields no record at all
 */
export function checkHasRecords(file: ReferenceFile): void {
  if (file.read.records.length > 0) return;
  const first = file.read.problems[0];
  throw new LecternError(
    'INVALID_INPUT',
    first ? `No reference could be read from ${file.fileName}: ${problemLine(file.fileName, first)}` : `${file.fileName} holds no references.`,
  );
}

/**
 * Import a file's records, step by step: yields every ~25 ms for progress and cancel (see
 * importProfileAsync), all in one transaction; a cancelled or failed import leaves the library as it was.
 * @param options.dryRun compute the report, then roll back (references.preview)
 * @param options.signal abort to cancel (-> LecternError `CANCELLED`)
 * @param options.onProgress (records done, records in the file)
 * @param options.now the import's time (ISO 8601), for tests
 * @returns the report: added / updated / unchanged, the file summary, warnings (problems as `FILE:LINE:COLUMN: message`)
 * @throws LecternError `INVALID_INPUT` when the file yields no record (nothing stored), `CANCELLED`, `BUSY`
 */
export async function importReferences(
  db: LibraryDb,
  file: ReferenceFile,
  options: { dryRun?: boolean; signal?: AbortSignal; onProgress?: (done: number, total: number) => void; now?: string } = {},
): Promise<ReferenceImportReport> {
  checkHasRecords(file);
  const total = file.read.records.length;
  let report: ReferenceImportReport | undefined;
  try {
    await withWriteLock(db, async () => {
      const fts = deferFts(db, total);
      report = await runImportSteps(db, importSteps(db, file, options.now ?? new Date().toISOString()), total, options);
      if (options.dryRun || report.alreadyImported) throw new DryRunRollback();
      fts?.resume(report.importId);
    });
  } catch (err) {
    if (!(err instanceof DryRunRollback)) throw err;
  }
  return report!;
}

function* importSteps(db: LibraryDb, file: ReferenceFile, now: string): Generator<number, ReferenceImportReport> {
  const c = db.$client;
  const format = importSourceOf(file.read.format);
  const importId = (c.prepare('INSERT INTO imports (raw_text, format, created_at) VALUES (?, ?, ?) RETURNING id').get(file.text, format, now) as { id: number }).id;
  const records = file.read.records;
  const matcher = new ReferenceMatcher(db, records.length);
  const extras = new ReferenceExtras(db, now);
  const readRow = db.select().from(papers).where(eq(papers.id, sql.placeholder('id'))).prepare();
  const printedOf = c.prepare('SELECT printed_name AS name FROM paper_authors WHERE paper_id = ? ORDER BY position');
  const touch = c.prepare('UPDATE papers SET updated_at = ? WHERE id = ?');
  const warnings = file.read.problems.map((p) => problemLine(file.fileName, p));
  const lists: KeptImportReport['papers'] = { added: [], updated: [], unchanged: [] };
  const counts: Record<Action, number> = { added: 0, updated: 0, unchanged: 0 };
  const unique = keyAllocatorIn(db);
  let insertPaper: ((columns: PaperRecordColumns) => number) | null = null;
  const linkImport = c.prepare('INSERT OR IGNORE INTO import_papers (import_id, paper_id, action) VALUES (?, ?, ?)');

  for (const r of records) {
    const { columns, authors } = recordFromInterop(r);
    insertPaper ??= paperInserter(db, Object.keys(columns) as Array<keyof PaperRecordColumns>, now);
    const printed = authors.map((a) => a.printedName);
    const match = matcher.find({ arxivId: columns.arxivId, doi: columns.doi, titleKey: columns.titleKey, year: columns.year, authors: printed });
    let paperId: number;
    let action: Action;
    if (match === null) {
      paperId = insertPaper(columns);
      extras.writeAuthors(paperId, authors);
      action = 'added';
    } else {
      paperId = match;
      const row = readRow.get({ id: paperId })!;
      const merged = keepEquivalentValues(row, mergeRecord(row, columns, false));
      const guarded = guardEditedFields(db, paperId, row, merged, printed);
      const keepAuthors = guarded.keepAuthors || authors.length === 0;
      const storedPrinted = (printedOf.all(paperId) as Array<{ name: string }>).map((n) => n.name);
      const sameAuthors = sameAuthorList(storedPrinted, printed);
      if (sameAuthors && !keepAuthors) Object.assign(guarded.columns, { authorsText: row.authorsText, firstAuthorKey: row.firstAuthorKey });
      const fieldsDiffer = (Object.keys(guarded.columns) as Array<keyof PaperRecordColumns>).some((k) => (row[k] ?? null) !== (guarded.columns[k] ?? null));
      // The same people written with other dots or accents keep the stored spelling (reference-merge.ts).
      const authorsDiffer = !keepAuthors && !sameAuthors;
      if (fieldsDiffer || authorsDiffer) {
        // Old links go while the stored printed list names them, new ones come once it names them: a link
        // whose name is printed fires no full-text re-read (migration 0010), as in import-profile.ts.
        if (authorsDiffer) extras.removeAuthors(paperId);
        db.update(papers).set({ ...guarded.columns, updatedAt: now }).where(eq(papers.id, paperId)).run();
        if (authorsDiffer) extras.writeAuthors(paperId, authors);
      }
      action = fieldsDiffer || authorsDiffer || guarded.sourceValuesChanged ? 'updated' : 'unchanged';
    }
    matcher.claimed.add(paperId);
    const tagged = extras.tag(paperId, r.tags);
    warnings.push(...tagged.warnings.map((w) => `${file.fileName}:${r.at.line}:${r.at.column}: ${w}`));
    const noted = extras.note(paperId, r.note);
    // A key BibTeX cannot hold (a control or invisible character, a brace, over 200 characters) is not
    // pinned: the paper gets one from the pattern when it is first exported or cited.
    const fileKey = r.citationKey !== null && !isWritableCitationKey(r.citationKey) ? null : r.citationKey;
    if (fileKey !== r.citationKey) warnings.push(`${file.fileName}:${r.at.line}:${r.at.column}: citation key ${JSON.stringify(r.citationKey!.slice(0, 60))} holds characters a BibTeX key cannot; not kept, a key from the pattern is given instead`);
    const keyed = extras.citationKey(paperId, fileKey, unique, match === null);
    if (keyed.warning) warnings.push(`${file.fileName}:${r.at.line}:${r.at.column}: ${keyed.warning}`);
    if (action === 'unchanged' && (tagged.added > 0 || noted || keyed.changed)) {
      action = 'updated';
      touch.run(now, paperId);
    }
    counts[action]++;
    lists[action].push({ id: paperId, title: columns.title });
    linkImport.run(importId, paperId, action);
    yield counts.added + counts.updated + counts.unchanged;
  }

  const head = { format, author: null, snapshotAdded: false, skipped: [], incompleteTail: null, ...counts, file: fileSummary(file) };
  if (counts.added === 0 && counts.updated === 0) {
    const earlier = c.prepare('SELECT id FROM imports WHERE raw_text = ? AND format = ? AND id <> ? ORDER BY id DESC LIMIT 1').get(file.text, format, importId) as { id: number } | undefined;
    if (earlier) return { importId: earlier.id, alreadyImported: true, warnings, ...head };
  }
  const kept: KeptImportReport & { file: ReferenceImportReport['file'] } = {
    version: 2, detection: null, papers: lists, skipped: [], guessed: [], incompleteTail: null, warnings, file: head.file,
  };
  c.prepare('UPDATE imports SET papers_added = ?, papers_updated = ?, papers_unchanged = ?, lines_skipped = ?, report = ? WHERE id = ?').run(
    counts.added, counts.updated, counts.unchanged, file.read.problems.filter((p) => p.severity === 'error').length, JSON.stringify(kept), importId,
  );
  refreshPaperCounts(db, extras.touchedAuthors);
  return { importId, alreadyImported: false, warnings, ...head };
}

/**
 * A new paper's insert, as one prepared statement with positional values: drizzle's prepared insert
 * maps every named placeholder on every call, which was a third of a 50,000-record import.
 * @param keys the record's columns (Drizzle names; the same for every record)
 */
function paperInserter(db: LibraryDb, keys: ReadonlyArray<keyof PaperRecordColumns>, now: string): (columns: PaperRecordColumns) => number {
  const sqlNames = keys.map((k) => papers[k].name);
  const insert = db.$client.prepare(`INSERT INTO papers (${sqlNames.join(', ')}, created_at, updated_at) VALUES (${keys.map(() => '?').join(', ')}, ?, ?)`);
  const values: unknown[] = new Array(keys.length + 2);
  values[keys.length] = now;
  values[keys.length + 1] = now;
  return (columns) => {
    for (let i = 0; i < keys.length; i++) {
      const v = columns[keys[i]!];
      values[i] = typeof v === 'boolean' ? Number(v) : v;
    }
    return Number(insert.run(...values).lastInsertRowid);
  };
}
