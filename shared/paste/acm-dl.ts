/**
 * Parser for a pasted ACM Digital Library author profile (FORMATS.md section 4.9, low-medium confidence):
 *
 *   cookie banner / <Name> / <Affiliation, City, Country>
 *   Bibliometrics: label/value pairs (`Average Citation per Article` / `12`, ...; glued or value first tolerated)
 *   Published Works
 *   per item: research-article | short-paper | poster | survey ... / [Open Access] / <Title> / <A>, <B>[, + N]
 *             <Venue>•<Month YYYY>•[Article No.: N, ]pp A–B•https://doi.org/10.1145/…
 *             Total Citations<N> / Total Downloads<N,NNN>
 *
 * The `•` separators are CSS in some layouts and then missing: the venue line is read by anchors
 * (the month and year, `Article No.:`, `pp `, `https://doi.org/`) rather than by splitting on `•`.
 */
import { splitAuthorList } from './author-lists';
import { parseCount } from './normalise';
import { contentLines, countAfterLabel, findDoi, findMonthYear, isChromeLine, isNameWord, NAME_PARTICLES } from './page-chrome';
import type { ParsedAuthor, ParseOutcome, ProfileMetrics, SkippedLine } from './parsed';
import { emptyAuthor, emptyPaper } from './paper-shape';
import type { PasteFormat } from './paste-format';
import { readTypeLedRecords, type TypeLedRecord, type TypeLedWords } from './type-led-records';

/** ACM's publication type labels (lower case, hyphenated) that start a record. */
export const ACM_TYPES = new Set([
  'research-article', 'short-paper', 'poster', 'survey', 'review-article', 'abstract', 'extended-abstract', 'editorial', 'tutorial',
  'demonstration', 'keynote', 'panel', 'invited-talk', 'note', 'column', 'introduction', 'news', 'chapter', 'book', 'proceeding',
  'technical-note', 'doctoral-thesis', 'work-in-progress', 'opinion', 'letter', 'correction', 'other', 'article', 'short-talk', 'competition',
]);
const ACCESS_TAGS = new Set(['Open Access', 'Free', 'Public Access', 'Free Access']);

/**
 * The type line of a card: `research-article` (any case: a stylesheet may upper-case it), alone or
 * glued to an access tag (`research-articleOpen Access`).
 * @returns the type as printed and the access tag, or null
 */
export function matchAcmType(line: string): { type: string; access: string | null } | null {
  const t = line.trim();
  if (t.length > 40) return null;
  if (isTypeLabel(t)) return { type: t, access: null };
  for (const tag of ACCESS_TAGS) {
    const type = t.slice(0, t.length - tag.length).trim();
    if (t.endsWith(tag) && isTypeLabel(type)) return { type, access: tag };
  }
  return null;
}

/** A type label as printed: lower case, or all upper case (a stylesheet's text-transform); `Abstract` or `Introduction` is a heading, not a type. */
function isTypeLabel(text: string): boolean {
  return (text === text.toLowerCase() || text === text.toUpperCase()) && ACM_TYPES.has(text.toLowerCase());
}

type MetricKey = keyof ProfileMetrics;
const BIBLIOMETRICS: ReadonlyArray<{ label: string; key: MetricKey }> = [
  // Longer labels first: `Downloads (cumulative)` must not be read as another `Downloads` label.
  { label: 'Average Citation per Article', key: 'avg_citations_per_article' },
  { label: 'Average Downloads per Article', key: 'avg_downloads_per_article' },
  { label: 'Citation count', key: 'citations' },
  { label: 'Publication counts', key: 'paper_count' },
  { label: 'Publication Years', key: 'publication_years' },
  { label: 'Available for Download', key: 'available_for_download' },
  { label: 'Downloads (cumulative)', key: 'downloads_cumulative' },
  { label: 'Downloads (12 months)', key: 'downloads_12_months' },
  { label: 'Downloads (6 weeks)', key: 'downloads_6_weeks' },
];
const YEARS = /^\d{4} ?[-–] ?\d{4}$/;

/** How many ACM DL signature line shapes the lines show (FORMATS.md section 2). */
export function acmSignatures(lines: readonly string[]): number {
  let score = 0;
  for (const raw of lines) {
    const line = raw.trim();
    if (line === 'Average Citation per Article' || line === 'Downloads (6 weeks)' || line === 'Average Downloads per Article' || line.toLowerCase() === 'research-article') score++;
    else if (countAfterLabel(line, 'Total Citations') !== null || countAfterLabel(line, 'Total Downloads') !== null) score++;
    else if (line.length < 600 && (line.includes('•https://doi.org/10.1145/') || line.includes('• https://doi.org/10.1145/'))) score++;
  }
  return score;
}

