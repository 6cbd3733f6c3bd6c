/**
 * The profile parts of a pasted Google Scholar page (FORMATS.md section 4.2): the header (name,
 * affiliation, verified email, glued interests) and the sidebar (Cited by table, the yearly chart,
 * public access, co-authors). The article table is read by google-scholar-rows.ts.
 */
import type { ParsedAuthor, ProfileMetrics } from './parsed';

/** Line numbers (0-based) with the reason each was not used; turned into the report's skipped list. */
export type SkipNotes = Map<number, string>;

const SINCE = /^\t?All\tSince (\d{4})$/;
const METRIC = /^(Citations|h-index|i10-index)\t(\d+)\t(\d+)$/;
const EMAIL = /^Verified email at (\S+)/;
const NO_EMAIL = 'No verified email';
const ARTICLE_COUNTS = /^(\d+) articles?\t(\d+) articles?$/;
const DIGITS = /^\d+$/;

/** The `Cited by` table line: `\tAll\tSince 2020` gives the year the recent column starts. */
export function sinceYear(line: string): number | null {
  const m = SINCE.exec(line);
  return m ? Number(m[1]) : null;
}

const LOCAL_ROW = /^[^\t\d]{1,40}\t(\d+)\t(\d+)$/;
const YEAR_IN = /(?:^|\D)(\d{4})(?:\D|$)/;

/**
 * The Cited by table's heading in another interface language (`\tAlle\tSeit 2020`, `\t全部\t2020 年至今`):
 * an empty first cell, a label, and a cell holding one year among words.
 * @returns the year, or null
 */
export function localSinceYear(line: string): number | null {
  const cells = line.split('\t');
  if (cells.length !== 3 || cells[0] !== '' || cells[1]!.trim() === '' || DIGITS.test(cells[2]!.trim())) return null;
  const m = YEAR_IN.exec(cells[2]!);
  return m ? Number(m[1]) : null;
}

/** The citations row of the Cited by table under another language's label (`Zitate\t9415\t5588`), or null. */
export function localCitationsLine(line: string): { key: 'citations'; all: number; recent: number } | null {
  const m = LOCAL_ROW.exec(line);
  return m ? { key: 'citations', all: Number(m[1]), recent: Number(m[2]) } : null;
}

/** A `Citations|h-index|i10-index \t all \t recent` line of the Cited by table, or null. */
export function metricLine(line: string): { key: 'citations' | 'h_index' | 'i10_index'; all: number; recent: number } | null {
  const m = METRIC.exec(line);
  if (!m) return null;
  const key = m[1] === 'Citations' ? 'citations' : m[1] === 'h-index' ? 'h_index' : 'i10_index';
  return { key, all: Number(m[2]), recent: Number(m[3]) };
}

/** Store a Cited by table row in the metrics (the first of each kind wins). */
export function addMetric(metrics: ProfileMetrics, m: NonNullable<ReturnType<typeof metricLine>>): void {
  if (metrics[m.key] !== undefined) return;
  metrics[m.key] = m.all;
  metrics[`${m.key}_recent`] = m.recent;
}

/** Whether the line is the verified-email line of the header. */
export function isEmailLine(line: string): boolean {
  return EMAIL.test(line) || line === NO_EMAIL;
}

const DOMAIN = /^[a-z0-9-]{1,63}(?:\.[a-z0-9-]{1,63}){1,6}$/;

/**
 * The domain of a verified-email line in another interface language (`Bestätigte E-Mail-Adresse bei
 * northvale.edu - Startseite`): a domain after two words or more, last or before ` - <link word>`.
 * @returns the domain, or null when the line is not shaped like one
 */
export function localEmailDomain(line: string): string | null {
  const words = line.split(' ');
  for (let n = 2; n < words.length && n < 12; n++) {
    if (!DOMAIN.test(words[n]!) || !words[n]!.includes('.')) continue;
    const rest = words.slice(n + 1);
    if (rest.length === 0 || (rest[0] === '-' && rest.length <= 3)) return words[n]!;
  }
  return null;
}

const isUpper = (c: string | undefined): boolean => c !== undefined && c !== c.toLowerCase() && c === c.toUpperCase();
const isLower = (c: string | undefined): boolean => c !== undefined && c !== c.toUpperCase() && c === c.toLowerCase();
const WORD_BREAK = ' -/&';

