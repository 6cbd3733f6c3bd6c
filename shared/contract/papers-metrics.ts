/** The metrics panel's figures for a set of papers (metrics.selection). */
import { z } from 'zod';
import { Id, NameCount } from '../model';

export const SelectionMetrics = z.object({
  papers: z.number().int(),
  papersPerYear: z.array(z.object({ year: z.number().int(), count: z.number().int() })),
  papersPerCategory: z.array(z.object({ category: z.string(), count: z.number().int() })),
  papersWithCode: z.number().int(),
  /**
   * The most frequent authors of these papers (at most 10). When the papers are one author's
   * (`authorId` filter) that author is left out and these are their co-authors: `coAuthorsOf` names them.
   */
  topAuthors: z.array(NameCount.extend({ id: Id })),
  /** The author whose co-authors `topAuthors` lists, or null: they are the top authors of the papers. */
  coAuthorsOf: Id.nullable(),
  affiliations: z.array(NameCount),
  /** Citation figures over the papers with a known count; null when none has one. */
  citations: z
    .object({
      papersCounted: z.number().int(),
      totalCitations: z.number().int(),
      meanCitations: z.number().nullable(),
      hIndex: z.number().int(),
      gIndex: z.number().int(),
      i10Index: z.number().int(),
      citationsPerYear: z.number().nullable(),
    })
    .nullable(),
});
export type SelectionMetrics = z.infer<typeof SelectionMetrics>;
