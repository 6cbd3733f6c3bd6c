/**
 * Line tests of the generic block parser (FORMATS.md section 5.0): what looks like a title, an author
 * list, a line that dates or identifies a paper, prose, and link words. Kept apart from the parser so
 * each test can be checked on its own. All are scans or bounded, anchored patterns (linear).
 */
import { splitAuthorList } from './author-lists';
import { parsePageDate } from './dates';
import { isCapital, isInitials, isLower } from './page-chrome';

const FUNCTION_WORDS = new Set([
  'the', 'a', 'an', 'and', 'of', 'to', 'in', 'is', 'was', 'were', 'are', 'be', 'been', 'it', 'this', 'that', 'for', 'on', 'with', 'at', 'as',
  'by', 'from', 'have', 'has', 'had', 'will', 'would', 'can', 'could', 'should', 'not', 'but', 'or', 'if', 'so', 'than', 'then', 'there',
  'their', 'they', 'he', 'she', 'his', 'her', 'its', 'which', 'who', 'also', 'just', 'about', 'into', 'all', 'more', 'some', 'when',
]);
const PRONOUNS = new Set(['i', 'we', 'our', 'us', 'you', 'your', 'my', 'me', "i'm", "we're", "you're", "it's", "don't", "i'll", "we'll"]);
const PARTICLES = new Set(['van', 'der', 'den', 'de', 'la', 'le', 'du', 'del', 'della', 'di', 'da', 'dos', 'das', 'do', 'von', 'zu', 'ter', 'ten', 'bin', 'binti', 'ibn', 'al', 'el', 'y', 'e', 'lo', 'st.']);
/** Words of link rows under a paper (`[PDF] [Code] [BibTeX]`, `PDF | Code | Slides`). */
const LINK_WORDS = new Set(['pdf', 'code', 'bibtex', 'bib', 'slides', 'video', 'project', 'project page', 'poster', 'abstract', 'arxiv', 'doi', 'website', 'data', 'dataset', 'talk', 'github', 'demo', 'paper', 'supplementary', 'supp', 'html', 'cite', 'publisher', 'preprint', 'blog', 'model', 'models', 'weights', 'url', 'link', 'ris', 'endnote']);
/** Lines that name the kind of publication (repository listings). */
export const TYPE_WORDS = new Set(['article', 'journal article', 'conference paper', 'conference proceedings', 'proceedings paper', 'preprint', 'thesis', 'doctoral thesis', "master's thesis", 'phd thesis', 'book', 'book chapter', 'chapter', 'report', 'technical report', 'dataset', 'software', 'working paper', 'review', 'editorial', 'poster', 'presentation']);

function words(text: string): string[] {
  return text.split(' ').filter((w) => w !== '');
}

/**
 * Whether a line reads like running prose (an email, a news paragraph, a README sentence) rather than
 * a title or a reference: personal pronouns in a sentence, or mostly function words.
 */
export function isProse(text: string): boolean {
  const ws = words(text.toLowerCase());
  if (ws.length === 0) return false;
  let fn = 0;
  let pronoun = false;
  for (const raw of ws) {
    const w = stripPunctuation(raw);
    if (FUNCTION_WORDS.has(w)) fn++;
    if (PRONOUNS.has(w)) pronoun = true;
  }
  const sentence = /[.!?:]$/.test(text);
  return (pronoun && (sentence || ws.length > 6)) || (ws.length >= 6 && fn / ws.length > 0.45) || (sentence && ws.length > 25);
}

function stripPunctuation(w: string): string {
  let s = 0;
  let e = w.length;
  while (s < e && !isLetterOrDigit(w[s]!)) s++;
  while (e > s && !isLetterOrDigit(w[e - 1]!) && w[e - 1] !== "'") e--;
  return w.slice(s, e);
}

function isLetterOrDigit(c: string): boolean {
  return (c >= '0' && c <= '9') || c.toLowerCase() !== c.toUpperCase() || c.charCodeAt(0) > 0x2e7f;
}

/** A title: 12–300 characters of two words or more, not ending in a comma, not prose, no e-mail address, not a greeting. */
export function isTitleLike(text: string): boolean {
  if (text.length < 12 || text.length > 300 || text.endsWith(',') || text.includes('@') || !text.includes(' ')) return false;
  if (/^(?:Dear|Hi|Hello|Thanks|Thank you|Best|Regards|Sincerely|Cheers|By|From|To|Subject|Sent|Date|Re|Fwd)\b/.test(text)) return false;
  if (startsLower(text) && FUNCTION_WORDS.has(words(text)[0]!.toLowerCase())) return false;
  return !isProse(text);
}

/** A person's name as lists print it: capitalised words, initials, particles; no digits. */
export function isNameLike(name: string): boolean {
  const ws = words(name.replace(/, /g, ' '));
  if (ws.length === 0 || ws.length > 6 || name.length > 60) return false;
  let capitals = 0;
  for (const w of ws) {
    if (PARTICLES.has(w.toLowerCase()) && !isCapital(w[0]!)) continue;
    if (isInitials(w)) {
      capitals++;
      continue;
    }
    const first = w[0]!;
    const caseless = first.toLowerCase() === first.toUpperCase() && LETTER.test(first);
    if (!isCapital(first) && !caseless) return false;
    if (!NAME_WORD.test(w)) return false;
    capitals++;
  }
  return capitals > 0;
}

