/** Regressions from the fresh-user review of issue 11 (reference readers, writers and the library's record mapping). */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { bundledStyle } from '../../shared/cite/bundled-styles';
import { formatReferences } from '../../shared/cite/format-references';
import { readReferences } from '../../shared/interop/read-references';
import { writeReferences } from '../../shared/interop/write-references';
import { paperCslItems, paperRecordsOut } from '../../db/library/paper-records-out';
import { importReferences } from '../../db/library/reference-import';
import { openLibrary, type Library } from '../../db/open';
import { convert } from '../../electron/cli/convert';
import { tempLibraryFile } from './helpers/fixtures';
import { file } from './helpers/interop-records';

const SCHOLAR_ARXIV = `@article{he2016deep,
  title={Deep residual learning for image recognition},
  author={He, Kaiming and Zhang, Xiangyu and Ren, Shaoqing and Sun, Jian},
  journal={arXiv preprint arXiv:1512.03385},
  year={2015}
}
`;

async function read(text: string, format: 'bibtex' | 'ris' | 'csl-json' | null = null) {
  return (await readReferences(text, format)).records;
}

let lib: Library | null = null;
beforeEach(() => {
  lib = null;
});
afterEach(() => lib?.close());

describe('a Google Scholar arXiv entry', () => {
  it('is a CSL preprint whose arXiv id CSL-JSON carries as Zotero does (number, publisher, URL)', async () => {
    const records = await read(SCHOLAR_ARXIV);
    expect(records[0]!.item.type).toBe('article');
    const [item] = JSON.parse(writeReferences(records, 'csl-json')) as Array<Record<string, unknown>>;
    expect(item).toMatchObject({ type: 'article', number: 'arXiv:1512.03385', publisher: 'arXiv', URL: 'https://arxiv.org/abs/1512.03385' });
    expect(item!['container-title']).toBeUndefined();
    // Read back: the id, without the variables the writer added.
    const [back] = await read(writeReferences(records, 'csl-json'), 'csl-json');
    expect(back!.arxivId).toBe('1512.03385');
    expect(back!.item.number).toBeUndefined();
    expect(back!.item.publisher).toBeUndefined();
  });

  it('keeps its arXiv id in RIS (UR, M1, PB) and back to BibTeX as eprint', async () => {
    const ris = writeReferences(await read(SCHOLAR_ARXIV), 'ris');
    expect(ris).toContain('UR  - https://arxiv.org/abs/1512.03385\r\n');
    expect(ris).toContain('M1  - arXiv:1512.03385\r\n');
    expect(ris).toContain('PB  - arXiv\r\n');
    const back = await read(ris, 'ris');
    expect(back[0]!.arxivId).toBe('1512.03385');
    const bib = writeReferences(back, 'bibtex');
    expect(bib).toContain('eprint = {1512.03385}');
    expect(bib).toContain('archivePrefix = {arXiv}');
    expect(bib).not.toContain('publisher');
    expect(bib).not.toContain('number');
  });

  it('written back to BibTeX stays an @article with the Scholar journal and an eprint', async () => {
    const bib = writeReferences(await read(SCHOLAR_ARXIV), 'bibtex');
    expect(bib).toContain('@article{he2016deep,');
    expect(bib).toContain('journal = {arXiv preprint arXiv:1512.03385}');
    expect(bib).toContain('eprint = {1512.03385}');
  });

  it('after import, exports its arXiv id to RIS and CSL-JSON and cites it in APA with arXiv and its URL', async () => {
    lib = openLibrary(tempLibraryFile());
    await importReferences(lib.db, file(await read(SCHOLAR_ARXIV)));
    const records = paperRecordsOut(lib.db, [1]);
    expect(writeReferences(records, 'ris')).toContain('M1  - arXiv:1512.03385\r\n');
    expect(JSON.parse(writeReferences(records, 'csl-json'))[0]).toMatchObject({ type: 'article', number: 'arXiv:1512.03385', URL: 'https://arxiv.org/abs/1512.03385' });
    const apa = formatReferences(paperCslItems(lib.db, [1]), { style: bundledStyle('apa')!, mode: 'bibliography', output: 'text' }).text;
    expect(apa).toBe('He, K., Zhang, X., Ren, S., & Sun, J. (2015). Deep residual learning for image recognition (arXiv:1512.03385). arXiv. https://arxiv.org/abs/1512.03385');
  });
});

