/**
 * Citation keys BibTeX cannot hold (attack review of issue 11): keys with control or invisible
 * characters, a line break, braces, or 100,000 characters were written as they were. The writer now
 * writes the default pattern's key for them, and an import does not pin them (a warning says so).
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { importReferences } from '../../db/library/reference-import';
import { openLibrary, type Library } from '../../db/open';
import { readBibtex } from '../../shared/interop/bibtex/read';
import { writeBibtex } from '../../shared/interop/bibtex/write';
import { isWritableCitationKey } from '../../shared/interop/citation-key';
import { file, rec } from './helpers/interop-records';
import { tempLibraryFile } from './helpers/fixtures';

const BAD = ['', '\u0000', 'k\u200bx', 'ünï', 'a'.repeat(100_000), 'k\n@misc{evil4', 'x}', '%%', 'a b', 'a,b', 'q"x', 'e=mc', 'back\\slash', 'hash#'];

describe('illegal citation keys', () => {
  it('tells legal keys from illegal ones', () => {
    for (const k of BAD) expect(isWritableCitationKey(k), JSON.stringify(k.slice(0, 20))).toBe(false);
    for (const k of ['smith2020', 'Smith:2020.a-b_c', 'k@x', 'a/b+c']) expect(isWritableCitationKey(k)).toBe(true);
  });

  it('the writer never writes one: the default pattern key stands in', async () => {
    const records = BAD.map((k, i) => rec({ id: `y${i}`, title: 'Deep learning', author: [{ family: 'Smith', given: 'Jane' }] }, { citationKey: k }));
    const out = writeBibtex(records, { dialect: 'bibtex' });
    const keys = [...out.matchAll(/^@article\{(.*)$/gm)].map((m) => m[1]!);
    expect(keys).toHaveLength(BAD.length);
    for (const k of keys) expect(k).toMatch(/^smith2020deep[a-z]*,$/);
    const back = await readBibtex(out);
    expect(back.records).toHaveLength(BAD.length);
    expect(back.problems).toEqual([]);
  });

  describe('import', () => {
    let lib: Library;
    beforeEach(() => {
      lib = openLibrary(tempLibraryFile());
    });
    afterEach(() => lib.close());

    it('does not pin a key with an invisible character, and says so', async () => {
      const report = await importReferences(lib.db, file([rec({ title: 'One' }, { citationKey: 'k\u200bx' }), rec({ title: 'Two', DOI: '10.1/2' }, { citationKey: 'good2020' })]));
      const keys = lib.db.$client.prepare('SELECT title, citation_key AS key FROM papers ORDER BY id').all();
      expect(keys).toEqual([{ title: 'One', key: null }, { title: 'Two', key: 'good2020' }]);
      expect(report.warnings).toEqual(['refs.bib:1:1: citation key "k\u200bx" holds characters a BibTeX key cannot; not kept, a key from the pattern is given instead']);
    });
  });
});
