/**
 * BibTeX name lists -> CSL names, by BibTeX's own rules (Patashnik, "Designing BibTeX styles", and
 * Markey, "Tame the BeaST", section 11): names are separated by `and` at brace depth 0; a name is
 * `First von Last`, `von Last, First` or `von Last, Jr, First`; the von part is the run of words that
 * start with a lower-case letter; a name wholly in braces is one unit (an organisation).
 */
import type { CslNameJson } from '../interop-record';
import { decodeLatex } from './latex-decode';

const isWs = (c: number): boolean => c === 32 || c === 9 || c === 10 || c === 13 || c === 126;

const AND = 0;
const COMMA = 1;
const SPACE = 2;

/**
 * Length of the separator at `i` (0 when none): ` and ` (any case, any whitespace around it), `,`, or
 * a run of whitespace. One function with a mode rather than a callback per separator: the call per
 * character stays monomorphic (the three callbacks showed up in the profile of the 50,000-entry read).
 */
function sepAt(s: string, i: number, mode: number): number {
  const c = s.charCodeAt(i);
  if (mode === COMMA) return c === 44 ? 1 : 0;
  if (!isWs(c)) return 0;
  let j = i;
  while (j < s.length && isWs(s.charCodeAt(j))) j++;
  if (mode === SPACE) return j - i;
  if (i === 0 || (s.charCodeAt(j) | 32) !== 97 || (s.charCodeAt(j + 1) | 32) !== 110 || (s.charCodeAt(j + 2) | 32) !== 100) return 0;
  let k = j + 3;
  if (k >= s.length || !isWs(s.charCodeAt(k))) return 0;
  while (k < s.length && isWs(s.charCodeAt(k))) k++;
  return k - i;
}

/** Splits at the separators of `mode` found at brace depth 0. */
function splitTop(s: string, mode: number): string[] {
  const parts: string[] = [];
  let depth = 0;
  let from = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c === 123) depth++;
    else if (c === 125) depth = Math.max(0, depth - 1);
    else if (c === 92) i++;
    else if (depth === 0 && (c === 44 || isWs(c))) {
      const len = sepAt(s, i, mode);
      if (len > 0) {
        parts.push(s.slice(from, i));
        from = i + len;
        i = from - 1;
      }
    }
  }
  parts.push(s.slice(from));
  return parts;
}

/**
 * The case of a word by BibTeX's rule: its first letter at depth 0, or the letter after a command in a
 * `{\...}` special character; a word that starts with a plain brace group counts as upper case.
 * @returns 'lower', 'upper', or 'none' (no letter: a number, punctuation)
 */
function wordCase(word: string): 'lower' | 'upper' | 'none' {
  for (let i = 0; i < word.length; i++) {
    const c = word.charCodeAt(i);
    if (c === 123) {
      if (word.charCodeAt(i + 1) !== 92) return 'upper';
      // A special character: the case of the first letter after its command (`{\'e}mile` is lower).
      const rest = decodeLatex(word.slice(i));
      const ch = rest.charAt(0);
      if (ch === '') return 'none';
      return ch === ch.toLowerCase() && ch !== ch.toUpperCase() ? 'lower' : 'upper';
    }
    // ASCII by code (no string per character); other letters by their case mappings.
    if (c >= 97 && c <= 122) return 'lower';
    if (c >= 65 && c <= 90) return 'upper';
    if (c < 128) continue;
    const ch = word[i]!;
    if (ch.toLowerCase() !== ch.toUpperCase()) return ch === ch.toLowerCase() ? 'lower' : 'upper';
  }
  return 'none';
}

/** True when the brace opened at 0 closes at the very end (`{Barnes and Noble}`, not `{A} and {B}`). */
function closesAtEnd(s: string): boolean {
  let depth = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c === 92) i++;
    else if (c === 123) depth++;
    else if (c === 125 && --depth === 0) return i === s.length - 1;
  }
  return false;
}

const SUFFIX = /^(?:jr\.?|sr\.?|ii|iii|iv|v|vi)$/i;

function clean(words: string[]): string {
  return decodeLatex(words.join(' '));
}