describe('italics in titles', () => {
  const BIB = '@article{a,\n  title = {Effects {\\textit{in vivo}} and \\emph{fast} {DNA}},\n  journal = {J},\n  year = 2020\n}\n';

  it('BibTeX \\textit and \\emph become CSL rich text <i> in CSL-JSON, plain text in RIS', async () => {
    const records = await read(BIB);
    expect(records[0]!.item.title).toBe('Effects <i>in vivo</i> and <i>fast</i> DNA');
    expect(JSON.parse(writeReferences(records, 'csl-json'))[0].title).toBe('Effects <i>in vivo</i> and <i>fast</i> DNA');
    expect(writeReferences(records, 'ris')).toContain('TI  - Effects in vivo and fast DNA\r\n');
    expect(writeReferences(records, 'bibtex')).toContain('title = {Effects {\\textit{in vivo}} and \\textit{fast} {DNA}}');
  });

  it('CSL-JSON <i> is written to BibTeX as \\textit{} and reads back as <i>', async () => {
    const json = JSON.stringify([{ id: 'b', type: 'article-journal', title: 'Growth <i>in vivo</i> of <b>E. coli</b> and CO<sub>2</sub>' }]);
    const bib = writeReferences(await read(json, 'csl-json'), 'bibtex');
    expect(bib).toContain('title = {Growth \\textit{in vivo} of \\textbf{E. coli} and {CO}\\textsubscript{2}}');
    expect((await read(bib, 'bibtex'))[0]!.item.title).toBe('Growth <i>in vivo</i> of <b>E. coli</b> and CO<sub>2</sub>');
  });

  it('an unbalanced tag stays text: the BibTeX braces still balance', async () => {
    const bib = writeReferences(await read(JSON.stringify([{ id: 'c', type: 'article-journal', title: 'A <i>broken title' }]), 'csl-json'), 'bibtex');
    expect(bib).toContain('title = {A <i>broken title}');
  });

  it('after import the library shows the plain title and exports the rich one', async () => {
    lib = openLibrary(tempLibraryFile());
    await importReferences(lib.db, file(await read(BIB)));
    expect(lib.db.$client.prepare('SELECT title FROM papers').pluck().get()).toBe('Effects in vivo and fast DNA');
    expect(paperRecordsOut(lib.db, [1])[0]!.item.title).toBe('Effects <i>in vivo</i> and <i>fast</i> DNA');
  });
});

describe('BibTeX note', () => {
  const BIB = '@article{n,\n  title = {T},\n  journal = {J},\n  year = 2020,\n  note = {Accepted},\n  annote = {Read twice}\n}\n';

  it('stays the printed note (CSL note, BibTeX note) while the Lectern note keeps it and the annote', async () => {
    const records = await read(BIB);
    expect(records[0]!.item.note).toBe('Accepted');
    expect(records[0]!.note).toBe('Accepted\n\nRead twice');
    const bib = writeReferences(records, 'bibtex');
    expect(bib).toContain('note = {Accepted}');
    expect(bib).toContain('annote = {Read twice}');
    expect(bib).not.toContain('annote = {Accepted');
  });

  it('a note alone is written back as note, not annote', async () => {
    const bib = writeReferences(await read('@misc{m,\n  title = {T},\n  note = {In press}\n}\n'), 'bibtex');
    expect(bib).toContain('  note = {In press}');
    expect(bib).not.toContain('annote');
  });

  it('survives a library import: exported as note again, the annote apart', async () => {
    lib = openLibrary(tempLibraryFile());
    await importReferences(lib.db, file(await read(BIB)));
    const records = paperRecordsOut(lib.db, [1]);
    expect(records[0]!.item.note).toBe('Accepted');
    const bib = writeReferences(records, 'bibtex');
    expect(bib).toContain('note = {Accepted}');
    expect(bib).toContain('annote = {Read twice}');
  });
});

describe('RIS journal abbreviations and keys', () => {
  const RIS = 'TY  - JOUR\nAU  - Smith, Jane\nTI  - Deep things\nT2  - Journal of Things\nJO  - J. Things\nPY  - 2020\nAN  - 12345\nER  - \n\nTY  - JOUR\nAU  - Smith, Jane\nTI  - Deep things\nJO  - J. Things\nPY  - 2020\nER  - \n';

  it('JO is the short journal (BibTeX shortjournal, RIS J2), or the journal when no other names one; RIS tags never become BibTeX fields', async () => {
    const records = await read(RIS, 'ris');
    expect(records[0]!.item).toMatchObject({ 'container-title': 'Journal of Things', 'container-title-short': 'J. Things' });
    expect(records[1]!.item['container-title']).toBe('J. Things');
    expect(records[1]!.item['container-title-short']).toBeUndefined();
    const bib = writeReferences(records, 'bibtex');
    expect(bib).toContain('shortjournal = {J. Things}');
    expect(bib).not.toMatch(/\bjo = /);
    expect(bib).not.toMatch(/\ban = /);
    expect(writeReferences(records, 'ris')).toContain('J2  - J. Things\r\n');
  });

  it('convert gives keyless records the default pattern key, unique within the file, not ris-1', async () => {
    const out = await convert(new TextEncoder().encode(RIS), 'x.ris', null, 'bibtex');
    expect(out.stdout).toContain('@article{smith2020deepthings,');
    expect(out.stdout).toContain('@article{smith2020deepthingsa,');
    expect(out.stdout).not.toContain('ris-');
  });
});

