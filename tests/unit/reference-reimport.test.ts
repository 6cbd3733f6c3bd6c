import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openLibrary, type Library } from '../../db/open';
import { call } from '../../electron/handlers/dispatch';
import { createHandlers } from '../../electron/handlers/handlers';
import { tempLibraryFile } from './helpers/fixtures';

let lib: Library;
beforeEach(() => {
  lib = openLibrary(tempLibraryFile());
});
afterEach(() => lib.close());

// Google Scholar's and dblp's exports of the same paper (shortened from real exports).
const scholar = `@article{vaswani2017attention,
  title={Attention is all you need},
  author={Vaswani, Ashish and Gomez, Aidan N and Kaiser, {\\L}ukasz},
  journal={Advances in neural information processing systems},
  volume={30},
  year={2017}
}
`;
const dblp = `@inproceedings{DBLP:conf/nips/VaswaniSPUJGKP17,
  author = {Ashish Vaswani and Aidan N. Gomez and Lukasz Kaiser},
  title = {Attention is All you Need},
  booktitle = {Advances in Neural Information Processing Systems 30},
  pages = {5998--6008},
  year = {2017},
  timestamp = {Thu, 21 Jan 2021 15:15:21 +0100},
  biburl = {https://dblp.org/rec/conf/nips/VaswaniSPUJGKP17.bib},
  bibsource = {dblp computer science bibliography, https://dblp.org}
}
`;
const input = (fileName: string, text: string) => ({ fileName, content: { kind: 'text' as const, text } });
const paper = () =>
  lib.db.$client.prepare('SELECT item_type AS type, title, venue, page, authors_text AS authors, extra FROM papers').get() as { type: string; title: string; venue: string; page: string; authors: string; extra: string };

describe('re-importing overlapping reference files', () => {
  it('an older, sparser file does not downgrade the record, and two files do not flip it back and forth', async () => {
    const h = createHandlers(lib);
    await call(h, 'references.import', input('scholar.bib', scholar));
    const second = await call(h, 'references.import', input('dblp.bib', dblp));
    expect(second).toMatchObject({ added: 0, updated: 1 });
    const rich = paper();
    expect(rich).toMatchObject({ type: 'paper-conference', title: 'Attention is All you Need', venue: 'Advances in Neural Information Processing Systems 30', page: '5998-6008' });
    expect(JSON.parse(rich.extra).interop).toMatchObject({ bibtex_type: 'inproceedings', biburl: 'https://dblp.org/rec/conf/nips/VaswaniSPUJGKP17.bib', bibsource: 'dblp computer science bibliography, https://dblp.org', timestamp: 'Thu, 21 Jan 2021 15:15:21 +0100' });
    // The same file again with a trivial change, so it is not "imported before".
    const third = await call(h, 'references.import', input('scholar.bib', `${scholar}\n`));
    expect(third).toMatchObject({ added: 0, updated: 0, unchanged: 1 });
    expect(paper()).toEqual(rich);
    const fourth = await call(h, 'references.import', input('dblp.bib', `${dblp}\n`));
    expect(fourth).toMatchObject({ added: 0, updated: 0, unchanged: 1 });
    expect(paper()).toEqual(rich);
  });

  it('extra is merged key by key: a file\'s new fields are added, its values replace, the rest stay', async () => {
    const h = createHandlers(lib);
    await call(h, 'references.import', input('dblp.bib', dblp));
    const newer = dblp.replace('Thu, 21 Jan 2021 15:15:21 +0100', 'Mon, 1 Feb 2021 10:00:00 +0100').replace(/ {2}biburl[^\n]*\n/, '  note2 = {x},\n');
    await call(h, 'references.import', input('dblp2.bib', newer));
    expect(JSON.parse(paper().extra).interop).toMatchObject({
      timestamp: 'Mon, 1 Feb 2021 10:00:00 +0100',
      biburl: 'https://dblp.org/rec/conf/nips/VaswaniSPUJGKP17.bib',
    });
  });

  it('a venue the file names more fully is taken; a different journal replaces the type', async () => {
    const h = createHandlers(lib);
    await call(h, 'references.import', input('scholar.bib', scholar));
    await call(h, 'references.import', input('other.bib', scholar.replace('Advances in neural information processing systems', 'Journal of Other Things')));
    expect(paper()).toMatchObject({ type: 'article-journal', venue: 'Journal of Other Things' });
    await call(h, 'references.import', input('dblp.bib', dblp));
    expect(paper()).toMatchObject({ type: 'paper-conference', venue: 'Advances in Neural Information Processing Systems 30' });
  });
});
