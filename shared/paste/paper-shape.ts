/**
 * Empty records in the fixture shape (FORMATS.md section 3): every key of a paper is always present,
 * so each parser fills only what its page shows.
 */
import type { ParsedAuthor, ParsedPaper } from './parsed';

/**
 * A paper with every key present and nothing known.
 * @param title the paper's title as printed (non-empty)
 * @returns a ParsedPaper with null / [] / {} / false for every other key
 */
export function emptyPaper(title: string): ParsedPaper {
  return {
    title,
    authors: [],
    authors_truncated: false,
    author_count: null,
    equal_contribution: [],
    affiliations: [],
    date: null,
    year: null,
    venue: null,
    pages: null,
    type: null,
    category: [],
    citations: null,
    abstract: null,
    abstract_truncated: false,
    tldr: null,
    ids: {},
    has_code: null,
    has_pdf: null,
    extra: {},
  };
}

/**
 * An author card with only the name known.
 * @param name the profile's name as printed (non-empty)
 */
export function emptyAuthor(name: string): ParsedAuthor {
  return { name, affiliation: null, interests: [], homepage: null, ids: {}, metrics: {}, extra: {} };
}
