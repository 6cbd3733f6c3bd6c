/**
 * citeproc's HTML made safe to show: only the formatting a citation uses (italics, bold, small caps as
 * a class, super/subscript, line breaks, entry divs, links) survives DOMPurify; no style attribute, no
 * script, nothing that loads. A style file is the user's but may come from anywhere.
 */
import DOMPurify from 'dompurify';

const purifier = DOMPurify(window);
purifier.addHook('afterSanitizeAttributes', (node) => {
  if (node.nodeName === 'A') {
    const href = node.getAttribute('href') ?? '';
    if (!/^https?:\/\//i.test(href)) node.removeAttribute('href');
    node.setAttribute('target', '_blank');
    node.setAttribute('rel', 'noopener noreferrer');
  }
});

const CONFIG = {
  ALLOWED_TAGS: ['div', 'span', 'i', 'em', 'b', 'strong', 'sup', 'sub', 'br', 'a', 'p'],
  ALLOWED_ATTR: ['class', 'href', 'target', 'rel'],
};

/**
 * @param html citeproc's output (cite.format with output `html`)
 * @returns HTML safe for innerHTML; escaped text where DOMPurify cannot run
 */
export function safeCitationHtml(html: string): string {
  if (!purifier.isSupported) return html.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
  return purifier.sanitize(html, CONFIG);
}