/**
 * Split the glued interest links: `Speech RecognitionLow-Resource NLPComputational Linguistics` ->
 * `Speech Recognition`, `Low-Resource NLP`, `Computational Linguistics`. Breaks at lower->Upper and at
 * ACRONYM->Word (`NLPComputational`). A word whose capital is followed by one lower-case letter only
 * (`McAllister`, `iOS`) is not broken: two letters are a name prefix more often than an interest.
 * A line that has commas (a browser that copies separators) is split on them instead.
 * @returns the interests in page order, trimmed, none empty
 */
export function splitInterests(line: string): string[] {
  if (line.includes(',')) return line.split(',').map((s) => s.trim()).filter((s) => s !== '');
  const chars = [...line];
  const out: string[] = [];
  let start = 0;
  let wordStart = 0;
  for (let i = 1; i < chars.length; i++) {
    const prev = chars[i - 1]!;
    const c = chars[i]!;
    if (WORD_BREAK.includes(prev)) wordStart = i;
    const lowerUpper = isLower(prev) && isUpper(c) && i - wordStart > 2;
    const acronymWord = isUpper(prev) && isUpper(c) && isLower(chars[i + 1]) && isUpper(chars[i - 2]) && i - wordStart >= 2;
    if (lowerUpper || acronymWord) {
      out.push(chars.slice(start, i).join('').trim());
      start = i;
      wordStart = i;
    }
  }
  out.push(chars.slice(start).join('').trim());
  return out.filter((s) => s !== '');
}

/**
 * Read the header lines (before the sidebar and the table, page menus already removed).
 * @param header the header lines with their 0-based line numbers
 * @returns the author card (null when no name was pasted) and the line numbers it used
 */
export function parseHeader(header: ReadonlyArray<{ i: number; text: string }>, used: Set<number>): ParsedAuthor | null {
  let k = header.findIndex((h) => isEmailLine(h.text));
  if (k < 0) k = header.findIndex((h) => localEmailDomain(h.text) !== null);
  let nameAt = -1;
  let affAt = -1;
  let interestsAt = -1;
  if (k >= 0) {
    if (k >= 2) [nameAt, affAt] = [k - 2, k - 1];
    else if (k === 1) nameAt = 0;
    if (k + 1 < header.length) interestsAt = k + 1;
  } else if (header.length > 0) {
    nameAt = 0;
    if (header.length > 1) affAt = 1;
    if (header.length > 2) interestsAt = 2;
  }
  if (nameAt < 0) return null;
  const pick = (at: number) => {
    used.add(header[at]!.i);
    return header[at]!.text.trim();
  };
  const author: ParsedAuthor = { name: pick(nameAt), affiliation: null, interests: [], homepage: null, ids: {}, metrics: {}, extra: {} };
  if (affAt >= 0) author.affiliation = pick(affAt);
  if (k >= 0) {
    const text = pick(k);
    const domain = EMAIL.exec(text)?.[1] ?? localEmailDomain(text);
    if (domain) author.extra.verified_email_domain = domain;
  }
  if (interestsAt >= 0) author.interests = splitInterests(pick(interestsAt));
  return author;
}

/**
 * Read the Public access box: `6 articles\t14 articles` under `not available\tavailable`.
 * @returns `{ not_available, available }` (labels paired by column), or null when the counts are absent
 */
export function parsePublicAccess(block: ReadonlyArray<{ i: number; text: string }>, used: Set<number>): Record<string, number> | null {
  let counts: [number, number] | null = null;
  let labels = ['not_available', 'available'];
  for (const { i, text } of block) {
    const m = ARTICLE_COUNTS.exec(text);
    if (m && !counts) {
      counts = [Number(m[1]), Number(m[2])];
      used.add(i);
    } else if (text.includes('available') && text.includes('\t')) {
      const parts = text.split('\t').map((p) => p.trim().toLowerCase().replace(' ', '_'));
      if (parts.length === 2 && parts.every((p) => p === 'available' || p === 'not_available')) {
        labels = parts;
        used.add(i);
      }
    } else if (text === 'View all' || text === 'Based on funding mandates') used.add(i);
  }
  if (!counts) return null;
  return { [labels[0]!]: counts[0], [labels[1]!]: counts[1] };
}

/**
 * Read the co-author list: name line, affiliation line, repeated (`View all` links dropped).
 * @returns `[{ name, affiliation }]` in page order; a name with no line after it has affiliation null
 */
