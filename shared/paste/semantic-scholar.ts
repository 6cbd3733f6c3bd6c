/**
 * Parser for a pasted Semantic Scholar author page (FORMATS.md section 4.3, reconstructed: read
 * tolerantly):
 *
 *   Skip to search formSkip to main contentSkip to account menu / Semantic Scholar's Logo / Search … / Sign In
 *   <Name> / [<Affiliation>]
 *   Publications / <N> / h-index / <N> / Citations / <N,NNN> / Highly Influential Citations / <N>
 *   Follow / Claim Author Page / … tabs and filters … / Sort by <order>
 *   cards (semantic-scholar-papers.ts), pagination `1 2 3 … Next`, footer (`Stay Connected With Semantic Scholar` …)
 *
 * Only the first page of publications is pasted: `paper_count` is the header's figure, not the number
 * of cards. Written by hand: no library reads this page's copied text.
 */
import { parseCount } from './normalise';
import type { ParsedAuthor, ParseOutcome, ProfileMetrics, SkippedLine } from './parsed';
import type { PasteFormat } from './paste-format';
import { parseCards, type Line } from './semantic-scholar-papers';

const SKIP_LINKS = 'Skip to search formSkip to main contentSkip to account menu';
const LOGO = "Semantic Scholar's Logo";
const SEARCH_LINE = /^Search [\d,]+ papers from all fields of science$/;
const PLUS_AUTHORS = /, \+\d{1,5} authors?(?:,|$)/;
/** Metric labels of the header, each followed by its value (same line, glued, or next line). */
const METRICS: ReadonlyArray<[string, keyof ProfileMetrics]> = [
  ['Highly Influential Citations', 'highly_influential_citations'],
  ['Publications', 'paper_count'],
  ['h-index', 'h_index'],
  ['Citations', 'citations'],
];
/** Menus, tabs, filters and buttons of the page around the cards. */
const PAGE_UI = new Set([
  'Search', 'Sign In', 'Create Free Account', 'Follow', 'Claim Author Page', 'Publications', 'Citing Authors', 'Referenced Authors',
  'Co-Authors', 'Co-Author Graph', 'Influence', 'Filter by', 'Fields of Study', 'Has PDF', 'Publication Type', 'Author',
  'Journals & Conferences', 'Date Range', 'Clear', 'Share', 'Alert', 'Claim', 'Previous', 'Next', '…', '...',
  'Sort by', 'Most Influential Papers', 'Citation Count', 'Recency',
]);
const UI_SENTENCE = 'Author pages are created from data sourced from';
const FOOTER_START = new Set(['Stay Connected With Semantic Scholar', 'What Is Semantic Scholar?', 'Proudly built by Ai2']);
const DIGITS = /^\d{1,4}$/;

/**
 * How many Semantic Scholar line shapes the lines show (FORMATS.md section 2): the glued skip links,
 * the logo, `Highly Influential Citations`, `Claim Author Page`, `TLDR`, `Author pages are created…`,
 * the footer, and author lists with `, +N authors,`.
 */
export function semanticScholarSignatures(lines: readonly string[]): number {
  let score = 0;
  lines.forEach((line, n) => {
    // The card buttons `Save` then `Cite`, in that order on consecutive lines.
    if (line === 'Cite' && lines[n - 1] === 'Save') score++;
    else if (
      line.startsWith(SKIP_LINKS) ||
      line.includes(LOGO) ||
      line === 'Highly Influential Citations' ||
      line === 'Claim Author Page' ||
      line === 'TLDR' ||
      line.startsWith(UI_SENTENCE) ||
      line === 'Stay Connected With Semantic Scholar' ||
      PLUS_AUTHORS.test(line)
    ) {
      score++;
    }
  });
  return score;
}

/** A count as the header prints it: digits with separators, or `4.9k`. */
const COUNT_CHARS = '0123456789,.kKM';

