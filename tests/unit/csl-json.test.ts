import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readCslJson } from '../../shared/interop/csl-json/read';
import { writeCslJson } from '../../shared/interop/csl-json/write';
import type { InteropRecord } from '../../shared/interop/interop-record';
import { forRoundTrip, interopRecordArbitrary } from './helpers/interop-arbitrary';
import { interopFixtureExpected, interopFixtureNames, interopFixtureText } from './helpers/interop-fixtures';

const FIXTURES = interopFixtureNames('csl-json');

describe('readCslJson', () => {
  it('has the fixtures the issue asks for', () => {
    expect(FIXTURES).toEqual(['citation-js.json', 'invalid-item.json', 'names.json', 'single-item.json', 'syntax-error.json', 'zotero.json']);
  });

  it.each(FIXTURES)('%s reads to its expected records and problems', (name) => {
    expect(readCslJson(interopFixtureText('csl-json', name))).toEqual(interopFixtureExpected('csl-json', name));
  });

  it("reads citation-js's output: citation key, keyword as tags, numbers as text, unknown variables kept", () => {
    const [r] = readCslJson(interopFixtureText('csl-json', 'citation-js.json')).records;
    expect(r!.citationKey).toBe('smith2020deep');
    expect(r!.tags).toEqual(['tides', 'deep learning', 'forecasting']);
    expect(r!.item.volume).toBe('148');
    expect(r!.item.keyword).toBeUndefined();
    expect((r!.item._graph as unknown[]).length).toBe(2);
  });

  it("reads Zotero's: string years as numbers, note to the note, arXiv id from the DOI, no item URI as a citation key", () => {
    const [bert, chapter] = readCslJson(interopFixtureText('csl-json', 'zotero.json')).records;
    expect(bert!.item.issued).toEqual({ 'date-parts': [[2019, 5, 24]] });
    expect([bert!.note, bert!.arxivId, bert!.citationKey]).toEqual(['arXiv: 1810.04805', '1810.04805', null]);
    expect(bert!.item.id).toBe('http://zotero.org/users/local/kQx2bT9f/items/7WZ4KJ3P');
    expect(chapter!.item.editor).toEqual([{ family: 'Indurkhya', given: 'Nitin' }, { family: 'Damerau', given: 'Fred J.' }]);
  });

  it('gives a syntax error one problem with its line and column, and no records', () => {
    const r = readCslJson(interopFixtureText('csl-json', 'syntax-error.json'));
    expect(r.records).toEqual([]);
    expect(r.problems).toEqual([{ line: 6, column: 3, severity: 'error', message: 'not valid JSON: Expected double-quoted property name; nothing read' }]);
    expect(readCslJson('[\r\n  {"type": "book"').problems[0]).toMatchObject({ line: 2, column: 18, message: "not valid JSON: Expected ',' or '}' after property value; nothing read" });
  });

  it('skips each invalid item with the line and column where it starts, and keeps the others', () => {
    const r = readCslJson(interopFixtureText('csl-json', 'invalid-item.json'));
    expect(r.records.map((x) => x.citationKey)).toEqual(['first2001', 'third2003', '5']);
    expect(r.problems.map((p) => `${p.line}:${p.column}: ${p.message}`)).toEqual([
      "3:3: item 2 ('broken2002') is not a CSL item: 'author': expected array, received object; skipped",
      "10:3: item 4 is not a CSL item: 'type': expected string, received undefined; skipped",
      '11:3: item 5 is not a CSL item: expected object, received number; skipped',
    ]);
    expect(r.entriesSeen).toBe(6);
  });

  it('keeps every CSL name part', () => {
    const [r] = readCslJson(interopFixtureText('csl-json', 'names.json')).records;
    expect(r!.item.author).toEqual([
      { family: 'Berg', given: 'Jan', 'non-dropping-particle': 'van der' },
      { family: 'Goethe', given: 'Johann Wolfgang', 'dropping-particle': 'von' },
      { family: 'King', given: 'Martin Luther', suffix: 'Jr.' },
      { literal: 'Barnes and Noble' },
      { family: '毛', given: '泽东' },
      { family: 'Plato' },
    ]);
  });

  it('reads one item that is not in a list, and refuses a JSON value that is no item', () => {
    expect(readCslJson(interopFixtureText('csl-json', 'single-item.json')).records.map((x) => [x.citationKey, x.at])).toEqual([['lonely2022', { line: 1, column: 1 }]]);
    expect(readCslJson('"just a string"').problems).toEqual([{ line: 1, column: 1, severity: 'error', message: 'not a CSL-JSON file: a list of items [ { "type": ... } ] or one item was expected' }]);
    expect(readCslJson('[]')).toEqual({ format: 'csl-json', records: [], problems: [], entriesSeen: 0 });
  });

  it('refuses an item nested deeper than 64 levels without recursing into it', () => {
    const deep = `[{"type": "book", "x": ${'['.repeat(100_000)}${']'.repeat(100_000)}}, {"type": "book", "title": "ok"}]`;
    const r = readCslJson(deep);
    expect(r.records.map((x) => x.item.title)).toEqual(['ok']);
    expect(r.problems[0]!.message).toBe('item 1 nests deeper than 64 levels; skipped');
  });
});