export function parseCoauthors(block: ReadonlyArray<{ i: number; text: string }>, used: Set<number>): Array<{ name: string; affiliation: string | null }> {
  const rows = block.filter((b) => {
    if (b.text !== 'View all') return true;
    used.add(b.i);
    return false;
  });
  const out: Array<{ name: string; affiliation: string | null }> = [];
  for (let n = 0; n < rows.length; n += 2) {
    const name = rows[n]!;
    const aff = rows[n + 1];
    used.add(name.i);
    if (aff) used.add(aff.i);
    out.push({ name: name.text.trim(), affiliation: aff ? aff.text.trim() : null });
  }
  return out;
}

/** True when `years` are consecutive calendar years (`2018`, `2019`, …), each four digits. */
function consecutiveYears(years: readonly string[]): boolean {
  return years.every((y, n) => y.length === 4 && Number(y) >= 1900 && Number(y) <= 2100 && (n === 0 || Number(y) === Number(years[n - 1]) + 1));
}

/** A run of glued year labels (`20182019…2025`) split into years, or null. */
function gluedYears(token: string): string[] | null {
  if (token.length < 8 || token.length % 4 !== 0) return null;
  const years: string[] = [];
  for (let at = 0; at < token.length; at += 4) years.push(token.slice(at, at + 4));
  return consecutiveYears(years) ? years : null;
}

/**
 * Read the Cited by chart under the metrics. Its year labels and bar values are glued in most copies
 * (`20182019…` / `412533688…`): the values cannot be told apart, so they are not guessed. When each value
 * stands apart (own line, or TAB/space separated) and there is one per year label, they are paired by
 * year: labels first then values, or year/value pairs.
 * @param block the lines between the Cited by table and the next sidebar box
 * @returns `{ "2018": 412, … }` or null; unusable lines go to `notes`, an unreadable chart to `warnings`
 */
export function parseHistogram(block: ReadonlyArray<{ i: number; text: string }>, used: Set<number>, notes: SkipNotes, warnings: string[]): Record<string, number> | null {
  let labels: string[] | null = null;
  let labelLine = -1;
  const tokens: string[] = [];
  const tokenLines: number[] = [];
  let glued: { i: number; text: string } | null = null;
  for (const { i, text } of block) {
    const parts = text.split(/[\t ]/).filter((p) => p !== '');
    if (parts.length === 0 || !parts.every((p) => DIGITS.test(p))) {
      notes.set(i, 'not part of the Cited by chart');
      continue;
    }
    const years: string[] | null = parts.length === 1 && !labels ? gluedYears(parts[0]!) : null;
    if (years) {
      labels = years;
      labelLine = i;
    } else if (parts.length === 1 && parts[0]!.length > 5) {
      glued ??= { i, text };
      notes.set(i, 'the Cited by chart values are glued together and cannot be told apart');
    } else {
      tokens.push(...parts);
      tokenLines.push(i);
    }
  }
  const fail = (why: string): null => {
    if (labelLine >= 0) notes.set(labelLine, 'year labels of the Cited by chart, whose values could not be read');
    for (const i of tokenLines) notes.set(i, 'the Cited by chart values could not be paired with years');
    warnings.push(why);
    return null;
  };
  if (glued) {
    return fail(`The yearly citation counts of the Cited by chart are glued together in the paste ("${glued.text.slice(0, 24)}"), so they were not read (line ${glued.i + 1}); the totals were.`);
  }
  if (tokens.length === 0) {
    if (labelLine >= 0) notes.set(labelLine, 'year labels of the Cited by chart with no values');
    return null;
  }
  let pairs: Array<[string, string]> | null = null;
  if (labels) {
    if (tokens.length === labels.length) pairs = labels.map((y, n) => [y, tokens[n]!]);
  } else if (tokens.length % 2 === 0) {
    const half = tokens.length / 2;
    const first = tokens.slice(0, half);
    const even = tokens.filter((_, n) => n % 2 === 0);
    if (consecutiveYears(first)) pairs = first.map((y, n) => [y, tokens[half + n]!]);
    else if (consecutiveYears(even)) pairs = even.map((y, n) => [y, tokens[2 * n + 1]!]);
  }
  if (!pairs) {
    const shown = labels ? `${labels.length} year labels for ${tokens.length} values` : `${tokens.length} numbers that do not pair up as years and values`;
    return fail(`The Cited by chart has ${shown}, so its yearly counts were not read (line ${tokenLines[0]! + 1}).`);
  }
  if (labelLine >= 0) used.add(labelLine);
  for (const i of tokenLines) used.add(i);
  return Object.fromEntries(pairs.map(([y, v]) => [y, Number(v)]));
}
