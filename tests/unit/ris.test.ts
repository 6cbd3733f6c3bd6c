import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readRis } from '../../shared/interop/ris/read';
import { writeRis } from '../../shared/interop/ris/write';
import { parseRisDate, parseRisName, standardNumberKind } from '../../shared/interop/ris/ris-fields';
import type { InteropRecord } from '../../shared/interop/interop-record';
import { forRoundTrip, interopRecordArbitrary } from './helpers/interop-arbitrary';
import { interopFixtureExpected, interopFixtureNames, interopFixtureText } from './helpers/interop-fixtures';

const FIXTURES = interopFixtureNames('ris');

describe('readRis on real exports', () => {
  it('has the fixtures the issue asks for', () => {
    expect(FIXTURES).toEqual(['a1-au.ris', 'bom-crlf.ris', 'continuation.ris', 'endnote.ris', 'garbage.ris', 'missing-er.ris', 'pubmed.ris', 'scopus.ris', 'web-of-science.ris', 'zotero.ris']);
  });

  it.each(FIXTURES)('%s reads to its expected records and problems', (name) => {
    expect(readRis(interopFixtureText('ris', name))).toEqual(interopFixtureExpected('ris', name));
  });

  it('reads a Zotero record field by field', () => {
    const [paper, book, chapter] = readRis(interopFixtureText('ris', 'zotero.ris')).records;
    expect(paper!.item).toMatchObject({ type: 'article-journal', title: 'Attention Is All You Need', 'container-title': 'Advances in Neural Information Processing Systems', issued: { 'date-parts': [[2017, 12, 4]] }, accessed: { 'date-parts': [[2024, 1, 15]] }, page: '5998-6008', volume: '30', ISSN: '1049-5258', DOI: '10.48550/arXiv.1706.03762' });
    expect(paper!.item.author).toEqual([{ family: 'Vaswani', given: 'Ashish' }, { family: 'Shazeer', given: 'Noam' }, { family: 'Parmar', given: 'Niki' }]);
    expect([paper!.tags, paper!.note, paper!.arxivId, paper!.files.length]).toEqual([['transformers', 'attention'], 'Read for the reading group.', '1706.03762', 1]);
    expect(book!.item).toMatchObject({ type: 'book', ISBN: '978-0-226-45808-3', publisher: 'University of Chicago Press', 'publisher-place': 'Chicago', edition: '1' });
    expect(chapter!.item.editor).toEqual([{ family: 'Ng', given: 'Andrew' }]);
  });

  it('keeps A1 and AU authors both, in file order, with particles split off', () => {
    const [r] = readRis(interopFixtureText('ris', 'a1-au.ris')).records;
    expect(r!.item.author).toEqual([
      { family: 'Hopper', given: 'Grace' },
      { family: 'Lovelace', given: 'Ada' },
      { family: 'Turing', given: 'Alan' },
      { family: 'Neumann', given: 'John', 'dropping-particle': 'von' },
    ]);
    expect(r!.item.editor).toEqual([{ family: 'Berg', given: 'Jan', 'non-dropping-particle': 'van der' }]);
  });

  it('reads a file with a BOM and CRLF line ends, and one with one space around the dash', () => {
    const r = readRis(interopFixtureText('ris', 'bom-crlf.ris'));
    expect(r.records.map((x) => x.item.title)).toEqual(['Crème brûlée and the Ångström unit', 'Über alles']);
    expect(r.records[0]!.item.author).toEqual([{ family: 'Øster', given: 'Åse' }]);
    expect(r.problems).toEqual([]);
    expect(readRis('TY - JOUR\nTI - One space\nER -\n').records[0]!.item.title).toBe('One space');
    expect(readRis('\ufeffTY  - BOOK\r\nTI  - B\r\nER  - \r\n').records[0]!.item).toEqual({ id: 'ris-1', type: 'book', title: 'B' });
  });

  it('joins continuation lines: with a space in titles, with a line break in abstracts', () => {
    const [r] = readRis(interopFixtureText('ris', 'continuation.ris')).records;
    expect(r!.item.title).toBe('A title that an old exporter wrapped over two lines');
    expect(r!.item.abstract).toBe('First line of the abstract.\nSecond line of the abstract, not a tag.\nThird line.');
  });

  it('keeps records without ER and says so with their line', () => {
    const r = readRis(interopFixtureText('ris', 'missing-er.ris'));
    expect(r.records.map((x) => x.item.title)).toEqual(['The first record closes properly', 'The second record has no ER', 'The last record ends with the file']);
    expect(r.problems.map((p) => [p.line, p.column, p.severity])).toEqual([[7, 1, 'warning'], [12, 1, 'warning']]);
    expect(r.problems[1]!.message).toBe("record has no 'ER' line at the end of the file; kept");
  });

  it('skips garbage and a record without TY, each an error with its line, and keeps the rest', () => {
    const r = readRis(interopFixtureText('ris', 'garbage.ris'));
    expect(r.records.map((x) => x.item.title)).toEqual(['A good record', 'One space each side of the dash', 'An unknown reference type']);
    expect(r.problems.filter((p) => p.severity === 'error').map((p) => `${p.line}:${p.column}: ${p.message}`)).toEqual([
      "1:1: line 1 is not RIS (a tag line such as 'TY  - JOUR' was expected); skipped",
      "7:1: lines 7-8 are not RIS (a tag line such as 'TY  - JOUR' was expected); skipped",
      "10:1: record has no 'TY' line (its reference type); skipped",
    ]);
    expect(r.entriesSeen).toBe(4);
    expect(r.records[1]!.item.issued).toEqual({ 'date-parts': [[2012]], season: 'Spring' });
  });

  it('maps RIS types to CSL types and keeps the RIS type when it is not the one written back', () => {
    const type = (ty: string): [string, string | undefined] => {
      const [r] = readRis(`TY  - ${ty}\nTI  - x\nER  - \n`).records;
      return [r!.item.type, r!.extra.ris_type];
    };
    expect(['JOUR', 'CONF', 'CPAPER', 'BOOK', 'CHAP', 'THES', 'RPRT', 'GEN', 'ELEC', 'WEB', 'DATA', 'COMP', 'PAT', 'UNPB', 'MGZN', 'NEWS', 'EJOUR'].map(type)).toEqual([
      ['article-journal', undefined], ['paper-conference', undefined], ['paper-conference', 'CPAPER'], ['book', undefined], ['chapter', undefined],
      ['thesis', undefined], ['report', undefined], ['document', undefined], ['webpage', undefined], ['webpage', 'WEB'], ['dataset', undefined],
      ['software', undefined], ['patent', undefined], ['manuscript', undefined], ['article-magazine', undefined], ['article-newspaper', undefined],
      ['article-journal', 'EJOUR'],
    ]);
    expect(readRis('TY  - UNPB\nUR  - https://arxiv.org/abs/2401.01234v2\nER  - \n').records[0]).toMatchObject({ item: { type: 'article' }, arxivId: '2401.01234' });
  });
});