/** The parts of a venue line: `<Venue>•<Month YYYY>•[Article No.: N, ]pp A–B•https://doi.org/…`, with or without `•`. */
export function splitAcmVenueLine(line: string): {
  venue: string | null; date: string | null; year: number | null; articleNo: string | null; pages: string | null; doi: string | null; volume: string | null; issue: string | null;
} {
  let text = line;
  let doi: string | null = null;
  const doiAt = text.indexOf('https://doi.org/');
  if (doiAt >= 0) {
    doi = findDoi(text.slice(doiAt));
    text = text.slice(0, doiAt);
  } else if (text.includes('doi.org/')) {
    doi = findDoi(text);
    text = text.slice(0, text.indexOf('doi.org/')).replace(/(?:https?:\/\/)$/, '');
  }
  const my = findMonthYear(text) ?? findMonthYear(text, true);
  let venue: string;
  let after: string;
  let date: string | null = null;
  let year: number | null = null;
  if (my) {
    venue = text.slice(0, my.start);
    after = text.slice(my.end);
    date = my.date;
    year = my.year;
  } else {
    const cut = firstOf(text, ['Article No.:', 'pp ', 'pp. ']);
    venue = cut >= 0 ? text.slice(0, cut) : text;
    after = cut >= 0 ? text.slice(cut) : '';
  }
  let articleNo: string | null = null;
  let pages: string | null = null;
  const art = after.indexOf('Article No.:');
  if (art >= 0) {
    const m = /^\s?([^\s,•]{1,20})/.exec(after.slice(art + 'Article No.:'.length));
    articleNo = m ? m[1]! : null;
  }
  const pp = after.indexOf('pp ');
  const ppDot = after.indexOf('pp. ');
  const ppAt = ppDot >= 0 && (pp < 0 || ppDot < pp) ? ppDot + 4 : pp >= 0 ? pp + 3 : -1;
  if (ppAt >= 0) {
    const m = /^\s?([^\s,•]{1,40})/.exec(after.slice(ppAt));
    pages = m ? m[1]! : null;
  }
  venue = trimSeparators(venue);
  let volume: string | null = null;
  let issue: string | null = null;
  const vol = /, Volume ([^\s,]{1,12})(?:, Issue ([^\s,]{1,12}))?$/.exec(venue);
  if (vol) {
    volume = vol[1]!;
    issue = vol[2] ?? null;
    venue = venue.slice(0, vol.index);
  }
  return { venue: venue === '' ? null : venue, date, year, articleNo, pages, doi, volume, issue };
}

function firstOf(text: string, needles: readonly string[]): number {
  let best = -1;
  for (const n of needles) {
    const at = text.indexOf(n);
    if (at >= 0 && (best < 0 || at < best)) best = at;
  }
  return best;
}

/** The text without `•`, `,` and spaces at its ends (a scan, not a regex). */
function trimSeparators(text: string): string {
  let s = 0;
  let e = text.length;
  while (s < e && ' •,'.includes(text[s]!)) s++;
  while (e > s && ' •,'.includes(text[e - 1]!)) e--;
  return text.slice(s, e);
}

/** A venue line: has a DOI link, `•`, `Article No.:` or `pp `+digit, or the month and year. */
function isVenueLine(text: string): boolean {
  return text.includes('doi.org/') || text.includes('•') || text.includes('Article No.:') || /(?:^|[^A-Za-z])pp\.? \d/.test(text) || findMonthYear(text) !== null || findMonthYear(text, true) !== null;
}

const ACM_RECORD_WORDS: TypeLedWords = {
  missingAfterTitle: 'venue, date and citations',
  noTitleReason: 'publication type with no title after it',
  incompleteWarning: (line, title) => `Paper on line ${line} ("${title}") has no venue line.`,
};

/**
 * Parse an ACM DL profile from normalised lines.
 * @param lines normaliseLines of the paste (CRLF already folded)
 * @returns the profile and a report of skipped lines and of a record cut at the end. Never throws; linear.
 */
