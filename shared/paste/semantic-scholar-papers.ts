/**
 * The publication cards of a pasted Semantic Scholar author page (FORMATS.md section 4.3, a
 * reconstruction, so read tolerantly):
 *
 *   <Title> / <A>, <B>, +<k> authors, <Z> / [<Venue>] / <D Month YYYY | YYYY> / [TLDR / <sentence> Expand] /
 *   <citations, thousands separators> / [PDF] / Save / Cite
 *
 * A card ends at its citation count (after its date, or just before the buttons); the buttons after it
 * belong to it (`PDF` -> has_pdf).
 */
import { splitAuthorList } from './author-lists';
import { parsePageDate } from './dates';
import { parseCount } from './normalise';
import { emptyPaper } from './paper-shape';
import type { ParsedPaper } from './parsed';

export type Line = { i: number; text: string };
const BUTTONS = new Set(['PDF', 'Save', 'Cite', 'Alert', 'Share', 'View PDF', 'Expand', 'Collapse', 'Open Access']);
const ARXIV_ID = /(\d{4}\.\d{4,5})(?:v\d+)?/;

/** A line that is only a count (`12,406`, `0`, `1.2k`). */
export function isCount(text: string): boolean {
  return cardCount(text) !== null;
}

/** The citation count of a card: `12,406`, or with its word (`12,406 citations`, `Cited by 12`). */
export function cardCount(text: string): number | null {
  let t = text.trim();
  const lower = t.toLowerCase();
  if (lower.endsWith(' citations') || lower.endsWith(' citation')) t = t.slice(0, lower.lastIndexOf(' ')).trim();
  else if (lower.startsWith('cited by ')) t = t.slice(9).trim();
  return t === '' ? null : parseCount(t);
}

/** Separators a copy may keep between a card's venue and its date on one line. */
const VENUE_DATE_SEPARATORS = [' · ', ' • ', '•', '·', ' | '];

/** `ArXiv · 15 August 2024` -> venue and date, when the text after the last separator is a date. */
function venueWithDate(text: string): { venue: string; date: NonNullable<ReturnType<typeof parsePageDate>> } | null {
  for (const sep of VENUE_DATE_SEPARATORS) {
    const at = text.lastIndexOf(sep);
    if (at <= 0) continue;
    const date = parsePageDate(text.slice(at + sep.length));
    if (date) return { venue: text.slice(0, at).trim(), date };
  }
  return null;
}

interface Card {
  lines: Line[];
  /** A line after the title is a date (kept as lines arrive: rescanning the card per line was quadratic). */
  dated: boolean;
  count: Line | null;
  pdf: boolean;
  buttons: Line[];
}

export interface CardsResult {
  papers: ParsedPaper[];
  used: Set<number>;
  notes: Map<number, string>;
  incompleteTail: { line: number; text: string; missing: string } | null;
  warnings: string[];
}

/**
 * Read the cards in `body` (the lines between the page header and the footer).
 * @param startCut true when the page header was not pasted: a first card without title and authors is
 *   the tail of a card cut at the top, reported rather than read
 * @returns the papers in page order, the line numbers used, reasons for the others, and a card cut at
 *   the end of the paste (not among the papers)
 */
export function parseCards(body: readonly Line[], startCut: boolean): CardsResult {
  const out: CardsResult = { papers: [], used: new Set(), notes: new Map(), incompleteTail: null, warnings: [] };
  const cards: Card[] = [];
  let cur: Card | null = null;
  let last: Card | null = null;
  body.forEach((line, n) => {
    const text = line.text.trim();
    if (BUTTONS.has(text)) {
      const owner = cur && cur.lines.length > 0 ? null : last;
      if (owner) {
        owner.buttons.push(line);
        if (text === 'PDF' || text === 'View PDF') owner.pdf = true;
      } else out.notes.set(line.i, cur ? 'page button' : 'button with no paper before it');
      return;
    }
    cur ??= { lines: [], dated: false, count: null, pdf: false, buttons: [] };
    const next = body[n + 1]?.text.trim();
    if (cur.lines.length >= 1 && isCount(text) && (cur.dated || next === undefined || BUTTONS.has(next))) {
      cur.count = line;
      cards.push(cur);
      last = cur;
      cur = null;
      return;
    }
    if (cur.lines.length >= 1 && !cur.dated) cur.dated = parsePageDate(text) !== null;
    cur.lines.push(line);
  });
  cards.forEach((card, n) => readCard(card, n === 0 && startCut, out));
  if (cur !== null && (cur as Card).lines.length > 0) {
    const c = cur as Card;
    out.incompleteTail = { line: c.lines[0]!.i + 1, text: c.lines[0]!.text, missing: c.lines.length === 1 ? 'authors, date and citation count' : 'citation count' };
  }
  return out;
}

