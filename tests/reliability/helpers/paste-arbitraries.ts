/**
 * fast-check generators of pastes that reach deep into the parsers: lines drawn from the grammar in
 * ../shared/profiles/FORMATS.md (scholarfeed record lines, header metric lines, author lines with
 * "et al." and affiliations, glued category codes) and from every fixture in ../shared/profiles/ (other
 * sites' pages too: a parser must survive the wrong paste), then mutated: runs of spaces, TABs, NBSP and
 * zero-width characters, commas, combining marks, surrogate halves, very long lines, CRLF and lone CR.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';

export const PROFILES = fileURLToPath(new URL('../../../../shared/profiles/', import.meta.url));

const OWN_FIXTURES = fileURLToPath(new URL('../../fixtures/paste/', import.meta.url));
/** Every .txt under a folder, recursively. */
function textsUnder(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? textsUnder(join(dir, e.name)) : e.name.endsWith('.txt') ? [readFileSync(join(dir, e.name), 'utf8')] : [],
  );
}
/** The shared profile pastes and Lectern's own fixtures of every source (tests/fixtures/paste). */
const fixtureTexts = [...textsUnder(PROFILES), ...textsUnder(OWN_FIXTURES)];
/** Every distinct non-blank line of every fixture paste. */
export const FIXTURE_LINES = [...new Set(fixtureTexts.flatMap((t) => t.split(/\r\n|\r|\n/)).filter((l) => l.trim() !== ''))];

interface ExpectedPaper {
  title: string;
  authors: string[];
  affiliations: string[];
  abstract: string | null;
}
const expectedPapers: ExpectedPaper[] = ['seed-profile', 'scholarfeed'].flatMap(
  (name) => (JSON.parse(readFileSync(join(PROFILES, `${name}.expected.json`), 'utf8')) as { papers: ExpectedPaper[] }).papers,
);
const TITLES = expectedPapers.map((p) => p.title);
const NAMES = [...new Set(expectedPapers.flatMap((p) => p.authors))];
const SLUGS = [...new Set(expectedPapers.flatMap((p) => p.affiliations))];
const ABSTRACTS = expectedPapers.flatMap((p) => (p.abstract ? [p.abstract] : []));

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
/** Codes seen on scholarfeed pages, plus any two capitals. */
const code = fc.oneof(fc.constantFrom('CL', 'AI', 'CV', 'SE', 'DC', 'LG', 'RO', 'IR', 'HC'), fc.stringMatching(/^[A-Z]{2}$/));
const categories = fc.array(code, { minLength: 1, maxLength: 4 }).map((c) => c.join(''));

/** Mostly `a`, sometimes `b` (a near miss). */
const mostly = <T>(a: fc.Arbitrary<T>, b: fc.Arbitrary<T>) => fc.oneof({ weight: 9, arbitrary: a }, { weight: 1, arbitrary: b });

/** `<CATS><Mon D, YYYY>[Code]`, and near misses (a lower-case month, no space, a day of 0 or 40 or Feb 30, a 5-digit year). */
const recordLine = fc
  .tuple(
    categories,
    mostly(fc.constantFrom(...MONTHS), fc.constantFrom('Sept', 'jan', 'MAY', '')),
    mostly(fc.integer({ min: 1, max: 28 }), fc.integer({ min: 0, max: 40 })),
    mostly(fc.integer({ min: 1990, max: 2026 }), fc.integer({ min: 0, max: 99_999 })),
    fc.boolean(),
    mostly(fc.constant(' '), fc.constantFrom('', '  ')),
  )
  .map(([cats, month, day, year, withCode, gap]) => `${cats}${month}${gap}${day}, ${String(year).padStart(4, '0')}${withCode ? 'Code' : ''}`);

/** Counts as pages print them: `9415`, `14,139`, `1.2k`, `3M`, and oddities (`1,23`, `..`, `007`). */
const count = fc.oneof(
  { weight: 4, arbitrary: fc.nat({ max: 10_000_000 }).map(String) },
  fc.nat({ max: 10_000_000 }).map((n) => n.toLocaleString('en-US')),
  fc.tuple(fc.nat({ max: 999 }), fc.nat({ max: 9 }), fc.constantFrom('k', 'K', 'M', '')).map(([a, b, s]) => `${a}.${b}${s}`),
  fc.constantFrom('1,23', '..', '007', ',', '1,,000', '1e5', '9'.repeat(400)),
);
const headerLine = fc.oneof(
  count.map((n) => `h-index${n}`),
  count.map((n) => `h-index ${n}`),
  count.map((n) => `${n}papers`),
  count.map((n) => `${n} papers`),
  count.map((n) => `${n}citations`),
  count.map((n) => `Novelty${n}%`),
  count.map((n) => `AI Score${n}`),
  count.map((n) => `${n} Papers`),
  categories,
);