const LETTER = /^\p{L}$/u;
/** Letters, combining marks (`Adébáyọ̀`), hyphen, apostrophes and dots. */
const NAME_WORD = /^[\p{L}\p{M}'’.-]{1,40}$/u;

export interface GuessedAuthors {
  authors: string[];
  truncated: boolean;
  /** The total number of authors when the page states it (`+5 more` -> shown + 5). */
  count: number | null;
  equal: string[];
  /** One name with no separator: a guess, a short title could look the same. */
  single: boolean;
}

/**
 * Read a line as an author list: `;`, `·` or `,` separated names (`and`/`&` before the last), `et al.`,
 * equal-contribution marks and affiliation digits removed, `Surname, I.` pairs joined.
 * @returns the names, or null when some item is not a name (then the line is not an author list)
 */
export function readAuthorLine(line: string): GuessedAuthors | null {
  const label = /^(?:Authors?|Author\(s\)|Contributors?|Creators?):\s?/.exec(line);
  const text = label ? line.slice(label[0].length) : line;
  if (text === '' || text.length > 2000 || /^(?:By|From|To|Dear|Hi|Hello) /.test(text) || text.includes('@') || text.includes('http')) return null;
  const sep = text.includes(';') ? ';' : text.includes('·') ? '·' : ',';
  // `+5 more`, `+5 authors`, `and 5 others` after the last name: the page elided names and says how many.
  const more = /,? (?:\+ ?|and )(\d{1,4})(?: more| others)?(?: authors?)?$/.exec(text);
  const shown = more ? text.slice(0, more.index) : text;
  const prepared = sep === ',' ? shown.replace(/,? and /g, ', ').replace(/ & /g, ', ') : shown;
  const list = splitAuthorList(prepared, sep);
  const authors: string[] = [];
  const equal: string[] = [];
  const names = list.authors.map(withoutAffiliationMarks);
  // `Yıldız, Ayşe` or `Yıldız, Ayşe, Kaya, Mehmet`: one-word items in pairs are `Surname, Given` names.
  const pairs = sep === ',' && names.length % 2 === 0 && names.every((n) => n !== '' && !n.includes(' '));
  for (let i = 0; i < names.length; i++) {
    const name = names[i]!;
    const next = names[i + 1];
    if (name === '') return null;
    if (sep === ',' && next !== undefined && (pairs || (isInitials(next) && !isInitials(name)))) {
      authors.push(`${name}, ${next}`);
      i++;
    } else authors.push(name);
  }
  if (authors.length === 0 || !authors.every(isNameLike)) return null;
  for (const e of list.equalContribution) equal.push(withoutAffiliationMarks(e));
  const single = authors.length === 1 && !list.truncated && !more;
  if (single && (words(authors[0]!).length < 2 || words(authors[0]!).length > 4)) return null;
  const count = more ? authors.length + Number(more[1]) : list.authorCount;
  return { authors, truncated: list.truncated || more !== null, count, equal, single };
}

/** `Wei Li1,2` is split at its comma before this; `Wei Li1` / `Wei Li¹` / `Wei Li*` lose the mark. */
function withoutAffiliationMarks(name: string): string {
  let e = name.length;
  while (e > 0 && '0123456789¹²³⁴⁵⁶⁷⁸⁹⁰*†‡§'.includes(name[e - 1]!)) e--;
  return name.slice(0, e).trim();
}

/** A row of link words: `[PDF] [Code] [BibTeX]`, `PDF | Code | Slides`, `arXiv · Code`. */
export function linkWords(text: string): string[] | null {
  if (text.length > 120) return null;
  const parts = text.split(/[[\]|·•/]/).flatMap((p) => p.split('  ')).map((p) => p.trim().toLowerCase()).filter((p) => p !== '');
  if (parts.length === 0) return null;
  const flat = parts.flatMap((p) => (LINK_WORDS.has(p) ? [p] : words(p)));
  return flat.every((p) => LINK_WORDS.has(p)) ? flat : null;
}

/** The last year 1900–2099 standing alone in a line (not part of a longer number). */
export function lastYear(text: string): number | null {
  let found: number | null = null;
  for (const m of text.matchAll(/(?:^|[^\d])((?:19|20)\d{2})(?=$|[^\d])/g)) found = Number(m[1]);
  return found;
}

/**
 * A date that is one part of a line split at ` · `, ` | ` or `, ` (`arXiv:2501.04417 · 12 Jan 2025`,
 * `Technical report, June 2021`), else an ISO date anywhere in it.
 * @returns the date at the precision shown, or null
 */
export function dateIn(text: string): { date: string | null; year: number } | null {
  for (const sep of [' · ', ' | ', ' • ', ', ']) {
    if (!text.includes(sep)) continue;
    for (const part of text.split(sep)) {
      const d = parsePageDate(part);
      if (d) return d;
    }
  }
  return isoDateIn(text);
}

/** An ISO date inside a line: `2023-05-12`, `2023-05`. */
export function isoDateIn(text: string): { date: string; year: number } | null {
  const m = /(?:^|[^\d])((?:19|20)\d{2})-(\d{2})(?:-(\d{2}))?(?=$|[^\d])/.exec(text);
  if (!m) return null;
  const month = Number(m[2]);
  const day = m[3] === undefined ? null : Number(m[3]);
  if (month < 1 || month > 12 || (day !== null && (day < 1 || day > 31))) return null;
  return { date: `${m[1]}-${m[2]}${day === null ? '' : `-${m[3]}`}`, year: Number(m[1]) };
}

/** Whether a word starts lower case (a sign of a sentence). Exported for tests. */
export function startsLower(text: string): boolean {
  return text !== '' && isLower(text[0]!);
}