describe('readCslJson on long files', () => {
  const many = `[${Array.from({ length: 2500 }, (_, i) => `{"id": "k${i}", "type": "book", "title": "t"}`).join(',\n')}]`;

  it('reports progress in items and stops with CANCELLED when the signal aborts', () => {
    const calls: Array<[number, number]> = [];
    expect(readCslJson(many, { onProgress: (done, total) => calls.push([done, total]) }).records).toHaveLength(2500);
    expect(calls).toEqual([[1000, 2500], [2000, 2500], [2500, 2500]]);
    const controller = new AbortController();
    controller.abort();
    expect(() => readCslJson(many, { signal: controller.signal })).toThrow(expect.objectContaining({ code: 'CANCELLED' }));
  });

  it('gives each item the line it starts on', () => {
    const r = readCslJson(many);
    expect([r.records[0]!.at, r.records[2499]!.at]).toEqual([{ line: 1, column: 2 }, { line: 2500, column: 1 }]);
  });
});

describe('writeCslJson', () => {
  const record: InteropRecord = {
    item: { id: 'ignored', type: 'book', title: 'T', author: [{ family: 'Berg', given: 'Jan', 'non-dropping-particle': 'van der', suffix: 'Jr.' }, { literal: 'WHO' }], keyword: 'stale' },
    citationKey: 'berg2020',
    tags: ['a', 'b c'],
    note: 'N',
    files: ['/x.pdf'],
    arxivId: null,
    extra: { C1: 'x' },
    at: { line: 1, column: 1 },
  };

  it("writes the citation key as the id, tags as keyword, the note, names with their parts, 2-space indented", () => {
    const out = writeCslJson([record, { ...record, citationKey: null, tags: [], note: null }]);
    expect(JSON.parse(out)).toEqual([
      { id: 'berg2020', type: 'book', title: 'T', author: [{ family: 'Berg', given: 'Jan', 'non-dropping-particle': 'van der', suffix: 'Jr.' }, { literal: 'WHO' }], keyword: 'a, b c', note: 'N' },
      { id: 'ignored', type: 'book', title: 'T', author: [{ family: 'Berg', given: 'Jan', 'non-dropping-particle': 'van der', suffix: 'Jr.' }, { literal: 'WHO' }] },
    ]);
    expect(out.startsWith('[\n  {\n    "id": "berg2020",\n    "type": "book",')).toBe(true);
  });

  it('round-trips every fixture', () => {
    for (const name of FIXTURES) {
      const first = readCslJson(interopFixtureText('csl-json', name)).records;
      expect(readCslJson(writeCslJson(first)).records.map((r) => forRoundTrip(r)), name).toEqual(first.map((r) => forRoundTrip(r)));
    }
  });

  it('round-trips generated records (property; files and extra have no place in CSL-JSON)', () => {
    fc.assert(
      fc.property(fc.array(interopRecordArbitrary, { maxLength: 5 }), (generated) => {
        // The id is read back as the citation key: a record without one gets its id as key.
        const records = generated.map((r) => ({ ...r, citationKey: r.citationKey ?? r.item.id }));
        const back = readCslJson(writeCslJson(records));
        expect(back.problems).toEqual([]);
        expect(back.records.map((r) => forRoundTrip(r))).toEqual(records.map((r) => forRoundTrip(r, { files: false, extra: false })));
      }),
      { numRuns: 300 },
    );
  });
});