const word = fc.stringMatching(/^[A-Za-zÀ-ÿ.'-]{1,12}$/);
const name = fc.oneof(fc.constantFrom(...NAMES), fc.array(word, { minLength: 1, maxLength: 3 }).map((w) => w.join(' ')), fc.constant(''));
const etAl = fc.constantFrom('', '', ' et al.', ' et al', ',et al.', ' , et al.', 'et al.', ' et al..', ' et  al.', ', ', ' ·');
const affiliations = fc.option(fc.array(fc.oneof(fc.constantFrom(...SLUGS), word), { minLength: 0, maxLength: 4 }), { nil: undefined });
const authorLine = fc
  .tuple(fc.array(name, { minLength: 0, maxLength: 6 }), fc.constantFrom(', ', ',', ' , ', ',  '), etAl, affiliations)
  .map(([names, sep, tail, slugs]) => `${names.join(sep)}${tail}${slugs ? ` · ${slugs.join(', ')}` : ''}`);

const title = fc.oneof(fc.constantFrom(...TITLES), fc.string({ maxLength: 120 }), fc.constantFrom('CVaR-Sensitive Decoding', 'AI Score Inflation: A Study', 'Explaining Legacy Code'));
/** Abstracts whole, cut off mid-word, or ending in a URL or a bare "www." / "http://". */
const abstract = fc.oneof(
  { weight: 1, arbitrary: fc.constantFrom(...ABSTRACTS) },
  { weight: 2, arbitrary: fc.tuple(fc.constantFrom(...ABSTRACTS), fc.nat()).map(([a, n]) => a.slice(0, n % Math.min(a.length + 1, 200))) },
  {
    weight: 1,
    arbitrary: fc
      .tuple(fc.constantFrom(...ABSTRACTS), fc.nat(), fc.constantFrom(' https://github.com/x/y', ' www.x', ' www.', ' http://', ' (see https://a.b/c)', ' https://', '.'))
      .map(([a, n, end]) => a.slice(-(n % 120)) + end),
  },
);
const blank = fc.constantFrom('', ' ', '\t', '\u00a0', '\u200b');

/** Characters that normalisation folds or removes, separators the parser splits on, and broken UTF-16. */
const oddChar = fc.constantFrom(' ', '\t', '\u00a0', '\u202f', '\u2009', '\u200b', '\u200c', '\u200d', '\ufeff', '\u00ad', '\u200e', '\u200f', ',', '·', ' · ', '\ud800', '\udc00', '\u0301', '\u0000', '\u2028', 'et al', '.', '/', 'www.', 'http://');
const oddRun = fc.tuple(oddChar, fc.integer({ min: 1, max: 300 })).map(([c, n]) => c.repeat(n));

/** A line with a few mutations: a run of odd characters inserted, a tail of blanks, a character replaced, or the line repeated long. */
function mutated(line: fc.Arbitrary<string>): fc.Arbitrary<string> {
  const mutation = fc.oneof(
    fc.tuple(oddRun, fc.nat()).map(([run, at]) => (l: string) => l.slice(0, at % (l.length + 1)) + run + l.slice(at % (l.length + 1))),
    oddRun.map((run) => (l: string) => l + run),
    fc.tuple(fc.nat(), fc.string({ unit: 'binary', minLength: 1, maxLength: 2 })).map(([at, c]) => (l: string) => l.slice(0, at % (l.length + 1)) + c + l.slice((at % (l.length + 1)) + 1)),
    // Long lines; the 100 KB ones are in parser-time.test.ts.
    fc.integer({ min: 2, max: 40 }).map((n) => (l: string) => l.repeat(n).slice(0, 3_000)),
    fc.constant((l: string) => l.normalize('NFD')),
  );
  const mutations = fc.oneof({ weight: 2, arbitrary: fc.constant([]) }, { weight: 1, arbitrary: fc.array(mutation, { minLength: 1, maxLength: 3 }) });
  return fc.tuple(line, mutations).map(([l, ms]) => ms.reduce((acc, m) => m(acc), l));
}

const anyLine = fc.oneof(
  { weight: 3, arbitrary: recordLine },
  { weight: 3, arbitrary: headerLine },
  { weight: 3, arbitrary: authorLine },
  { weight: 2, arbitrary: title },
  { weight: 2, arbitrary: abstract },
  { weight: 3, arbitrary: blank },
  { weight: 3, arbitrary: fc.constantFrom(...FIXTURE_LINES) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 60 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'grapheme', maxLength: 60 }) },
);
export const pasteLine = fc.oneof({ weight: 2, arbitrary: anyLine }, { weight: 1, arbitrary: mutated(anyLine) });

