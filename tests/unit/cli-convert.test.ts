import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PROFILES } from './helpers/fixtures';
import { lectern } from './helpers/lectern-cli';
import { INTEROP_FIXTURES } from './helpers/interop-fixtures';

const ris = (name: string): string => join(INTEROP_FIXTURES, 'ris', name);
const csl = (name: string): string => join(INTEROP_FIXTURES, 'csl-json', name);

describe('lectern convert', () => {
  it('converts RIS to CSL-JSON: ids are citation keys, tags in keyword, names in parts; the library is not touched', () => {
    const r = lectern(['convert', ris('endnote.ris'), '--to', 'csl-json']);
    expect([r.code, r.stderr]).toEqual([0, '']);
    const items = JSON.parse(r.stdout) as Array<Record<string, unknown>>;
    expect(items.map((i) => [i.id, i.type, i.title])).toEqual([
      ['1203', 'paper-conference', 'Learning to Rank with Partial Labels'],
      ['1204', 'thesis', 'Sparse Models of Protein Folding'],
      ['1205', 'report', 'Global Tuberculosis Report 2020'],
    ]);
    expect(items[0]!.author).toEqual([{ family: 'García-Pérez', given: 'María' }, { family: "O'Neil", given: 'Patrick' }, { family: 'Smith', given: 'John', suffix: 'Jr.' }]);
    expect(items[2]!.author).toEqual([{ literal: 'World Health Organization' }]);
    expect(existsSync(r.library)).toBe(false);
    const scopus = JSON.parse(lectern(['convert', ris('scopus.ris'), '--to', 'csl-json']).stdout) as Array<Record<string, unknown>>;
    expect(scopus[0]!.keyword).toBe('Edge computing, Scheduling, Energy efficiency');
  });

  it('prints one FILE:LINE:COLUMN: message line per problem and still writes every readable record', () => {
    const file = ris('garbage.ris');
    const r = lectern(['convert', file, '--to', 'ris']);
    expect(r.code).toBe(0);
    expect(r.stderr.split('\n')).toEqual([
      `${file}:1:1: line 1 is not RIS (a tag line such as 'TY  - JOUR' was expected); skipped`,
      `${file}:7:1: lines 7-8 are not RIS (a tag line such as 'TY  - JOUR' was expected); skipped`,
      `${file}:10:1: record has no 'TY' line (its reference type); skipped`,
      `${file}:18:1: unknown RIS type 'WEIRD'; read as a document`,
      `${file}:20:1: 'PY' date 'circa 1900' is not YYYY/MM/DD/; kept as written`,
      '',
    ]);
    // Piped output keeps RIS's CRLF line ends byte for byte; a record without `ID` gets the default pattern's key.
    expect(r.stdout.startsWith('TY  - JOUR\r\nAU  - Good, Gail\r\nTI  - A good record\r\nPY  - 2010\r\nID  - good2010goodrecord\r\nER  - \r\n\r\nTY  - GEN\r\n')).toBe(true);
    expect(r.stdout.match(/^ER {2}- \r$/gm)).toHaveLength(3);
  });

  it('reads standard input with -, named <stdin> in problems', () => {
    const r = lectern(['convert', '-', '--to', 'ris'], '[{"id": "k1", "type": "book", "title": "From stdin", "author": [{"family": "Berg", "given": "Jan", "non-dropping-particle": "van der"}]}, {"title": "no type"}]');
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('TY  - BOOK\r\nAU  - van der Berg, Jan\r\nTI  - From stdin\r\nID  - k1\r\nER  - \r\n\r\n');
    expect(r.stderr).toBe("<stdin>:1:139: item 2 is not a CSL item: 'type': expected string, received undefined; skipped\n");
  });

  it('exits 1 with nothing on stdout when no record could be read', () => {
    const file = csl('syntax-error.json');
    const r = lectern(['convert', file, '--to', 'ris']);
    expect([r.code, r.stdout]).toEqual([1, '']);
    expect(r.stderr).toBe(`${file}:6:3: not valid JSON: Expected double-quoted property name; nothing read\nlectern: no reference could be read from ${file}; nothing written.\n`);
    const forced = lectern(['convert', csl('names.json'), '--from', 'ris', '--to', 'csl-json']);
    expect([forced.code, forced.stdout]).toEqual([1, '']);
    const prose = lectern(['convert', '-', '--to', 'ris'], 'Just a letter.\nNothing to convert.\n');
    expect(prose.code).toBe(1);
    expect(prose.stderr).toMatch(/^lectern: This is not a BibTeX, BibLaTeX, RIS or CSL-JSON file: /);
  });

  it('decodes a Latin-1 file and a UTF-16 one', () => {
    const dir = mkdtempSync(join(tmpdir(), 'lectern-convert-'));
    const latin1 = join(dir, 'latin1.ris');
    writeFileSync(latin1, Buffer.from('TY  - JOUR\r\nAU  - M\xfcller, J\xfcrgen\r\nTI  - Cr\xe8me br\xfbl\xe9e\r\nER  - \r\n', 'latin1'));
    const fromLatin1 = JSON.parse(lectern(['convert', latin1, '--to', 'csl-json']).stdout) as Array<Record<string, unknown>>;
    expect([fromLatin1[0]!.title, fromLatin1[0]!.author]).toEqual(['Crème brûlée', [{ family: 'Müller', given: 'Jürgen' }]]);
    const utf16 = join(dir, 'utf16.ris');
    writeFileSync(utf16, Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('TY  - BOOK\r\nTI  - Ångström\r\nER  - \r\n', 'utf16le')]));
    expect(JSON.parse(lectern(['convert', utf16, '--to', 'csl-json']).stdout)[0].title).toBe('Ångström');
  });

  it('converts a pasted profile page with --from paste', () => {
    const r = lectern(['convert', join(PROFILES, 'seed-profile.txt'), '--from', 'paste', '--to', 'csl-json']);
    expect(r.code).toBe(0);
    const items = JSON.parse(r.stdout) as Array<Record<string, unknown>>;
    expect(items).toHaveLength(18);
    expect(items.every((i) => i.type === 'article' && typeof i.title === 'string' && Array.isArray(i.author))).toBe(true);
    expect(items.map((i) => i.title)).toContain('DeepSeek-V3.2: Pushing the Frontier of Open Large Language Models');
  });

  it('refuses a missing or unknown format as a usage error (exit 2)', () => {
    const file = ris('zotero.ris');
    const noTo = lectern(['convert', file]);
    expect([noTo.code, noTo.stderr.split('\n')[0]]).toEqual([2, 'lectern: convert needs --to, one of bibtex, biblatex, ris, csl-json']);
    expect(lectern(['convert', file, '--to', 'xml']).stderr.split('\n')[0]).toBe('lectern: --to takes one of bibtex, biblatex, ris, csl-json');
  });

  it('refuses an unknown --from (exit 2) and names a file it cannot read', () => {
    const file = ris('zotero.ris');
    expect(lectern(['convert', file, '--from', 'endnote', '--to', 'ris']).stderr.split('\n')[0]).toBe('lectern: --from takes one of bibtex, biblatex, ris, csl-json, paste');
    expect(lectern(['convert', '--to', 'ris']).code).toBe(2);
    expect(lectern(['convert', '/no/such/file.ris', '--to', 'ris']).stderr).toBe('lectern: Cannot read /no/such/file.ris: there is no such file.\n');
  });

  it('is in the help text', () => {
    expect(lectern(['--help']).stdout).toContain('  convert FILE|-           a reference file in another format on stdout (no library needed)\n');
  });
});
