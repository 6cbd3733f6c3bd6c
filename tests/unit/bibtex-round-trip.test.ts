/**
 * Round trips: reading what writeBibtex wrote gives back the records it was given, for generated records
 * (fast-check) and for every record of the reader's fixtures (tests/fixtures/interop/bibtex/).
 *
 * What is compared: everything but the position in the file (`at`) and the reader's note of the entry
 * type as written (`extra.bibtex_type`: the writer writes types in lower case and in the dialect's own
 * spelling; the CSL type, which is what the type means, is compared). In the BibTeX dialect dates are
 * compared as year and month (BibTeX has no day, range or circa; BibLaTeX keeps them all).
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readBibtex } from '../../shared/interop/bibtex/read';
import { writeBibtex } from '../../shared/interop/bibtex/write';
import type { CslDateJson, InteropRecord } from '../../shared/interop/interop-record';

type Dialect = 'bibtex' | 'biblatex';
const DIR = fileURLToPath(new URL('../fixtures/interop/bibtex/', import.meta.url));

/** The record as compared (see the file's comment). */
function comparable(record: InteropRecord, dialect: Dialect): unknown {
  const { bibtex_type: _type, ...extra } = record.extra;
  const item = { ...record.item };
  if (dialect === 'bibtex' && item.issued !== undefined) item.issued = yearMonth(item.issued);
  // BibTeX's @techreport is a technical report by definition: the reader says so in the genre.
  if (dialect === 'bibtex' && item.type === 'report' && item.genre === 'Technical report') delete item.genre;
  return { ...record, item, extra, at: null };
}

function yearMonth(date: CslDateJson): CslDateJson {
  const start = date['date-parts']?.[0];
  if (start === undefined) return date;
  return { 'date-parts': [start.slice(0, 2)] };
}

async function roundTrip(records: InteropRecord[], dialect: Dialect, ascii = false): Promise<InteropRecord[]> {
  const text = writeBibtex(records, { dialect, ascii });
  const read = await readBibtex(text);
  expect(read.problems).toEqual([]);
  return read.records;
}

describe('BibTeX round trip over the reader fixtures', () => {
  // duplicate-key.bib reads back with new keys (the writer makes them unique): bibtex-write.test.ts checks them.
  const files = readdirSync(DIR).filter((f) => f.endsWith('.bib') && f !== 'duplicate-key.bib');
  it.each(files.flatMap((f) => [[f, 'biblatex', false], [f, 'bibtex', false], [f, 'biblatex', true]] as [string, Dialect, boolean][]))(
    '%s as %s (ascii: %s) reads back the same records',
    async (file, dialect, ascii) => {
      const first = (await readBibtex(readFileSync(join(DIR, file), 'utf8'))).records;
      const second = await roundTrip(first, dialect, ascii);
      // A crossref to an entry the file does not hold is not written (the parent's fields are in the record already).
      const keys = new Set(first.map((r) => r.citationKey?.toLowerCase()));
      const expected = first.map((r) => {
        const c = comparable(r, dialect) as InteropRecord;
        const { crossref, ...extra } = c.extra;
        return crossref === undefined || keys.has(crossref.toLowerCase()) ? c : { ...c, extra };
      });
      // Entries a crossref names are written after the others (classic BibTeX reads parents further down).
      const parents = new Set(first.map((r) => r.extra.crossref?.trim().toLowerCase() ?? ''));
      const isParent = (r: InteropRecord) => r.citationKey !== null && r.citationKey !== '' && parents.has(r.citationKey.toLowerCase());
      const ordered = [...expected.filter((r) => !isParent(r)), ...expected.filter(isParent)];
      // The writer braces an all-capitals title (`{OK}`) that the file gave without protection; the reader then
      // marks it title_protected: compared without that marker where the original had none (as the property below).
      const marked = (r: InteropRecord, i: number) => {
        const c = comparable(r, dialect) as InteropRecord;
        if (ordered[i] === undefined || 'title_protected' in (ordered[i] as InteropRecord).extra) return c;
        const { title_protected: _p, ...extra } = c.extra;
        return { ...c, extra };
      };
      expect(second.map(marked)).toEqual(ordered);
    },
  );
});

