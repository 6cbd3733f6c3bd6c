/**
 * The second line of a dblp record, `<Title>. <venue details>` (FORMATS.md section 4.4), split into
 * title, venue, pages, year and identifiers. dblp ends every title with a period (not after `?` or
 * `!`), and journal abbreviations are full of `. ` too (`IEEE Trans. Pattern Anal. Mach. Intell.`), so
 * the title ends at the last `. `, `? ` or `! ` before the venue details that does not follow an
 * abbreviated word. Linear: the details are matched with anchored patterns, the split is one scan back.
 */

/** What the title/venue line holds. Only fields the line shows are set. */
export interface DblpCitation {
  title: string;
  venue: string | null;
  pages: string | null;
  year: number | null;
  volume: string | null;
  issue: string | null;
  arxiv: string | null;
  isbn: string | null;
}

// Venue details at the end of the line, tried in this order. Each is searched for (no leading `^(.*)`,
// which backtracks over the whole line and made one of them quadratic); the empty first group keeps
// the group numbers, and the title and venue name are the text before the match.
/** Informal: `CoRR abs/2412.93420 (2024)`. */
const INFORMAL = /() abs\/([^\s()]{4,40}) \((\d{4})\)$/;
/**
 * Journal volume token, `11(4)`, `24`, `PP` (early access): matched on one token, found by hand at the
 * end of the line (a searched pattern with the issue group was flagged as quadratic by recheck).
 */
const VOLUME_TOKEN = /^(\d[\dA-Za-z-]{0,11}|PP)(?:\(([^()\s]{1,20})\))?$/;
const YEAR_TOKEN = /^\((\d{4})\)$/;
const PAGES_TOKEN = /^[^\s()]{1,40}$/;
/** Book or editorship: `Publisher 2022, ISBN 978-0-... [contents]`. */
const BOOK_ISBN = /() (\d{4}), ISBN ([\dXx-]{10,20})(?: \[contents\])?$/;
/** Conference: `ACRONYM[ (1)| (Findings)] YEAR[: PAGES]`. */
const CONFERENCE = /() (\d{4})(?:: ([^\s]{1,40}))?(?: \[contents\])?$/;
/** A venue with only the year: `bioRxiv (2023)`. */
const YEAR_ONLY = /() \((\d{4})\)$/;
/** Thesis or book with no ISBN: `University of X, Germany, 2019`, `Springer 2021 [contents]`. */
const TRAILING_YEAR = /(),? (\d{4})(?: \[contents\])?$/;

/** Abbreviated words of dblp venue names (ISO 4 style) that are not also common last words of a title. */
const ABBREVIATIONS = new Set([
  'Trans', 'Anal', 'Mach', 'Intell', 'Knowl', 'Discov', 'Comput', 'Res', 'Nat', 'Mac', 'Int', 'Syst', 'Appl', 'Sci',
  'Eng', 'Inf', 'Lett', 'Commun', 'Proc', 'Natl', 'Acad', 'Manag', 'Softw', 'Netw', 'Biol', 'Med', 'Phys', 'Stat',
  'Math', 'Optim', 'Autom', 'Vis', 'Lang', 'Assoc', 'Psychol', 'Cogn', 'Rev', 'Surv', 'Bioinform', 'Comb', 'Theor',
  'Sel', 'Technol', 'Electron', 'Inform', 'Mag', 'Secur', 'Priv', 'Robot', 'Ind', 'Mech', 'Geosci', 'Sens', 'Multim',
  'Neurosci', 'Artif', 'Recognit', 'Recogn', 'Evol', 'Hum', 'Interact', 'Linguist', 'Chem', 'Genet', 'Mol', 'Struct',
  'Geom', 'Discret', 'Oper', 'Decis', 'Retr', 'Digit', 'Libr', 'Ann', 'Adv', 'Bull', 'Educ', 'Environ', 'Econ',
  'Financ', 'Manuf', 'Mater', 'Meas', 'Instrum', 'Opt', 'Simul', 'Transp', 'Veh', 'Wirel', 'Mob', 'Distrib', 'Embed',
  'Archit', 'Des', 'Verif', 'Philos', 'Soc', 'Behav', 'Clin', 'Biomed', 'Neurocomput', 'Cybern', 'Ser', 'Lect',
  'Conf', 'Symp', 'Ext', 'Abstr', 'Spec', 'Tech', 'Rep', 'Univ', 'Dept', 'Inst', 'Proceed', 'Comp', 'Quant', 'Contr',
  'Circ', 'Sig', 'Acoust', 'Aerosp', 'Telecommun', 'Cryptol', 'ePrint', 'Min', 'Resour', 'Pract', 'Exp', 'Empir', 'Auton',
  'Endow', 'Comb', 'Numer', 'Anal', 'Approx', 'Probab', 'Geogr', 'Cartogr', 'Photogramm', 'Intell', 'Hydrol', 'Meteorol',
  'Ed', 'Eds', 'Vol', 'No', 'vs', 'St', 'Dr', 'Jr', 'Mr', 'Ms', 'Inc', 'Ltd', 'Co', 'Corp', 'al', 'etc',
]);
/** Words that abbreviate a venue word but also end titles (`Knowledge Graph.`): abbreviations only beside another abbreviation. */
const AMBIGUOUS = new Set(['Graph', 'Process', 'Learn', 'Control', 'Model', 'Test', 'Found', 'Trends', 'Image', 'Speech', 'Program', 'Front', 'Bus', 'Arch']);

