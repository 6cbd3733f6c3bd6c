/** <TexText>: inline LaTeX in titles and abstracts, rendered by KaTeX into a real (happy-dom) DOM. */
import katex from 'katex';
import { act } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { splitTex } from '../../renderer/ui/tex-segments';
import { TexText } from '../../renderer/ui/tex-text';
import { mount } from './mount';

function render(text: string): HTMLElement {
  return mount(<TexText text={text} />, 'p').container;
}

afterEach(() => {
  vi.restoreAllMocks();
});

/** Text of a node without the zero-width spaces KaTeX puts after sub/superscript stacks. */
function shown(node: Element | null | undefined): string | undefined {
  return node?.textContent?.replaceAll('\u200b', '');
}

/** What a sighted reader sees: plain runs plus KaTeX's HTML part (the MathML copy is for screen readers). */
function visibleText(el: HTMLElement): string | undefined {
  const copy = el.cloneNode(true) as HTMLElement;
  copy.querySelectorAll('.katex-mathml').forEach((m) => m.remove());
  return shown(copy);
}

describe('TexText', () => {
  it('typesets $\\ell_1$ with KaTeX between plain runs', () => {
    const el = render('Near-Optimal $\\ell_1$ Bounds for Weather Nowcasting');
    const math = el.querySelectorAll('.katex');
    expect(math).toHaveLength(1);
    expect(shown(math[0]?.querySelector('.katex-html'))).toBe('ℓ1');
    expect(math[0]?.querySelector('.katex-html')?.getAttribute('aria-hidden')).toBe('true');
    expect(math[0]?.querySelector('.katex-mathml annotation[encoding="application/x-tex"]')?.textContent).toBe('\\ell_1');
    // The 1 is a subscript: KaTeX puts it in a smaller-size vlist.
    expect(math[0]?.querySelector('.msupsub .sizing')?.textContent).toBe('1');
    expect(visibleText(el)).toBe('Near-Optimal ℓ1 Bounds for Weather Nowcasting');
    expect(el.textContent).not.toContain('$');
  });

  it('typesets $63.5\\%$ inside parentheses', () => {
    const el = render('improves accuracy ($63.5\\%$) over the baseline');
    expect(el.querySelectorAll('.katex')).toHaveLength(1);
    expect(shown(el.querySelector('.katex-html'))).toBe('63.5%');
    expect(visibleText(el)).toBe('improves accuracy (63.5%) over the baseline');
  });

  it('typesets $K_s$ and \\(...\\) math', () => {
    const el = render('kernel $K_s$ with \\(O(n \\log n)\\) cost');
    const math = el.querySelectorAll('.katex-html');
    expect(math).toHaveLength(2);
    expect(shown(math[0])).toBe('Ks');
    expect(shown(math[1])).toBe('O(nlogn)');
    expect(visibleText(el)).toBe('kernel Ks with O(nlogn) cost');
  });

  it('leaves prices alone: "costs $5 and $6" stays text with both dollars', () => {
    const el = render('costs $5 and $6');
    expect(el.querySelector('.katex')).toBeNull();
    expect(el.textContent).toBe('costs $5 and $6');
    expect(el.innerHTML).toBe('costs $5 and $6');
  });

  it('does not close math before a digit or after a space (pandoc examples)', () => {
    const el = render('Thus, $20,000 and $30,000 won’t parse as math; nor $ 4 $.');
    expect(el.querySelector('.katex')).toBeNull();
    expect(el.textContent).toBe('Thus, $20,000 and $30,000 won’t parse as math; nor $ 4 $.');
  });

  it('shows \\$ as a literal dollar', () => {
    const el = render('a \\$10 fee, and \\$x\\$ is not math');
    expect(el.querySelector('.katex')).toBeNull();
    expect(el.textContent).toBe('a $10 fee, and $x$ is not math');
  });

  it('escapes markup in plain text', () => {
    const el = render('<script>alert(1)</script> <b>bold</b> and $x$');
    expect(el.querySelector('script')).toBeNull();
    expect(el.querySelector('b')).toBeNull();
    expect(el.innerHTML).toContain('&lt;script&gt;alert(1)&lt;/script&gt; &lt;b&gt;bold&lt;/b&gt; and ');
    expect(visibleText(el)).toBe('<script>alert(1)</script> <b>bold</b> and x');
  });

  it('shows an expression KaTeX cannot parse verbatim, delimiters included', () => {
    const el = render('before $\\frac{$ after');
    expect(el.querySelector('.katex')).toBeNull();
    expect(el.querySelector('.katex-error')).toBeNull();
    expect(el.textContent).toBe('before $\\frac{$ after');
  });

  it('keeps \\href inert (trust: false): no link, the URL only as TeX source for screen readers', () => {
    const el = render('see $\\href{javascript:alert(1)}{x}$');
    expect(el.querySelector('a')).toBeNull();
    expect(el.querySelector('[href]')).toBeNull();
    expect(shown(el.querySelector('.katex-html'))).toBe('\\href');
  });

  it('keeps words and punctuation touching a formula with it, so a line never starts with ")" or ","', () => {
    const el = render('benchmark ($63.5\\%$), top-$K$ out of $N$ experts');
    const glued = [...el.querySelectorAll('.tex-glue')].map((g) => shown(g.querySelector('.katex-html')) + ' | ' + [...g.childNodes].filter((n) => n.nodeType === 3).map((n) => n.textContent).join(' '));
    expect(glued).toEqual(['63.5% | ( ),', 'K | top-']);
    // $N$ touches only spaces: no glue needed.
    expect(el.querySelectorAll('.katex')).toHaveLength(3);
    expect(visibleText(el)).toBe('benchmark (63.5%), top-K out of N experts');
  });

  it('lets a formula that is only a phrase wrap at its spaces', () => {
    const el = render('indicates that $\\textit{proper learning methods}$. A key');
    expect(shown(el.querySelector('.katex-html'))).toBe('proper learning methods');
    // KaTeX's no-break spaces in text runs become ordinary ones; the MathML copy is left as KaTeX made it.
    expect(el.querySelector('.katex-html')?.textContent).not.toContain('\u00a0');
    expect(el.querySelector('.katex-mathml mrow')?.textContent).toBe('proper\u00a0learning\u00a0methods');
  });

  it('renders each distinct formula once (memoised)', () => {
    const spy = vi.spyOn(katex, 'renderToString');
    const text = 'memo $\\zeta_{41}$ test';
    mount(<TexText text={text} />, 'p').render(<TexText text={text} />);
    const other = render(`again: ${text}`);
    expect(shown(other.querySelector('.katex-html'))).toBe('ζ41');
    expect(spy).toHaveBeenCalledTimes(1);
    expect(spy.mock.calls[0]?.[0]).toBe('\\zeta_{41}');
  });
});

describe('splitTex', () => {
  it('splits plain and math runs, keeping the source of each math run', () => {
    expect(splitTex('A $\\ell_1$ bound')).toEqual([
      { kind: 'text', text: 'A ' },
      { kind: 'math', tex: '\\ell_1', source: '$\\ell_1$' },
      { kind: 'text', text: ' bound' },
    ]);
  });

  it('accepts $$...$$ and dollars inside \\text{...}', () => {
    expect(splitTex('$$ x^2 $$ and $\\text{a $b$ c}$')).toEqual([
      { kind: 'math', tex: 'x^2', source: '$$ x^2 $$' },
      { kind: 'text', text: ' and ' },
      { kind: 'math', tex: '\\text{a $b$ c}', source: '$\\text{a $b$ c}$' },
    ]);
  });

  it('does not let inline math span a blank line', () => {
    expect(splitTex('$a\n\nb$')).toEqual([{ kind: 'text', text: '$a\n\nb$' }]);
    expect(splitTex('$a\nb$')).toEqual([{ kind: 'math', tex: 'a\nb', source: '$a\nb$' }]);
  });

  it('returns nothing for an empty string', () => {
    expect(splitTex('')).toEqual([]);
  });
});