export function parseAcmLines(lines: readonly string[]): ParseOutcome {
  const skipped: SkippedLine[] = [];
  const warnings: string[] = [];
  const starts: number[] = [];
  lines.forEach((l, i) => {
    if (matchAcmType(l)) starts.push(i);
  });
  const author = parseHeader(lines, starts.length > 0 ? starts[0]! : lines.length, skipped);
  const { papers, incompleteTail } = readTypeLedRecords(lines, starts, (start, end) => readRecord(lines, start, end, skipped), ACM_RECORD_WORDS, skipped, warnings);
  skipped.sort((a, b) => a.line - b.line);
  const count = author?.metrics.paper_count;
  if (count !== undefined && count > papers.length) {
    warnings.push(`The profile counts ${count} publications; the paste holds ${papers.length}. Show all of Published Works before copying to get the rest.`);
  }
  return {
    profile: { source: 'acm_dl', source_url_hint: 'https://dl.acm.org/profile/<numeric id>', author, papers },
    report: { skipped, incompleteTail, warnings },
  };
}

function readRecord(lines: readonly string[], start: number, end: number, skipped: SkippedLine[]): TypeLedRecord {
  let title: string | null = null;
  let authorLine: string | null = null;
  let venueLine: string | null = null;
  let citations: number | null = null;
  const extra: Record<string, unknown> = {};
  const head = matchAcmType(lines[start]!)!;
  if (head.access) extra.access = head.access;
  // `Total Downloads` ends a card: what follows before the next type line is page footer or other text.
  let ended = false;
  let pending: 'citations' | 'downloads' | null = null;
  for (const { index, text } of contentLines(lines, start + 1, end)) {
    const cites = countAfterLabel(text, 'Total Citations');
    const downloads = countAfterLabel(text, 'Total Downloads');
    const count = pending ? parseCount(text) : null;
    if (count !== null) {
      if (pending === 'citations') citations = count;
      else extra.downloads = count;
      ended ||= pending === 'downloads';
      pending = null;
    } else if (text === 'Total Citations' || text === 'Total Downloads') pending = text === 'Total Citations' ? 'citations' : 'downloads';
    else if (ACCESS_TAGS.has(text)) extra.access = text;
    else if (cites !== null) citations = cites;
    else if (downloads !== null) [extra.downloads, ended] = [downloads, true];
    else if (isChromeLine(text)) continue;
    else if (ended) skipped.push({ line: index + 1, text: lines[index]!, reason: 'after the publication (page footer or other text)' });
    else if (title === null) title = text;
    else if (venueLine === null && authorLine === null && !isVenueLine(text)) authorLine = text;
    else if (venueLine === null && isVenueLine(text)) venueLine = text;
    else skipped.push({ line: index + 1, text: lines[index]!, reason: 'not recognised in an ACM publication' });
  }
  if (title === null) return { paper: null, complete: false };
  const paper = emptyPaper(title);
  paper.type = head.type;
  paper.citations = citations;
  if (authorLine) {
    // `A, B + 4` (no comma before the count) reads like `A, B, + 4`.
    const more = /[^,] \+ ?(\d{1,4})$/.exec(authorLine);
    const list = splitAuthorList(more ? `${authorLine.slice(0, more.index + 1)}, +${more[1]}` : authorLine, ',');
    paper.authors = list.authors;
    paper.authors_truncated = list.truncated;
    paper.author_count = list.authorCount;
    paper.equal_contribution = list.equalContribution;
  }
  if (venueLine) {
    const v = splitAcmVenueLine(venueLine);
    paper.venue = v.venue;
    paper.date = v.date;
    paper.year = v.year;
    paper.pages = v.pages;
    if (v.doi) paper.ids.doi = v.doi;
    if (v.articleNo) extra.article_no = v.articleNo;
    if (v.volume) extra.volume = v.volume;
    if (v.issue) extra.issue = v.issue;
  }
  paper.extra = extra;
  return { paper, complete: venueLine !== null };
}

