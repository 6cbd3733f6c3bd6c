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
import { inherit, type FieldsByKey } from './inherit';
import { LineIndex } from './line-index';
import { BibScanner, type RawEntry } from './scan';
import { entryToCsl } from './to-csl';
import { recoverEntry } from './tolerant';

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
 * @throws LecternError `CANCELLED` when options.signal aborts; nothing else for any text
 */
export async function readBibtex(text: string, options: ReadOptions = {}): Promise<InteropReadResult> {
  checkCancel(options);
  const lines = new LineIndex(text);
  const lineOf = (o: number): number => lines.line(o);
  const problem = (offset: number, message: string, severity: InteropProblem['severity'], key?: string | null): InteropProblem => {
    const p: InteropProblem = { ...lines.position(offset), message, severity };
    if (key !== undefined && key !== null) p.key = key;
    return p;
  };
  const scanner = new BibScanner(text, lineOf);
  const entries: RawEntry[] = [];
  const problems: InteropProblem[] = [];
  let entriesSeen = 0;
  let sliceStart = Date.now();
  const maybePause = async (done: number, total: number): Promise<void> => {
    if (Date.now() - sliceStart < SLICE_MS) return;
    options.onProgress?.(done, total);
    await pause();
    checkCancel(options);
    sliceStart = Date.now();
  };

  // Scanning is ~1/3 of the work, mapping the rest: progress counts bytes scanned for the first third.
  const total = text.length;
  for (let item = scanner.next(); item !== null; item = scanner.next()) {
    for (const note of item.notes) problems.push(problem(note.offset, item.kind === 'note' ? note.message : `entry '${item.kind === 'entry' ? item.entry.key : (item.fault.key ?? '')}': ${note.message}`, 'warning', item.kind === 'entry' ? item.entry.key : undefined));
    if (item.kind === 'entry') {
      entriesSeen++;
      entries.push(item.entry);
    } else if (item.kind === 'fault') {
      entriesSeen++;
      const r = recoverEntry(item.fault, text, scanner.fileStrings, lineOf);
      problems.push(problem(r.at, r.message, r.entry === null ? 'error' : 'warning', r.entry?.key ?? item.fault.key));
      if (r.entry !== null) entries.push(r.entry);
    }
    await maybePause(Math.floor(scanner.pos / 3), total);
  }

  // Keys compare case-insensitively in BibTeX; the first entry of a key is the one a crossref names.
  const byKey: FieldsByKey = new Map();
  for (const e of entries) {
    const k = e.key.toLowerCase();
    const first = byKey.get(k);
    if (first === undefined) byKey.set(k, { type: e.type, fields: e.fields, start: e.start });
    else problems.push(problem(e.start, `duplicate key '${e.key}' (first at line ${lineOf(first.start)}); both kept`, 'warning', e.key));
  }
  for (const e of entries) {
    if (!e.fields.has('crossref') && !e.fields.has('xdata')) continue;
    for (const missing of inherit(e.type, e.fields, byKey)) {
      problems.push(problem(e.start, `entry '${e.key}': crossref or xdata '${missing}' is not in the file; read without it`, 'warning', e.key));
    }
  }

  const records: InteropRecord[] = [];
  for (let i = 0; i < entries.length; i++) {
    const e = entries[i]!;
    const { record, warnings } = entryToCsl(e.type, e.key, e.fields, lines.position(e.start));
    records.push(record);
    for (const w of warnings) problems.push(problem(e.start, `entry '${e.key}': ${w}`, 'warning', e.key));
    if ((i & 255) === 0) await maybePause(Math.floor(total / 3 + ((total * 2) / 3) * (i / entries.length)), total);
  }
  problems.sort((a, b) => a.line - b.line || a.column - b.column);
  options.onProgress?.(total, total);
  return { format: 'bibtex', records, problems, entriesSeen };
}
