/**
 * The BibTeX reader on damaged files (issue 11: "a malformed entry never stops a file"): files built
 * from the well-formed entries of the fixtures, one of them spliced, truncated or salted with BibTeX's
 * special characters, must read without throwing, and every entry that was not touched must be read
 * with its title (FUZZ_RUNS / 5 files: each is a whole read of up to eight entries). Hostile inputs of 1 MB (`{{{{`, `@@@@`, `""""`, a thousand nested braces in a value,
 * 200,000 broken entries in a row) must take linear time.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readBibtex } from '../../shared/interop/bibtex/read';
import { FUZZ_RUNS } from './fuzz-runs';

const DIR = fileURLToPath(new URL('../fixtures/interop/bibtex/', import.meta.url));

/** Every entry of the clean fixtures (not the broken-* and duplicate-key ones), as written, with its key. */
const ENTRIES: { key: string; text: string }[] = readdirSync(DIR)
  .filter((f) => f.endsWith('.bib') && !f.startsWith('broken-') && !f.startsWith('duplicate') && !f.startsWith('no-closing'))
  .flatMap((f) => readFileSync(join(DIR, f), 'utf8').split(/\n(?=@)/))
  .map((t) => t.trim())
  .filter((t) => /^@(?!string|comment|preamble)/i.test(t))
  .map((text) => ({ key: /^@\w+\{([^,\s]+),/.exec(text)![1]!, text }));

const SPECIALS = ['{', '}', '"', '@', ',', '=', '#', '\n', '@article{', '\\', '%', '(', ')', '$'];

const damage: fc.Arbitrary<Damage> = fc.oneof(
  fc.record({ kind: fc.constant('truncate' as const), at: fc.nat() }),
  fc.record({ kind: fc.constant('delete' as const), at: fc.nat(), length: fc.integer({ min: 1, max: 40 }) }),
  fc.record({ kind: fc.constant('insert' as const), at: fc.nat(), what: fc.constantFrom(...SPECIALS) }),
  fc.record({ kind: fc.constant('swap' as const), at: fc.nat(), from: fc.nat() }),
);

interface Damage {
  kind: 'truncate' | 'delete' | 'insert' | 'swap';
  at: number;
  length?: number;
  what?: string;
  from?: number;
}

function apply(text: string, d: Damage): string {
  const at = d.at % (text.length + 1);
  switch (d.kind) {
    case 'truncate':
      return text.slice(0, at);
    case 'delete':
      return text.slice(0, at) + text.slice(at + (d.length ?? 1));
    case 'insert':
      return text.slice(0, at) + d.what + text.slice(at);
    default: {
      const from = (d.from ?? 0) % (text.length + 1);
      return text.slice(0, at) + text.slice(from, from + 30) + text.slice(at);
    }
  }
}

describe('a damaged entry costs only itself', () => {
  it('has entries to work with', () => {
    expect(ENTRIES.length).toBeGreaterThan(20);
  });

  it('reads every untouched entry and throws nothing', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.shuffledSubarray(ENTRIES, { minLength: 2, maxLength: 8 }),
        fc.nat(),
        fc.array(damage, { minLength: 1, maxLength: 3 }),
        async (entries, which, damages) => {
          const victim = which % entries.length;
          const texts = entries.map((e, i) => (i === victim ? damages.reduce((t, d) => apply(t, d), e.text) : e.text));
          const result = await readBibtex(texts.join('\n\n'));
          const keys = new Set(result.records.map((r) => r.citationKey));
          for (const [i, e] of entries.entries()) {
            if (i !== victim) expect(keys.has(e.key), `${e.key} lost beside a damaged ${entries[victim]!.key}`).toBe(true);
          }
          for (const p of result.problems) {
            expect(p.line).toBeGreaterThanOrEqual(1);
            expect(p.column).toBeGreaterThanOrEqual(1);
            expect(p.message).not.toBe('');
            expect(p.message).not.toContain(': ;');
          }
        },
      ),
      { numRuns: Math.max(1, Math.floor(FUZZ_RUNS / 5)) },
    );
  });
});

describe('hostile inputs take linear time', () => {
  const MB = 1_000_000;
  const cases: [string, string][] = [
    ['braces', '{'.repeat(MB)],
    ['at signs', '@'.repeat(MB)],
    ['quotes', '"'.repeat(MB)],
    ['an entry of open braces', `@article{k, title = ${'{'.repeat(MB)}`],
    ['an entry of quotes', `@article{k, title = ${'"'.repeat(MB)}`],
    ['broken entries in a row', '@a{k,'.repeat(MB / 5)],
    ['broken fields in a row', '@a{k,='.repeat(MB / 6)],
    ['unclosed values in a row', '@a{k, t = {x,\n u = 1'.repeat(MB / 20)],
    ['entry starts on every line', '@a{\n'.repeat(MB / 4)],
    ['macro concatenations', `@article{k, title = ${'a # '.repeat(MB / 4)}b}`],
    ['names', `@article{k, author = {${'A and '.repeat(MB / 6)}B}}`],
    ['keywords', `@article{k, keywords = {${Array.from({ length: MB / 10 }, (_, i) => `k${i}`).join(', ')}}}`],
  ];
  for (const [name, text] of cases) {
    it(name, async () => {
      const t0 = performance.now();
      const r = await readBibtex(text);
      const ms = performance.now() - t0;
      expect(r.format).toBe('bibtex');
      // Quadratic behaviour on 1 MB would take minutes; 10 s leaves room for a loaded 2-core machine.
      expect(ms).toBeLessThan(10_000);
    });
  }
});