/** One name (LaTeX) -> a CSL name, or null when empty. */
export function parseName(raw: string): CslNameJson | null {
  const name = raw.trim();
  if (name === '') return null;
  if (name.charCodeAt(0) === 123 && name.charCodeAt(1) !== 92 && closesAtEnd(name)) {
    // Wholly braced: `{Barnes and Noble}`, `{World Health Organization}`.
    const literal = decodeLatex(name.slice(1, -1));
    return literal === '' ? null : { literal };
  }
  const parts = splitTop(name, COMMA).map((p) => splitTop(p.trim(), SPACE).filter((w) => w !== ''));
  // `Martin Luther King, Jr.`: BibTeX would read `Jr.` as the given name; every tool that writes this
  // shape means a suffix, so it is read as `First Last, Jr`.
  if (parts.length === 2 && parts[1]!.length === 1 && SUFFIX.test(parts[1]![0]!) && parts[0]!.length >= 2) {
    parts[0]!.push(parts[1]![0]!);
    parts.pop();
  }
  let given: string[] = [];
  let von: string[] = [];
  let family: string[] = [];
  let suffix: string[] = [];
  if (parts.length === 1) {
    const words = parts[0]!;
    if (words.length >= 3 && SUFFIX.test(words[words.length - 1]!)) suffix = words.splice(words.length - 1, 1);
    // von = from the first lower-case word to the last lower-case word that is not the last word.
    let first = -1;
    let last = -1;
    for (let i = 0; i < words.length - 1; i++) {
      if (wordCase(words[i]!) === 'lower') {
        if (first < 0) first = i;
        last = i;
      }
    }
    if (first >= 0) {
      given = words.slice(0, first);
      von = words.slice(first, last + 1);
      family = words.slice(last + 1);
    } else {
      given = words.slice(0, -1);
      family = words.slice(-1);
    }
  } else {
    const head = parts[0]!;
    let last = -1;
    for (let i = 0; i < head.length - 1; i++) if (wordCase(head[i]!) === 'lower') last = i;
    von = head.slice(0, last + 1);
    family = head.slice(last + 1);
    if (parts.length === 2) given = parts[1]!;
    else {
      suffix = parts[1]!;
      given = parts.slice(2).flat();
    }
  }
  // `Beethoven, Ludwig van`: lower-case words after the given name are its dropping particle (how Better
  // BibTeX and Lectern write CSL's dropping-particle), not part of the given name.
  let dropping: string[] = [];
  if (parts.length >= 2) {
    let cut = given.length;
    while (cut > 1 && wordCase(given[cut - 1]!) === 'lower') cut--;
    if (cut < given.length && given.slice(0, cut).some((w) => wordCase(w) !== 'lower')) {
      dropping = given.slice(cut);
      given = given.slice(0, cut);
    }
  }
  const out: CslNameJson = {};
  const fam = clean(family);
  if (fam !== '') out.family = fam;
  const giv = clean(given);
  if (giv !== '') out.given = giv;
  const drop = clean(dropping);
  if (drop !== '') out['dropping-particle'] = drop;
  const particle = clean(von);
  if (particle !== '') out['non-dropping-particle'] = particle;
  const suf = clean(suffix);
  if (suf !== '') out.suffix = suf;
  if (out.family === undefined && out.given !== undefined && particle === '') return { family: out.given };
  return Object.keys(out).length === 0 ? null : out;
}

/** A copy with the same keys, property by property (a spread takes V8's generic clone for these many-shaped objects). */
function copyName(n: CslNameJson): CslNameJson {
  const o: CslNameJson = {};
  if (n.family !== undefined) o.family = n.family;
  if (n.given !== undefined) o.given = n.given;
  if (n['dropping-particle'] !== undefined) o['dropping-particle'] = n['dropping-particle'];
  if (n['non-dropping-particle'] !== undefined) o['non-dropping-particle'] = n['non-dropping-particle'];
  if (n.suffix !== undefined) o.suffix = n.suffix;
  if (n.literal !== undefined) o.literal = n.literal;
  return o;
}

/** Names read before (authors recur across a library): name as written -> CSL name. */
const nameCache = new Map<string, CslNameJson | null>();

/**
 * @param raw a BibTeX name list as written (`Smith, J. and van der Berg, Jan and {Barnes and Noble}`)
 * @returns the names in order, and `truncated` when the list ended in `and others` (dropped here)
 */
export function parseNames(raw: string): { names: CslNameJson[]; truncated: boolean } {
  const names: CslNameJson[] = [];
  let truncated = false;
  for (const part of splitTop(raw, AND)) {
    const t = part.trim();
    if (t.length === 6 && t.toLowerCase() === 'others') {
      truncated = true;
      continue;
    }
    let n = nameCache.get(t);
    if (n === undefined) {
      n = parseName(t);
      if (nameCache.size >= 50_000) nameCache.clear();
      nameCache.set(t, n);
    }
    // A copy: records must not share a name object a caller might edit.
    if (n !== null) names.push(copyName(n));
  }
  return { names, truncated };
}
