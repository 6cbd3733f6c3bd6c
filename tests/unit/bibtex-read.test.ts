/**
 * The BibTeX/BibLaTeX reader (shared/interop/bibtex/) on real-world shapes: every fixture under
 * tests/fixtures/interop/bibtex/ is read and compared with the JSON beside it (records, problems,
 * entries seen), and the behaviours the issue names are asserted field by field below, so a changed
 * expectation file cannot hide a regression in them.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { readBibtex } from '../../shared/interop/bibtex/read';
import { decodeLatex } from '../../shared/interop/bibtex/latex-decode';
import { parseNames } from '../../shared/interop/bibtex/names';
import { parseBiblatexDate, parseYearMonth } from '../../shared/interop/bibtex/dates';
import type { InteropReadResult, InteropRecord } from '../../shared/interop/interop-record';
import { LecternError } from '../../shared/errors';

const DIR = fileURLToPath(new URL('../fixtures/interop/bibtex/', import.meta.url));
const FIXTURES = readdirSync(DIR).filter((f) => f.endsWith('.bib')).sort();
const read = (name: string): Promise<InteropReadResult> => readBibtex(readFileSync(join(DIR, name), 'utf8'));
const byKey = (r: InteropReadResult, key: string): InteropRecord => {
  const found = r.records.find((x) => x.citationKey === key);
  if (found === undefined) throw new Error(`no record ${key}`);
  return found;
};

describe('every fixture reads to the records beside it', () => {
  it('has fixtures of every shape', () => {
    expect(FIXTURES.length).toBeGreaterThanOrEqual(14);
  });
  for (const file of FIXTURES) {
    it(file, async () => {
      const r = await read(file);
      const expected = JSON.parse(readFileSync(join(DIR, file.replace(/\.bib$/, '.json')), 'utf8'));
      expect({ records: r.records, problems: r.problems, entriesSeen: r.entriesSeen }).toEqual(expected);
      expect(r.format).toBe('bibtex');
    });
  }
});

describe('malformed entries never cost their neighbours', () => {
  it('closes a value left unclosed at the end of its line, keeps the entries around it, and points at the brace', async () => {
    const r = await read('broken-unclosed-brace.bib');
    expect(r.records.map((x) => x.citationKey)).toEqual(['before2019', 'unclosed2020', 'after2021']);
    expect(byKey(r, 'unclosed2020').item.title).toBe('An Unclosed Title');
    expect(byKey(r, 'unclosed2020').item.author).toEqual([{ family: 'Beta', given: 'Bob' }]);
    expect(byKey(r, 'after2021').item['container-title']).toBe('Advances in Neural Information Processing Systems');
    expect(r.problems).toEqual([{ line: 10, column: 11, severity: 'warning', key: 'unclosed2020', message: "entry 'unclosed2020': the value of 'title' has no closing brace; closed at the end of line 10" }]);
  });

  it('puts a missing comma back and says where it was missing', async () => {
    const r = await read('broken-missing-comma.bib');
    expect(r.records.map((x) => x.citationKey)).toEqual(['first', 'smith2020', 'last']);
    const s = byKey(r, 'smith2020');
    expect(s.item.title).toBe('Missing Comma After Title');
    expect(s.item.author).toEqual([{ family: 'Smith', given: 'Sam' }]);
    // Two commas were missing (after title, after year): both put back.
    expect(s.item.issued).toEqual({ 'date-parts': [[2020]] });
    expect(s.item['container-title']).toBe('Journal');
    expect(r.problems[0]).toMatchObject({ line: 7, column: 38, severity: 'warning', key: 'smith2020' });
  });

  it('stops an entry at a line that starts a new entry, reporting it as an error with its line and column', async () => {
    const r = await read('broken-stray-at.bib');
    expect(r.records.map((x) => x.citationKey)).toEqual(['good1', 'good2', 'good3']);
    expect(byKey(r, 'good1').item.title).toBe('Mail me at someone@example.org');
    expect(byKey(r, 'good1').note).toBe('An @ sign inside a value is text');
    expect(r.entriesSeen).toBe(4);
    expect(r.problems).toHaveLength(1);
    expect(r.problems[0]).toMatchObject({ line: 8, column: 11, severity: 'error', key: 'stray2011' });
    expect(r.problems[0]!.message).toContain('not imported');
  });

  it('keeps an entry without its closing brace, in the middle and at the end of the file', async () => {
    const r = await read('no-closing-brace-eof.bib');
    expect(r.records.map((x) => x.citationKey)).toEqual(['ok2018', 'middle2019', 'ok2020', 'end2021']);
    expect(byKey(r, 'end2021').item.author).toEqual([{ family: 'Omega', given: 'Olga' }]);
    expect(r.problems.map((p) => `${p.line}:${p.column}: ${p.message}`)).toEqual([
      "6:1: entry 'middle2019' has no closing brace; read up to line 8",
      "15:1: entry 'end2021' has no closing brace; read up to line 18",
    ]);
  });

  it('repairs a missing =, a missing comma after the key, an unclosed quote, and skips % lines between fields', async () => {
    const r = await read('broken-shapes.bib');
    expect(r.records.map((x) => [x.citationKey, x.item.title])).toEqual([
      ['noeq', 'Missing Equals'],
      ['pct', 'Percent Comment'],
      ['quote', 'Unclosed quote'],
      ['nokey', 'No comma after key'],
      ['ok', 'OK'],
    ]);
    expect(byKey(r, 'quote').item.issued).toEqual({ 'date-parts': [[2002]] });
    expect(r.problems.map((p) => `${p.line}:${p.column}: ${p.severity}: ${p.message}`)).toEqual([
      "2:9: warning: entry 'noeq': field 'title' has no '='; read as if it were there",
      "13:11: warning: entry 'quote': the value of 'title' has no closing quote; closed at the end of line 13",
      "17:15: warning: entry 'nokey': missing comma after the key; read as if it were there",
      '21:10: error: @article entry: entry has no key; not imported',
    ]);
    expect(r.entriesSeen).toBe(6);
  });

  it('keeps both entries of a duplicate key and warns on the later ones', async () => {
    const r = await read('duplicate-key.bib');
    expect(r.records.map((x) => x.item.title)).toEqual(['The First One', 'The Second One', 'Differs Only By Case']);
    expect(r.problems.map((p) => [p.line, p.severity, p.key])).toEqual([
      [6, 'warning', 'dup2020'],
      [11, 'warning', 'Dup2020'],
    ]);
  });

  it('reads the entry after one that never closes even when it is not at a line start', async () => {
    const text = '@article{a, title = {A}, year = 2000 @article{b,\n  title = {B}\n}\n@misc{c, title = {C}}';
    const r = await readBibtex(text);
    expect(r.records.map((x) => x.citationKey)).toContain('c');
    expect(r.records.map((x) => x.citationKey)).toContain('b');
  });
});

describe('what real files hold', () => {
  it('Better BibTeX BibLaTeX: protected titles, dates, eprint, files, keywords', async () => {
    const r = await read('better-bibtex.bib');
    const roberta = byKey(r, 'liuRoBERTaRobustlyOptimized2019');
    expect(roberta.item.title).toBe('RoBERTa: A Robustly Optimized BERT Pretraining Approach');
    expect(roberta.extra.title_protected).toBe('{RoBERTa}: {A Robustly Optimized BERT Pretraining Approach}');
    expect(roberta.item['title-short']).toBe('RoBERTa');
    expect(roberta.item.issued).toEqual({ 'date-parts': [[2019, 7, 26]] });
    expect(roberta.item.accessed).toEqual({ 'date-parts': [[2021, 3, 4]] });
    expect(roberta.arxivId).toBe('1907.11692');
    expect(roberta.files).toEqual(['/home/ana/Zotero/storage/ABCD1234/Liu et al. - 2019 - RoBERTa.pdf', '/home/ana/Zotero/storage/EFGH5678/1907.html']);
    expect(roberta.tags).toEqual(['Computer Science - Computation and Language']);
    const he = byKey(r, 'heDeepResidualLearning2016');
    expect(he.item.type).toBe('paper-conference');
    expect(he.item.page).toBe('770-778');
    expect(he.item['publisher-place']).toBe('Las Vegas, NV, USA');
    expect(he.item.language).toBe('english');
    expect(he.item['event-title']).toBe('2016 IEEE Conference on Computer Vision and Pattern Recognition (CVPR)');
    expect(he.tags).toEqual(['vision', 'residual networks']);
    expect(byKey(r, 'openaiGPT4TechnicalReport2023').item.author).toEqual([{ literal: 'OpenAI' }]);
  });

  it('JabRef: @comment{jabref-meta} skipped, month macro, file field kept as text', async () => {
    const r = await read('jabref.bib');
    expect(r.entriesSeen).toBe(2);
    const k = byKey(r, 'Knuth1984');
    expect(k.item.issued).toEqual({ 'date-parts': [[1984, 1]] });
    expect(k.item.issue).toBe('2');
    expect(k.files).toEqual([':Knuth1984 - Literate Programming.pdf:PDF']);
    expect(k.extra).toEqual({ bibtex_type: 'Article', groups: 'Classics', owner: 'ana', timestamp: '2020-01-15' });
    expect(byKey(r, 'Lamport1994').item.title).toBe('LaTeX: A Document Preparation System');
  });

  it('Google Scholar: arXiv preprints found in the journal, theses with their school', async () => {
    const r = await read('google-scholar.bib');
    expect(byKey(r, 'devlin2018bert').arxivId).toBe('1810.04805');
    expect(byKey(r, 'devlin2018bert').item['container-title']).toBeUndefined();
    expect(byKey(r, 'vaswani2017attention').item.author?.[6]).toEqual({ family: 'Kaiser', given: 'Łukasz' });
    const thesis = byKey(r, 'smith2015thesis');
    expect([thesis.item.type, thesis.item.genre, thesis.item.publisher]).toEqual(['thesis', 'PhD thesis', 'Stanford University']);
  });

  it('dblp: crossref to a parent that comes later, booktitle kept over the parent title, missing parent warned', async () => {
    const r = await read('dblp.bib');
    const child = byKey(r, 'DBLP:conf/nips/Other17');
    expect(child.item['container-title']).toBe('Advances in Neural Information Processing Systems 30');
    expect(child.item.publisher).toBe('Curran Associates, Inc.');
    expect(child.item.editor?.[1]).toEqual({ family: 'Luxburg', given: 'Ulrike', 'non-dropping-particle': 'von' });
    expect(child.item.issued).toEqual({ 'date-parts': [[2017]] });
    expect(child.item.URL).toBeUndefined();
    const vaswani = byKey(r, 'DBLP:conf/nips/VaswaniSPUJGKP17');
    expect(vaswani.item['container-title']).toMatch(/^Advances in Neural Information Processing Systems 30: Annual Conference on Neural/);
    expect(byKey(r, 'DBLP:conf/x/Orphan20').item.title).toBe('Orphan Child');
    expect(r.problems).toEqual([{ line: 40, column: 1, severity: 'warning', key: 'DBLP:conf/x/Orphan20', message: "entry 'DBLP:conf/x/Orphan20': crossref or xdata 'DBLP:conf/x/2020' is not in the file; read without it" }]);
  });

  it('arXiv: new and old identifiers', async () => {
    const r = await read('arxiv.bib');
    expect(byKey(r, 'brown2020language').arxivId).toBe('2005.14165');
    expect(byKey(r, 'brown2020language').item.type).toBe('article');
    expect(byKey(r, 'brown2020language').extra.primaryclass).toBe('cs.CL');
    expect(byKey(r, 'hep-th/9711200').arxivId).toBe('hep-th/9711200');
  });

  it('Zotero BibLaTeX: date ranges, circa, corporate names, particles, institution as publisher', async () => {
    const r = await read('zotero-biblatex.bib');
    const b = byKey(r, 'barnes2020');
    expect(b.item.issued).toEqual({ 'date-parts': [[2020, 5], [2020, 7]] });
    expect(b.item.author).toEqual([{ literal: 'Barnes and Noble' }, { literal: 'World Health Organization' }]);
    expect(b.item.editor).toEqual([
      { family: 'Berg', given: 'Jan', 'non-dropping-particle': 'van der' },
      { family: 'Fontaine', given: 'Jean', 'non-dropping-particle': 'de la' },
    ]);
    expect(b.item['collection-title']).toBe('Business Series');
    expect(byKey(r, 'muller2019').item.issued).toEqual({ 'date-parts': [[2019]], circa: true });
    expect(byKey(r, 'muller2019').item.publisher).toBe('Universität Wien');
    expect(byKey(r, 'who2021').note).toBe('Read twice.');
    expect(byKey(r, 'who2021').item.number).toBe('WHO/2021/1');
    expect(byKey(r, 'part2018').item.page).toBe('10-20');
  });

  it('Mendeley: annote as the note, doubly braced title, file with a LaTeX path', async () => {
    const m = byKey(await read('mendeley.bib'), 'Garcia2016');
    expect(m.note).toBe('Key paper for chapter 1.');
    expect(m.item.title).toBe('A method for everything');
    expect(m.item.author?.[0]).toEqual({ family: 'García', given: 'María' });
    expect(m.files).toEqual([':C$\\backslash$:/Users/maria/Documents/Mendeley Desktop/Garcia, O\'Brien - 2016 - A method.pdf:pdf']);
    expect(m.tags).toEqual(['biology', 'methods']);
  });

  it('LaTeX accents and names with particles and suffixes', async () => {
    const a = byKey(await read('latin1-accents.bib'), 'accents');
    expect(a.item.title).toBe('Über Straßen in København, Århus and Łódź – an <i>essay</i>');
    expect(a.item.author).toEqual([
      { family: 'Zola', given: 'Émile' },
      { family: 'Neumann', given: 'John', 'non-dropping-particle': 'von' },
      { family: 'Beethoven', given: 'Ludwig', 'non-dropping-particle': 'van' },
      { family: 'King', given: 'Martin Luther', suffix: 'Jr.' },
      { family: 'Guðmundsdóttir', given: 'Björk' },
      { family: 'Aznar', given: 'José María' },
      { family: 'Truffaut', given: 'François' },
      { family: 'Fermat', given: 'Pierre', 'non-dropping-particle': 'de' },
      { family: 'Ma', given: 'Yo-Yo' },
      { family: 'Ford', given: 'Henry', suffix: 'III' },
    ]);
    expect(a.item.page).toBe('1-9');
    expect(a.note).toBe('“Quoted” text with a\u00a0tie and 50% & more');
    expect(a.item.issued).toEqual({ 'date-parts': [[1999, 2]] });
  });

  it('math kept as TeX', async () => {
    const r = await read('math-titles.bib');
    expect(byKey(r, 'kingma2014').item.title).toBe('Auto-Encoding Variational Bayes for $O(n \\log n)$ and \\(\\alpha\\)-divergences');
    expect(byKey(r, 'higgins2017').item.title).toBe('$\\beta$-VAE: Learning Basic Visual Concepts');
    expect(byKey(r, 'higgins2017').note).toBe('Price is $5 and $x_{i}^{2}$ stays');
  });
});

describe('pieces', () => {
  it('decodes LaTeX', () => {
    expect(decodeLatex('{\\"u}ber \\\'{e}t\\\'e \\ss{} \\o\\ and \\& 10--20---30 a~b')).toBe('über été ß ø and & 10–20—30 a\u00a0b');
    expect(decodeLatex('  plain\n\ttext  ')).toBe('plain text');
    expect(decodeLatex('The {DNA} of \\emph{Things}', true)).toBe('The {DNA} of {Things}');
    expect(decodeLatex('{\\"U}ber {DNA}', true)).toBe('Über {DNA}');
    expect(decodeLatex('\\href{http://x.org}{the site}')).toBe('the site');
    expect(decodeLatex('\\unknowncmd x')).toBe('\\unknowncmd x');
  });

  it('reads name lists', () => {
    expect(parseNames('Smith, Jr., John and {Barnes and Noble} and others')).toEqual({
      names: [{ family: 'Smith', given: 'John', suffix: 'Jr.' }, { literal: 'Barnes and Noble' }],
      truncated: true,
    });
    expect(parseNames('Jean de la Fontaine AND Ludwig van Beethoven').names).toEqual([
      { family: 'Fontaine', given: 'Jean', 'non-dropping-particle': 'de la' },
      { family: 'Beethoven', given: 'Ludwig', 'non-dropping-particle': 'van' },
    ]);
    expect(parseNames('{\\\'E}mile Zola').names).toEqual([{ family: 'Zola', given: 'Émile' }]);
  });

  it('reads dates', () => {
    expect(parseBiblatexDate('2020-05/2020-07')).toEqual({ 'date-parts': [[2020, 5], [2020, 7]] });
    expect(parseBiblatexDate('2019~')).toEqual({ 'date-parts': [[2019]], circa: true });
    expect(parseBiblatexDate('2019?')).toEqual({ 'date-parts': [[2019]], circa: true });
    expect(parseBiblatexDate('2020/..')).toEqual({ 'date-parts': [[2020]] });
    expect(parseBiblatexDate('Spring 2020')).toEqual({ raw: 'Spring 2020' });
    expect(parseYearMonth('2020', 'May', '3')).toEqual({ 'date-parts': [[2020, 5, 3]] });
    expect(parseYearMonth('in press', undefined, undefined)).toEqual({ raw: 'in press' });
  });
});

describe('macros, concatenation, progress and cancel', () => {
  it('expands @string, month macros and #, and warns on unknown macros', async () => {
    const r = await readBibtex('@string{ acm = "ACM" }\n@STRING(pre = {Proc. of } # acm)\n@article{k, journal = pre # " Conf", month = sep, year = 2001, publisher = unknownmacro}');
    const k = r.records[0]!;
    expect(k.item['container-title']).toBe('Proc. of ACM Conf');
    expect(k.item.issued).toEqual({ 'date-parts': [[2001, 9]] });
    expect(k.item.publisher).toBe('unknownmacro');
    expect(r.problems).toEqual([{ line: 3, column: 76, severity: 'warning', key: 'k', message: "entry 'k': unknown @string 'unknownmacro' in field 'publisher'; kept as written" }]);
  });

  it('does not import an unclosed entry with no field, and says why', async () => {
    const r = await readBibtex('@article{k,\n\n@misc{m, title = {M}}');
    expect(r.records.map((x) => x.citationKey)).toEqual(['m']);
    expect(r.problems).toEqual([{ line: 1, column: 1, severity: 'error', key: 'k', message: "entry 'k' has no closing brace; read up to line 1; not imported" }]);
  });

  it('reads a web page from howpublished', async () => {
    const r = await readBibtex('@misc{w, title = {Site}, howpublished = {\\url{https://example.org/a\\_b}}, note = {Accessed 2024}}');
    expect([r.records[0]!.item.type, r.records[0]!.item.URL, r.records[0]!.note]).toEqual(['webpage', 'https://example.org/a_b', 'Accessed 2024']);
  });

  it('month macros are numbers in month and names elsewhere, unless the file redefines them', async () => {
    const r = await readBibtex('@article{k, year = 2001, month = jun, note = "Published " # jun}\n@string{jun = "Juni"}\n@article{j, note = "Erschienen " # jun}');
    expect(r.records.map((x) => [x.item.issued, x.note])).toEqual([
      [{ 'date-parts': [[2001, 6]] }, 'Published June'],
      [undefined, 'Erschienen Juni'],
    ]);
  });

  it('reports progress in bytes and throws CANCELLED when aborted', async () => {
    const text = Array.from({ length: 3000 }, (_, i) => `@article{k${i}, title = {T{\\"u} ${i}}, author = {A, B and C, D}, year = 2000}\n`).join('');
    const seen: number[] = [];
    const r = await readBibtex(text, { onProgress: (done, total) => seen.push(done / total) });
    expect(r.records).toHaveLength(3000);
    expect(seen.at(-1)).toBe(1);
    const controller = new AbortController();
    controller.abort();
    await expect(readBibtex(text, { signal: controller.signal })).rejects.toSatisfy((e: unknown) => e instanceof LecternError && e.code === 'CANCELLED');
  });

  it('stops part-way when aborted during the read', async () => {
    const text = Array.from({ length: 40_000 }, (_, i) => `@article{k${i}, title = {T{\\"u} ${i}}, author = {A, B and C, D}, year = 2000}\n`).join('');
    const controller = new AbortController();
    let calls = 0;
    const reading = readBibtex(text, {
      signal: controller.signal,
      onProgress: (done, total) => {
        calls++;
        if (done < total) controller.abort();
      },
    });
    await expect(reading).rejects.toSatisfy((e: unknown) => e instanceof LecternError && e.code === 'CANCELLED');
    expect(calls).toBe(1);
  });

  it('reads CRLF files with the same lines and columns', async () => {
    const lf = readFileSync(join(DIR, 'broken-missing-comma.bib'), 'utf8');
    const r = await readBibtex(lf.replace(/\n/g, '\r\n'));
    expect(r.records.map((x) => [x.citationKey, x.item.title, x.at.line])).toEqual([
      ['first', 'First', 1],
      ['smith2020', 'Missing Comma After Title', 6],
      ['last', 'Last', 13],
    ]);
    expect(r.problems[0]).toMatchObject({ line: 7, column: 38 });
  });
});
