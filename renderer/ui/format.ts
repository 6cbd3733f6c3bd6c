/** How numbers, dates and names are written everywhere in the window (one place, so they agree). */
import type { ImportSource } from '../../shared/import-source';

export { shortAuthors, surname } from '../../shared/author-names';

// A fixed locale keeps numbers the same on every machine ("14,139"), like the dates, which are ISO.
const counts = new Intl.NumberFormat('en-US');

export function formatCount(value: number): string {
  return counts.format(value);
}

export function formatPercent(share: number): string {
  return `${Math.round(share * 100)}%`;
}

/** "2024-08-15" for an ISO instant, in the user's time zone. */
export function formatDay(iso: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso.slice(0, 10);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

/** "2024-08-15 14:05" (or with seconds), for telling apart two captures on one day. */
export function formatDayTime(iso: string, seconds = false): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  const pad = (n: number) => String(n).padStart(2, '0');
  const time = `${pad(date.getHours())}:${pad(date.getMinutes())}${seconds ? `:${pad(date.getSeconds())}` : ''}`;
  return `${formatDay(iso)} ${time}`;
}

/** A paper's date as the page gave it (2024-08-15 or 2024-08), else its year, else nothing. */
export function formatPaperDate(date: string | null, year: number | null): string {
  return date ?? (year === null ? '' : String(year));
}

/** Full printed list for a tooltip or the detail pane. */
export function fullAuthors(authors: string[], truncated: boolean): string {
  const names = authors.join(', ');
  return truncated ? `${names}, et al. (the page did not list every author)` : names;
}

export function initials(name: string): string {
  const words = name.split(/[\s-]+/).filter((w) => /\p{L}/u.test(w));
  const first = words[0]?.[0] ?? '?';
  const last = words.length > 1 ? (words[words.length - 1]?.[0] ?? '') : '';
  return (first + last).toUpperCase();
}

const SOURCE_NAMES: Record<ImportSource, string> = {
  scholarfeed: 'Scholarfeed',
  google_scholar: 'Google Scholar',
  semantic_scholar: 'Semantic Scholar',
  dblp: 'dblp',
  arxiv_author: 'arXiv author page',
  arxiv_search: 'arXiv search',
  arxiv_listing: 'arXiv listing',
  openreview: 'OpenReview',
  orcid: 'ORCID',
  researchgate: 'ResearchGate',
  acm_dl: 'ACM Digital Library',
  scopus: 'Scopus',
  paperswithcode: 'Papers with Code',
  huggingface_papers: 'Hugging Face Papers',
  generic: 'a pasted page',
  bibtex: 'a BibTeX file',
  biblatex: 'a BibLaTeX file',
  ris: 'a RIS file',
  csl_json: 'a CSL-JSON file',
};

export function sourceName(source: ImportSource): string {
  return SOURCE_NAMES[source] ?? source;
}

/** At most `max` characters, with "…" when cut (for echoing user text such as a long filter). */
export function clip(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, max - 1).trimEnd()}…` : text;
}

export function plural(count: number, one: string, many = `${one}s`): string {
  return `${formatCount(count)} ${count === 1 ? one : many}`;
}
