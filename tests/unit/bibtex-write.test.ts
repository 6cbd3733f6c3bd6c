import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { writeBibtex } from '../../shared/interop/bibtex/write';
import { bracesBalance } from '../../shared/interop/bibtex/latex-encode';
import type { CslItemJson, InteropRecord } from '../../shared/interop/interop-record';

function record(item: Partial<CslItemJson>, rest: Partial<InteropRecord> = {}): InteropRecord {
  return {
    item: { id: 'item1', type: 'article-journal', ...item },
    citationKey: 'key1',
    tags: [],
    note: null,
    files: [],
    arxivId: null,
    extra: {},
    at: { line: 1, column: 1 },
    ...rest,
  };
}

const bib = (r: InteropRecord, ascii = false) => writeBibtex([r], { dialect: 'bibtex', ascii });
const biblatex = (r: InteropRecord, ascii = false) => writeBibtex([r], { dialect: 'biblatex', ascii });

describe('writeBibtex: a journal article', () => {
  const article = record(
    {
      title: 'Deep Learning for Everyone',
      author: [
        { family: 'Berg', given: 'Jan', 'non-dropping-particle': 'van der' },
        { family: 'Smith', given: 'John', suffix: 'Jr.' },
        { literal: 'Barnes and Noble' },
        { family: 'Beethoven', given: 'Ludwig', 'dropping-particle': 'van' },
      ],
      'container-title': 'Journal of Things',
      volume: '12',
      issue: '3',
      page: '101-117',
      issued: { 'date-parts': [[2020, 5, 3]] },
      publisher: 'Springer',
      'publisher-place': 'Berlin',
      DOI: '10.1000/xyz_123',
      URL: 'https://example.org/a?b=1&c=2%20',
    },
    { citationKey: 'berg2020deep' },
  );

  it('writes BibTeX with particles, suffixes and corporate names in place, month as a macro, pages with --', () => {
    expect(bib(article)).toBe(
      [
        '@article{berg2020deep,',
        '  author = {van der Berg, Jan and Smith, Jr., John and {Barnes and Noble} and Beethoven, Ludwig van},',
        '  title = {Deep Learning for Everyone},',
        '  journal = {Journal of Things},',
        '  volume = {12},',
        '  number = {3},',
        '  pages = {101--117},',
        '  year = {2020},',
        '  month = may,',
        '  publisher = {Springer},',
        '  address = {Berlin},',
        '  doi = {10.1000/xyz_123},',
        '  url = {https://example.org/a?b=1&c=2%20}',
        '}',
        '',
      ].join('\n'),
    );
  });

  it('writes BibLaTeX with journaltitle, location and an ISO date', () => {
    const out = biblatex(article);
    expect(out).toContain('  journaltitle = {Journal of Things},\n');
    expect(out).toContain('  date = {2020-05-03},\n');
    expect(out).toContain('  location = {Berlin},\n');
    expect(out).not.toContain('month');
    expect(out).not.toContain('year');
  });

  it('keys entries by citation key, else item id; a key met twice gets a suffix; entries are separated by a blank line', () => {
    const a = record({ title: 'A' }, { citationKey: null });
    const b = record({ title: 'B' }, { citationKey: 'item1' });
    expect(writeBibtex([a, b], { dialect: 'bibtex' })).toBe('@article{item1,\n  title = {A}\n}\n\n@article{item1a,\n  title = {B}\n}\n');
    expect(writeBibtex([], { dialect: 'bibtex' })).toBe('');
    // BibTeX compares keys without case: `Dup2020` clashes with `dup2020`.
    const dups = ['dup2020', 'dup2020', 'Dup2020'].map((k) => record({ title: k }, { citationKey: k }));
    expect(writeBibtex(dups, { dialect: 'bibtex' }).match(/^@article\{[^,]+/gm)).toEqual(['@article{dup2020', '@article{dup2020a', '@article{Dup2020b']);
  });
});

describe('writeBibtex: escaping', () => {
  it.each([
    ['&', '\\&'],
    ['%', '\\%'],
    ['$', '\\$'],
    ['#', '\\#'],
    ['_', '\\_'],
    ['{', '\\textbraceleft{}'],
    ['}', '\\textbraceright{}'],
    ['~', '\\textasciitilde{}'],
    ['^', '\\textasciicircum{}'],
    ['\\', '\\textbackslash{}'],
  ])('escapes %s in text fields', (char, escaped) => {
    expect(bib(record({ publisher: `A${char}B` }))).toContain(`  publisher = {A${escaped}B}\n`);
  });

  it('keeps math in titles as TeX but escapes a dollar that opens no math', () => {
    expect(bib(record({ title: 'The $\\alpha$-stable law costs $5 and $10' }))).toContain('  title = {The $\\alpha$-stable law costs \\$5 and \\$10}\n');
  });

  it('writes URLs, DOIs and files verbatim, percent-encoding only a brace without its partner', () => {
    const out = bib(record({ URL: 'https://x.org/a_b%20c#frag{1}', DOI: '10.1/a}b' }, { files: ['C:\\papers\\a_b.pdf'] }));
    expect(out).toContain('  doi = {10.1/a%7Db},\n');
    expect(out).toContain('  url = {https://x.org/a_b%20c#frag{1}},\n');
    expect(out).toContain('  file = {C:\\papers\\a_b.pdf}\n');
  });

  it('keeps non-ASCII as UTF-8 by default', () => {
    expect(bib(record({ title: 'Über Straße — naïve' }))).toContain('  title = {Über Straße — naïve}\n');
  });

  it('writes non-ASCII as LaTeX commands in ASCII mode', () => {
    const out = bib(record({ title: 'Über Straße: Müller, Gödel, Ørsted, Çelik, Łódź, 1–2 — a\u00a0b, α and Ω, 中文', author: [{ family: 'Núñez', given: 'José' }] }), true);
    expect(out).toContain(
      '  title = {{\\"U}ber Stra{\\ss}e: M{\\"u}ller, G{\\"o}del, {\\O}rsted, {\\c{C}}elik, {\\L}{\\\'o}d{\\\'z}, 1--2 --- a~b, {$\\alpha$} and {$\\Omega$}, 中文}',
    );
    expect(out).toContain("  author = {N{\\'u}{\\~n}ez, Jos{\\'e}}");
  });

  it('braces an @ that starts a line inside a value, so no reader takes it for an entry', () => {
    expect(bib(record({ abstract: 'First line\n  @inproceedings is not an entry' }))).toContain('  abstract = {First line\n  {@}inproceedings is not an entry}\n');
  });

  it('braces a name part holding a comma or the word "and" so BibTeX keeps it whole', () => {
    expect(bib(record({ author: [{ family: 'Smith, Johnson', given: 'Ann' }, { family: 'World Health Organization' }] }))).toContain(
      '  author = {{Smith, Johnson}, Ann and {World Health Organization}}',
    );
  });
});

describe('writeBibtex: titles', () => {
  it('writes the protected spans the source marked when the title is unchanged', () => {
    const r = record({ title: 'DNA of Escherichia coli & $x^{2}$' }, { extra: { title_protected: '{DNA} of {Escherichia coli} & $x^{2}$' } });
    expect(bib(r)).toContain('  title = {{DNA} of {Escherichia coli} \\& $x^{2}$}\n');
  });

  it('ignores a protected title that no longer matches the title, bracing acronyms only', () => {
    const r = record({ title: 'RNA of Escherichia coli with LaTeX and GPT-3' }, { extra: { title_protected: '{DNA} of {Escherichia coli}' } });
    expect(bib(r)).toContain('  title = {{RNA} of Escherichia coli with LaTeX and {GPT}-3}\n');
  });
});

describe('writeBibtex: dates and types', () => {
  it('writes BibLaTeX ranges and circa dates', () => {
    expect(biblatex(record({ issued: { 'date-parts': [[2020, 5], [2020, 7]] } }))).toContain('  date = {2020-05/2020-07}\n');
    expect(biblatex(record({ issued: { 'date-parts': [[2019]], circa: true } }))).toContain('  date = {2019~}\n');
    expect(bib(record({ issued: { 'date-parts': [[2020, 5], [2020, 7]] } }))).toContain('  year = {2020},\n  month = may\n');
    expect(bib(record({ issued: { raw: 'Spring 2021' } }))).toContain('  year = {Spring 2021}\n');
  });

  it.each([
    ['article-journal', {}, 'article', 'article'],
    ['paper-conference', {}, 'inproceedings', 'inproceedings'],
    ['chapter', {}, 'incollection', 'incollection'],
    ['book', {}, 'book', 'book'],
    ['thesis', {}, 'phdthesis', 'thesis'],
    ['thesis', { genre: "Master's thesis" }, 'mastersthesis', 'thesis'],
    ['report', {}, 'techreport', 'report'],
    ['webpage', {}, 'misc', 'online'],
    ['article', {}, 'misc', 'online'],
    ['manuscript', {}, 'unpublished', 'unpublished'],
    ['dataset', {}, 'misc', 'dataset'],
    ['software', {}, 'misc', 'software'],
    ['patent', {}, 'patent', 'patent'],
    ['interview', {}, 'misc', 'misc'],
  ])('CSL %s %j is @%s in BibTeX and @%s in BibLaTeX', (type, more, bibtexType, biblatexType) => {
    expect(bib(record({ type, ...more }))).toMatch(new RegExp(`^@${bibtexType}\\{key1`));
    expect(biblatex(record({ type, ...more }))).toMatch(new RegExp(`^@${biblatexType}\\{key1`));
  });

  it('keeps the type the file gave when it still fits the item, not when the item changed type', () => {
    expect(bib(record({ type: 'paper-conference' }, { extra: { bibtex_type: 'conference' } }))).toMatch(/^@conference\{/);
    expect(bib(record({ type: 'article-journal' }, { extra: { bibtex_type: 'conference' } }))).toMatch(/^@article\{/);
    // BibTeX styles do not know @online: the BibLaTeX type is kept only in BibLaTeX.
    expect(bib(record({ type: 'webpage' }, { extra: { bibtex_type: 'online' } }))).toMatch(/^@misc\{/);
    expect(biblatex(record({ type: 'webpage' }, { extra: { bibtex_type: 'online' } }))).toMatch(/^@online\{/);
  });

  it('names the school of a thesis and the institution of a report', () => {
    expect(bib(record({ type: 'thesis', publisher: 'MIT' }))).toContain('  school = {MIT}\n');
    expect(biblatex(record({ type: 'thesis', publisher: 'MIT' }))).toContain('  institution = {MIT},\n  type = {phdthesis}\n');
    expect(bib(record({ type: 'report', publisher: 'IBM', number: 'TR-7' }))).toContain('  number = {TR-7},\n  institution = {IBM}\n');
  });
});

describe('writeBibtex: arXiv preprints', () => {
  const preprint = record(
    { type: 'article', title: 'Attention Is All You Need', issued: { 'date-parts': [[2017]] } },
    { citationKey: 'vaswani2017attention', arxivId: '1706.03762', extra: { primaryClass: 'cs.CL' } },
  );

  it('BibTeX: misc with eprint, archivePrefix and primaryClass', () => {
    expect(bib(preprint)).toBe(
      '@misc{vaswani2017attention,\n  title = {Attention Is All You Need},\n  year = {2017},\n  eprint = {1706.03762},\n  archivePrefix = {arXiv},\n  primaryClass = {cs.CL}\n}\n',
    );
  });

  it('BibLaTeX: online with eprint and eprinttype; the class keeps the name it came with (biber reads primaryClass as eprintclass)', () => {
    expect(biblatex(preprint)).toBe(
      '@online{vaswani2017attention,\n  title = {Attention Is All You Need},\n  date = {2017},\n  eprint = {1706.03762},\n  eprinttype = {arxiv},\n  primaryClass = {cs.CL}\n}\n',
    );
    expect(biblatex({ ...preprint, extra: { eprintclass: 'cs.CL' } })).toContain('  eprinttype = {arxiv},\n  eprintclass = {cs.CL}\n');
  });
});

describe('writeBibtex: what a reference manager keeps', () => {
  it('writes a crossref only to an entry the file holds (the reader already copied the parent in)', () => {
    const child = record({ title: 'Child' }, { citationKey: 'child', extra: { crossref: 'Parent' } });
    expect(bib(child)).not.toContain('crossref');
    expect(writeBibtex([child, record({ type: 'book', title: 'P' }, { citationKey: 'parent' })], { dialect: 'bibtex' })).toContain('  crossref = {Parent}\n');
  });

  it('writes "and others" back for a name list the file truncated, and braces tags that hold a comma', () => {
    const r = record({ author: [{ family: 'Smith', given: 'A' }] }, { tags: ['a, b', 'c'], extra: { author_truncated: 'true' } });
    expect(bib(r)).toBe('@article{key1,\n  author = {Smith, A and others},\n  keywords = {{a, b}, c}\n}\n');
  });

  it('writes tags as keywords, the note as annote (annotation in BibLaTeX), files joined by ;, and extra fields back', () => {
    const r = record(
      { title: 'T', note: 'To appear' },
      {
        tags: ['deep learning', 'to-read'],
        note: 'Read section 3 & 4',
        files: ['/p/a.pdf', '/p/b.pdf'],
        extra: { bibtex_type: 'article', title_protected: 'T', howpublished: 'Online', 'bad field': 'x', journal: 'not twice' },
      },
    );
    expect(bib(r)).toBe(
      [
        '@article{key1,',
        '  title = {T},',
        '  keywords = {deep learning, to-read},',
        '  note = {To appear},',
        '  annote = {Read section 3 \\& 4},',
        '  file = {/p/a.pdf;/p/b.pdf},',
        '  howpublished = {Online},',
        '  journal = {not twice}',
        '}',
        '',
      ].join('\n'),
    );
    expect(biblatex(r)).toContain('  annotation = {Read section 3 \\& 4},\n');
  });
});

/** Records with text drawn from LaTeX's special characters, braces, math and non-ASCII. */
const nasty = fc.string({ unit: fc.constantFrom('a', 'B', ' ', '&', '%', '$', '#', '_', '{', '}', '~', '^', '\\', '@', '\n', 'é', 'ß', '中', '–', ',', 'and') });
const arbitraryRecord = fc.record({
  title: nasty,
  protectedTitle: fc.option(nasty),
  family: nasty,
  given: nasty,
  literal: fc.option(nasty),
  abstract: nasty,
  url: nasty,
  note: fc.option(nasty),
  tags: fc.array(nasty, { maxLength: 3 }),
  extra: nasty,
});

/** @returns each `name = {value}` of the output (values span lines: a field ends at `},\n  ` or `}\n}`) */
function fields(out: string): [string, string][] {
  const found: [string, string][] = [];
  const starts = [...out.matchAll(/\n {2}([a-zA-Z]+) = \{/g)];
  for (let k = 0; k < starts.length; k++) {
    const from = starts[k]!.index! + starts[k]![0].length;
    const to = k + 1 < starts.length ? starts[k + 1]!.index! - 2 : out.lastIndexOf('}\n}');
    found.push([starts[k]![1]!, out.slice(from, to)]);
  }
  return found;
}

describe('writeBibtex: valid LaTeX for any record (property)', () => {
  it('balances the braces of every value and leaves no unescaped % & # in text fields', () => {
    fc.assert(
      fc.property(arbitraryRecord, fc.boolean(), fc.constantFrom('bibtex' as const, 'biblatex' as const), (g, ascii, dialect) => {
        const r = record(
          {
            title: g.title,
            author: [g.literal === null ? { family: g.family, given: g.given } : { literal: g.literal }],
            abstract: g.abstract,
            URL: g.url,
          },
          { note: g.note, tags: g.tags, extra: { howpublished: g.extra, ...(g.protectedTitle === null ? {} : { title_protected: g.protectedTitle }) } },
        );
        const out = writeBibtex([r], { dialect, ascii });
        expect(out.endsWith('}\n')).toBe(true);
        expect(bracesBalance(out)).toBe(true);
        for (const [name, value] of fields(out)) {
          expect(bracesBalance(value)).toBe(true);
          if (name === 'url') continue;
          // Every % & # in a text field is escaped (math spans may hold none of them unescaped either: they are copied only when balanced TeX).
          const bare = value.replace(/\$[^$]*\$/g, '');
          expect(bare).not.toMatch(/(?:^|[^\\])[%&#]/);
        }
      }),
      { numRuns: 400 },
    );
  });
});
