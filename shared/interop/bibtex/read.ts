/**
 * Reading a BibTeX or BibLaTeX file into records: fast for well-formed entries, tolerant of broken ones.
 *
 * 1. scan.ts reads the file entry by entry, strictly, in one linear pass (the fast path: every
 *    well-formed entry, `@string`/month macros and `#` resolved, values still LaTeX);
 * 2. tolerant.ts gives each entry the scan rejected a second chance on its own text (a missing comma put
 *    back, a missing closing brace accepted, else @retorquere/bibtex-parser), so a broken entry costs
 *    that entry at most and never its neighbours;
 * 3. inherit.ts applies `crossref`/`xdata` once every entry is known (a parent may follow its child);
 * 4. to-csl.ts maps each entry to a CSL item (latex-decode.ts, names.ts, dates.ts on the way).
 * The work is split into slices of ~25 ms between which the event loop runs (progress, cancel).
 */
import { LecternError } from '../../errors';
import type { InteropProblem, InteropReadResult, InteropRecord, ReadOptions } from '../interop-record';
import { ProblemList } from '../problem-list';
import { asReaderError } from '../reader-error';
import { inherit, type FieldsByKey } from './inherit';
import { LineIndex } from './line-index';
import { BibScanner, type RawEntry } from './scan';
import { entryToCsl } from './to-csl';
import { MAX_TOLERANT_CALLS, recoverEntry } from './tolerant';

const SLICE_MS = 25;

function checkCancel(options: ReadOptions): void {
  if (options.signal?.aborted) throw new LecternError('CANCELLED', 'Reading the BibTeX file was cancelled.');
}

const pause = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0));

/**
 * @param text the whole file (decoded; BOM removed)
 * @param options progress (bytes done, bytes total; here UTF-16 code units of the text) and cancel
 *   (-> LecternError `CANCELLED`)
 * @returns every entry that could be read (macros, `#`, month macros, crossref/xdata resolved; LaTeX
 *   decoded to Unicode, math kept as TeX), and one problem per entry that could not (error) or was read
 *   with a repair (warning), with 1-based line and column
 * @throws LecternError `CANCELLED` when options.signal aborts; anything unexpected (a RangeError) as
 *   LecternError `INVALID_INPUT` with words (reader-error.ts); nothing else for any text
 */
export async function readBibtex(text: string, options: ReadOptions = {}): Promise<InteropReadResult> {
  try {
    return await readBibtexText(text, options);
  } catch (err) {
    throw asReaderError(err);
  }
}