describe('a month with its day', () => {
  it('month = jan # "~15", {1~15} and {15 March} give month and day', async () => {
    const records = await read('@article{d, title={T}, journal={J}, year=2020, month = jan # "~15"}\n@article{e, title={T}, journal={J}, year=2020, month = {1~15}}\n@article{f, title={T}, journal={J}, year=2020, month = {15 March}}\n');
    expect(records.map((r) => r.item.issued)).toEqual([{ 'date-parts': [[2020, 1, 15]] }, { 'date-parts': [[2020, 1, 15]] }, { 'date-parts': [[2020, 3, 15]] }]);
  });
});

describe('organization', () => {
  it('an @online organization is the CSL publisher but is written back as organization, not publisher', async () => {
    const records = await read('@online{who, title={World report}, organization = {WHO}, url={https://who.int}, year=2020}\n');
    expect(records[0]!.item.publisher).toBe('WHO');
    for (const dialect of ['bibtex', 'biblatex'] as const) {
      const bib = writeReferences(records, dialect);
      expect(bib).toContain('organization = {WHO}');
      expect(bib).not.toContain('publisher');
    }
  });
});

describe('dropping particles', () => {
  it('are written after the given name (Beethoven, Ludwig van) and read back as the dropping particle', async () => {
    const json = JSON.stringify([{ id: 'b', type: 'book', title: 'S', author: [{ family: 'Beethoven', given: 'Ludwig', 'dropping-particle': 'van' }] }]);
    const bib = writeReferences(await read(json, 'csl-json'), 'bibtex');
    expect(bib).toContain('author = {Beethoven, Ludwig van}');
    expect((await read(bib, 'bibtex'))[0]!.item.author).toEqual([{ family: 'Beethoven', given: 'Ludwig', 'dropping-particle': 'van' }]);
  });
});

describe('file fields', () => {
  it('a Zotero file entry (description:path:mime) is written to RIS as its path', async () => {
    const records = await read('@article{s, title={T}, journal={J}, year=2020, file = {Full Text PDF:/home/me/Zotero/storage/EFGH/schroedinger.pdf:application/pdf;Snapshot:/home/me/s.html:text/html;plain/path.pdf}}\n');
    const ris = writeReferences(records, 'ris');
    expect(ris).toContain('L1  - /home/me/Zotero/storage/EFGH/schroedinger.pdf\r\nL1  - /home/me/s.html\r\nL1  - plain/path.pdf\r\n');
  });
});

describe('BibLaTeX detection', () => {
  it('a file with date/journaltitle or @online is read and reported as biblatex; a classic one as bibtex', async () => {
    expect((await readReferences('@article{a,\n  title = {T},\n  date = {2020-05-03},\n  journaltitle = {J}\n}\n', null)).format).toBe('biblatex');
    expect((await readReferences('@online{w,\n  title = {T},\n  url = {https://x.org}\n}\n', null)).format).toBe('biblatex');
    expect((await readReferences(SCHOLAR_ARXIV, null)).format).toBe('bibtex');
    expect((await readReferences('@online{w, title = {T}}\n', 'bibtex')).format).toBe('bibtex');
  });
});

describe('dblp proceedings', () => {
  const DBLP = '@proceedings{DBLP:conf/nips/2017,\n  editor = {Isabelle Guyon},\n  title = {Advances in Neural Information Processing Systems 30: Annual Conference},\n  booktitle = {Advances in Neural Information Processing Systems 30},\n  publisher = {Curran Associates, Inc.},\n  year = {2017}\n}\n\n@inproceedings{DBLP:conf/nips/VaswaniSPUJGKP17,\n  author = {Ashish Vaswani},\n  title = {Attention is All you Need},\n  pages = {5998--6008},\n  crossref = {DBLP:conf/nips/2017}\n}\n';

  it('a proceedings keeps its title and booktitle (never journal), and the crossref parent is written after its child', async () => {
    const bib = writeReferences(await read(DBLP), 'bibtex');
    expect(bib).not.toContain('journal');
    expect(bib).toContain('  title = {Advances in Neural Information Processing Systems 30: Annual Conference},\n  booktitle = {Advances in Neural Information Processing Systems 30},');
    expect(bib.indexOf('@inproceedings{DBLP:conf/nips/VaswaniSPUJGKP17,')).toBeGreaterThanOrEqual(0);
    expect(bib.indexOf('@inproceedings{DBLP:conf/nips/VaswaniSPUJGKP17,')).toBeLessThan(bib.indexOf('@proceedings{DBLP:conf/nips/2017,'));
    expect(bib).toContain('crossref = {DBLP:conf/nips/2017}');
  });
});
