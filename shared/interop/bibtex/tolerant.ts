/**
 * The second chance for an entry the strict scan (scan.ts) rejected, tried on that entry's text alone:
 * - a missing comma between two fields is put back and the entry re-read strictly (every field kept);
 * - an entry that only lacks its closing brace keeps every field it had;
 * - anything else goes to @retorquere/bibtex-parser (the parser behind Better BibTeX, which recovers the
 *   most from broken BibTeX; 0.6-0.95 ms an entry is fine for the 0.5% of entries that get here), with the
 *   file's `@string`s and `raw: true` so values stay LaTeX and go through the same decoding as the rest.
 * An entry is kept when it ends up with a title; the caller reports it as a warning, else as an error.
 */
import { parse, type Creator } from '@retorquere/bibtex-parser';
import { BibScanner, type RawEntry, type ScanFault } from './scan';
import { MAX_VALUE_CHARS } from './scan-types';

/** What became of a broken entry. */
export interface Recovery {
  /** The entry as recovered, or null when it is not imported. */
  entry: RawEntry | null;
  /** Offset the problem points at. */
  at: number;
  message: string;
}

const MAX_REPAIRS = 20;
/**
 * Calls of the tolerant parser per file: at ~1 ms each, a file of nothing but broken entries
 * (`@a{k,@a{k,...`, 200,000 of them in 1 MB) would otherwise take minutes.
 */
export const MAX_TOLERANT_CALLS = 2000;

/** What is left of a file's tolerant-parser calls. */
export interface TolerantBudget {
  calls: number;
}

/** Longer broken entries are not handed to the tolerant parser: its time grows faster than the text. */
const MAX_TOLERANT_CHARS = 64 * 1024;

/** The last line holding something before `end` (the "read up to line N" of a message). */
function lastLine(text: string, start: number, end: number, lineOf: (o: number) => number): number {
  let i = end - 1;
  while (i > start && /\s/.test(text[i]!)) i--;
  return lineOf(i);
}

/** A retorquere creator back to BibTeX `von Last, Jr, First` (or `{Literal}`) so names.ts reads it. */
function creatorText(c: Creator): string {
  if (c.name !== undefined) return `{${c.name}}`;
  const family = [c.prefix, c.lastName].filter((p) => p !== undefined && p !== '').join(' ');
  return [family, c.suffix, c.firstName].filter((p) => p !== undefined && p !== '').join(', ');
}

function fromRetorquere(value: unknown, field: string): string | null {
  if (typeof value === 'string') return value;
  if (Array.isArray(value)) {
    if (value.every((v) => typeof v === 'string')) return value.join(field === 'keywords' ? ', ' : ' and ');
    return value.map((v) => creatorText(v as Creator)).join(' and ');
  }
  return null;
}

/**
 * @param fault the strict scan's verdict on the entry
 * @param text the whole file
 * @param strings the file's `@string` macros read so far
 * @param lineOf offset -> 1-based line
 * @param budget tolerant-parser calls left for this file (decremented here)
 */
