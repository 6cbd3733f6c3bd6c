/** What the strict scan (scan.ts) hands back, and the character classes and macros it reads with. */

/** A well-formed entry: field names lower-cased, values in LaTeX with macros expanded and `#` joined. */
export interface RawEntry {
  type: string;
  key: string;
  fields: Map<string, string>;
  /** Offset of the `@`. */
  start: number;
}

/** Something worth a warning in an entry that was still read (unknown macro, repeated field). */
export interface ScanNote {
  offset: number;
  message: string;
  /** For an unknown `@string` name: that name (lower-cased), so the reader says it once with a count. */
  macro?: string;
}

/** An entry the strict pass could not read. */
export interface ScanFault {
  type: string;
  key: string | null;
  start: number;
  /** Where the fault is (the exact spot for a missing comma or `=`; the entry start for an unclosed entry). */
  faultAt: number;
  /** Where the next entry may start: the text start..resume is this entry's. */
  resume: number;
  kind: 'missing-comma' | 'missing-equals' | 'unclosed-entry' | 'unclosed-value' | 'syntax' | 'value-too-long';
  message: string;
  /** Fields read before the fault. */
  fields: Map<string, string>;
  /** Offset of the missing comma or `=` (kinds `missing-comma`, `missing-equals`): a repair inserts it there. */
  insertAt?: number;
  /**
   * A braced value that ran on past a line ending in `,` followed by a `name =` line: likely the value
   * whose brace was never closed (`title = {Foo,` then `year = 2020,`); a repair closes it there.
   */
  unclosed?: { field: string; valueAt: number; closeAt: number; closer: string };
}

export type ScanItem =
  | { kind: 'entry'; entry: RawEntry; notes: ScanNote[] }
  | { kind: 'fault'; fault: ScanFault; notes: ScanNote[] }
  | { kind: 'note'; notes: ScanNote[] };

export const MONTHS: [string, string][] = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'].map((m, i) => [m, String(i + 1)]);
export const MONTH_NUMBERS = new Map(MONTHS);
/** What BibTeX's standard styles print for the month macros outside `month` (`"Published " # jun`). */
export const MONTH_NAMES = new Map(['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'].map((m) => [m.slice(0, 3).toLowerCase(), m]));

export const isWs = (c: number): boolean => c === 32 || c === 9 || c === 10 || c === 13 || c === 12;
export const isLetter = (c: number): boolean => (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
export const isDigit = (c: number): boolean => c >= 48 && c <= 57;
/** BibTeX identifier characters: printable, none of `"#%'(),={}@` and no space. */
export const isIdent = (c: number): boolean => c > 32 && c !== 34 && c !== 35 && c !== 37 && c !== 39 && c !== 40 && c !== 41 && c !== 44 && c !== 61 && c !== 123 && c !== 125 && c !== 64 && c !== 127;


/**
 * The longest field or `@string` value read, in UTF-16 code units once macros are expanded and `#`
 * joined (1,000,000: about 1 MB of ASCII). No real field comes near (a long abstract is ~10,000); without
 * a cap 27 `@string{aN = aN-1 # aN-1}` lines (700 bytes) expand to a 2 GB title.
 */
export const MAX_VALUE_CHARS = 1_000_000;
