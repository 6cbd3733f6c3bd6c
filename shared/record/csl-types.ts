/**
 * CSL item types Lectern offers for a paper (CSL 1.0.2 specification, "Appendix III: Types"), with the
 * label shown in the window. `article` is CSL's type for preprints (arXiv), not journal articles.
 */
export const CSL_TYPES = [
  'article-journal',
  'paper-conference',
  'article',
  'chapter',
  'book',
  'report',
  'thesis',
  'dataset',
  'software',
  'patent',
  'manuscript',
  'webpage',
  'entry-encyclopedia',
  'review',
  'speech',
  'document',
] as const;
export type CslType = (typeof CSL_TYPES)[number];

export const CSL_TYPE_LABELS: Record<CslType, string> = {
  'article-journal': 'Journal article',
  'paper-conference': 'Conference paper',
  article: 'Preprint',
  chapter: 'Book chapter',
  book: 'Book',
  report: 'Report',
  thesis: 'Thesis',
  dataset: 'Dataset',
  software: 'Software',
  patent: 'Patent',
  manuscript: 'Manuscript',
  webpage: 'Web page',
  'entry-encyclopedia': 'Encyclopedia entry',
  review: 'Review',
  speech: 'Talk',
  document: 'Other',
};