/** One paper card as the grammar has it, with its optional blank lines and parts sometimes missing. */
const card = fc
  .tuple(mutated(recordLine), fc.option(title, { freq: 6 }), fc.boolean(), fc.option(mutated(authorLine), { freq: 6 }), fc.boolean(), fc.option(abstract, { freq: 5 }))
  .map(([rec, t, gap1, authors, gap2, abs]) => [rec, ...(t !== null ? [t] : []), ...(gap1 ? [''] : []), ...(authors !== null ? [authors] : []), ...(gap2 ? [''] : []), ...(abs !== null ? [abs] : [])]);

/** A scholarfeed page: menus, the header block (name, primary category, metrics, list heading), then cards. */
const page = fc
  .tuple(fc.array(pasteLine, { maxLength: 3 }), fc.option(name, { freq: 5 }), fc.option(categories, { freq: 5 }), fc.array(mutated(headerLine), { maxLength: 8 }), fc.array(card, { maxLength: 8 }), fc.array(pasteLine, { maxLength: 3 }))
  .map(([menus, n, cats, metrics, cards, tail]) => [...menus, ...(n !== null ? [n] : []), ...(cats !== null ? [cats] : []), ...metrics, ...cards.flat(), ...tail]);

const lineEnd = fc.constantFrom('\n', '\n', '\n', '\r\n', '\r');

/** Join lines with line ends drawn per line (LF mostly, CRLF and lone CR mixed in). */
function joined(lines: fc.Arbitrary<string[]>): fc.Arbitrary<string> {
  return lines.chain((ls) => fc.array(lineEnd, { minLength: ls.length, maxLength: ls.length }).map((ends) => ls.map((l, i) => l + (i < ls.length - 1 ? ends[i] : '')).join('')));
}

/** A whole paste: most often a (damaged) scholarfeed page, else a soup of lines, else any text at all. */
/**
 * A fixture of any source, cut and stirred: a range of lines dropped or repeated, two lines swapped, a
 * line replaced by another paste line, the text cut at any character, CRLF line endings. Pages of every
 * source in the shapes a partial or sloppy selection gives.
 */
const stirredFixture = fc
  .tuple(fc.constantFrom(...fixtureTexts), fc.array(fc.tuple(fc.constantFrom('drop', 'repeat', 'swap', 'replace', 'cut', 'crlf'), fc.nat(), fc.nat(), pasteLine), { minLength: 1, maxLength: 4 }))
  .map(([text, ops]) => {
    let lines = text.split('\n');
    let crlf = false;
    for (const [op, a, b, line] of ops) {
      const i = a % lines.length;
      const j = b % lines.length;
      const [lo, hi] = i <= j ? [i, j] : [j, i];
      if (op === 'drop') lines = [...lines.slice(0, lo), ...lines.slice(hi + 1)];
      else if (op === 'repeat') lines = [...lines.slice(0, hi + 1), ...lines.slice(lo, hi + 1), ...lines.slice(hi + 1)];
      else if (op === 'swap') [lines[i], lines[j]] = [lines[j]!, lines[i]!];
      else if (op === 'replace') lines[i] = line;
      else if (op === 'cut') lines = lines.slice(0, i + 1).map((l, k) => (k === i ? l.slice(0, b % (l.length + 1)) : l));
      else crlf = true;
      if (lines.length === 0) lines = [''];
    }
    return lines.join(crlf ? '\r\n' : '\n');
  });

export const paste = fc.oneof(
  { weight: 4, arbitrary: stirredFixture },
  { weight: 5, arbitrary: joined(page) },
  { weight: 3, arbitrary: joined(fc.array(pasteLine, { maxLength: 40 })) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 300 }) },
  { weight: 1, arbitrary: fc.constantFrom(...fixtureTexts) },
);