function parseHeader(lines: readonly string[], end: number, skipped: SkippedLine[]): ParsedAuthor | null {
  const content = contentLines(lines, 0, end);
  const used = new Set<number>();
  const metrics: Record<string, number | string> = {};
  let firstMetric = -1;
  const valueFirst = valuesBeforeLabels(content);
  content.forEach(({ index, text: printed }, k) => {
    // Labels in any case: `Citation count` and `Citation Count` have both been printed.
    const text = printed.toLowerCase();
    for (const { label: shown, key } of BIBLIOMETRICS) {
      const label = shown.toLowerCase();
      if (!text.startsWith(label) && !text.endsWith(label)) continue;
      const glued = text === label ? null : text.startsWith(label) ? text.slice(label.length).trim() : text.slice(0, text.length - label.length).trim();
      let value = glued !== null ? readMetric(key, glued) : null;
      let valueAt = -1;
      // Label then value as the grammar has it; value then label when the page printed them so.
      for (const near of glued !== null ? [] : valueFirst ? [content[k - 1], content[k + 1]] : [content[k + 1], content[k - 1]]) {
        if (value !== null || !near || used.has(near.index) || labelOf(near.text)) continue;
        value = readMetric(key, near.text);
        if (value !== null) valueAt = near.index;
      }
      if (value === null) return;
      if (metrics[key] === undefined) metrics[key] = value;
      used.add(index);
      if (valueAt >= 0) used.add(valueAt);
      if (firstMetric === -1) firstMetric = k;
      return;
    }
    if (text === 'bibliometrics' || text === 'published works' || text === 'author profile') used.add(index);
  });
  let nameAt = -1;
  // The name comes before the bibliometrics. With none, a paste that starts inside a card (a venue line,
  // a count) has no name: a short title there must not become one.
  const cardLines = content.some(({ text }) => isVenueLine(text) || countAfterLabel(text, 'Total Citations') !== null || countAfterLabel(text, 'Total Downloads') !== null);
  const limit = firstMetric !== -1 ? firstMetric : cardLines ? 0 : content.length;
  for (let k = 0; k < limit; k++) {
    const { index, text } = content[k]!;
    if (!used.has(index) && !isChromeLine(text) && looksLikeName(text)) {
      nameAt = k;
      break;
    }
  }
  let author: ParsedAuthor | null = null;
  if (nameAt >= 0) {
    author = emptyAuthor(content[nameAt]!.text);
    used.add(content[nameAt]!.index);
    const aff = content[nameAt + 1];
    if (aff && !used.has(aff.index) && !isChromeLine(aff.text) && !labelOf(aff.text) && aff.text !== 'Bibliometrics') {
      author.affiliation = aff.text;
      used.add(aff.index);
    }
    author.metrics = metrics as ProfileMetrics;
  }
  for (const { index, text } of content) {
    if (!used.has(index) && !isChromeLine(text)) skipped.push({ line: index + 1, text: lines[index]!, reason: author ? 'not part of the ACM profile header' : 'before the first publication' });
  }
  return author;
}

/**
 * Whether the bibliometrics print each value before its label: the last bare label is then not
 * followed by a value (it is followed by `Published Works` or nothing).
 */
function valuesBeforeLabels(content: ReadonlyArray<{ text: string }>): boolean {
  for (let k = content.length - 1; k >= 0; k--) {
    const t = content[k]!.text.toLowerCase();
    const entry = BIBLIOMETRICS.find((b) => b.label.toLowerCase() === t);
    if (!entry) continue;
    const next = content[k + 1];
    return !(next && !labelOf(next.text) && readMetric(entry.key, next.text) !== null);
  }
  return false;
}

function labelOf(text: string): boolean {
  const t = text.toLowerCase();
  return BIBLIOMETRICS.some((b) => t.startsWith(b.label.toLowerCase()) || t.endsWith(b.label.toLowerCase()));
}

function readMetric(key: MetricKey, text: string): number | string | null {
  const t = text.trim();
  if (key === 'publication_years') return YEARS.test(t) ? t : null;
  if (key === 'avg_citations_per_article' || key === 'avg_downloads_per_article') {
    const m = /^(\d{1,3}(?:,\d{3}){0,4}|\d{1,12})(?:\.(\d{1,6}))?$/.exec(t);
    return m ? Number(`${m[1]!.replace(/,/g, '')}${m[2] ? `.${m[2]}` : ''}`) : null;
  }
  return parseCount(t);
}

/** Menu words of the ACM site that look like names. */
const SITE_WORDS = new Set(['ACM Digital Library', 'Advanced Search', 'Browse', 'Journals', 'Magazines', 'Proceedings', 'Books', 'SIGs', 'Conferences', 'People', 'Author Profile', 'Author Profile Page', 'Colleagues', 'Bibliometrics', 'Published Works', 'Publications', 'Institutions']);

/** 1 to 6 words, each starting with a capital or in a script without case; no digits, comma or colon. */
function looksLikeName(text: string): boolean {
  if (text.length > 80 || SITE_WORDS.has(text) || /[\d,:]/.test(text)) return false;
  const words = text.split(' ');
  return words.length <= 6 && words.some((w) => !NAME_PARTICLES.has(w)) && words.every(isNameWord);
}

/** The ACM Digital Library profile in the list of formats (formats.ts). */
export const acmDlFormat: PasteFormat = {
  id: 'acm_dl',
  source: 'acm_dl',
  label: 'ACM Digital Library profile',
  site: 'ACM Digital Library',
  isProfile: true,
  signatures: acmSignatures,
  parse: parseAcmLines,
  noPapersHint: 'the paste has no publication lines such as "research-article" followed by a title. Open Published Works and copy the whole page.',
};
