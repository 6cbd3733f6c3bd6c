/** Checking a .csl style file when it is added, so a broken file is refused then, not at citing time. */

/**
 * @param xml the .csl file's text
 * @returns the style's id (its `<id>` URI's last part) and title (`<title>`)
 * @throws LecternError `INVALID_INPUT`: not XML (with line and column), not a CSL style, no citation or
 *   bibliography layout, a dependent style without its parent, or it fails to format a sample reference
 */
export function checkCslStyle(xml: string): { id: string; title: string } {
  void xml;
  throw new Error('checkCslStyle: not implemented yet (h-cite)');
}