function readCard(card: Card, maybeCut: boolean, out: CardsResult): void {
  const lines = [...card.lines];
  // TLDR: the label, then the sentence with the glued `Expand` button.
  let tldr: string | null = null;
  const tldrLines: Line[] = [];
  const at = lines.findIndex((l) => l.text.trim() === 'TLDR');
  if (at >= 0) {
    const sentence = lines[at + 1];
    if (sentence) tldr = withoutExpand(sentence.text.trim());
    tldrLines.push(...lines.splice(at, sentence ? 2 : 1));
  }
  let dateAt = -1;
  for (let n = lines.length - 1; n >= 1 && dateAt < 0; n--) if (parsePageDate(lines[n]!.text) !== null) dateAt = n;
  let date = dateAt >= 0 ? parsePageDate(lines[dateAt]!.text) : null;
  // No date line: the venue line may carry it after a separator (`ArXiv · 2024`).
  if (dateAt < 0 && lines.length >= 3) {
    const joined = venueWithDate(lines[lines.length - 1]!.text.trim());
    if (joined) {
      date = joined.date;
      lines[lines.length - 1] = { ...lines[lines.length - 1]!, text: joined.venue };
    }
  }
  const before = dateAt >= 0 ? lines.slice(0, dateAt) : lines;
  const after = dateAt >= 0 ? lines.slice(dateAt + 1) : [];
  if (maybeCut && before.length < 2) {
    for (const l of [...card.lines, card.count!, ...card.buttons]) out.notes.set(l.i, 'the start of this paper was not pasted');
    return;
  }
  const [title, authors, ...venue] = before;
  if (!title) {
    for (const l of [...card.lines, card.count!]) out.notes.set(l.i, 'paper with no title');
    return;
  }
  const paper = emptyPaper(title.text.trim());
  out.used.add(title.i);
  for (const l of tldrLines) out.used.add(l.i);
  if (authors) {
    const list = splitAuthorList(authors.text);
    paper.authors = list.authors;
    paper.authors_truncated = list.truncated;
    paper.author_count = list.authorCount;
    paper.equal_contribution = list.equalContribution;
    out.used.add(authors.i);
  }
  if (venue.length > 0) {
    paper.venue = venue.map((l) => l.text.trim()).join(' ');
    for (const l of venue) out.used.add(l.i);
    if (paper.venue.toLowerCase().startsWith('arxiv')) {
      paper.type = 'preprint';
      const id = ARXIV_ID.exec(paper.venue);
      if (id) paper.ids.arxiv = id[1]!;
    }
  }
  if (date) {
    paper.date = date.date;
    paper.year = date.year;
    if (dateAt >= 0) out.used.add(lines[dateAt]!.i);
  } else out.warnings.push(`Paper on line ${title.i + 1} ("${paper.title.slice(0, 60)}") shows no date.`);
  for (const l of after) out.notes.set(l.i, 'not part of a paper card');
  paper.tldr = tldr;
  paper.citations = cardCount(card.count!.text);
  out.used.add(card.count!.i);
  paper.has_pdf = card.pdf;
  for (const b of card.buttons) out.used.add(b.i);
  out.papers.push(paper);
}

/** The TLDR sentence without the `Expand` link glued to its end. */
function withoutExpand(text: string): string {
  for (const tail of [' Expand', 'Expand', ' Collapse']) if (text.endsWith(tail)) return text.slice(0, -tail.length).trim();
  return text;
}
