/**
 * Reading an RIS file (Research Information Systems tagged format) into records. Own code rather than
 * citation-js 0.8: that one drops `AU` authors when `A1` is present and needs exactly two spaces in
 * `TY  - ` (../shared/STACK.md); RIS is a line format, simple to read exactly.
 */
import { ProblemList } from '../problem-list';
import { LecternError } from '../../errors';
import type { InteropProblem, InteropReadResult, InteropRecord, ReadOptions } from '../interop-record';
import { mapRisFields, type RisField } from './map-fields';

/** A tag line: two characters (capital, then capital or digit), spaces, `-`, a space and the value. */
interface TagLine {
  tag: string;
  value: string;
}

/** At most this many spaces between the tag and its dash: real files have one to three. */
const MAX_SPACES_BEFORE_DASH = 6;

/** @returns the tag and value when the line is a tag line (`TY  - JOUR`, `TY - JOUR`, `ER  -`), else null */
export function risTagLine(line: string): TagLine | null {
  const c0 = line.charCodeAt(0);
  const c1 = line.charCodeAt(1);
  const capital = (c: number): boolean => c >= 65 && c <= 90;
  if (!capital(c0) || !(capital(c1) || (c1 >= 48 && c1 <= 57))) return null;
  let j = 2;
  while (j < line.length && j < 2 + MAX_SPACES_BEFORE_DASH && (line[j] === ' ' || line[j] === '\t')) j++;
  if (j === 2 || line[j] !== '-') return null;
  const k = j + 1;
  if (k < line.length && line[k] !== ' ' && line[k] !== '\t') return null;
  return { tag: line.slice(0, 2), value: line.slice(k).trim() };
}

/** The tags whose continuation lines are new lines of the text (else they join with a space). */
const MULTILINE_TAGS = new Set(['AB', 'N1', 'N2']);

interface OpenRecord {
  line: number;
  type: string | null;
  fields: RisField[];
}

/**
 * @param text the whole file (decoded; a BOM is skipped; LF, CRLF or CR)
 * @param options progress (records done, of records in the file) and cancel
 * @returns every record between `TY  -` and `ER  -` (a record the file ends without its `ER` is kept,
 *   with a warning), and one problem per record without `TY` (skipped) and per run of lines that are not
 *   RIS outside a record (skipped)
 * @throws LecternError `CANCELLED` when options.signal aborts
 */
export function readRis(text: string, options: ReadOptions = {}): InteropReadResult {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const lines = body.split(/\r\n|\n|\r/);
  const records: InteropRecord[] = [];
  const problems = new ProblemList();
  let entriesSeen = 0;
  let open: OpenRecord | null = null;
  let last: RisField | null = null;
  let garbageFrom = 0;
  let garbageTo = 0;
  const total = countTypeLines(lines);

  const flushGarbage = (): void => {
    if (garbageFrom === 0) return;
    const where = garbageFrom === garbageTo ? `line ${garbageFrom} is` : `lines ${garbageFrom}-${garbageTo} are`;
    problems.push({ line: garbageFrom, column: 1, severity: 'error', message: `${where} not RIS (a tag line such as 'TY  - JOUR' was expected); skipped` });
    garbageFrom = 0;
  };
  const close = (): void => {
    if (!open) return;
    entriesSeen++;
    if (open.type === null) {
      problems.push({ line: open.line, column: 1, severity: 'error', message: "record has no 'TY' line (its reference type); skipped" });
    } else {
      const { record, warnings } = mapRisFields(open.type, open.fields, { line: open.line, column: 1 }, entriesSeen);
      records.push(record);
      for (const w of warnings) problems.push({ ...w, severity: 'warning', ...(record.citationKey ? { key: record.citationKey } : {}) });
      if (records.length % 500 === 0) options.onProgress?.(records.length, total);
    }
    open = null;
    last = null;
  };

  for (let i = 0; i < lines.length; i++) {
    if (i % 4096 === 4095 && options.signal?.aborted) throw new LecternError('CANCELLED', 'Reading the RIS file was cancelled.');
    const lineNo = i + 1;
    const line = lines[i]!;
    const tagged = risTagLine(line);
    if (tagged) {
      flushGarbage();
      if (tagged.tag === 'TY') {
        if (open) {
          problems.push({ line: (open as OpenRecord).line, column: 1, severity: 'warning', message: `record has no 'ER' line; it ends where the next record starts (line ${lineNo})` });
          close();
        }
        open = { line: lineNo, type: tagged.value, fields: [] };
        last = null;
      } else if (tagged.tag === 'ER') {
        if (open) close();
        else problems.push({ line: lineNo, column: 1, severity: 'warning', message: "'ER' line outside a record; ignored" });
      } else {
        open ??= { line: lineNo, type: null, fields: [] };
        last = { tag: tagged.tag, value: tagged.value, line: lineNo };
        open.fields.push(last);
      }
    } else if (line.trim() === '') {
      continue;
    } else if (last) {
      // A line that is not a tag continues the value above it (wrapped abstracts and titles).
      const piece = line.trim();
      last.value = last.value === '' ? piece : `${last.value}${MULTILINE_TAGS.has(last.tag) ? '\n' : ' '}${piece}`;
    } else {
      if (garbageFrom === 0) garbageFrom = lineNo;
      garbageTo = lineNo;
    }
  }
  flushGarbage();
  if (open) {
    const at = (open as OpenRecord).line;
    const hadType = (open as OpenRecord).type !== null;
    close();
    if (hadType) problems.push({ line: at, column: 1, severity: 'warning', message: "record has no 'ER' line at the end of the file; kept" });
  }
  if (records.length === 0 || records.length % 500 !== 0) options.onProgress?.(records.length, total);
  return { format: 'ris', records, problems: problems.toArray(), entriesSeen };
}

function countTypeLines(lines: readonly string[]): number {
  let n = 0;
  for (const line of lines) if (line.charCodeAt(0) === 84 && line.charCodeAt(1) === 89 && risTagLine(line)) n++;
  return n;
}