describe('readRis on long files', () => {
  const many = 'TY  - JOUR\nTI  - t\nER  - \n'.repeat(2200);

  it('reports progress in records, ending at the total', () => {
    const calls: Array<[number, number]> = [];
    expect(readRis(many, { onProgress: (done, total) => calls.push([done, total]) }).records).toHaveLength(2200);
    expect(calls).toEqual([[500, 2200], [1000, 2200], [1500, 2200], [2000, 2200], [2200, 2200]]);
  });

  it('stops with CANCELLED when the signal aborts', () => {
    const controller = new AbortController();
    controller.abort();
    expect(() => readRis(many, { signal: controller.signal })).toThrow(expect.objectContaining({ code: 'CANCELLED' }));
  });
});

describe('RIS field readers', () => {
  it('read every date shape RIS files use', () => {
    expect(['2020', '2020/05/03/', '2020/05//', '2020///Spring', '2020/05/03', '2021-06-30', '2024/01/15/10:22:01', 'Spring 2020', '2020/13x/'].map(parseRisDate)).toEqual([
      { 'date-parts': [[2020]] },
      { 'date-parts': [[2020, 5, 3]] },
      { 'date-parts': [[2020, 5]] },
      { 'date-parts': [[2020]], season: 'Spring' },
      { 'date-parts': [[2020, 5, 3]] },
      { 'date-parts': [[2021, 6, 30]] },
      { 'date-parts': [[2024, 1, 15]] },
      { raw: 'Spring 2020' },
      { raw: '2020/13x/' },
    ]);
  });

  it('read names as Family, Given, Suffix and anything without a comma as a literal', () => {
    expect(['Smith, John, Jr.', 'van der Berg, Jan', 'von Neumann, John', 'de la Cruz, María', 'Plato,', 'World Health Organization', '  '].map(parseRisName)).toEqual([
      { family: 'Smith', given: 'John', suffix: 'Jr.' },
      { family: 'Berg', given: 'Jan', 'non-dropping-particle': 'van der' },
      { family: 'Neumann', given: 'John', 'dropping-particle': 'von' },
      { family: 'Cruz', given: 'María', 'non-dropping-particle': 'de la' },
      { family: 'Plato' },
      { literal: 'World Health Organization' },
      null,
    ]);
  });

  it('tell an ISSN from an ISBN by shape', () => {
    expect(['1549-960X', '15499596', '1476-4687 (Electronic)', '978-0-226-45808-3', '0-306-40615-2', 'n/a'].map(standardNumberKind)).toEqual(['ISSN', 'ISSN', 'ISSN', 'ISBN', 'ISBN', null]);
  });
});

