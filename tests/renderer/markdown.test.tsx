/** Notes' Markdown rendering (renderer/ui/markdown.ts): what a note may show, and what never survives. */
import { describe, expect, it } from 'vitest';
import { renderMarkdown } from '../../renderer/ui/markdown';
import { MarkdownView } from '../../renderer/features/notes/markdown-view';
import { mount } from './mount';

function dom(markdown: string): HTMLElement {
  const el = document.createElement('div');
  el.innerHTML = renderMarkdown(markdown);
  return el;
}

describe('renderMarkdown', () => {
  it('renders the usual Markdown', () => {
    const el = dom('# Idea\n\nSome **bold** and *italic*, `code`.\n\n- one\n- two\n\n| a | b |\n|---|---|\n| 1 | 2 |');
    expect(el.querySelector('h1')?.textContent).toBe('Idea');
    expect(el.querySelector('strong')?.textContent).toBe('bold');
    expect(el.querySelector('em')?.textContent).toBe('italic');
    expect(el.querySelector('code')?.textContent).toBe('code');
    expect(el.querySelectorAll('li')).toHaveLength(2);
    expect(el.querySelectorAll('td')).toHaveLength(2);
  });

  it('shows a <script> as typed: no script element, nothing runs', () => {
    const el = dom('Before <script>window.pwned = 1</script> after\n\n<script>\nalert(1)\n</script>');
    expect(el.querySelector('script')).toBeNull();
    expect(el.textContent).toContain('Before <script>window.pwned = 1</script> after');
    expect(el.textContent).toContain('alert(1)');
    expect((window as unknown as { pwned?: number }).pwned).toBeUndefined();
  });

  it('leaves no event-handler attribute (onerror, onclick, onmouseover) on any element', () => {
    const el = dom('<img src="x" onerror="window.pwned=1"> <a href="https://example.org" onclick="steal()">link</a> <div onmouseover="x()">hover</div>\n\n[ok](https://example.org "t")');
    expect(el.querySelectorAll('img, div')).toHaveLength(0);
    for (const node of el.querySelectorAll('*')) {
      expect([...node.attributes].filter((a) => a.name.toLowerCase().startsWith('on'))).toEqual([]);
    }
    expect(el.textContent).toContain('<img src="x" onerror="window.pwned=1">');
    expect(el.querySelectorAll('a')).toHaveLength(1);
  });

  it('never loads a remote image: no src, no srcset, the address kept only as inert data', () => {
    const el = dom('![a chart](https://tracker.example.com/pixel.png)\n\n<img src="http://example.com/x.png" srcset="https://example.com/y.png 2x">\n\n![proto-relative](//example.com/z.png) ![plain](http://example.com/w.gif "t")');
    expect(el.querySelectorAll('img')).toHaveLength(0);
    expect(el.querySelectorAll('[src], [srcset]')).toHaveLength(0);
    const blocked = [...el.querySelectorAll<HTMLElement>('span.note-image-blocked')];
    expect(blocked.map((b) => b.textContent)).toEqual(['Image: a chart', 'Image: proto-relative', 'Image: plain']);
    expect(blocked[0]?.dataset.blockedSrc).toBe('https://tracker.example.com/pixel.png');
    expect(blocked[0]?.title).toBe('Remote image not loaded: https://tracker.example.com/pixel.png');
  });

  it('keeps an inline data: image (nothing leaves the machine)', () => {
    const src = 'data:image/png;base64,iVBORw0KGgo=';
    const el = dom(`![dot](${src})`);
    expect(el.querySelector('img')?.getAttribute('src')).toBe(src);
  });

  it('drops javascript: links and iframes, styles and forms; other links open outside the window', () => {
    const el = dom('[bad](javascript:alert(1)) [good](https://example.org/paper)\n\n<iframe srcdoc="<b>x</b>"></iframe><style>body{display:none}</style><form action="https://x"><input name="q"></form>');
    const links = [...el.querySelectorAll('a')];
    expect(links.map((a) => a.getAttribute('href'))).toEqual([null, 'https://example.org/paper']);
    expect(links[1]?.getAttribute('target')).toBe('_blank');
    expect(links[1]?.getAttribute('rel')).toBe('noopener noreferrer');
    expect(el.querySelector('iframe, style, form, input')).toBeNull();
  });

  it('typesets $inline math$ with KaTeX, and leaves dollar amounts alone', () => {
    const el = dom('Bound $a_1 + b_2$ holds; costs $5 and $6.');
    expect(el.querySelectorAll('.katex')).toHaveLength(1);
    expect(el.querySelector('.katex-mathml annotation')?.textContent).toBe('a_1 + b_2');
    expect(el.querySelector('em')).toBeNull();
    expect(el.textContent).toContain('costs $5 and $6.');
  });
});

describe('MarkdownView', () => {
  it('shows a placeholder for an empty note and the sanitised HTML otherwise', () => {
    const { container, render } = mount(<MarkdownView source="" />);
    expect(container.textContent).toBe('Nothing written yet.');
    render(<MarkdownView source={'**hi** <img src=x onerror="window.pwned=1">'} />);
    expect(container.querySelector('strong')?.textContent).toBe('hi');
    expect(container.querySelector('img')).toBeNull();
    expect(container.querySelector('[onerror]')).toBeNull();
    expect((window as unknown as { pwned?: number }).pwned).toBeUndefined();
  });
});
