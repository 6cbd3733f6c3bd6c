/**
 * The CSL item type of a paper from what its page printed: the source's publication-type label where the
 * page shows one (ORCID `Journal article`, dblp `[j11]` -> `journal`, Scopus `Conference Paper`, ACM
 * `research-article`, ResearchGate `Preprint`), else a guess from the venue's words (Google Scholar
 * prints no type). Labels are matched case-insensitively; an unknown label falls back to the venue guess.
 */
import type { PasteSource } from '../paste/parsed';
import type { CslType } from './csl-types';

/** Labels shared by several sources (ORCID, ResearchGate, Scopus, Semantic Scholar, dblp), lower-cased. */
const COMMON_LABELS: Record<string, CslType> = {
  'journal article': 'article-journal',
  article: 'article-journal',
  review: 'article-journal', // Scopus "Review": a review article in a journal, not CSL's review of a work.
  letter: 'article-journal',
  editorial: 'article-journal',
  note: 'article-journal',
  erratum: 'article-journal',
  'data paper': 'article-journal',
  'magazine article': 'article-journal',
  'conference paper': 'paper-conference',
  'conference abstract': 'paper-conference',
  'conference poster': 'paper-conference',
  'conference review': 'paper-conference',
  'conference output': 'paper-conference',
  poster: 'paper-conference',
  preprint: 'article',
  'working paper': 'report',
  'book chapter': 'chapter',
  chapter: 'chapter',
  book: 'book',
  'edited book': 'book',
  thesis: 'thesis',
  dissertation: 'thesis',
  'dissertation/thesis': 'thesis',
  report: 'report',
  'technical report': 'report',
  'research report': 'report',
  dataset: 'dataset',
  'data set': 'dataset',
  data: 'dataset',
  software: 'software',
  patent: 'patent',
  presentation: 'speech',
  'lecture/speech': 'speech',
  website: 'webpage',
  'encyclopedia entry': 'entry-encyclopedia',
  manual: 'report',
  other: 'document',
};

/** dblp record kinds (the letter of `[j11]`, as the parser names it). */
const DBLP_LABELS: Record<string, CslType> = {
  journal: 'article-journal',
  conference: 'paper-conference',
  informal: 'article', // CoRR and other informal publications: preprints.
  editorship: 'book', // Edited proceedings or volumes.
  book: 'book',
  'part of book': 'chapter',
  'part of a book': 'chapter',
  reference: 'entry-encyclopedia',
  data: 'dataset',
  misc: 'document',
};

/** OpenReview notes: a submission that was not (yet) published is a manuscript. */
const OPENREVIEW_LABELS: Record<string, CslType> = {
  submission: 'manuscript',
  'withdrawn submission': 'manuscript',
  'desk rejected submission': 'manuscript',
  'rejected submission': 'manuscript',
};

/** ACM DL article kinds: conference or journal depends on the venue. */
const ACM_KINDS = new Set(['research-article', 'short-paper', 'poster', 'survey', 'extended-abstract', 'demonstration', 'abstract', 'tutorial', 'keynote', 'panel', 'editorial', 'review-article', 'article']);

/** Sources whose every item is an arXiv-style preprint (no type shown). */
const PREPRINT_SOURCES = new Set<PasteSource>(['arxiv_author', 'arxiv_listing', 'arxiv_search', 'scholarfeed', 'huggingface_papers']);

/** Venue words, checked in order; the first match decides. Word-bounded, case-insensitive. */
const VENUE_WORDS: ReadonlyArray<readonly [RegExp, CslType]> = [
  [/\b(arxiv|corr|biorxiv|medrxiv|ssrn|preprint|chemrxiv|psyarxiv)\b/i, 'article'],
  [/\bpatent\b/i, 'patent'],
  [/\b(thesis|dissertation)\b/i, 'thesis'],
  [/\b(technical report|tech report|report no)\b|\btech\. rep/i, 'report'],
  [/\b(proceedings|conference|workshop|symposium|meeting|findings of|colloquium|congress)\b|\bproc\./i, 'paper-conference'],
  [/\b(journal|transactions|letters|review|magazine|quarterly|annals|bulletin)\b/i, 'article-journal'],
  // Conferences named by their acronym or title alone (`Advances in Neural Information Processing Systems 38`).
  [/\b(neurips|nips|icml|iclr|aaai|ijcai|cvpr|iccv|eccv|acl|emnlp|naacl|coling|interspeech|icassp|sigir|kdd|chi|www|neural information processing systems)\b/i, 'paper-conference'],
];

/**
 * A CSL type from the venue's words alone (Google Scholar, Semantic Scholar, an unknown label).
 * @param venue the venue as printed, or null
 * @returns `article` for preprint servers, `patent`, `thesis`, `report`, `paper-conference` for
 *   proceedings and meetings, else `article-journal`
 */
export function cslTypeFromVenue(venue: string | null): CslType {
  if (venue) {
    for (const [words, type] of VENUE_WORDS) if (words.test(venue)) return type;
  }
  return 'article-journal';
}

/** A proceedings venue (ACM prints `CHI '24: Proceedings of ...` or `UIST '23`). */
function isProceedings(venue: string | null): boolean {
  return venue !== null && (cslTypeFromVenue(venue) === 'paper-conference' || /'\d{2}\b/.test(venue));
}

/**
 * The CSL type of a paper.
 * @param source the paste's source
 * @param label the publication-type label the page printed (ParsedPaper.type), or null
 * @param venue the venue as printed, or null
 * @returns one of CSL_TYPES (shared/record/csl-types.ts); never throws
 */
export function cslTypeFromPage(source: PasteSource, label: string | null, venue: string | null): CslType {
  const key = label?.trim().toLowerCase() ?? '';
  if (PREPRINT_SOURCES.has(source)) return 'article';
  const known = (map: Record<string, CslType>): CslType | undefined => (Object.hasOwn(map, key) ? map[key] : undefined);
  if (source === 'dblp' && known(DBLP_LABELS)) return known(DBLP_LABELS)!;
  if (source === 'openreview' && known(OPENREVIEW_LABELS)) return known(OPENREVIEW_LABELS)!;
  if (source === 'acm_dl' && ACM_KINDS.has(key)) return isProceedings(venue) ? 'paper-conference' : 'article-journal';
  if (known(COMMON_LABELS)) return known(COMMON_LABELS)!;
  if (source === 'paperswithcode' && venue === null) return 'article';
  return cslTypeFromVenue(venue);
}