async function readBibtexText(text: string, options: ReadOptions): Promise<InteropReadResult> {
  checkCancel(options);
  const lines = new LineIndex(text);
  const lineOf = (o: number): number => lines.line(o);
  const problem = (offset: number, message: string, severity: InteropProblem['severity'], key?: string | null): InteropProblem => {
    const p: InteropProblem = { ...lines.position(offset), message, severity };
    if (key !== undefined && key !== null) p.key = key;
    return p;
  };
  const scanner = new BibScanner(text, lineOf);
  const problems = new ProblemList();
  /** Unknown `@string` names already reported: each is said once, with how many times it was used. */
  const unknownMacros = new Map<string, { problem: InteropProblem; uses: number }>();
  // Records in file order; a child with crossref/xdata waits (null) until the whole file is scanned,
  // since its parent may come after it. Every other entry is mapped as soon as it is read, so its raw
  // fields die young (peak RSS on the 50,000-entry benchmark 488 -> 410 MB against keeping every raw
  // entry to the end, measured under tsx).
  const records: (InteropRecord | null)[] = [];
  const children: { entry: RawEntry; index: number }[] = [];
  /** Where each key's first entry starts: duplicates are reported, and a parent is re-read from there. */
  const firstAt = new Map<string, number>();
  let entriesSeen = 0;
  const budget = { calls: MAX_TOLERANT_CALLS };
  let sliceStart = Date.now();
  const maybePause = async (done: number): Promise<void> => {
    if (Date.now() - sliceStart < SLICE_MS) return;
    options.onProgress?.(done, total);
    await pause();
    checkCancel(options);
    sliceStart = Date.now();
  };
  const total = text.length;
  const add = (e: RawEntry): void => {
    const k = e.key.toLowerCase();
    const first = firstAt.get(k);
    if (first === undefined) firstAt.set(k, e.start);
    else problems.push(problem(e.start, `duplicate key '${e.key}' (first at line ${lineOf(first)}); both kept`, 'warning', e.key));
    if (e.fields.has('crossref') || e.fields.has('xdata')) {
      children.push({ entry: e, index: records.length });
      records.push(null);
      return;
    }
    records.push(toRecord(e));
  };
  const toRecord = (e: RawEntry): InteropRecord => {
    const { record, warnings } = entryToCsl(e.type, e.key, e.fields, lines.position(e.start));
    for (const w of warnings) problems.push(problem(e.start, `entry '${e.key}': ${w}`, 'warning', e.key));
    return record;
  };

  for (let item = scanner.next(); item !== null; item = scanner.next()) {
    for (const note of item.notes) {
      if (note.macro !== undefined) {
        const seen = unknownMacros.get(note.macro);
        if (seen !== undefined) {
          seen.uses++;
          continue;
        }
      }
      const key = item.kind === 'entry' ? item.entry.key : item.kind === 'fault' ? item.fault.key : null;
      const p = problem(note.offset, key === null ? note.message : `entry '${key}': ${note.message}`, 'warning', key);
      if (note.macro !== undefined) unknownMacros.set(note.macro, { problem: p, uses: 1 });
      problems.push(p);
    }
    if (item.kind === 'entry') {
      entriesSeen++;
      add(item.entry);
    } else if (item.kind === 'fault') {
      entriesSeen++;
      if (item.fault.kind === 'value-too-long') {
        // Not handed to the tolerant parser: it would expand the same macros without a cap.
        const k = item.fault.key;
        problems.push(problem(item.fault.faultAt, k === null ? item.fault.message : `entry '${k}': ${item.fault.message}`, 'error', k));
        continue;
      }
      const r = recoverEntry(item.fault, text, scanner.fileStrings, lineOf, budget);
      problems.push(problem(r.at, r.message, r.entry === null ? 'error' : 'warning', r.entry?.key ?? item.fault.key));
      if (r.entry !== null) add(r.entry);
    }
    await maybePause(scanner.pos);
  }

  // Parents are read again from the text when a child names them (cached): cheaper than keeping every
  // entry's raw fields in case one is a parent.
  const parents = new Map<string, { type: string; fields: Map<string, string> } | null>();
  const byKey: FieldsByKey = (k) => {
    if (parents.has(k)) return parents.get(k) ?? undefined;
    const at = firstAt.get(k);
    let found: { type: string; fields: Map<string, string> } | null = null;
    if (at !== undefined) {
      const again = new BibScanner(text, lineOf, scanner.fileStrings);
      again.pos = at;
      const item = again.next();
      if (item?.kind === 'entry') found = item.entry;
      else if (item?.kind === 'fault') found = recoverEntry(item.fault, text, scanner.fileStrings, lineOf, budget).entry;
    }
    parents.set(k, found);
    return found ?? undefined;
  };
  for (const { entry, index } of children) {
    for (const missing of inherit(entry.type, entry.fields, byKey)) {
      problems.push(problem(entry.start, `entry '${entry.key}': crossref or xdata '${missing}' is not in the file; read without it`, 'warning', entry.key));
    }
    records[index] = toRecord(entry);
    await maybePause(total);
  }
  for (const { problem: p, uses } of unknownMacros.values()) {
    if (uses > 1) p.message += ` (used ${uses.toLocaleString('en-US')} times in the file; said here once)`;
  }
  options.onProgress?.(total, total);
  return { format: 'bibtex', records: records.filter((r): r is InteropRecord => r !== null), problems: problems.toArray(), entriesSeen };
}
