/**
 * Google Scholar prints a journal's volume, issue and pages inside the venue line:
 * `Computational Linguistics 59 (11), 713-726`, `Transactions of the ACL 7, 453-466`,
 * `Proc. Interspeech 2014, 1589-1593`. This splits them into CSL container-title, volume, issue, page.
 */

export interface VenueParts {
  containerTitle: string;
  volume: string | null;
  issue: string | null;
  page: string | null;
}

/** A page range or single page: `713-726`, `1589–1593`, `e1002`, `112:1-112:45`. */
const PAGES = /^[A-Za-z]?\d{1,7}(?::\d{1,7})?(?:[-–][A-Za-z]?\d{1,7}(?::\d{1,7})?)?$/;
const ISSUE = / \(([^()]{1,20})\)$/;
const VOLUME = /^\d{1,5}$/;

/**
 * @param venue the venue line as printed
 * @param year the paper's year, so `Proc. Interspeech 2014` keeps its year instead of taking it as a volume
 * @returns the parts, or null when the venue holds none of them, is cut (`…`), or names a preprint or a
 *   patent (whose numbers are identifiers, not volumes or pages)
 */
export function splitScholarVenue(venue: string, year: number | null): VenueParts | null {
  const text = venue.trim();
  if (text.endsWith('…') || text.endsWith('...') || /\b(arxiv|patent|biorxiv|medrxiv)\b/i.test(text)) return null;
  let head = text;
  let page: string | null = null;
  const comma = head.lastIndexOf(', ');
  if (comma > 0 && PAGES.test(head.slice(comma + 2)) && head.slice(comma + 2) !== String(year)) {
    page = head.slice(comma + 2);
    head = head.slice(0, comma);
  }
  let issue: string | null = null;
  const issueMatch = ISSUE.exec(head);
  if (issueMatch) {
    issue = issueMatch[1]!;
    head = head.slice(0, issueMatch.index);
  }
  let volume: string | null = null;
  const space = head.lastIndexOf(' ');
  const last = space > 0 ? head.slice(space + 1) : '';
  if (VOLUME.test(last) && (issue !== null || last !== String(year))) {
    volume = last;
    head = head.slice(0, space);
  }
  if (page === null && issue === null && volume === null) return null;
  // An issue with nothing before it to be the volume of is not one: leave the venue as printed.
  if (issue !== null && volume === null) return null;
  return { containerTitle: head.trim(), volume, issue, page };
}
