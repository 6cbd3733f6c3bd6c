/**
 * citeproc's HTML for a style that aligns its labels (`second-field-align`, as Vancouver and IEEE do)
 * puts the number and the entry in two divs: `<div class="csl-left-margin">1.</div><div
 * class="csl-right-inline">Lee A. …</div>`. Pasted into Word or Docs, or shown without CSS, each div is
 * a line of its own, the number above its entry. As spans with a space between, the entry reads
 * `1. Lee A. …` on one line wherever it goes; the classes stay for the preview's CSS.
 */

// citeproc writes these two divs flat: no div inside them (their content is spans, i, b, sup, a), so
// each ends at the next `</div>`.
const OPENERS = ['<div class="csl-left-margin">', '<div class="csl-right-inline">'] as const;
const CLOSE = '</div>';

/**
 * @param html citeproc's HTML bibliography (an entry, or the whole csl-bib-body)
 * @returns the same HTML with the left-margin and right-inline divs as spans, a space after the label
 */
export function inlineMargins(html: string): string {
  let out = '';
  let at = 0;
  for (;;) {
    const found = OPENERS.map((o) => ({ o, i: html.indexOf(o, at) })).filter((f) => f.i >= 0).sort((a, b) => a.i - b.i)[0];
    if (!found) break;
    const innerStart = found.i + found.o.length;
    const end = html.indexOf(CLOSE, innerStart);
    const inner = html.slice(innerStart, end < 0 ? html.length : end);
    if (end < 0 || inner.includes('<div')) break;
    out += html.slice(at, found.i);
    out += found.o === OPENERS[0] ? `<span class="csl-left-margin">${inner.trimEnd()}</span> ` : `<span class="csl-right-inline">${inner}</span>`;
    at = end + CLOSE.length;
  }
  return out + html.slice(at);
}
