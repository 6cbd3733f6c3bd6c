/**
 * fast-check arbitraries for InteropRecord (shared/interop/interop-record.ts), for the round-trip
 * property tests of every reference format (RIS, CSL-JSON, BibTeX): records as a reader of a
 * well-kept file returns them. Text is trimmed, single-spaced and has no line breaks; names have
 * capitalised family names (lower-case words before one are particles) and no commas; tags have no
 * commas (CSL `keyword` is comma-separated); dates have years 1900-2030; `article` records are arXiv
 * preprints (URL and arxivId). `at` is a placeholder and `extra` is empty: use `forRoundTrip` before
 * comparing a record with what a writer and reader made of it.
 */
import fc from 'fast-check';
import type { CslDateJson, CslItemJson, CslNameJson, InteropRecord } from '../../../shared/interop/interop-record';

/** Types every format can carry back (BibTeX: @article, @inproceedings, @book, @incollection, ...). */
export const ROUND_TRIP_TYPES = ['article-journal', 'paper-conference', 'book', 'chapter', 'report', 'thesis', 'webpage', 'dataset', 'software', 'article'] as const;

const capitalised = fc.constantFrom('Smith', 'García', 'Øster', 'Müller', 'Nguyen', 'Okafor', "O'Neil", 'Zhang', 'Kowalski', 'Lindqvist', 'Straße', 'Ruan', 'Haddad', 'Ellis');
const givenWord = fc.constantFrom('Jane', 'Omar', 'J.', 'R.', 'Ming-Wei', 'Åse', 'Chidi', 'Marie', 'Karl', 'Thi', 'Huong', 'Luis');
const word = fc.constantFrom('deep', 'learning', 'of', 'the', 'Tides', 'graph', 'networks', 'für', 'Ångström', 'café', 'model', 'A', 'on', '2020', 'R&D', '50%', 'x_1', 'C#', '$5', 'naïve', 'Über', 'in');
const words = (min: number, max: number): fc.Arbitrary<string> => fc.array(word, { minLength: min, maxLength: max }).map((w) => w.join(' '));
const tagWord = fc.constantFrom('nlp', 'to read', 'tides', 'graphs', 'Physics', 'ml', 'review', 'éducation');

/** A personal name (family, given, particles, suffix) or an organisation (`literal`). */
export const cslNameArbitrary: fc.Arbitrary<CslNameJson> = fc.oneof(
  { weight: 5, arbitrary: fc.record(
    {
      family: fc.array(capitalised, { minLength: 1, maxLength: 2 }).map((w) => w.join(' ')),
      given: fc.array(givenWord, { minLength: 1, maxLength: 2 }).map((w) => w.join(' ')),
      'non-dropping-particle': fc.constantFrom('van', 'van der', 'de', 'de la', 'di'),
      'dropping-particle': fc.constantFrom('von', 'zu'),
      suffix: fc.constantFrom('Jr.', 'Sr.', 'III'),
    },
    { requiredKeys: ['family'] },
  ) },
  { weight: 1, arbitrary: fc.constantFrom('World Health Organization', 'DeepSeek-AI', 'The ATLAS Collaboration', 'Barnes and Noble').map((literal) => ({ literal })) },
);

const dateArbitrary: fc.Arbitrary<CslDateJson> = fc
  .tuple(fc.integer({ min: 1900, max: 2030 }), fc.option(fc.integer({ min: 1, max: 12 }), { nil: undefined }), fc.option(fc.integer({ min: 1, max: 28 }), { nil: undefined }))
  .map(([y, m, d]) => ({ 'date-parts': [m === undefined ? [y] : d === undefined ? [y, m] : [y, m, d]] }));

const digits = (min: number, max: number): fc.Arbitrary<string> => fc.integer({ min, max }).map(String);

const optionalFields = fc.record(
  {
    'container-title': words(1, 6),
    'title-short': words(1, 2),
    volume: digits(1, 999),
    issue: digits(1, 52),
    page: fc.oneof(digits(1, 9999), fc.tuple(fc.integer({ min: 1, max: 500 }), fc.integer({ min: 1, max: 60 })).map(([a, n]) => `${a}-${a + n}`)),
    publisher: words(1, 4),
    'publisher-place': fc.constantFrom('Berlin', 'New York, NY', 'São Paulo', 'Geneva'),
    DOI: fc.tuple(fc.integer({ min: 1000, max: 99999 }), fc.stringMatching(/^[a-z0-9.]{1,12}$/)).map(([p, s]) => `10.${p}/${s}`),
    ISSN: fc.tuple(fc.integer({ min: 1000, max: 9999 }), fc.integer({ min: 100, max: 999 }), fc.constantFrom('0', '7', 'X')).map(([a, b, c]) => `${a}-${b}${c}`),
    ISBN: fc.integer({ min: 0, max: 999_999_999 }).map((n) => `978${String(n).padStart(10, '0')}`),
    language: fc.constantFrom('en', 'de', 'fr-FR'),
    abstract: words(3, 30),
    edition: digits(2, 9),
    author: fc.array(cslNameArbitrary, { minLength: 1, maxLength: 5 }),
    editor: fc.array(cslNameArbitrary, { minLength: 1, maxLength: 2 }),
    issued: dateArbitrary,
  },
  { requiredKeys: [] },
);

/** One record as a reader returns it (see the module comment for what is left out). */
export const interopRecordArbitrary: fc.Arbitrary<InteropRecord> = fc
  .record({
    type: fc.constantFrom(...ROUND_TRIP_TYPES),
    title: words(1, 12),
    fields: optionalFields,
    key: fc.option(fc.stringMatching(/^[a-z]{3,8}[12][0-9]{3}[a-z]{0,1}$/), { nil: null }),
    tags: fc.uniqueArray(tagWord, { maxLength: 4 }),
    note: fc.option(words(1, 10), { nil: null }),
    files: fc.array(fc.constantFrom('/home/ana/papers/a.pdf', 'C:\\Users\\ana\\b.pdf', 'papers/c d.pdf'), { maxLength: 2 }),
    arxiv: fc.tuple(fc.integer({ min: 1501, max: 2512 }), fc.integer({ min: 0, max: 99999 })).map(([ym, n]) => `${ym}.${String(n).padStart(5, '0')}`),
  })
  .map(({ type, title, fields, key, tags, note, files, arxiv }, ) => {
    const item: CslItemJson = { id: key ?? 'item', type, title, ...fields };
    if (type === 'article') {
      item.URL = `https://arxiv.org/abs/${arxiv}`;
      delete item.DOI;
    } else if (fields.DOI === undefined) {
      // A URL that is not arXiv's, sometimes.
      if (title.length % 3 === 0) item.URL = `https://example.org/${title.length}`;
    }
    return { item, citationKey: key, tags, note, files, arxivId: type === 'article' ? arxiv : null, extra: {}, at: { line: 1, column: 1 } };
  });

/**
 * What a round trip must keep: the record without its position in the file (writers move records) and
 * without the item id when the record has no citation key (a reader then makes an id of its own).
 * @param keep.files false for formats with no place for attached files (CSL-JSON)
 */
export function forRoundTrip(record: InteropRecord, keep: { files?: boolean; extra?: boolean } = {}): Omit<InteropRecord, 'at'> {
  const { at: _at, ...rest } = record;
  const item = record.citationKey === null ? { ...record.item, id: '(reader-made)' } : record.item;
  return { ...rest, item, files: keep.files === false ? [] : rest.files, extra: keep.extra === false ? {} : rest.extra };
}
