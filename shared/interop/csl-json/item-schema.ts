/**
 * The zod schema a CSL-JSON item is checked with on reading: the variables Lectern maps (CslItemJson in
 * interop-record.ts) with their CSL types, loose on what real exporters write (numbers for `volume`,
 * `page` or `id`; strings in `date-parts`), and every other CSL variable kept as it is.
 */
import { z } from 'zod';

/** A string, or a number written as one (Zotero and citation-js write `"volume": 12` at times). */
const text = z.union([z.string(), z.number().transform((n) => String(n))], { error: 'expected text' });

const name = z.looseObject({
  family: text.optional(),
  given: text.optional(),
  'dropping-particle': text.optional(),
  'non-dropping-particle': text.optional(),
  suffix: text.optional(),
  literal: text.optional(),
});

/** `date-parts` values as numbers (`["2020", "05"]` is read as `[2020, 5]`); a part that is no number fails. */
const datePart = z.union([z.number(), z.string().regex(/^-?\d{1,6}$/).transform(Number)], { error: 'expected a number' });
const date = z.looseObject({
  'date-parts': z.array(z.array(datePart)).optional(),
  circa: z.union([z.boolean(), z.string(), z.number()]).optional(),
  season: z.union([z.string(), z.number()]).optional(),
  raw: z.string().optional(),
  literal: z.string().optional(),
});

const NAME_VARIABLES = ['author', 'editor', 'container-author', 'translator', 'collection-editor', 'composer', 'director', 'interviewer', 'recipient', 'reviewed-author'] as const;
const DATE_VARIABLES = ['issued', 'accessed', 'event-date', 'original-date', 'submitted'] as const;
const TEXT_VARIABLES = [
  'title', 'title-short', 'container-title', 'container-title-short', 'collection-title', 'volume', 'issue', 'page', 'number',
  'edition', 'publisher', 'publisher-place', 'event-title', 'event-place', 'genre', 'URL', 'DOI', 'ISBN', 'ISSN', 'PMID',
  'PMCID', 'language', 'abstract', 'keyword', 'note', 'citation-key',
] as const;

const shape: Record<string, z.ZodType> = { id: text.optional(), type: z.string().min(1) };
for (const v of NAME_VARIABLES) shape[v] = z.array(name).optional();
for (const v of DATE_VARIABLES) shape[v] = date.optional();
for (const v of TEXT_VARIABLES) shape[v] = text.optional();

/** One CSL-JSON item: `type` required; `id` optional (a reader gives one); unknown variables kept. */
export const CslItemSchema = z.looseObject(shape);
