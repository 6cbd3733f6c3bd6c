/**
 * Citation keys from a pattern, as Better BibTeX users write them: `[auth:lower][year][shorttitle:lower]`
 * gives `smith2020deep`. Keys are made unique by the caller with `uniqueCitationKey` (a, b, ... suffixes).
 *
 * The pattern language (a subset of Better BibTeX's legacy formulas, with JabRef's field names):
 *   fields   [auth] first author's family name (particles dropped; editors when there are no authors)
 *            [authors] every author's family name; [authorsN] the first N, then `EtAl` when there are more
 *            [auth.etal] `Smith`, `Smith.Jones` (two authors), `Smith.etal` (more)
 *            [year]; [title] the significant words, each capitalised; [shorttitle] the first 3 significant
 *            words as written; [veryshorttitle] the first one; [journal] the container title
 *   filters  :lower :upper :abbr (first letter of each word) :ascii (keys are always ASCII: accepted, no-op)
 *   anything outside brackets is literal text.
 * "Significant" skips function words (a, an, the, of, on, in, for, and, ...), as Better BibTeX's
 * `shorttitle` does; words lose their punctuation (`Pre-training` -> `Pretraining`) and accents (`Müller`
 * -> `Muller`).
 */
import { LecternError } from '../errors';
import type { CslItemJson, CslNameJson } from './interop-record';
import { asciiWords, significantWords } from './citation-key-words';

export const DEFAULT_CITATION_KEY_PATTERN = '[auth:lower][year][shorttitle:lower]';

type Words = string[];

const FIELDS: Record<string, (item: CslItemJson) => Words> = {
  auth: (item) => familyWords(creators(item)[0]),
  authors: (item) => creators(item).flatMap(familyWords),
  'auth.etal': (item) => {
    const names = creators(item);
    if (names.length <= 1) return familyWords(names[0]);
    if (names.length === 2) return [...familyWords(names[0]), '.', ...familyWords(names[1])];
    return [...familyWords(names[0]), '.etal'];
  },
  year: (item) => {
    const year = yearOf(item);
    return year === null ? [] : [year];
  },
  title: (item) => significantWords(item.title ?? '').map((w) => w.charAt(0).toUpperCase() + w.slice(1)),
  shorttitle: (item) => significantWords(item.title ?? '').slice(0, 3),
  veryshorttitle: (item) => significantWords(item.title ?? '').slice(0, 1),
  journal: (item) => asciiWords(typeof item['container-title'] === 'string' ? item['container-title'] : ''),
};

const FILTERS: Record<string, (words: Words) => Words> = {
  lower: (words) => words.map((w) => w.toLowerCase()),
  upper: (words) => words.map((w) => w.toUpperCase()),
  abbr: (words) => words.map((w) => (w.startsWith('.') ? w : w.charAt(0))),
  ascii: (words) => words,
};

function creators(item: CslItemJson): CslNameJson[] {
  return item.author !== undefined && item.author.length > 0 ? item.author : (item.editor ?? []);
}

/** A family name's words without its particles (`van der Berg` -> `Berg`); a literal name's words. */
function familyWords(name: CslNameJson | undefined): Words {
  if (name === undefined) return [];
  if (name.family === undefined) return asciiWords(name.literal ?? name.given ?? '');
  // Lower-case leading words of a family name are particles the file did not split off.
  const words = name.family.trim().split(/\s+/);
  let first = 0;
  while (first < words.length - 1 && /^[a-z]/.test(words[first]!)) first++;
  return asciiWords(words.slice(first).join(' '));
}

function yearOf(item: CslItemJson): string | null {
  const year = item.issued?.['date-parts']?.[0]?.[0];
  if (typeof year === 'number' && Number.isInteger(year)) return String(year);
  if (typeof year === 'string' && /^\d+$/.test(year)) return year;
  const raw = item.issued?.raw ?? item.issued?.literal;
  return raw?.match(/\d{4}/)?.[0] ?? null;
}

/** Characters a key keeps; everything else in the result is dropped. */
const NOT_KEY_CHAR = /[^A-Za-z0-9_:.-]/g;

/**
 * @param item the paper as a CSL item
 * @param pattern a key pattern (fields in brackets, filters after colons, literal text between)
 * @returns the base key: ASCII letters, digits and `-_:.` only; `ref` + year when the pattern gives nothing
 * @throws LecternError `INVALID_INPUT` naming the unknown field or filter and its column in the pattern
 */
