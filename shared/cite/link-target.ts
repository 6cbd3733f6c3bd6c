/**
 * Where a URL or DOI in a formatted reference may link to. citeproc-js sends both URL and DOI variables
 * through its `@DOI` wrapper, which links anything that does not start with http(s) to
 * `https://doi.org/` + the text (a `www.…` URL, or `javascript:…`, became a doi.org link) and does not
 * escape `"` in the href. Lectern links only web addresses and DOIs, and escapes the href.
 */

const WEB_ADDRESS = /^https?:\/\/[^\s"<>`]+$/i;
const BARE_DOI = /^(?:doi:\s?)?(10\.\d{4,9}\/[^\s"<>`]+)$/i;

/** @returns the href for a URL or DOI as printed (`https://…`, `10.1234/x`, `doi:10.1234/x`), or null: not linked */
export function linkTarget(printed: string): string | null {
  const text = printed.trim();
  if (WEB_ADDRESS.test(text)) return text;
  const doi = BARE_DOI.exec(text);
  return doi ? `https://doi.org/${doi[1]}` : null;
}

/** Undoes citeproc's HTML text escaping (`&#38;`, `&#60;`, `&#62;`; the no-break space it puts in double spaces). */
export function unescapeCiteprocHtml(html: string): string {
  return html.replace(/&#38;/g, '&').replace(/&#60;/g, '<').replace(/&#62;/g, '>').replace(/\u00A0 /g, '  ');
}

/** A value for a double-quoted HTML attribute. */
export function htmlAttribute(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** citeproc's `@URL/true` and `@DOI/true` for the HTML format: an `<a>` for web addresses and DOIs only. */
export function htmlLink(_state: unknown, str: string): string {
  const href = linkTarget(unescapeCiteprocHtml(str));
  return href === null ? str : `<a href="${htmlAttribute(href)}">${str}</a>`;
}