/** The word that ends just before index `end` (after the last space before it). */
function wordBefore(text: string, end: number): { word: string; start: number } {
  let start = end;
  while (start > 0 && text[start - 1] !== ' ') start--;
  return { word: text.slice(start, end), start };
}

function isPlainAbbreviation(word: string): boolean {
  const w = word.startsWith('(') ? word.slice(1) : word;
  return ABBREVIATIONS.has(w);
}

/**
 * A single capital before the period is an initial of the venue (`J. ACM`, `Int. J. Comput. Vis.`,
 * `SIAM J. Comput.`) when it starts the line, follows a sentence end or an abbreviation, or follows an
 * acronym; after an ordinary word it ends the title (`Vitamin D.`).
 */
function isInitial(text: string, word: string, start: number): boolean {
  if (!/^[A-Z]$/.test(word)) return false;
  if (start < 2) return true;
  const prev = wordBefore(text, start - 1).word;
  const last = prev[prev.length - 1];
  return last === '.' || last === '?' || last === '!' || ACRONYM.test(prev);
}
const ACRONYM = /^[A-Z][A-Z0-9&/-]{1,15}$/;

/** Whether the `.` at `dot` (followed by a space) ends an abbreviated word of the venue rather than the title. */
function isAbbreviationDot(text: string, dot: number): boolean {
  const { word, start } = wordBefore(text, dot);
  if (isPlainAbbreviation(word) || isInitial(text, word, start)) return true;
  if (!AMBIGUOUS.has(word)) return false;
  const prev = start >= 2 && text[start - 2] === '.' ? wordBefore(text, start - 2).word : null;
  if (prev !== null && isPlainAbbreviation(prev)) return true;
  let nextEnd = dot + 2;
  while (nextEnd < text.length && text[nextEnd] !== ' ') nextEnd++;
  const next = text.slice(dot + 2, nextEnd);
  // A single letter after it is the start of the venue (`… Graph. J. Mach. Learn. Res.`), not its continuation.
  return next.length > 2 && next.endsWith('.') && isPlainAbbreviation(next.slice(0, -1));
}

/**
 * Split `head` (the line before its venue details) into the title and the venue name.
 * @returns the title (dblp's added period dropped, `?`/`!` kept) and the venue name, or null when no
 *   `. `, `? ` or `! ` separates them
 */
export function splitTitleVenue(head: string): { title: string; venue: string } | null {
  for (let i = head.length - 2; i > 0; i--) {
    if (head[i + 1] !== ' ') continue;
    const c = head[i];
    if (c !== '.' && c !== '?' && c !== '!') continue;
    if (c === '.' && isAbbreviationDot(head, i)) continue;
    const title = (c === '.' ? head.slice(0, i) : head.slice(0, i + 1)).trim();
    const venue = head.slice(i + 2).trim();
    if (title === '' || venue === '') continue;
    return { title, venue };
  }
  return null;
}

