/**
 * LaTeX in a .bib field value -> Unicode text: accents (`{\"u}`, `\'{e}`), character commands (`\ss`,
 * `\o`, `\&`), dashes (`--` en, `---` em), `~` (no-break space), TeX quotes, formatting commands dropped
 * (`\emph{x}` -> `x`), math (`$...$`, `\(...\)`) kept as TeX, whitespace collapsed.
 *
 * Why our own decoder: citation-js's `lib/input/value.js` parse does this well but was measured at 1.8 s
 * for 500,000 fields, more than half of the 3,000 ms budget for a 50,000-entry file on its own. This one
 * is a single left-to-right pass over the value with a table lookup per command and no recursion but for
 * an accent's (short) argument, and most values (numbers, years, plain words) take the fast path, which
 * only collapses whitespace.
 */
import { COMMANDS, DIACRITICS, FORMATTING } from './latex-tables';

const BACKSLASH = 92;
const OPEN = 123;
const CLOSE = 125;
const DOLLAR = 36;
const TILDE = 126;
const HYPHEN = 45;
const BACKTICK = 96;
const APOS = 39;

function isSpace(c: number): boolean {
  return c === 32 || c === 9 || c === 10 || c === 13;
}

function isLetter(c: number): boolean {
  return (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
}

const PLAIN = 0;
const PLAIN_SPACED = 1;
const LATEX = 2;

/**
 * One pass over the value: LATEX when it holds something the slow path would change, else PLAIN, or
 * PLAIN_SPACED when only its whitespace needs collapsing (so most values are read once, not twice).
 */
function classify(s: string): number {
  let prev = 32;
  let spaced = false;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c === BACKSLASH || c === OPEN || c === CLOSE || c === DOLLAR || c === TILDE || c === BACKTICK) return LATEX;
    if ((c === HYPHEN && prev === HYPHEN) || (c === APOS && prev === APOS)) return LATEX;
    if (c === 9 || c === 10 || c === 13 || (c === 32 && prev === 32)) spaced = true;
    prev = c;
  }
  return spaced || prev === 32 ? PLAIN_SPACED : PLAIN;
}

/** Collapses runs of spaces, tabs and line breaks to one space and trims; returns `s` itself when nothing changes. */
export function collapseSpace(s: string): string {
  let needs = false;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c === 9 || c === 10 || c === 13 || (c === 32 && (i === 0 || i === s.length - 1 || s.charCodeAt(i + 1) === 32))) {
      needs = true;
      break;
    }
  }
  if (!needs) return s;
  const words: string[] = [];
  let i = 0;
  while (i < s.length) {
    while (i < s.length && isSpace(s.charCodeAt(i))) i++;
    const from = i;
    while (i < s.length && !isSpace(s.charCodeAt(i))) i++;
    if (i > from) words.push(s.slice(from, i));
  }
  return words.join(' ');
}

/** Index just past the group opened at `open` (a `{`), or s.length when it never closes. */
function groupEnd(s: string, open: number): number {
  let depth = 0;
  for (let i = open; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c === BACKSLASH) i++;
    else if (c === OPEN) depth++;
    else if (c === CLOSE && --depth === 0) return i + 1;
  }
  return s.length;
}

/** Accented letters already composed (`"u` -> `ü`): NFC once per pair, not once per value. */
const composedCache = new Map<string, string>();

/**
 * Puts a combining mark on the first character of `base` (a dotless ı or ȷ gets its dot back first),
 * composed to one character where Unicode has one.
 */
function accent(mark: string, base: string): string {
  if (base === '') return mark === '\u0308' ? '¨' : mark;
  const first = base[0] === 'ı' ? 'i' : base[0] === 'ȷ' ? 'j' : base[0]!;
  const pair = first + mark;
  let done = composedCache.get(pair);
  if (done === undefined) {
    done = pair.normalize('NFC');
    if (composedCache.size < 4096) composedCache.set(pair, done);
  }
  return done + base.slice(1);
}

/** What latex-encode.ts writes for a bare `%` inside math (see safeMath there). */
const MATH_PERCENT = '\\mbox{\\%}';
const GROUP_DROP = 0;
const GROUP_KEEP = 1;
const GROUP_SKIP = 2;

/**
 * @param raw a field value as written between its delimiters (macros already expanded)
 * @param keepProtection when true, braces the file used to protect capitals (`{DNA}`, `{{Whole Title}}`)
 *   stay in the output so a writer can put them back; braces of accents and commands go either way
 * @returns Unicode text, whitespace collapsed and trimmed, math kept as TeX with its `$`
 */
export function decodeLatex(raw: string, keepProtection = false): string {
  const kind = classify(raw);
  if (kind === PLAIN) return raw;
  if (kind === PLAIN_SPACED) return collapseSpace(raw);
  if (raw.length > CACHED_LENGTH) return slow(raw, keepProtection, 0);
  const cache = keepProtection ? keptCache : plainCache;
  let done = cache.get(raw);
  if (done === undefined) {
    done = slow(raw, keepProtection, 0);
    if (cache.size >= CACHE_SIZE) cache.clear();
    cache.set(raw, done);
  }
  return done;
}

/**
 * Short values with LaTeX (a surname, a journal, a publisher, a keyword) repeat across a library: each
 * is decoded once and every record shares the one string (on the 50,000-entry benchmark, peak RSS
 * 400 -> 387 MB). Values longer than this (titles, abstracts) rarely repeat and are not kept.
 */
const CACHED_LENGTH = 48;
const CACHE_SIZE = 50_000;
const plainCache = new Map<string, string>();
const keptCache = new Map<string, string>();

