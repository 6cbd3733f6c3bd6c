/**
 * The fields of a paper the user can edit by hand, named as the Drizzle schema names the columns
 * (db/schema.ts `papers`), with their CSL-JSON variable (CSL 1.0.2) for export. A field edited by hand
 * is listed in `papers.edited_fields` and a re-import never overwrites it.
 */
export const EDITABLE_FIELDS = {
  title: 'title',
  itemType: 'type',
  date: 'issued',
  venue: 'container-title',
  volume: 'volume',
  issue: 'issue',
  page: 'page',
  number: 'number',
  publisher: 'publisher',
  publisherPlace: 'publisher-place',
  event: 'event-title',
  url: 'URL',
  doi: 'DOI',
  arxivId: 'arxiv',
  isbn: 'ISBN',
  issn: 'ISSN',
  pmid: 'PMID',
  pmcid: 'PMCID',
  language: 'language',
  abstract: 'abstract',
  keywords: 'keyword',
  /** The author list (paper_authors), edited as a whole. */
  authors: 'author',
} as const;
export type EditableField = keyof typeof EDITABLE_FIELDS;
export const EDITABLE_FIELD_NAMES = Object.keys(EDITABLE_FIELDS) as EditableField[];
