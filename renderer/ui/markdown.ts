/**
 * Notes' Markdown to safe HTML. `marked` turns Markdown into HTML (CommonMark + GFM tables, lists and
 * strikethrough, fast, no dependencies) and DOMPurify removes everything that could run or load:
 * marked itself passes raw HTML through, so sanitising its output is what makes it safe. Chosen over
 * react-markdown + rehype-sanitize because the pair is two small, widely audited libraries with no
 * plugin tree to keep in step, and DOMPurify is the sanitiser browsers' own teams point to.
 *
 * HTML typed into a note is shown as typed, not interpreted: notes are Markdown, and parsing hostile
 * markup at all (even in DOMPurify's inert document) makes Chromium report the window's CSP blocking
 * its inline handlers. DOMPurify still cleans what Markdown itself produces, and is the safety net
 * should raw HTML ever get through.
 *
 * Beyond DOMPurify's defaults (no <script>, no on* attributes, no javascript: URLs):
 * - images load only from `data:` URLs: a remote image would tell a server when a note is read
 *   (the window's CSP blocks them too; this keeps the note readable by showing the alt text instead);
 * - no forms, inputs, iframes, objects or styles (a note cannot draw over the window);
 * - links open outside the window (`target=_blank`, `rel=noopener noreferrer`): the desktop app's
 *   window-open handler sends https links to the system browser and drops everything else.
 */
import DOMPurify from 'dompurify';
import { Marked, type TokenizerAndRendererExtension } from 'marked';
import { renderMath } from './tex-text';

function escapeAttr(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/**
 * `$...$` inline math (pandoc's rule, as in titles: no space inside the dollars, no digit after the
 * closer). Tokenised before Markdown sees it, so `$a_1 + b_2$` is not read as emphasis; it leaves an
 * empty placeholder that survives sanitising and is typeset afterwards (KaTeX's inline styles would
 * not survive DOMPurify, and need not: KaTeX with trust off emits no links or scripts).
 */
const inlineMath: TokenizerAndRendererExtension = {
  name: 'inlineMath',
  level: 'inline',
  start(src) {
    const i = src.indexOf('$');
    return i < 0 ? undefined : i;
  },
  tokenizer(src) {
    const m = /^\$(?![\s$])((?:\\.|[^\\$\n])+?)(?<!\s)\$(?!\d)/.exec(src);
    return m ? { type: 'inlineMath', raw: m[0], tex: m[1] } : undefined;
  },
  renderer(token) {
    return `<span class="note-math" data-tex="${escapeAttr(String(token.tex))}"></span>`;
  },
};

const marked = new Marked({
  gfm: true,
  breaks: false,
  async: false,
  extensions: [inlineMath],
  renderer: {
    // Raw HTML (blocks and inline tags) as literal text.
    html({ text }) {
      return escapeAttr(text);
    },
  },
});

const purifier = DOMPurify(window);

purifier.addHook('afterSanitizeAttributes', (node) => {
  if (node.nodeName === 'IMG') {
    const src = node.getAttribute('src') ?? '';
    node.removeAttribute('srcset');
    if (!/^data:image\/(png|gif|jpeg|webp);/i.test(src)) {
      node.removeAttribute('src');
      node.setAttribute('data-blocked-src', src.slice(0, 200));
      node.setAttribute('class', 'note-image-blocked');
      node.setAttribute('title', `Remote image not loaded: ${src.slice(0, 200)}`);
    }
  }
  if (node.nodeName === 'A' && node.hasAttribute('href')) {
    node.setAttribute('target', '_blank');
    node.setAttribute('rel', 'noopener noreferrer');
  }
});

const PURIFY_CONFIG = {
  USE_PROFILES: { html: true },
  FORBID_TAGS: ['style', 'form', 'input', 'button', 'textarea', 'select', 'iframe', 'object', 'embed', 'video', 'audio', 'source', 'link', 'meta', 'base', 'svg', 'math'],
  FORBID_ATTR: ['style', 'srcset', 'formaction', 'ping', 'background', 'poster'],
  ADD_ATTR: ['target'],
};

/**
 * Markdown to HTML that is safe to set as innerHTML: nothing runs, nothing loads from the network.
 * @param markdown a note as written
 * @returns sanitised HTML (an empty string for an empty note)
 */
export function renderMarkdown(markdown: string): string {
  // DOMPurify hands its input back unchanged where it cannot work: never render unsanitised HTML.
  if (!purifier.isSupported) return `<pre>${escapeAttr(markdown)}</pre>`;
  const html = marked.parse(markdown) as string;
  const clean = purifier.sanitize(html, PURIFY_CONFIG);
  if (!clean.includes('note-math') && !clean.includes('note-image-blocked')) return clean;
  // Already sanitised: parsing it again raises nothing, and the template keeps it inert.
  const template = document.createElement('template');
  template.innerHTML = clean;
  for (const span of template.content.querySelectorAll<HTMLElement>('span.note-math[data-tex]')) {
    const tex = span.dataset.tex ?? '';
    const math = renderMath(tex);
    if (math === null) span.textContent = `$${tex}$`;
    else {
      span.className = 'tex-math';
      span.removeAttribute('data-tex');
      span.innerHTML = math;
    }
  }
  // A blocked image reads as its alt text in a labelled box, not as a broken image.
  for (const img of template.content.querySelectorAll('img.note-image-blocked')) {
    const span = document.createElement('span');
    span.className = 'note-image-blocked';
    span.title = img.getAttribute('title') ?? '';
    span.dataset.blockedSrc = img.getAttribute('data-blocked-src') ?? '';
    span.textContent = `Image: ${img.getAttribute('alt') || 'no description'}`;
    img.replaceWith(span);
  }
  return template.innerHTML;
}
