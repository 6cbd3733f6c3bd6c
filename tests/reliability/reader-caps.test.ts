/**
 * Hostile files that cost far more memory than their size (attack review of issue 11): a file of
 * `@a{x,\n` lines (one problem per 6 bytes: 16 MB killed the process), an unknown macro used on every
 * entry, and the `@string` "billion laughs" (27 lines of `@string{aN = aN-1 # aN-1}`, 700 bytes -> a
 * 2 GB title). Problems are capped at MAX_LISTED_PROBLEMS plus one line that counts the rest; values at
 * MAX_VALUE_CHARS; the neighbours of a refused entry are still read.
 */
import { describe, expect, it } from 'vitest';
import { LecternError } from '../../shared/errors';
import { readBibtex } from '../../shared/interop/bibtex/read';
import { MAX_VALUE_CHARS } from '../../shared/interop/bibtex/scan-types';
import { readCslJson } from '../../shared/interop/csl-json/read';
import { MAX_LISTED_PROBLEMS } from '../../shared/interop/problem-list';
import { asReaderError } from '../../shared/interop/reader-error';
import { readReferences } from '../../shared/interop/read-references';
import { readRis } from '../../shared/interop/ris/read';

describe('problems are capped', () => {
  it('lists 1,000 problems of 20,000 broken entries and counts the rest', async () => {
    const r = await readBibtex('@a{x,\n'.repeat(20_000));
    expect(r.entriesSeen).toBe(20_000);
    expect(r.problems).toHaveLength(MAX_LISTED_PROBLEMS + 1);
    expect(r.problems.at(-1)!.message).toBe('... and 19,000 more problems like these were not listed');
    expect(r.problems[0]!.line).toBe(1);
  });

  it('says an unknown @string once, with how many times it was used', async () => {
    const text = Array.from({ length: 3000 }, (_, i) => `@article{k${i}, title = nomacro, year = 2020}\n`).join('');
    const r = await readBibtex(text);
    expect(r.records).toHaveLength(3000);
    const unknown = r.problems.filter((p) => p.message.includes("unknown @string 'nomacro'"));
    expect(unknown).toHaveLength(1);
    expect(unknown[0]!.message).toContain('used 3,000 times');
    expect(r.problems).toHaveLength(1);
  });

  it('caps RIS and CSL-JSON problems too', async () => {
    const ris = readRis('AU  - A, B\nER  - \n'.repeat(5000));
    expect(ris.problems.length).toBeLessThanOrEqual(MAX_LISTED_PROBLEMS + 1);
    expect(ris.problems.at(-1)!.message).toMatch(/^\.\.\. and [\d,]+ more problems like these were not listed$/);
    const json = readCslJson(`[${Array.from({ length: 3000 }, () => '{"id":"k"}').join(',')}]`);
    expect(json.problems).toHaveLength(MAX_LISTED_PROBLEMS + 1);
    expect(json.problems.at(-1)!.message).toBe('... and 2,000 more problems like these were not listed');
  });

  it('turns anything unexpected into an INVALID_INPUT LecternError with words', () => {
    const e = asReaderError(new RangeError('Maximum call stack size exceeded'));
    expect(e).toBeInstanceOf(LecternError);
    expect(e.code).toBe('INVALID_INPUT');
    expect(e.message).toBe('This file could not be read: it is too large or nests too deeply. Split it into smaller files and import those.');
    const cancelled = new LecternError('CANCELLED', 'x');
    expect(asReaderError(cancelled)).toBe(cancelled);
  });
});

describe('@string expansion is capped', () => {
  const laughs = (n: number, use = `a${n}`): string => {
    let s = '@string{a0 = "xxxxxxxxxxxxxxxx"}\n';
    for (let i = 1; i <= n; i++) s += `@string{a${i} = a${i - 1} # a${i - 1}}\n`;
    return `${s}@article{k, title = ${use}, author = {A, B}, year = 2020}\n@article{next, title = {Kept}, year = 2021}\n`;
  };

  it('refuses a macro over the cap (billion laughs) and reads the neighbour', async () => {
    const t = Date.now();
    const r = await readReferences(laughs(26), 'bibtex');
    expect(Date.now() - t).toBeLessThan(2000);
    expect(r.records.map((x) => x.citationKey)).toEqual(['next']);
    expect(r.records[0]!.item.title).toBe('Kept');
    expect(r.problems[0]).toMatchObject({ line: 17, column: 15, message: "@string 'a16' not defined: the value of 'a16' would be over 1,000,000 characters once @string macros are expanded" });
    const refused = r.problems.find((p) => p.key === 'k')!;
    expect(refused).toMatchObject({ line: 28, severity: 'error' });
    expect(refused.message).toBe("entry 'k': the value of 'title' would be over 1,000,000 characters once @string macros are expanded; entry not read");
  });

  it('refuses it in a broken entry too (the repair pass and the tolerant parser expanded without a cap: 11 s, 2.7 GB)', async () => {
    const uses = Array.from({ length: 60 }, () => 'a15').join(' # ');
    const t = Date.now();
    const r = await readBibtex(laughs(15, 'x').replace('@article{k, title = x,', `@article{k title = ${uses},`));
    expect(Date.now() - t).toBeLessThan(2000);
    expect(r.records.map((x) => x.citationKey)).toEqual(['next']);
    expect(r.problems.at(-1)!.message).toBe("entry 'k': the value of 'title' would be over 1,000,000 characters once @string macros are expanded; entry not read");
  });

  it('refuses a field whose # joins exceed the cap, at the field', async () => {
    // a15 = 16 * 2^15 = 524,288 characters: allowed alone, not twice.
    const r = await readBibtex(laughs(15, 'a15 # a15'));
    expect(r.records.map((x) => x.citationKey)).toEqual(['next']);
    expect(r.problems.find((p) => p.key === 'k')).toMatchObject({ line: 17, column: 21, severity: 'error' });
    const ok = await readBibtex(laughs(15));
    expect((ok.records[0]!.item.title as string).length).toBe(524_288);
    expect(MAX_VALUE_CHARS).toBe(1_000_000);
  });
});