export function recoverEntry(fault: ScanFault, text: string, strings: Record<string, string>, lineOf: (o: number) => number, budget: TolerantBudget = { calls: MAX_TOLERANT_CALLS }): Recovery {
  const name = fault.key === null ? `@${fault.type} entry` : `entry '${fault.key}'`;
  const upTo = lastLine(text, fault.start, fault.resume, lineOf);
  if ((fault.kind === 'missing-comma' || fault.kind === 'missing-equals') && fault.insertAt !== undefined) {
    let slice = text.slice(fault.start, fault.resume);
    let insertAt = fault.insertAt - fault.start;
    let kind = fault.kind;
    for (let repairs = 0; repairs < MAX_REPAIRS; repairs++) {
      slice = `${slice.slice(0, insertAt)}${kind === 'missing-comma' ? ',' : ' ='}${slice.slice(insertAt)}`;
      const again = new BibScanner(slice, (o) => lineOf(o + fault.start), strings).next();
      if (again?.kind === 'fault' && again.fault.kind === 'value-too-long') return tooLong(name, again.fault, fault.start);
      if (again?.kind === 'entry') {
        return { entry: { ...again.entry, start: fault.start }, at: fault.faultAt, message: `${name}: ${fault.message}; read as if it were there` };
      }
      if (again?.kind !== 'fault' || (again.fault.kind !== 'missing-comma' && again.fault.kind !== 'missing-equals') || again.fault.insertAt === undefined) break;
      insertAt = again.fault.insertAt;
      kind = again.fault.kind;
    }
  }
  if (fault.unclosed !== undefined) {
    // `title = {Foo,` + newline + `year = ...`: close the value where its line ends and read again.
    const { field, valueAt, closeAt, closer } = fault.unclosed;
    const at = closeAt - fault.start;
    const slice = `${text.slice(fault.start, fault.start + at)}${closer}${text.slice(fault.start + at, fault.resume)}`;
    const again = new BibScanner(slice, (o) => lineOf(o + fault.start), strings).next();
    if (again?.kind === 'fault' && again.fault.kind === 'value-too-long') return tooLong(name, again.fault, fault.start);
    const closedEntry = again?.kind === 'entry' ? again.entry : again?.kind === 'fault' && again.fault.kind === 'unclosed-entry' && again.fault.key !== null ? { type: again.fault.type, key: again.fault.key, fields: again.fault.fields, start: 0 } : null;
    if (closedEntry !== null) {
      return { entry: { ...closedEntry, start: fault.start }, at: valueAt, message: `${name}: the value of '${field}' has no closing ${closer.endsWith('"') ? 'quote' : 'brace'}; closed at the end of line ${lineOf(closeAt)}` };
    }
  }
  if (fault.kind === 'unclosed-entry' && fault.key !== null && fault.fields.size > 0) {
    return { entry: { type: fault.type, key: fault.key, fields: fault.fields, start: fault.start }, at: fault.start, message: `${name} has no closing brace; read up to line ${upTo}` };
  }
  let what = `${name}: ${fault.message}`;
  if (fault.kind === 'unclosed-entry') what = `${name} has no closing brace; read up to line ${upTo}`;
  else if (fault.kind === 'unclosed-value' && fault.message.endsWith('quote')) what = `${name}: ${fault.message}; read up to line ${upTo}`;
  else if (fault.kind === 'unclosed-value') what = `${name} has no closing brace: ${fault.message}; read up to line ${upTo}`;
  const fields = new Map(fault.fields);
  let key = fault.key;
  if (fault.resume - fault.start > MAX_TOLERANT_CHARS || budget.calls <= 0) return { entry: null, at: fault.faultAt, message: `${what}; not imported` };
  budget.calls--;
  try {
    const slice = text.slice(fault.start, fault.resume);
    const lib = parse(slice, { english: false, sentenceCase: false, raw: true, strings: boundedStrings(slice, strings) });
    const got = lib.entries[0];
    if (got !== undefined) {
      key ??= got.key;
      for (const [field, value] of Object.entries(got.fields)) {
        const v = fromRetorquere(value, field);
        if (v !== null && !fields.has(field.toLowerCase())) fields.set(field.toLowerCase(), v);
      }
    }
  } catch {
    // Nothing more to recover than the strict pass read.
  }
  if (key !== null && key !== '' && fields.has('title')) {
    return { entry: { type: fault.type, key, fields, start: fault.start }, at: fault.faultAt, message: `${what}; kept ${fields.size} field${fields.size === 1 ? '' : 's'}` };
  }
  return { entry: null, at: fault.faultAt, message: `${what}; not imported` };
}

function tooLong(name: string, f: ScanFault, offset: number): Recovery {
  return { entry: null, at: f.faultAt + offset, message: `${name}: ${f.message}` };
}

/**
 * The macros the tolerant parser may expand in `slice`, which expands them without a cap: only those
 * short enough that every value of the entry (one per `=`, one more per `#`) expanded from them stays
 * within MAX_VALUE_CHARS in all (60 uses of a 500,000-character macro took 2.7 GB).
 */
function boundedStrings(slice: string, strings: Record<string, string>): Record<string, string> {
  let uses = 1;
  for (let j = 0; j < slice.length; j++) {
    const c = slice.charCodeAt(j);
    if (c === 35 || c === 61) uses++;
  }
  const cap = Math.floor(MAX_VALUE_CHARS / uses);
  let all = true;
  for (const v of Object.values(strings)) if (v.length > cap) all = false;
  if (all) return strings;
  return Object.fromEntries(Object.entries(strings).filter(([, v]) => v.length <= cap));
}
