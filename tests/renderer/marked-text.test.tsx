/** Highlights over raw offsets (search hits, annotations) on text with KaTeX math, and selections mapped back. */
import { describe, expect, it } from 'vitest';
import { highlightRanges } from '../../shared/search/highlight';
import { markedPieces } from '../../renderer/ui/marked-segments';
import { MarkedText, hitMarks } from '../../renderer/ui/marked-text';
import { rangeToRaw } from '../../renderer/ui/selection-offsets';
import { mount } from './mount';

const ABSTRACT = 'Provers reach $63.5\\%$ on miniF2F; costs \\$5 at Zürich.';

describe('markedPieces', () => {
  it('keeps raw offsets across math and escaped dollars', () => {
    const pieces = markedPieces(ABSTRACT, []);
    expect(pieces.map((p) => [p.kind, p.text, p.start, p.end])).toEqual([
      ['text', 'Provers reach ', 0, 14],
      ['math', '63.5\\%', 14, 22],
      ['text', ' on miniF2F; costs ', 22, 41],
      ['text', '$', 41, 43],
      ['text', '5 at Zürich.', 43, 55],
    ]);
    expect(ABSTRACT.length).toBe(55);
  });

  it('cuts at mark edges; a mark touching a formula covers all of it', () => {
    const pieces = markedPieces(ABSTRACT, [{ start: 8, end: 16, kind: 'annotation', id: 1, colour: '#f5c518' }]);
    expect(pieces.slice(0, 3).map((p) => [p.text, p.marks.map((m) => m.kind)])).toEqual([
      ['Provers ', []],
      ['reach ', ['annotation']],
      ['63.5\\%', ['annotation']],
    ]);
  });
});

describe('MarkedText', () => {
  it('glues a formula to the punctuation touching it, so "(25.3%)." never breaks before ")."', () => {
    const text = 'level ProofNet benchmark ($25.3\\%$). Next';
    const { container } = mount(<MarkedText text={text} marks={[{ start: 15, end: 24, kind: 'annotation', id: 1, colour: '#3fb06b' }]} />, 'p');
    const glue = container.querySelectorAll('.tex-glue');
    expect(glue).toHaveLength(1);
    expect([...glue[0]!.querySelectorAll('[data-o]')].map((p) => [p.getAttribute('data-o'), p.getAttribute('data-e')])).toEqual([
      ['25', '26'],
      ['26', '34'],
      ['34', '36'],
    ]);
    expect(container.querySelector('mark')?.textContent).toBe('benchmark');
  });

  it('marks search hits with accents folded, and math stays typeset', () => {
    const terms = [
      { text: 'zurich', prefix: false, field: null },
      { text: 'prov', prefix: true, field: null },
    ];
    const { container } = mount(<MarkedText text={ABSTRACT} marks={hitMarks(highlightRanges(ABSTRACT, terms, 'abstract'))} />, 'p');
    expect([...container.querySelectorAll('mark.search-hit')].map((m) => m.textContent)).toEqual(['Prov', 'Zürich']);
    expect(container.querySelectorAll('.katex')).toHaveLength(1);
    expect(container.textContent).not.toContain('$63.5');
  });

  it('draws an annotation with its colour and id, around a hit inside it', () => {
    const marks = [
      { start: 0, end: 13, kind: 'annotation' as const, id: 7, colour: '#3fb06b', title: 'nice' },
      { start: 8, end: 13, kind: 'hit' as const },
    ];
    const { container } = mount(<MarkedText text={ABSTRACT} marks={marks} />, 'p');
    const annotation = container.querySelectorAll<HTMLElement>('mark[data-annotation-id="7"]');
    expect([...annotation].map((m) => m.textContent).join('')).toBe('Provers reach');
    expect(annotation[0]?.style.getPropertyValue('--mark-colour')).toBe('#3fb06b');
    expect(annotation[0]?.getAttribute('title')).toBe('nice');
    expect(container.querySelector('mark[data-annotation-id="7"] mark.search-hit')?.textContent).toBe('reach');
  });

  it('maps a selection on the rendered text back to raw offsets (math snaps whole, spaces trimmed)', () => {
    const { container } = mount(<MarkedText text={ABSTRACT} marks={[]} />, 'p');
    const texts = [...container.querySelectorAll('[data-o]')];
    const range = document.createRange();
    // From inside "reach " (at "reach") to inside the formula's KaTeX output.
    range.setStart(texts[0]!.firstChild!, 8);
    const inMath = container.querySelector('.katex-html')!;
    const walker = document.createTreeWalker(inMath, NodeFilter.SHOW_TEXT);
    range.setEnd(walker.nextNode()!, 1);
    expect(rangeToRaw(container, range, ABSTRACT)).toEqual([8, 22]);
    expect(ABSTRACT.slice(8, 22)).toBe('reach $63.5\\%$');

    // Plain text after an escaped dollar: offsets are the raw ones.
    const after = texts[4]!.firstChild!;
    range.setStart(after, 5);
    range.setEnd(after, 11);
    expect(ABSTRACT.slice(...rangeToRaw(container, range, ABSTRACT)!)).toBe('Zürich');
  });
});