/** Text as the reader gives it: single spaces, trimmed, no control characters. */
const word = fc.string({ unit: fc.constantFrom('a', 'B', 'é', 'ß', '中', '&', '%', '#', '_', '$', '~', '^', '\\', '{', '}', '@', "'", '-', '.', ':'), minLength: 1, maxLength: 8 });
const textArb = fc.array(word, { minLength: 1, maxLength: 6 }).map((ws) => ws.join(' '));
const nameWord = fc.string({ unit: fc.constantFrom('a', 'b', 'é', 'ß', 'K', 'M', 'Ø', "'", '-'), minLength: 1, maxLength: 7 }).map((w) => w.charAt(0).toUpperCase() + w.slice(1));
const personArb = fc.record({ family: nameWord, given: nameWord }, { requiredKeys: ['family'] });
const literalArb = fc.record({ literal: fc.array(nameWord, { minLength: 1, maxLength: 3 }).map((ws) => `${ws.join(' ')} and Co`) });
const dateArb = fc.record({ y: fc.integer({ min: 1000, max: 2099 }), m: fc.option(fc.integer({ min: 1, max: 12 })), d: fc.option(fc.integer({ min: 1, max: 28 })) }).map(({ y, m, d }) => ({
  'date-parts': [m === null ? [y] : d === null ? [y, m] : [y, m, d]],
}));

const recordArb = fc
  .record({
    key: fc.stringMatching(/^[a-z][a-z0-9]{0,10}$/),
    type: fc.constantFrom('article-journal', 'paper-conference', 'book', 'chapter', 'report'),
    title: textArb,
    authors: fc.array(fc.oneof(personArb, literalArb), { minLength: 1, maxLength: 4 }),
    container: textArb,
    volume: fc.option(fc.integer({ min: 1, max: 99 }).map(String)),
    pages: fc.option(fc.tuple(fc.integer({ min: 1, max: 500 }), fc.integer({ min: 1, max: 99 })).map(([a, b]) => `${a}-${a + b}`)),
    date: dateArb,
    doi: fc.option(fc.stringMatching(/^10\.[0-9]{4}\/[a-z0-9._-]{1,12}$/)),
    abstract: fc.option(textArb),
    tags: fc.uniqueArray(fc.stringMatching(/^[a-z][a-z -]{0,8}[a-z]$/), { maxLength: 3 }),
    note: fc.option(textArb),
    arxivId: fc.option(fc.stringMatching(/^2[0-9]{3}\.[0-9]{5}$/)),
  })
  .map((g): InteropRecord => ({
    item: {
      id: g.key,
      'citation-key': g.key,
      type: g.arxivId !== null ? 'article' : g.type,
      title: g.title,
      author: g.authors,
      ...(g.arxivId !== null ? {} : { 'container-title': g.container }),
      ...(g.volume === null ? {} : { volume: g.volume }),
      ...(g.pages === null ? {} : { page: g.pages }),
      issued: g.date,
      ...(g.doi === null ? {} : { DOI: g.doi }),
      ...(g.abstract === null ? {} : { abstract: g.abstract }),
    },
    citationKey: g.key,
    tags: g.tags.map((t) => t.replace(/ {2,}/g, ' ')),
    note: g.note,
    files: [],
    arxivId: g.arxivId,
    extra: {},
    at: { line: 1, column: 1 },
  }));

describe('BibTeX round trip over generated records (property)', () => {
  it.each([['biblatex', false], ['bibtex', false], ['biblatex', true]] as [Dialect, boolean][])('%s (ascii: %s)', async (dialect, ascii) => {
    await fc.assert(
      fc.asyncProperty(fc.uniqueArray(recordArb, { maxLength: 4, selector: (r) => r.citationKey }), async (records) => {
        const back = await roundTrip(records, dialect, ascii);
        // The reader adds what it infers on reading (title_protected for braced acronyms): compared without it when the original had none.
        const strip = (r: InteropRecord) => {
          const c = comparable(r, dialect) as InteropRecord;
          const { title_protected: _p, ...extra } = c.extra;
          return { ...c, extra };
        };
        expect(back.map(strip)).toEqual(records.map(strip));
      }),
      { numRuns: 150 },
    );
  });
});
