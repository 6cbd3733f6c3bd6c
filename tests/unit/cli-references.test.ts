/**
 * The command line's reference commands (electron/cli/reference-commands.ts), run as a user runs them
 * (bin/lectern.js): import of a .bib with a broken entry, export in every format to stdout and to a file,
 * by collection, tag and query, cite, styles and citation keys. One library for the whole file: each
 * run starts Node and tsx, so the runs are few and build on one another.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { openLibrary } from '../../db/open';
import { call } from '../../electron/handlers/dispatch';
import { closeHandlers, createHandlers } from '../../electron/handlers/handlers';
import { REPO } from './helpers/fixtures';

const dir = mkdtempSync(join(tmpdir(), 'lectern-cli-refs-'));
const library = join(dir, 'library.sqlite');

function lectern(args: string[], options: { input?: string } = {}) {
  const r = spawnSync(process.execPath, [join(REPO, 'bin', 'lectern.js'), ...args], {
    cwd: dir,
    input: options.input,
    encoding: 'utf8',
    env: { ...process.env, LECTERN_LIBRARY: library, LECTERN_DEBUG: '' },
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

const REFS = `@string{jml = "Journal of Machine Learning"}

@article{good1,
  author = {Alpha, Ann},
  title = {First good},
  journal = jml,
  year = 2019,
  keywords = {bayes}
}

@article{bad2,
  author = {Beta, Bob},
  title = {Never closed,
  year = 2020
}

@article{good3,
  author = {Gamma, Gil and {Barnes and Noble}},
  title = {Third good},
  year = 2021
}
`;

let imported: ReturnType<typeof lectern>;
beforeAll(async () => {
  writeFileSync(join(dir, 'refs.bib'), REFS);
  imported = lectern(['import', 'refs.bib']);
  // A collection to export by name (the command line has no command to make one).
  const lib = openLibrary(library);
  const handlers = createHandlers(lib, { readsInProcess: true, parseInProcess: true });
  try {
    const { id } = await call(handlers, 'collections.create', { name: 'Thesis' });
    const good3 = (await call(handlers, 'papers.list', { filter: 'third' })).rows[0]!.id;
    await call(handlers, 'collections.addPapers', { collectionId: id, paperIds: [good3] });
  } finally {
    await closeHandlers(handlers);
    lib.close();
  }
}, 120_000);

describe('lectern import FILE.bib', () => {
  it('imports every readable entry, exits 0, and names the broken one on stderr as FILE:LINE:COLUMN', () => {
    expect(imported.code).toBe(0);
    expect(imported.stdout).toBe('Imported refs.bib (BibTeX, UTF-8; read 3 of 3 entries): 3 added, 0 updated, 0 unchanged; 1 warning, listed on stderr.\n');
    const lines = imported.stderr.trimEnd().split('\n');
    expect(lines).toHaveLength(1);
    // As the window shows it (reference-report-text.ts): a warning says so, as compilers' do.
    expect(lines[0]).toBe("refs.bib:13:11: warning: entry 'bad2': the value of 'title' has no closing brace; closed at the end of line 13");
  });

  it('reads standard input detected as BibTeX, problems under <stdin>; a second import changes nothing', () => {
    const again = lectern(['import', '-'], { input: REFS });
    expect(again.code).toBe(0);
    expect(again.stdout).toContain('was imported before');
    expect(again.stderr).toMatch(/^<stdin>:13:11: warning: entry 'bad2': the value of 'title' has no closing brace/);
  });
});

describe('lectern export', () => {
  it('writes each format to stdout', () => {
    const bib = lectern(['export', '--format', 'bibtex']);
    expect(bib.code).toBe(0);
    expect(bib.stdout).toContain('@article{good1,\n');
    expect(bib.stdout).toContain('journal = {Journal of Machine Learning}');
    expect(bib.stdout).toContain('{Barnes and Noble}');
    const biblatex = lectern(['export', '--format', 'biblatex']);
    expect(biblatex.stdout).toMatch(/journaltitle = \{Journal of Machine Learning\}/);
    const ris = lectern(['export', '--format', 'ris']);
    expect(ris.stdout.match(/^ER {2}- /gm)).toHaveLength(3);
    expect(ris.stdout).toContain('AU  - Alpha, Ann');
    const csl = JSON.parse(lectern(['export', '--format', 'csl-json']).stdout) as Array<{ id: string; title: string }>;
    expect(csl.map((i) => i.id).sort()).toEqual(['bad2', 'good1', 'good3']);
    const text = lectern(['export', '--format', 'text', '--query', 'good']);
    expect(text.stdout).toContain('Alpha, A. (2019). First good. Journal of Machine Learning.');
    const md = lectern(['export', '--format', 'markdown', '--tag', 'BAYES']);
    expect(md.stdout.trim().split('\n')).toHaveLength(1);
    expect(md.stdout).toMatch(/First good/);
  }, 120_000);

  it('--out writes the file (the same text) and says so; --collection takes a name in any case', () => {
    const out = lectern(['export', '--format', 'ris', '--collection', 'THESIS', '--out', 'thesis.ris']);
    expect(out.code).toBe(0);
    expect(out.stdout).toBe(`Exported 1 paper to ${join(dir, 'thesis.ris')}.\n`);
    const written = readFileSync(join(dir, 'thesis.ris'), 'utf8');
    expect(written).toContain('TI  - Third good');
    expect(written).not.toContain('First good');
    expect(written).toBe(lectern(['export', '--format', 'ris', '--collection', 'thesis']).stdout);
    expect(readdirSync(dir).filter((f) => f.includes('.tmp'))).toEqual([]);
  }, 60_000);

  it('names the collections there are when one is not found, and refuses an unknown format as a usage error', () => {
    const missing = lectern(['export', '--collection', 'Thesys']);
    expect([missing.code, missing.stdout, missing.stderr]).toEqual([1, '', 'lectern: There is no collection named "Thesys". The collections are: Thesis.\n']);
    const tag = lectern(['export', '--tag', 'nope']);
    expect([tag.code, tag.stderr]).toEqual([1, 'lectern: There is no tag named "nope". The tags are: bayes.\n']);
    const format = lectern(['export', '--format', 'endnote']);
    expect(format.code).toBe(2);
    expect(format.stderr.split('\n')[0]).toBe('lectern: --format takes one of bibtex, biblatex, ris, csl-json, markdown, text, not "endnote"');
  }, 60_000);
});

describe('lectern cite, styles, key', () => {
  it('cites papers by id or citation key, and by query as an in-text citation', () => {
    const list = JSON.parse(lectern(['export', '--format', 'csl-json']).stdout) as Array<{ id: string }>;
    expect(list.length).toBe(3);
    const cite = lectern(['cite', '--style', 'apa', 'good1', 'good3']);
    expect(cite.code).toBe(0);
    expect(cite.stdout).toBe('Alpha, A. (2019). First good. Journal of Machine Learning.\nGamma, G. & Barnes and Noble. (2021). Third good.\n');
    const inText = lectern(['cite', '--mode', 'citation', '--query', 'year:2019']);
    expect(inText.stdout).toBe('(Alpha, 2019)\n');
    const unknown = lectern(['cite', 'good1', 'nobody2000']);
    expect([unknown.code, unknown.stderr]).toEqual([1, 'lectern: No paper in the library has the id or citation key "nobody2000".\n']);
  }, 60_000);

  it('styles add refuses a broken file in one line; a good one is added, listed, used and removed', () => {
    const styles = join(REPO, 'tests', 'fixtures', 'interop', 'styles');
    const broken = lectern(['styles', 'add', join(styles, 'broken.csl')]);
    expect(broken.code).toBe(1);
    expect(broken.stderr.split('\n')).toHaveLength(2);
    expect(broken.stderr).toMatch(new RegExp(`^lectern: ${join(styles, 'broken.csl')} was not added: .*line \\d+, column \\d+`));
    const added = lectern(['styles', 'add', join(styles, 'ieee-like.csl')]);
    expect(added.code).toBe(0);
    const id = /^Added the style (\S+) /.exec(added.stdout)![1]!;
    expect(lectern(['styles', 'list']).stdout).toMatch(new RegExp(`^${id.replace(/[.-]/g, '\\$&')} +added `, 'm'));
    const cited = lectern(['cite', '--style', id, 'good1']);
    expect(cited.code).toBe(0);
    expect(cited.stdout).toContain('First good');
    expect(lectern(['styles', 'remove', id]).stdout).toBe(`Removed the style ${id}.\n`);
  }, 120_000);

  it('key shows and sets a citation key', () => {
    expect(lectern(['key', 'good1']).stdout).toBe('good1 (pinned)\n');
    expect(lectern(['key', 'good1', 'alpha2019']).code).toBe(0);
    expect(lectern(['cite', 'alpha2019']).stdout).toContain('First good');
  }, 60_000);

  it('key --unpin unpins a key: the paper gets the one its pattern gives', () => {
    expect(lectern(['key', 'good3']).stdout).toBe('good3 (pinned)\n');
    const unpinned = lectern(['key', 'good3', '--unpin']);
    expect(unpinned).toMatchObject({ code: 0, stderr: '' });
    expect(unpinned.stdout).toMatch(/^Paper \d+'s citation key is no longer pinned: it is now gamma2021thirdgood, from the pattern\.\n$/);
    expect(lectern(['key', 'gamma2021thirdgood']).stdout).toBe('gamma2021thirdgood\n');
    expect(lectern(['key', 'gamma2021thirdgood', 'x', '--unpin'])).toMatchObject({ code: 2 });
  }, 60_000);
});