function slow(s: string, keep: boolean, level: number): string {
  // Pieces joined once at the end: one flat string (`+=` would leave a tree of ~60 cons cells per
  // abstract alive in every record, ~2 KB each).
  // Pieces joined once at the end into one flat string: `+=` would leave a tree of cons cells (32 bytes
  // each, ~20 for an abstract) alive in every record; measured ~750 bytes a record on the benchmark.
  const out: string[] = [];
  let pending = false;
  const groups: number[] = [];
  let skipping = 0;
  let afterHref = false;
  const n = s.length;
  let i = 0;
  // Each step sets `piece` (text to append after any pending space); no closure, so no allocation per call.
  let piece = '';
  while (i < n) {
    if (piece !== '') {
      if (skipping === 0) {
        if (pending && out.length > 0) out.push(' ');
        pending = false;
        out.push(piece);
      }
      piece = '';
    }
    const c = s.charCodeAt(i);
    if (isSpace(c)) {
      pending = true;
      i++;
    } else if (c === OPEN) {
      let kind = GROUP_DROP;
      if (afterHref) kind = GROUP_SKIP;
      else if (keep && groups.length === 0 && s.charCodeAt(i + 1) !== BACKSLASH) kind = GROUP_KEEP;
      afterHref = false;
      groups.push(kind);
      if (kind === GROUP_SKIP) skipping++;
      if (kind === GROUP_KEEP) piece = '{';
      i++;
    } else if (c === CLOSE) {
      const kind = groups.pop();
      if (kind === GROUP_SKIP) skipping--;
      if (kind === GROUP_KEEP) {
        pending = false;
        out.push('}');
      }
      i++;
    } else if (c === DOLLAR || (c === BACKSLASH && s.charCodeAt(i + 1) === 40)) {
      // Math stays TeX: copied up to its closing delimiter (or the end), `$` included.
      const close = c === DOLLAR ? (s.charCodeAt(i + 1) === DOLLAR ? '$$' : '$') : '\\)';
      const from = i + (c === DOLLAR ? close.length : 2);
      let end = from;
      for (; end < n; end++) {
        if (s.charCodeAt(end) === BACKSLASH && s.slice(end, end + close.length) !== close) end++;
        else if (s.startsWith(close, end)) break;
      }
      const to = Math.min(n, end + close.length);
      piece = s.slice(i, to);
      // `\mbox{\%}` is how latex-encode.ts writes a bare `%` in math (a comment there otherwise): read back as it was.
      if (piece.includes(MATH_PERCENT)) piece = piece.split(MATH_PERCENT).join('%');
      i = to;
    } else if (c === BACKSLASH) {
      let j = i + 1;
      while (j < n && isLetter(s.charCodeAt(j))) j++;
      const name = j > i + 1 ? s.slice(i + 1, j) : s.slice(i + 1, i + 2);
      const letters = j > i + 1;
      i = letters ? j : i + 2;
      const mark = DIACRITICS[name];
      if (mark !== undefined) {
        while (i < n && isSpace(s.charCodeAt(i))) i++;
        let base = '';
        if (s.charCodeAt(i) === OPEN) {
          const end = groupEnd(s, i);
          base = level > 20 ? s.slice(i + 1, end - 1) : slow(s.slice(i + 1, end - 1), false, level + 1);
          i = end;
        } else if (s.charCodeAt(i) === BACKSLASH) {
          let k = i + 1;
          while (k < n && isLetter(s.charCodeAt(k))) k++;
          base = COMMANDS[s.slice(i + 1, k)] ?? s.slice(i, k);
          i = k;
        } else if (i < n) {
          const cp = s.codePointAt(i)!;
          base = String.fromCodePoint(cp);
          i += base.length;
        }
        piece = accent(mark, base);
        continue;
      }
      const text = COMMANDS[name];
      if (text !== undefined) {
        piece = text;
        if (letters) while (i < n && isSpace(s.charCodeAt(i))) i++;
        if (letters && s.charCodeAt(i) === OPEN && s.charCodeAt(i + 1) === CLOSE) i += 2;
      } else if (name === 'href') {
        afterHref = true;
      } else if (letters && (FORMATTING.has(name) || s.charCodeAt(i) === OPEN)) {
        // Formatting or an unknown command with an argument: the argument stays, the command goes.
        if (!FORMATTING.has(name) || s.charCodeAt(i) !== OPEN) while (i < n && isSpace(s.charCodeAt(i))) i++;
      } else {
        piece = letters ? `\\${name}` : name;
      }
    } else if (c === TILDE) {
      if (skipping === 0) {
        out.push('\u00a0');
        pending = false;
      }
      i++;
    } else if (c === HYPHEN && s.charCodeAt(i + 1) === HYPHEN) {
      const em = s.charCodeAt(i + 2) === HYPHEN;
      piece = em ? '—' : '–';
      i += em ? 3 : 2;
    } else if (c === BACKTICK) {
      const two = s.charCodeAt(i + 1) === BACKTICK;
      piece = two ? '“' : '‘';
      i += two ? 2 : 1;
    } else if (c === APOS && s.charCodeAt(i + 1) === APOS) {
      piece = '”';
      i += 2;
    } else {
      // A run of ordinary text, single spaces included (they need no collapsing), is one slice.
      let j = i + 1;
      while (j < n) {
        const d = s.charCodeAt(j);
        if (d === 32 && j + 1 < n && !isSpace(s.charCodeAt(j + 1))) {
          j++;
          continue;
        }
        if (isSpace(d) || d === OPEN || d === CLOSE || d === DOLLAR || d === BACKSLASH || d === TILDE || d === HYPHEN || d === BACKTICK || d === APOS) break;
        j++;
      }
      piece = s.slice(i, j);
      i = j;
    }
  }
  if (piece !== '' && skipping === 0) {
    if (pending && out.length > 0) out.push(' ');
    out.push(piece);
  }
  return out.join('');
}