export function formatCitationKey(item: CslItemJson, pattern: string): string {
  let key = '';
  let i = 0;
  while (i < pattern.length) {
    const open = pattern.indexOf('[', i);
    if (open < 0) {
      key += pattern.slice(i);
      break;
    }
    key += pattern.slice(i, open);
    const close = pattern.indexOf(']', open);
    if (close < 0) throw invalid(`the '[' at column ${open + 1} of the citation key pattern is never closed`, open + 1);
    key += expandField(item, pattern.slice(open + 1, close), open + 2).join('');
    i = close + 1;
  }
  key = key.replace(NOT_KEY_CHAR, '');
  return key === '' ? `ref${yearOf(item) ?? ''}` : key;
}

/** @param column the 1-based column of the field's first character in the pattern */
function expandField(item: CslItemJson, spec: string, column: number): Words {
  const parts = spec.split(':');
  const name = parts[0]!;
  const counted = /^authors(\d+)$/.exec(name);
  let words: Words;
  if (counted !== null) {
    const n = Number(counted[1]);
    const names = creators(item);
    words = [...names.slice(0, n).flatMap(familyWords), ...(names.length > n ? ['EtAl'] : [])];
  } else {
    const field = Object.hasOwn(FIELDS, name) ? FIELDS[name] : undefined;
    if (field === undefined) throw invalid(`unknown field '${name}' at column ${column} of the citation key pattern`, column);
    words = field(item);
  }
  let at = column + name.length + 1;
  for (const filterName of parts.slice(1)) {
    const filter = Object.hasOwn(FILTERS, filterName) ? FILTERS[filterName] : undefined;
    if (filter === undefined) throw invalid(`unknown filter '${filterName}' at column ${at} of the citation key pattern`, at);
    words = filter(words);
    at += filterName.length + 1;
  }
  return words;
}

function invalid(what: string, column: number): LecternError {
  return new LecternError('INVALID_INPUT', `Citation key pattern: ${what}.`, { column });
}

/** @returns the n-th suffix (0 -> `a`, 25 -> `z`, 26 -> `aa`, 27 -> `ab`...), bijective base 26 */
function suffix(n: number): string {
  let out = '';
  for (let k = n + 1; k > 0; k = Math.floor((k - 1) / 26)) out = String.fromCharCode(97 + ((k - 1) % 26)) + out;
  return out;
}

/**
 * @param base the key from formatCitationKey
 * @param taken whether a key is already used by another paper
 * @returns `base` when free, else `base` + `a`, `b`, ... `z`, `aa`, ... (the first free one)
 */
export function uniqueCitationKey(base: string, taken: (key: string) => boolean): string {
  if (!taken(base)) return base;
  for (let n = 0; ; n++) {
    const key = base + suffix(n);
    if (!taken(key)) return key;
  }
}

/**
 * uniqueCitationKey for many keys in a row: remembers, per base, the first suffix not yet tried, so N
 * papers sharing `smith2020` cost N checks instead of N²/2 (20,000 shared keys took 58 s to export).
 * Correct as long as a key once taken stays taken while the allocator lives (one export, one import).
 */
export class CitationKeyAllocator {
  private readonly next = new Map<string, number>();

  /**
   * @param taken whether a key is used; the caller marks each key it gets from unique() as taken
   * @param fold how keys compare (the BibTeX writer lower-cases: `Smith2020` and `smith2020` clash)
   */
  constructor(
    private readonly taken: (key: string) => boolean,
    private readonly fold: (key: string) => string = (k) => k,
  ) {}

  /** @returns what uniqueCitationKey(base, taken) returns */
  unique(base: string): string {
    if (!this.taken(base)) return base;
    const folded = this.fold(base);
    for (let n = this.next.get(folded) ?? 0; ; n++) {
      const key = base + suffix(n);
      if (!this.taken(key)) {
        this.next.set(folded, n + 1);
        return key;
      }
    }
  }
}

/** Characters a BibTeX key must not hold: space, `,{}#%"=\` (and `()'~`, which break some readers). */
const ILLEGAL_IN_KEY = /[^\x21-\x7e]|[,{}#%"=\\()'~]/;

/**
 * @returns whether `key` can be written as a BibTeX key as is: 1 to 200 printable ASCII characters
 *   with none of ILLEGAL_IN_KEY (a key with a line break, a NUL or a zero-width space is not)
 */
export function isWritableCitationKey(key: string): boolean {
  return key.length > 0 && key.length <= 200 && !ILLEGAL_IN_KEY.test(key);
}