/**
 * The metrics a header line holds: one label (`h-index`, its value on the next line), a label with its
 * value (`h-index 23`, `h-index23`), or several glued (`Publications87h-index23Citations4,912`).
 * @returns the metrics in line order (value null: on the next line), or null when the line is not metrics
 */
function metricsOf(text: string): Array<{ key: keyof ProfileMetrics; value: number | null }> | null {
  const out: Array<{ key: keyof ProfileMetrics; value: number | null }> = [];
  let at = 0;
  while (at < text.length) {
    const found = METRICS.find(([label]) => text.startsWith(label, at));
    if (!found) return null;
    at += found[0].length;
    while (text[at] === ' ' || text[at] === '\t') at++;
    const from = at;
    while (at < text.length && COUNT_CHARS.includes(text[at]!)) at++;
    const digits = text.slice(from, at);
    while (text[at] === ' ' || text[at] === '\t') at++;
    if (digits === '') {
      if (at < text.length) return null;
      out.push({ key: found[1], value: null });
      break;
    }
    const value = parseCount(digits);
    if (value === null) return null;
    out.push({ key: found[1], value });
  }
  return out.length > 0 ? out : null;
}

/**
 * Parse a Semantic Scholar author page from its normalised lines (normaliseLines).
 * @param lines line i is line i+1 of the paste
 * @returns the profile in the fixture shape (`author` null when the header was not pasted) and a report:
 *   skipped lines with reasons, a card cut at the end (`incompleteTail`, not among the papers), warnings
 *   (e.g. the header counts more publications than the paste holds). Never throws; linear.
 */
export function parseSemanticScholarLines(lines: readonly string[]): ParseOutcome {
  const notes = new Map<number, string>();
  const used = new Set<number>();
  const warnings: string[] = [];
  const metrics: ProfileMetrics = {};
  const nonBlank: Line[] = [];
  lines.forEach((text, i) => {
    if (text.trim() !== '') nonBlank.push({ i, text });
  });

  // The footer starts at its first known line; the pagination is the run of small numbers before `Next`.
  let end = nonBlank.findIndex((l) => FOOTER_START.has(l.text.trim()));
  if (end < 0) end = nonBlank.length;
  for (let n = end - 1; n >= 0; n--) {
    const t = nonBlank[n]!.text.trim();
    if (t !== 'Next' && t !== 'Previous') continue;
    let s = n;
    while (s > 0 && (DIGITS.test(nonBlank[s - 1]!.text.trim()) || nonBlank[s - 1]!.text.trim() === '…')) s--;
    if (s < n) end = s;
    break;
  }
  for (const l of nonBlank.slice(end)) notes.set(l.i, 'page footer or pagination');

  // The header runs to the last metric value, then the tabs and filters to the `Sort by` line.
  let firstMetric = -1;
  let headerEnd = 0;
  for (let n = 0; n < Math.min(end, 80); n++) {
    const found = metricsOf(nonBlank[n]!.text.trim());
    if (!found && firstMetric >= 0) break;
    if (!found) continue;
    let valueAt = n;
    for (const m of found) {
      let value = m.value;
      if (value === null) {
        value = nonBlank[n + 1] ? parseCount(nonBlank[n + 1]!.text) : null;
        if (value === null) continue;
        valueAt = n + 1;
      }
      if (metrics[m.key] === undefined) (metrics as Record<string, number>)[m.key] = value;
    }
    if (valueAt === n && found.some((m) => m.value === null)) continue;
    if (firstMetric < 0) firstMetric = n;
    used.add(nonBlank[n]!.i);
    used.add(nonBlank[valueAt]!.i);
    headerEnd = valueAt + 1;
    n = valueAt;
  }
  let bodyStart = headerEnd;
  for (let n = headerEnd; n < Math.min(end, headerEnd + 60); n++) {
    const t = nonBlank[n]!.text.trim();
    if (t.startsWith('Sort by')) {
      bodyStart = n + 1;
      break;
    }
  }
  const author = readName(nonBlank.slice(0, firstMetric < 0 ? 0 : firstMetric), used, notes);
  if (author) author.metrics = metrics;
  for (const l of nonBlank.slice(headerEnd, bodyStart)) notes.set(l.i, 'page menu, tab or filter');

  const body = nonBlank.slice(bodyStart, end).filter((l) => {
    const t = l.text.trim();
    if ((!PAGE_UI.has(t) && !t.startsWith(UI_SENTENCE)) || t === 'Share' || t === 'Alert') return true;
    notes.set(l.i, 'page menu or button');
    return false;
  });
  const cards = parseCards(body, firstMetric < 0 && bodyStart === 0);
  for (const i of cards.used) used.add(i);
  for (const [i, why] of cards.notes) notes.set(i, why);
  warnings.push(...cards.warnings);
  const papers = cards.papers;
  if (papers.length === 0 && author !== null && cards.incompleteTail === null) {
    warnings.push('No publication cards were found under the author header. Open the Publications tab of the author page, then select all and copy again.');
  } else if (metrics.paper_count !== undefined && metrics.paper_count > papers.length) {
    warnings.push(`The page header counts ${metrics.paper_count} publications; the paste holds ${papers.length}. Semantic Scholar shows one page of publications at a time.`);
  }

  const skipped: SkippedLine[] = [];
  for (const l of nonBlank) {
    if (!used.has(l.i)) skipped.push({ line: l.i + 1, text: l.text, reason: notes.get(l.i) ?? 'not part of the Semantic Scholar author page' });
  }
  return {
    profile: { source: 'semantic_scholar', source_url_hint: 'https://www.semanticscholar.org/author/<name>/<id>', author, papers },
    report: { skipped, incompleteTail: cards.incompleteTail, warnings },
  };
}

