/**
 * One-line references on unknown pages (lab and personal homepages often list papers in APA style):
 *
 *   [12] Yıldız, A., Kaya, M., & Li, W. (2023). Sparse attention for clinical notes. Journal of X, 12(3), 45–67. https://doi.org/10.…
 *
 * Read with string searches around the `(YYYY). ` marker; the authors must read as a list of names
 * (generic-lines.ts readAuthorLine), so a sentence with a year in brackets is not a reference.
 */
import { readAuthorLine, type GuessedAuthors } from './generic-lines';
import { findArxivId, findDoi } from './page-chrome';

export interface Reference {
  authors: GuessedAuthors;
  year: number;
  title: string;
  venue: string | null;
  doi: string | null;
  arxiv: string | null;
}

const YEAR_MARK = / \(((?:19|20)\d{2})[a-z]?\)\. /;
const NUMBERING = /^(?:\[\d{1,4}\]|\d{1,4}[.)]) /;

/**
 * Read an APA-style reference line.
 * @returns its parts, or null when the line is not `<names> (YYYY). <Title>. <Venue>`
 */
export function readReferenceLine(line: string): Reference | null {
  if (line.length > 1000) return null;
  const text = line.replace(NUMBERING, '');
  const m = YEAR_MARK.exec(text);
  if (!m || m.index < 2) return null;
  // `Kaya, M., & Li, W.`: the `&` before the last name is a separator.
  const authors = readAuthorLine(text.slice(0, m.index).trim().replace(/,? ?& /, ', '));
  if (!authors) return null;
  const rest = text.slice(m.index + m[0].length);
  const cut = firstSentenceEnd(rest);
  const title = (cut < 0 ? rest : rest.slice(0, cut + (rest[cut] === '.' ? 0 : 1))).trim();
  if (title.length < 12 || !title.includes(' ')) return null;
  let venue = cut < 0 ? '' : rest.slice(cut + 1).trim();
  const doi = findDoi(venue);
  const arxiv = findArxivId(venue);
  const link = venue.indexOf('http');
  if (link >= 0) venue = venue.slice(0, link).trim();
  else if (doi) venue = venue.slice(0, venue.indexOf(doi)).replace(/(?:doi:|DOI:)\s?$/, '').trim();
  while (venue.endsWith('.')) venue = venue.slice(0, -1).trim();
  return { authors, year: Number(m[1]), title, venue: venue === '' ? null : venue, doi, arxiv };
}

/**
 * Where the title ends: the first `. `; or an earlier `? ` / `! ` when what follows it up to that `. `
 * looks like a venue (digits or a comma: `Why does it work? Proceedings of ACL 2019, pp. 1-10`), not
 * like a subtitle (`What do summaries leave out? A corpus study. Journal …`). -1 when there is no end.
 */
function firstSentenceEnd(text: string): number {
  let stop = text.indexOf('. ');
  if (stop < 0 && text.endsWith('.')) stop = text.length - 1;
  for (let i = 0; i + 1 < text.length && (stop < 0 || i < stop); i++) {
    if ((text[i] === '?' || text[i] === '!') && text[i + 1] === ' ') {
      const next = text.slice(i + 2, stop < 0 ? text.length : stop);
      if (stop < 0 || /[\d,]/.test(next)) return i;
    }
  }
  return stop;
}

/** `In Proceedings of X (pp. 12–21)` -> venue `Proceedings of X`, pages `12–21`. */
export function splitReferenceVenue(venue: string): { venue: string; pages: string | null } {
  let v = venue.startsWith('In ') ? venue.slice(3) : venue;
  let pages: string | null = null;
  const m = /\(pp\. ?([^()\s]{1,30})\)$/.exec(v);
  if (m) {
    pages = m[1]!;
    v = v.slice(0, m.index).trim();
  }
  return { venue: v, pages };
}
