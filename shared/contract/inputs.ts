/** Input pieces several domains' channels share: the paper filter, job ids, settings, pasted text. */
import { z } from 'zod';
import { Id, ReadingStatus } from '../model';
import { QUERY_MAX_LENGTH } from '../search/parse';
import { PASTE_TOO_LONG_MESSAGE, pasteTooLong } from '../paste-limit';
import { searchText } from '../text-input';
import { jsonValueProblem } from '../json-limits';
import { FORMAT_IDS } from '../paste/paste-format';

/** Longest quick-filter text the papers table accepts (characters). */
export const FILTER_MAX_LENGTH = 500;

/**
 * Which papers a view shows. Every filter narrows (AND); within a list, any value matches (OR).
 */
export const PaperFilters = z.object({
  /** Quick filter: every word must start a word of the title, the printed authors or the abstract (full-text, accents folded). */
  filter: searchText(FILTER_MAX_LENGTH, `The filter is over ${FILTER_MAX_LENGTH} characters.`).default(''),
  /** Only this author's papers (printed on the paper, or listed on their imported profile). */
  authorId: Id.optional(),
  /** Papers from this year on (inclusive). */
  yearFrom: z.number().int().min(1000).max(3000).optional(),
  /** Papers up to this year (inclusive). */
  yearTo: z.number().int().min(1000).max(3000).optional(),
  /** Papers carrying any of these subject codes. */
  categories: z.array(z.string().min(1).max(40)).max(100).default([]),
  /** true: with a code link; false: without. */
  hasCode: z.boolean().optional(),
  /** Papers by any of these authors (same rule as authorId). */
  authorIds: z.array(Id).max(100).default([]),
  /** Papers with any of these affiliations, as printed. */
  affiliations: z.array(z.string().min(1).max(200)).max(100).default([]),
  /** Only papers added or touched by this import. */
  importId: Id.optional(),
  /** Only these papers (a selection). */
  paperIds: z.array(Id).max(100_000).optional(),
  /** Papers carrying these tags; a tag includes its children (`method` takes in `method/rl`). */
  tagIds: z.array(Id).max(100).default([]),
  /** `or`: any of tagIds (default); `and`: every one of them. */
  tagMode: z.enum(['and', 'or']).default('or'),
  /** Only papers in this collection. */
  collectionId: Id.optional(),
  /** With collectionId: also papers in its sub-collections. */
  includeSubcollections: z.boolean().default(false),
  status: ReadingStatus.optional(),
  /** Papers rated at least this (1-5). */
  ratingMin: z.number().int().min(1).max(5).optional(),
  starred: z.boolean().optional(),
  /** `hide` (default): papers in the trash are left out; `only`: the trash view; `include`: both. */
  trash: z.enum(['hide', 'only', 'include']).default('hide'),
  /**
   * A search in the query syntax (shared/search/parse.ts): words, "phrases", OR, -word, author:, tag:,
   * category:, year:, has:, status:, rating:, is:starred ... over the full-text index of title, authors,
   * abstract, affiliations, categories, tags, notes and annotations. A malformed query fails with
   * `INVALID_QUERY` and `details.column`. Unsorted lists with a text query are ranked by relevance (bm25).
   */
  query: searchText(QUERY_MAX_LENGTH, `The query is over ${QUERY_MAX_LENGTH} characters.`).default(''),
});
export type PaperFilters = z.output<typeof PaperFilters>;

export const SETTING_KEY = z.string().regex(/^[a-z][\w.-]{0,63}$/, 'Setting names are letters, digits, dots and dashes.');

/** A setting's value: plain JSON within the limits of shared/json-limits.ts (checked without recursion). */
export const SETTING_VALUE = z.unknown().superRefine((value, ctx) => {
  const problem = jsonValueProblem(value);
  if (problem) ctx.addIssue({ code: 'custom', message: problem });
});

export const JOB_ID = z.string().regex(/^[\w-]{1,64}$/, 'A job id is 1-64 letters, digits, dashes or underscores.');

export const PasteInput = z.object({
  /** The pasted text; up to PASTE_MAX_BYTES (20 MB) of UTF-8 (shared/paste-limit.ts). */
  text: z.string().refine((text) => !pasteTooLong(text), PASTE_TOO_LONG_MESSAGE),
  /** Read the paste as this source instead of detecting it (the preview's source picker). */
  format: z.enum(FORMAT_IDS).optional(),
});
