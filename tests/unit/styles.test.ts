import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openLibrary, type Library } from '../../db/open';
import { call } from '../../electron/handlers/dispatch';
import { createHandlers } from '../../electron/handlers/handlers';
import { seedReferences } from './helpers/interop-records';
import { REPO, tempLibraryFile } from './helpers/fixtures';

let lib: Library;
beforeEach(() => {
  lib = openLibrary(tempLibraryFile());
});
afterEach(() => lib.close());

const seed = () => seedReferences(lib);

describe('styles and cite.format through the handlers', () => {
  const ieee = readFileSync(join(REPO, 'tests', 'fixtures', 'interop', 'styles', 'ieee-like.csl'), 'utf8');

  it('lists bundled styles, adds, replaces and removes a style, refuses a broken one', async () => {
    const h = createHandlers(lib);
    const bundled = await call(h, 'styles.list', {});
    expect(bundled.map((s) => s.styleId)).toEqual(['apa', 'vancouver', 'harvard1']);
    const added = await call(h, 'styles.add', { fileName: 'ieee.csl', xml: ieee });
    expect(added.replaced).toBe(false);
    expect(await call(h, 'styles.add', { fileName: 'ieee.csl', xml: ieee })).toEqual({ ...added, replaced: true });
    const listed = await call(h, 'styles.list', {});
    expect(listed.slice(3)).toEqual([{ styleId: added.styleId, title: added.title, builtIn: false, addedAt: expect.any(String) }]);
    await expect(call(h, 'styles.add', { fileName: 'broken.csl', xml: '<style' })).rejects.toMatchObject({ code: 'INVALID_INPUT' });
    await expect(call(h, 'styles.remove', { styleId: 'apa' })).rejects.toMatchObject({ code: 'INVALID_INPUT', message: 'apa is built in and cannot be removed.' });
    await call(h, 'styles.remove', { styleId: added.styleId });
    expect((await call(h, 'styles.list', {})).length).toBe(3);
    await expect(call(h, 'styles.remove', { styleId: added.styleId })).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });

  it('refuses a style that takes a bundled id', async () => {
    const h = createHandlers(lib);
    const apaLike = ieee.replace(/<id>[^<]*<\/id>/, '<id>http://www.zotero.org/styles/apa</id>');
    await expect(call(h, 'styles.add', { fileName: 'apa.csl', xml: apaLike })).rejects.toMatchObject({ code: 'INVALID_INPUT', message: expect.stringMatching(/^apa is built in: apa\.csl cannot replace it/) });
  });

  it('formats a bibliography and a citation in APA, and in an added style', async () => {
    await seed();
    const h = createHandlers(lib);
    const bib = await call(h, 'cite.format', { paperIds: [3], styleId: 'apa' });
    expect(bib.entries).toEqual(['Lee, A. (2019). Other Paper.']);
    const cite = await call(h, 'cite.format', { paperIds: [3, 2], styleId: 'apa', mode: 'citation' });
    expect(cite.text).toBe('(Lee, 2019; Smith, 2020)');
    const added = await call(h, 'styles.add', { fileName: 'ieee.csl', xml: ieee });
    const numbered = await call(h, 'cite.format', { paperIds: [3], styleId: added.styleId });
    expect(numbered.entries).toHaveLength(1);
    await expect(call(h, 'cite.format', { paperIds: [3], styleId: 'nope' })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(call(h, 'cite.format', { paperIds: [99], styleId: 'apa' })).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });

  it('a Markdown bibliography is a list (Copy as Markdown, lectern cite --format markdown)', async () => {
    await seed();
    const h = createHandlers(lib);
    const md = await call(h, 'cite.format', { paperIds: [3, 2], styleId: 'apa', output: 'markdown' });
    expect(md.entries).toEqual(['- Lee, A. (2019). *Other Paper*.', expect.stringMatching(/^- Smith, /)]);
    expect(md.text).toBe(md.entries.join('\n'));
    const numbered = await call(h, 'cite.format', { paperIds: [3, 2], styleId: 'vancouver', output: 'markdown' });
    expect(numbered.entries.map((e) => e.slice(0, 3))).toEqual(['1. ', '2. ']);
    // A citation stays as it is.
    expect((await call(h, 'cite.format', { paperIds: [3], styleId: 'apa', mode: 'citation', output: 'markdown' })).text).toBe('(Lee, 2019)');
  });

  it('HTML of a numbered style: the number and its entry on one line (spans), not two divs', async () => {
    await seed();
    const h = createHandlers(lib);
    const html = await call(h, 'cite.format', { paperIds: [3], styleId: 'vancouver', output: 'html' });
    expect(html.entries).toEqual(['<div class="csl-entry">\n    <span class="csl-left-margin">1.</span> <span class="csl-right-inline">Lee A. Other Paper. 2019.</span>\n  </div>']);
    expect(html.text).not.toContain('<div class="csl-left-margin">');
    const apa = await call(h, 'cite.format', { paperIds: [3], styleId: 'apa', output: 'html' });
    expect(apa.entries).toEqual(['<div class="csl-entry">Lee, A. (2019). <i>Other Paper</i>.</div>']);
  });

  it('takes the names users type for a bundled style (harvard, APA), and lists the ids for an unknown one', async () => {
    await seed();
    const h = createHandlers(lib);
    const harvard = await call(h, 'cite.format', { paperIds: [3], styleId: 'harvard' });
    expect(harvard.entries).toEqual((await call(h, 'cite.format', { paperIds: [3], styleId: 'harvard1' })).entries);
    expect((await call(h, 'cite.format', { paperIds: [3], styleId: 'APA' })).entries).toEqual(['Lee, A. (2019). Other Paper.']);
    const out = await call(h, 'references.export', { filters: { paperIds: [3] }, format: 'text', styleId: 'harvard' });
    expect(out.text).toBe(`${harvard.entries[0]}\n`);
    await expect(call(h, 'cite.format', { paperIds: [3], styleId: 'ieee' })).rejects.toMatchObject({
      code: 'NOT_FOUND',
      message: "There is no style ieee: the styles are apa, vancouver, harvard1. Add another style's .csl file first.",
    });
  });

  it('references.export, citation keys and the pattern through the handlers', async () => {
    await seed();
    const h = createHandlers(lib);
    expect(await call(h, 'citationKeys.pattern', {})).toEqual({ pattern: '[auth:lower][year][shorttitle:lower]', isDefault: true });
    expect(await call(h, 'citationKeys.setPattern', { pattern: '[auth:lower][year]' })).toEqual({ example: 'beethoven1824' });
    const out = await call(h, 'references.export', { filters: { paperIds: [3] }, format: 'bibtex' });
    expect(out).toMatchObject({ count: 1, keysAssigned: 1 });
    expect(out.text).toContain('@article{lee2019,');
    expect(await call(h, 'papers.setCitationKey', { paperId: 3, key: 'ann:2019' })).toEqual({ key: 'ann:2019' });
    expect((await call(h, 'undo.undo', {})).label).toBe('Set citation key');
    expect(lib.db.$client.prepare('SELECT citation_key FROM papers WHERE id = 3').pluck().get()).toBe('lee2019');
  });
});
