import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { detectReferenceFormat } from '../../shared/interop/detect-format';
import { PROFILES, REPO } from './helpers/fixtures';
import { interopFixtureNames, interopFixtureText } from './helpers/interop-fixtures';

/** Every profile-page paste Lectern reads: ../shared/profiles/*.txt and tests/fixtures/paste/**. */
function pasteFiles(): string[] {
  const shared = readdirSync(PROFILES).filter((f) => f.endsWith('.txt')).map((f) => join(PROFILES, f));
  const own = readdirSync(join(REPO, 'tests', 'fixtures', 'paste'), { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && e.name.endsWith('.txt'))
    .map((e) => join(e.parentPath, e.name));
  return [...shared, ...own];
}

describe('detectReferenceFormat', () => {
  it('claims no profile-page paste', () => {
    const files = pasteFiles();
    expect(files.length).toBeGreaterThan(40);
    const claimed = files.map((f) => [relative(REPO, f), detectReferenceFormat(readFileSync(f, 'utf8'))]).filter(([, format]) => format !== null);
    expect(claimed).toEqual([]);
  });

  it('detects every RIS fixture as RIS', () => {
    for (const name of interopFixtureNames('ris')) expect(detectReferenceFormat(interopFixtureText('ris', name)), name).toBe('ris');
  });

  it('detects every CSL-JSON fixture that is valid JSON as CSL-JSON', () => {
    for (const name of interopFixtureNames('csl-json')) expect(detectReferenceFormat(interopFixtureText('csl-json', name)), name).toBe('csl-json');
  });

  it('detects BibTeX after comments, after a JabRef header, and after prose when entries follow', () => {
    expect(detectReferenceFormat('% Encoding: UTF-8\n\n@Article{smith2020,\n  title = {T},\n}\n')).toBe('bibtex');
    expect(detectReferenceFormat('@string{jan = "January"}\n@book{k, title={x}}')).toBe('bibtex');
    expect(detectReferenceFormat('  @inproceedings ( key2021 ,\n title = "x")')).toBe('bibtex');
    expect(detectReferenceFormat('My references:\n@article{a2020,\n}\n@book{b2019,\n}\n')).toBe('bibtex');
    expect(detectReferenceFormat('My references:\n@article{a2020,\n}\n')).toBeNull();
  });

  it('detects RIS with one space around the dash, after a banner line, and with a BOM', () => {
    expect(detectReferenceFormat('TY - JOUR\nTI - x\nER -')).toBe('ris');
    expect(detectReferenceFormat('\ufeff\r\nTY  - BOOK\r\nER  - \r\n')).toBe('ris');
    expect(detectReferenceFormat('Exported from a tool\nTY  - JOUR\nAU  - A, B\nTI  - x\nER  - \n')).toBe('ris');
  });

  it('says null for prose, tweets, JSON that is no CSL, and an empty text', () => {
    expect(detectReferenceFormat('')).toBeNull();
    expect(detectReferenceFormat('Hello,\nthis is a letter about @karpathy {and more}.\n')).toBeNull();
    expect(detectReferenceFormat('@karpathy\nnice paper!\n')).toBeNull();
    expect(detectReferenceFormat('{"name": "lectern", "version": "1.0.0"}')).toBeNull();
    expect(detectReferenceFormat('[1, 2, 3]')).toBeNull();
    expect(detectReferenceFormat('TY  - \nnothing else')).toBeNull();
  });

  it('reads only the start of a long file', () => {
    const long = `[{"id": "a", "type": "book", "title": "${'x'.repeat(10_000_000)}"}]`;
    const t0 = performance.now();
    expect(detectReferenceFormat(long)).toBe('csl-json');
    expect(performance.now() - t0).toBeLessThan(200);
  });
});