describe('writeRis', () => {
  const record: InteropRecord = {
    item: {
      id: 'berg2020',
      type: 'article-journal',
      title: 'Tides',
      author: [{ family: 'Berg', given: 'Jan', 'non-dropping-particle': 'van der' }, { family: 'King', given: 'Martin', suffix: 'Jr.' }, { literal: 'WHO' }],
      issued: { 'date-parts': [[2020, 5, 3]] },
      'container-title': 'Ocean Modelling',
      volume: '12',
      issue: '3',
      page: '101–120',
      ISSN: '1463-5003',
      DOI: '10.1016/x',
      URL: 'https://example.org/x',
      abstract: 'Line one.\n\nLine two.',
      publisher: 'Elsevier',
      'publisher-place': 'Amsterdam',
      language: 'en',
    },
    citationKey: 'berg2020',
    tags: ['tides', 'to read'],
    note: 'A note',
    files: ['/papers/berg.pdf'],
    arxivId: null,
    extra: { C1: 'custom one', bibtex_type: 'article' },
    at: { line: 1, column: 1 },
  };

  it('writes TY first, one AU per author in order, PY and DA, SP/EP, KW per tag, ER closing, CRLF, no blank line inside', () => {
    expect(writeRis([record])).toBe(
      [
        'TY  - JOUR', 'AU  - van der Berg, Jan', 'AU  - King, Martin, Jr.', 'AU  - WHO', 'TI  - Tides', 'T2  - Ocean Modelling', 'PY  - 2020', 'DA  - 2020/05/03/',
        'VL  - 12', 'IS  - 3', 'SP  - 101', 'EP  - 120', 'SN  - 1463-5003', 'DO  - 10.1016/x', 'UR  - https://example.org/x', 'KW  - tides', 'KW  - to read',
        'N1  - A note', 'AB  - Line one.', 'Line two.', 'PB  - Elsevier', 'CY  - Amsterdam', 'LA  - en', 'ID  - berg2020', 'L1  - /papers/berg.pdf', 'C1  - custom one', 'ER  - ', '', '',
      ].join('\r\n'),
    );
  });

  it('writes PY as YYYY alone when only the year is known, and a continuation line that looks like a tag indented', () => {
    const out = writeRis([{ ...record, tags: [], note: null, files: [], extra: {}, citationKey: null, item: { id: 'x', type: 'book', title: 'T', issued: { 'date-parts': [[1999]] }, abstract: 'Intro\nAU  - not an author' } }]);
    expect(out).toContain('PY  - 1999\r\nAB  - Intro\r\n AU  - not an author\r\n');
    expect(out).not.toContain('DA  -');
    expect(readRis(out).records[0]!.item).toEqual({ id: 'ris-1', type: 'book', title: 'T', issued: { 'date-parts': [[1999]] }, abstract: 'Intro\nAU  - not an author' });
  });

  it('round-trips every fixture: readRis(writeRis(records)) gives the records back', () => {
    for (const name of FIXTURES) {
      const first = readRis(interopFixtureText('ris', name)).records;
      const again = readRis(writeRis(first));
      expect(again.records.map((r) => forRoundTrip(r)), name).toEqual(first.map((r) => forRoundTrip(r)));
      expect(again.problems.filter((p) => p.severity === 'error'), name).toEqual([]);
    }
  });

  it('round-trips generated records (property)', () => {
    fc.assert(
      fc.property(fc.array(interopRecordArbitrary, { maxLength: 5 }), (records) => {
        const back = readRis(writeRis(records));
        expect(back.problems).toEqual([]);
        expect(back.records.map((r) => forRoundTrip(r))).toEqual(records.map((r) => forRoundTrip(r)));
      }),
      { numRuns: 300 },
    );
  });
});
