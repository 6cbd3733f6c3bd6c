/** Checking a .csl style file when it is added, so a broken file is refused then, not at citing time. */
import { LecternError } from '../errors';
import type { CslItemJson } from '../interop/interop-record';
import { BUNDLED_STYLES, bundledStyleXml } from './bundled-styles';
import { formatReferences } from './format-references';
import { scanXml, XmlSyntaxError, type XmlElement } from './xml-scan';

/** The reference a style must be able to format to be accepted (a journal article with the usual fields). */
export const SAMPLE_REFERENCE: CslItemJson = {
  id: 'lectern-style-check',
  type: 'article-journal',
  title: 'A sample article to check the style',
  author: [
    { family: 'Smith', given: 'Jane' },
    { family: 'Berg', given: 'Jan', 'non-dropping-particle': 'van der' },
  ],
  issued: { 'date-parts': [[2020, 5, 17]] },
  'container-title': 'Journal of Examples',
  volume: '12',
  issue: '3',
  page: '1-10',
  DOI: '10.1234/example.5678',
};

/**
 * @param xml the .csl file's text
 * @returns the style's id (its `<id>` URI's last part) and title (`<title>`)
 * @throws LecternError `INVALID_INPUT`: not XML (with line and column in the message and in
 *   `details: { line, column }`), not a CSL style, no citation layout, no title or id, a dependent style
 *   (names its parent), a macro called but not defined, or it fails to format a sample reference
 */
export function checkCslStyle(xml: string): { id: string; title: string } {
  if (typeof xml !== 'string' || xml.trim() === '') throw invalid('The style file is empty.');
  let root: XmlElement;
  try {
    root = scanXml(xml);
  } catch (err) {
    if (err instanceof XmlSyntaxError) {
      throw invalid(`The style file is not valid XML: line ${err.line}, column ${err.column}: ${err.reason}.`, { line: err.line, column: err.column });
    }
    throw err;
  }
  if (root.name === 'locale') throw invalid('This is a CSL locale file, not a style.');
  if (root.name !== 'style') throw invalid(`This is not a CSL style: its root element is <${root.name}>, a CSL style's is <style>.`);
  const ns = root.attrs['xmlns'];
  if (ns !== undefined && ns !== 'http://purl.org/net/xbiblio/csl') {
    throw invalid(`This is not a CSL style: its <style> element is in the namespace '${ns}', not CSL's (http://purl.org/net/xbiblio/csl).`);
  }
  const info = child(root, 'info');
  if (!info) throw invalid('This CSL style has no <info> block (it names the style\'s title and id).');
  const title = textOf(child(info, 'title'));
  const uri = textOf(child(info, 'id'));
  if (!title) throw invalid('This CSL style has no title (<title> in <info>).');
  if (!uri) throw invalid('This CSL style has no id (<id> in <info>).');
  const id = styleShortId(uri);

  const parent = children(info, 'link').find((l) => l.attrs['rel'] === 'independent-parent');
  const citation = child(root, 'citation');
  if (parent && !citation) throw invalid(dependentMessage(title, parent.attrs['href'] ?? ''));
  if (!citation || !child(citation, 'layout')) throw invalid(`The style '${title}' has no citation layout (<citation> with a <layout>).`);
  const bibliography = child(root, 'bibliography');
  if (bibliography && !child(bibliography, 'layout')) throw invalid(`The style '${title}' has a <bibliography> without a <layout>.`);
  checkMacros(root, title);

  // A trial run: what citeproc would stumble on at citing time, it stumbles on now.
  const style = { id, xml };
  for (const mode of bibliography ? (['citation', 'bibliography'] as const) : (['citation'] as const)) {
    try {
      formatReferences([SAMPLE_REFERENCE], { style, mode, output: 'text' });
    } catch (err) {
      const why = err instanceof LecternError ? err.message.replace(/^The citation style '[^']*' (?:could not format these references|cannot be used): /, '') : 'it failed';
      throw invalid(`The style '${title}' fails to format a sample reference (${mode}): ${why}`);
    }
  }
  return { id, title };
}

/** `http://www.zotero.org/styles/ieee` -> `ieee`; an id that is not a URI is kept as it is (trimmed). */
export function styleShortId(uri: string): string {
  const trimmed = uri.trim().replace(/\/+$/, '');
  const last = trimmed.slice(trimmed.lastIndexOf('/') + 1);
  return last === '' ? trimmed : last;
}

function dependentMessage(title: string, href: string): string {
  const parentId = styleShortId(href);
  const bundled = BUNDLED_STYLES.find((s) => {
    const xml = bundledStyleXml(s.id);
    return xml !== null && xml.includes(`<id>${href}</id>`);
  });
  if (bundled) {
    return `'${title}' is a dependent style of ${bundled.title}, which Lectern already has: choose '${bundled.title}' instead.`;
  }
  return `'${title}' is a dependent style of '${parentId}' (${href}): it holds no formatting of its own; add ${parentId}.csl instead.`;
}

/** Every `macro="…"` must name a `<macro name="…">` of the style (citeproc fails late on a missing one). */
function checkMacros(root: XmlElement, title: string): void {
  const defined = new Set(children(root, 'macro').map((m) => m.attrs['name'] ?? ''));
  const stack: XmlElement[] = [root];
  while (stack.length > 0) {
    const node = stack.pop()!;
    const called = node.attrs['macro'];
    if (called !== undefined && !defined.has(called)) {
      throw invalid(`The style '${title}' calls the macro '${called}' (line ${node.line}), which it does not define.`, { line: node.line, column: node.column });
    }
    for (const c of node.children) if (typeof c !== 'string') stack.push(c);
  }
}

function children(node: XmlElement, name: string): XmlElement[] {
  return node.children.filter((c): c is XmlElement => typeof c !== 'string' && c.name === name);
}

function child(node: XmlElement, name: string): XmlElement | undefined {
  return children(node, name)[0];
}

function textOf(node: XmlElement | undefined): string {
  if (!node) return '';
  return node.children
    .filter((c): c is string => typeof c === 'string')
    .join('')
    .trim();
}

function invalid(message: string, details?: Record<string, unknown>): LecternError {
  return new LecternError('INVALID_INPUT', message, details);
}
