/**
 * Papers read from a pasted profile page (shared/paste) as interop records, so `lectern convert --from
 * paste` can write a Google Scholar or dblp page as BibTeX, RIS or CSL-JSON.
 */
import type { ParseOutcome, ParsedPaper, PasteSource } from '../paste/parsed';
import { cslName } from '../record/csl-name';
import { cslTypeFromPage } from '../record/csl-type-from-page';
import type { CslItemJson, CslNameJson, InteropProblem, InteropRecord } from './interop-record';

/** Pages that print given names as glued initials (`JL Marchetti`). */
const INITIALS_SOURCES = new Set<PasteSource>(['google_scholar']);

/**
 * @param outcome what detectAndParse returned for the paste
 * @returns one record per paper (no citation key: the paste gives none; `extra` keeps the paste's
 *   source, citation count and subject codes) and one warning per skipped line or cut-off record
 */
export function recordsFromPaste(outcome: ParseOutcome): { records: InteropRecord[]; problems: InteropProblem[] } {
  const source = outcome.profile.source;
  const records = outcome.profile.papers.map((paper, i) => recordFromPaper(paper, source, i));
  const problems: InteropProblem[] = outcome.report.skipped.map((s) => ({ line: s.line, column: 1, severity: 'warning', message: `line not read (${s.reason}): ${s.text}` }));
  const tail = outcome.report.incompleteTail;
  if (tail) problems.push({ line: tail.line, column: 1, severity: 'warning', message: `the paste ends in the middle of a record (${tail.missing} missing); not read: ${tail.text}` });
  return { records, problems };
}

function recordFromPaper(paper: ParsedPaper, source: PasteSource, index: number): InteropRecord {
  const item: CslItemJson = { id: `paste-${index + 1}`, type: cslTypeFromPage(source, paper.type, paper.venue), title: paper.title };
  const authors = paper.authors.map((a) => nameJson(a, INITIALS_SOURCES.has(source))).filter((n): n is CslNameJson => n !== null);
  if (authors.length) item.author = authors;
  const dateParts = paper.date ? paper.date.split('-').map(Number) : paper.year !== null ? [paper.year] : null;
  if (dateParts) item.issued = { 'date-parts': [dateParts] };
  if (paper.venue) item['container-title'] = paper.venue;
  if (paper.pages) item.page = paper.pages;
  if (paper.abstract) item.abstract = paper.abstract;
  if (paper.ids.doi) item.DOI = paper.ids.doi;
  if (paper.ids.pmid) item.PMID = paper.ids.pmid;
  if (paper.ids.arxiv) item.URL = `https://arxiv.org/abs/${paper.ids.arxiv}`;
  const extra: Record<string, string> = { paste_source: source };
  if (paper.citations !== null) extra.citations = String(paper.citations);
  if (paper.category.length) extra.category = paper.category.join(', ');
  if (paper.ids.eid) extra.eid = paper.ids.eid;
  return { item, citationKey: null, tags: [], note: null, files: [], arxivId: paper.ids.arxiv ?? null, extra, at: { line: 1, column: 1 } };
}

function nameJson(printed: string, initials: boolean): CslNameJson | null {
  const n = cslName(printed, { initials });
  const out: CslNameJson = {};
  if (n.family) out.family = n.family;
  if (n.given) out.given = n.given;
  if (n.droppingParticle) out['dropping-particle'] = n.droppingParticle;
  if (n.nonDroppingParticle) out['non-dropping-particle'] = n.nonDroppingParticle;
  if (n.suffix) out.suffix = n.suffix;
  if (n.literal) out.literal = n.literal;
  return Object.keys(out).length ? out : null;
}