/**
 * The name and affiliation. After the site menu, the grammar puts the name first and the affiliation
 * second; lines after those two are reported. A paste that starts below the menu may start with
 * anything, so there the last two lines before the metrics are taken.
 */
function readName(header: readonly Line[], used: Set<number>, notes: Map<number, string>): ParsedAuthor | null {
  let lastJunk = -1;
  const kept: Line[] = [];
  header.forEach((l, n) => {
    const t = l.text.trim();
    if (t.startsWith(SKIP_LINKS) || t.includes(LOGO) || SEARCH_LINE.test(t) || PAGE_UI.has(t)) {
      notes.set(l.i, 'page menu');
      lastJunk = n;
    }
  });
  header.forEach((l, n) => {
    const t = l.text.trim();
    if (!(t.startsWith(SKIP_LINKS) || t.includes(LOGO) || SEARCH_LINE.test(t) || PAGE_UI.has(t))) {
      if (n > lastJunk || lastJunk < 0) kept.push(l);
      else notes.set(l.i, 'among the page menu');
    }
  });
  if (kept.length === 0) return null;
  const [nameLine, affLine] = lastJunk >= 0 || kept.length < 2 ? [kept[0]!, kept[1] ?? null] : [kept[kept.length - 2]!, kept[kept.length - 1]!];
  for (const l of kept) if (l !== nameLine && l !== affLine) notes.set(l.i, lastJunk >= 0 ? 'after the name and affiliation' : 'before the name');
  used.add(nameLine.i);
  if (affLine) used.add(affLine.i);
  return {
    name: nameLine.text.trim(),
    affiliation: affLine ? affLine.text.trim() : null,
    interests: [],
    homepage: null,
    ids: {},
    metrics: {},
    extra: {},
  };
}

/** The Semantic Scholar author page in the list of formats (formats.ts). */
export const semanticScholarFormat: PasteFormat = {
  id: 'semantic_scholar',
  source: 'semantic_scholar',
  label: 'Semantic Scholar author page',
  site: 'Semantic Scholar',
  isProfile: true,
  signatures: semanticScholarSignatures,
  parse: parseSemanticScholarLines,
  noPapersHint:
    'the paste has no publication cards (title, authors, date, citation count). Open the author page with its Publications tab showing, then select all and copy.',
};