/** The title alone when the line has no venue part: `Title.` -> `Title`. */
function bareTitle(line: string): string {
  const t = line.trim();
  return t.endsWith('.') && t.length > 1 ? t.slice(0, -1).trim() : t;
}

/**
 * Read a dblp title/venue line.
 * @param line e.g. `Title. IEEE Trans. Pattern Anal. Mach. Intell. 11(4): 79-91 (2025)`,
 *   `Title. ACL (1) 2024: 5112-5121`, `Title. CoRR abs/2412.93420 (2024)`,
 *   `Proceedings of ... 2022. Association for Computational Linguistics 2022, ISBN 978-... [contents]`
 * @returns the parts; a line with no recognisable venue gives the whole line as title and null venue
 */
export function parseDblpCitation(line: string): DblpCitation {
  const out: DblpCitation = { title: bareTitle(line), venue: null, pages: null, year: null, volume: null, issue: null, arxiv: null, isbn: null };
  let head: string | null = null;
  let m: RegExpExecArray | null;
  let journal: ReturnType<typeof journalTail>;
  if ((m = INFORMAL.exec(line))) {
    head = line.slice(0, m.index);
    out.arxiv = m[2]!;
    out.year = Number(m[3]);
  } else if ((journal = journalTail(line))) {
    head = line.slice(0, journal.start);
    setVolume(out, journal.volume, journal.issue, journal.year);
    out.pages = journal.pages;
    out.year = journal.year;
  } else if ((m = BOOK_ISBN.exec(line))) {
    head = line.slice(0, m.index);
    out.year = Number(m[2]);
    out.isbn = m[3]!;
  } else if ((m = CONFERENCE.exec(line))) {
    head = line.slice(0, m.index);
    out.year = Number(m[2]);
    out.pages = m[3] ?? null;
  } else if ((m = YEAR_ONLY.exec(line))) {
    head = line.slice(0, m.index);
    out.year = Number(m[2]);
  } else if ((m = TRAILING_YEAR.exec(line))) {
    head = line.slice(0, m.index);
    out.year = Number(m[2]);
  }
  if (head === null) return out;
  if (head.endsWith(',')) head = head.slice(0, -1);
  const split = splitTitleVenue(head);
  if (split) {
    out.title = split.title;
    out.venue = split.venue;
  } else {
    // No title end before the details: the line is a title that ends in a year, or an odd record.
    out.title = bareTitle(line);
    out.pages = null;
    out.volume = null;
    out.issue = null;
  }
  return out;
}

/**
 * Journal details at the end of the line: ` VOL[(ISSUE)][: PAGES] (YEAR)`.
 * @returns where they start (the space before VOL) and their parts, or null
 */
function journalTail(line: string): { start: number; volume: string; issue: string | undefined; pages: string | null; year: number } | null {
  const yearAt = line.lastIndexOf(' ');
  const year = yearAt > 0 ? YEAR_TOKEN.exec(line.slice(yearAt + 1)) : null;
  if (!year) return null;
  let end = yearAt;
  let start = line.lastIndexOf(' ', end - 1);
  let pages: string | null = null;
  if (start > 0 && line[start - 1] === ':' && PAGES_TOKEN.test(line.slice(start + 1, end))) {
    pages = line.slice(start + 1, end);
    end = start - 1;
    start = line.lastIndexOf(' ', end - 1);
  }
  if (start <= 0) return null;
  const volume = VOLUME_TOKEN.exec(line.slice(start + 1, end));
  if (!volume) return null;
  return { start, volume: volume[1]!, issue: volume[2], pages, year: Number(year[1]) };
}

/** Volume and issue of a journal; TMLR-style `2014 (2014)` repeats the year and is not a volume. */
function setVolume(out: DblpCitation, volume: string, issue: string | undefined, year: number): void {
  if (!(issue === undefined && volume === String(year))) out.volume = volume;
  out.issue = issue ?? null;
}
