import { describe, expect, it } from 'vitest';
import { highlightRanges } from '../../shared/search/highlight';
import { parseQuery } from '../../shared/search/parse';
import { locateQuote } from '../../shared/search/anchor';

const terms = (q: string) => {
  const r = parseQuery(q);
  if (!r.ok) throw new Error(r.error.message);
  return r.terms;
};
const marked = (text: string, q: string, field: Parameters<typeof highlightRanges>[2] = null) =>
  highlightRanges(text, terms(q), field).map(([a, b]) => text.slice(a, b));

describe('highlightRanges', () => {
  it('marks word starts for words, whole words in order for phrases, folding case and accents', () => {
    expect(marked('DeepSeek-Prover: Advancing Theorem Proving', 'prov')).toEqual(['Prov', 'Prov']);
    expect(marked('Scaling laws in Zürich and zurich', 'zurich')).toEqual(['Zürich', 'zurich']);
    expect(marked('proof assistant feedback; proof assistants', '"proof assistant"')).toEqual(['proof assistant']);
    expect(marked('Déjà vu', 'DEJA')).toEqual(['Déjà']);
    expect(marked('reprove it', 'prove')).toEqual([]);
  });

  it('skips negated words and terms meant for another field, and merges overlaps', () => {
    expect(marked('Prover survey', 'prover -survey')).toEqual(['Prover']);
    expect(marked('Chong Ruan', 'author:ruan', 'author')).toEqual(['Ruan']);
    expect(marked('Ruan on titles', 'author:ruan', 'title')).toEqual([]);
    expect(highlightRanges('model models', terms('model "model models"'))).toEqual([[0, 12]]);
  });
});

describe('locateQuote', () => {
  it('finds an annotation again after the abstract changed, or says it is gone', () => {
    expect(locateQuote('We prove theorems in Lean 4.', 'Lean 4', 21)).toEqual({ start: 21, end: 27 });
    expect(locateQuote('Now we prove theorems, in the prover Lean 4.', 'Lean 4', 21)).toEqual({ start: 37, end: 43 });
    expect(locateQuote('a x b x', 'x', 6)).toEqual({ start: 6, end: 7 });
    expect(locateQuote('a x b x', 'x', 3)).toEqual({ start: 2, end: 3 });
    expect(locateQuote('No longer here.', 'Lean 4', 21)).toBeNull();
    expect(locateQuote(null, 'Lean 4', 21)).toBeNull();
  });
});
