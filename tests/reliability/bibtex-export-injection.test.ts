/**
 * Exported BibTeX cannot be made to carry an entry of its own (attack review of issue 11): a title or
 * abstract with math that spans a line break (`$a\n@misc{injected,...}$`) was copied as is, so the
 * reader took the `@misc` line for a new entry; a `%` inside math commented out the rest of the line.
 * Writing records with hostile titles and abstracts, then reading the file back, must give exactly the
 * same number of entries with the same keys, and no problem.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readBibtex } from '../../shared/interop/bibtex/read';
import { writeBibtex } from '../../shared/interop/bibtex/write';
import type { InteropRecord } from '../../shared/interop/interop-record';
import { FUZZ_RUNS } from './fuzz-runs';

const record = (key: string, title: string, abstract: string): InteropRecord => ({
  item: { id: key, type: 'article-journal', title, abstract },
  citationKey: key,
  tags: [],
  note: null,
  files: [],
  arxivId: null,
  extra: {},
  at: { line: 1, column: 1 },
});

const PIECES = ['$', '\n', '@', '%', '}', '{', '\\', ' ', 'x', 'misc', '@misc{injected, title={pwn}}', '\n@article{evil,', '$a\n@', '\r', '\n\n', ',', '='];
const hostile = fc.array(fc.constantFrom(...PIECES), { maxLength: 14 }).map((parts) => `T ${parts.join('')}`);

describe('BibTeX export cannot inject entries', () => {
  it('math spanning a line break and % in math are neutralised (the attack file)', async () => {
    const records = [
      record('victim', 'Growth $x\n@misc{injected, title={Injected entry}, note={pwn}}$ rates', 'Ab $y\n@misc{evil2, title={pwn}}$ z'),
      record('neighbour', 'Rate $x%$ and $\\input{/etc/passwd}$', 'plain'),
    ];
    for (const dialect of ['bibtex', 'biblatex'] as const) {
      const text = writeBibtex(records, { dialect });
      expect(text).not.toMatch(/\n[ \t]*@misc/);
      expect(text).toContain("$x\\mbox{\\%}$");
      const back = await readBibtex(text);
      expect(back.records.map((r) => r.citationKey)).toEqual(['victim', 'neighbour']);
      expect(back.problems).toEqual([]);
      expect(back.records[1]!.item.title).toBe("Rate $x%$ and $\\input{/etc/passwd}$");
      expect(back.records[0]!.item.title).toBe('Growth $x @misc{injected, title={Injected entry}, note={pwn}}$ rates');
    }
  });

  it('write then read gives back the same keys for hostile titles and abstracts', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.tuple(hostile, hostile), { minLength: 1, maxLength: 4 }), fc.boolean(), async (pairs, ascii) => {
        const records = pairs.map(([t, a], i) => record(`k${i}`, t, a));
        const back = await readBibtex(writeBibtex(records, { dialect: 'biblatex', ascii }));
        expect(back.records.map((r) => r.citationKey)).toEqual(records.map((r) => r.citationKey));
        expect(back.problems.filter((p) => p.severity === 'error')).toEqual([]);
      }),
      { numRuns: Math.max(50, Math.floor(FUZZ_RUNS / 20)) },
    );
  });
});
