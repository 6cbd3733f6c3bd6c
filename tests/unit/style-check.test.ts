import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { LecternError } from '../../shared/errors';
import type { CslItemJson } from '../../shared/interop/interop-record';
import { bundledStyleXml } from '../../shared/cite/bundled-styles';
import { formatReferences } from '../../shared/cite/format-references';
import { checkCslStyle, expandedStyleSize, MAX_EXPANDED_NODES, styleShortId } from '../../shared/cite/style-check';
import { scanXml, XmlSyntaxError } from '../../shared/cite/xml-scan';

const styleFile = (name: string) => readFileSync(join(__dirname, '..', 'fixtures', 'interop', 'styles', name), 'utf8');

/** The LecternError checkCslStyle throws (fails the test when it throws nothing). */
function refusal(xml: string): LecternError {
  try {
    checkCslStyle(xml);
  } catch (err) {
    expect(err).toBeInstanceOf(LecternError);
    expect((err as LecternError).code).toBe('INVALID_INPUT');
    expect((err as LecternError).message).not.toMatch(/\n\s+at /);
    return err as LecternError;
  }
  throw new Error('the style was accepted');
}

const article: CslItemJson = {
  id: 'smith2020',
  type: 'article-journal',
  title: 'Title',
  author: [
    { family: 'Smith', given: 'John' },
    { family: 'Berg', given: 'Jan', 'non-dropping-particle': 'van der' },
  ],
  issued: { 'date-parts': [[2020, 5]] },
  'container-title': 'Journal',
  volume: '12',
  issue: '3',
  page: '1-10',
  DOI: '10.1234/abc_def',
};
const report: CslItemJson = { id: 'who', type: 'report', title: 'World report on health', author: [{ literal: 'World Health Organization' }], publisher: 'WHO' };

describe('checkCslStyle: fixtures', () => {
  it('accepts a small independent numeric style', () => {
    expect(checkCslStyle(styleFile('minimal-numeric.csl'))).toEqual({ id: 'lectern-minimal-numeric', title: 'Lectern Minimal Numeric' });
  });

  it('accepts the IEEE-like style', () => {
    expect(checkCslStyle(styleFile('ieee-like.csl'))).toEqual({ id: 'lectern-ieee-like', title: 'Lectern IEEE-like' });
  });

  it('accepts the bundled styles', () => {
    expect(checkCslStyle(bundledStyleXml('apa')!)).toEqual({ id: 'apa', title: 'APA Style 7th edition' });
    expect(checkCslStyle(bundledStyleXml('vancouver')!)).toEqual({
      id: 'nlm-citation-sequence',
      title: 'NLM/Vancouver: Citing Medicine 2nd edition (citation-sequence)',
    });
    expect(checkCslStyle(bundledStyleXml('harvard1')!).id).toBe('harvard-cite-them-right');
  });

  it('broken XML: the fault with its line and column', () => {
    const err = refusal(styleFile('broken.csl'));
    expect(err.message).toBe('The style file is not valid XML: line 10, column 5: </layout> closes <text>, opened at line 9, column 7.');
    expect(err.details).toEqual({ line: 10, column: 5 });
  });

  it('a dependent style names its parent', () => {
    expect(refusal(styleFile('dependent.csl')).message).toBe(
      "'Journal of Made-Up Engineering' is a dependent style of 'ieee' (http://www.zotero.org/styles/ieee): it holds no formatting of its own; add ieee.csl instead.",
    );
  });

  it('a dependent style of a bundled style points to it', () => {
    expect(refusal(styleFile('dependent-of-apa.csl')).message).toBe(
      "'Journal of Made-Up Psychology' is a dependent style of American Psychological Association 7th edition, which Lectern already has: choose 'American Psychological Association 7th edition' instead.",
    );
  });

  it('XML that is not CSL', () => {
    expect(refusal(styleFile('not-csl.xml')).message).toBe("This is not a CSL style: its root element is <svg>, a CSL style's is <style>.");
    expect(refusal('<locale xmlns="http://purl.org/net/xbiblio/csl" xml:lang="en-US"/>').message).toBe('This is a CSL locale file, not a style.');
    expect(refusal('<style xmlns="http://example.org/other"><info/></style>').message).toMatch(/^This is not a CSL style: its <style> element is in the namespace/);
  });

  it('no citation layout, a macro called but not defined, a macro calling itself, an element citeproc does not know', () => {
    expect(refusal(styleFile('no-citation.csl')).message).toBe("The style 'Bibliography Only' has no citation layout (<citation> with a <layout>).");
    const missing = refusal(styleFile('missing-macro.csl'));
    expect(missing.message).toBe("The style 'Missing Macro' calls the macro 'author-short' (line 9), which it does not define.");
    expect(missing.details).toEqual({ line: 9, column: 7 });
    expect(refusal(styleFile('cyclic-macro.csl')).message).toBe(
      `The style 'Cyclic Macro' fails to format a sample reference (citation): call to macro "author" would cause an infinite loop.`,
    );
    expect(refusal(styleFile('unknown-element.csl')).message).toBe(
      `The style 'Unknown Element' fails to format a sample reference (citation): Undefined node name "unknown-node".`,
    );
  });

  it('a style whose macros would expand past what citeproc can build is refused at once', () => {
    const t0 = performance.now();
    expect(refusal(styleFile('macro-bomb.csl')).message).toBe(
      "The style 'Macro Bomb' is too large once its macros are expanded (6,442,450,943 nodes; Lectern accepts up to 2,500,000).",
    );
    expect(performance.now() - t0).toBeLessThan(1000);
    expect(expandedStyleSize(scanXml(bundledStyleXml('apa')!))).toBeLessThan(MAX_EXPANDED_NODES / 10);
  });

  it('a chain of 50,000 macros is refused in words', () => {
    const macros = Array.from({ length: 50_000 }, (_, i) => `<macro name="m${i}"><text macro="m${i + 1}"/></macro>`).join('');
    const xml = `<style xmlns="http://purl.org/net/xbiblio/csl" version="1.0"><info><title>Chain</title><id>chain</id></info>${macros}<macro name="m50000"><text variable="title"/></macro><citation><layout><text macro="m0"/></layout></citation></style>`;
    expect(refusal(xml).message).toBe("The style 'Chain' chains its macros too deeply to be used.");
  });

  it('no info, no title, no id, an empty file', () => {
    const ns = 'xmlns="http://purl.org/net/xbiblio/csl"';
    expect(refusal(`<style ${ns}><citation><layout/></citation></style>`).message).toMatch(/has no <info> block/);
    expect(refusal(`<style ${ns}><info><id>x</id></info></style>`).message).toBe('This CSL style has no title (<title> in <info>).');
    expect(refusal(`<style ${ns}><info><title>T</title></info></style>`).message).toBe('This CSL style has no id (<id> in <info>).');
    expect(refusal('  \n').message).toBe('The style file is empty.');
  });
});

describe('a style added, then used', () => {
  it('the IEEE-like style formats a bibliography and citations', () => {
    const xml = styleFile('ieee-like.csl');
    const { id } = checkCslStyle(xml);
    const style = { id, xml };
    expect(formatReferences([article, report], { style, mode: 'bibliography', output: 'text' }).entries).toEqual([
      '[1] J. Smith and J. van der Berg, “Title,” Journal, vol. 12, no. 3, pp. 1–10, May 2020. doi: 10.1234/abc_def',
      '[2] World Health Organization, World report on health, WHO, n.d.',
    ]);
    expect(formatReferences([article, report], { style, mode: 'citation', output: 'text' }).text).toBe('[1], [2]');
    expect(formatReferences([article], { style, mode: 'bibliography', output: 'markdown' }).entries).toEqual([
      '\\[1\\] J. Smith and J. van der Berg, “Title,” *Journal*, vol. 12, no. 3, pp. 1–10, May 2020. doi: [10.1234/abc\\_def](<https://doi.org/10.1234/abc_def>)',
    ]);
  });

  it('the minimal numeric style formats', () => {
    const xml = styleFile('minimal-numeric.csl');
    const style = { id: checkCslStyle(xml).id, xml };
    expect(formatReferences([article, report], { style, mode: 'citation', output: 'text' }).text).toBe('[1, 2]');
    expect(formatReferences([report], { style, mode: 'bibliography', output: 'text' }).text).toBe('[1] World Health Organization. World report on health. n.d.');
  });
});

describe('styleShortId', () => {
  it('takes the last path segment of the id URI', () => {
    expect(styleShortId('http://www.zotero.org/styles/ieee')).toBe('ieee');
    expect(styleShortId('http://www.zotero.org/styles/ieee/')).toBe('ieee');
    expect(styleShortId(' my-style ')).toBe('my-style');
  });
});

describe('scanXml', () => {
  const fault = (xml: string) => {
    try {
      scanXml(xml);
    } catch (err) {
      expect(err).toBeInstanceOf(XmlSyntaxError);
      return (err as XmlSyntaxError).message;
    }
    throw new Error('no fault found');
  };

  it('reads elements, attributes, text, entities, CDATA, comments, a BOM and a DOCTYPE', () => {
    const root = scanXml('\uFEFF<?xml version="1.0"?>\n<!DOCTYPE a [<!ENTITY x "y">]>\n<!-- c -->\n<a k=\'1 &amp; 2\'>x &lt;&#65;&#x42;<b/><![CDATA[<raw>]]><!-- in --></a>\n');
    expect(root).toEqual({
      name: 'a',
      attrs: { k: '1 & 2' },
      line: 4,
      column: 1,
      children: ['x <AB', { name: 'b', attrs: {}, children: [], line: 4, column: 35 }, '<raw>'],
    });
  });

  it('reports each fault with line and column', () => {
    expect(fault('hello')).toBe('line 1, column 1: text before the first element; an XML file starts with `<`');
    expect(fault('<a>')).toBe('line 1, column 1: the element <a> is never closed');
    expect(fault('<a>\n  <b></a>')).toBe('line 2, column 6: </a> closes <b>, opened at line 2, column 3');
    expect(fault('<a x="1" x="2"/>')).toBe("line 1, column 10: the attribute 'x' appears twice in <a>");
    expect(fault('<a x=1/>')).toBe("line 1, column 6: the value of the attribute 'x' must be in quotes");
    expect(fault('<a x="1/>')).toBe("line 1, column 6: the value of the attribute 'x' is never closed (no matching \")");
    expect(fault('<a x="<"/>')).toBe("line 1, column 7: `<` in the value of the attribute 'x' (write &lt;)");
    expect(fault('<a>&nbsp;</a>')).toMatch(/^line 1, column 4: unknown entity '&nbsp;'/);
    expect(fault('<a>fish & chips</a>')).toBe('line 1, column 9: `&` that starts no entity (write &amp; for an ampersand)');
    expect(fault('<a>&#0;</a>')).toBe("line 1, column 4: '&#0;' is not a valid character reference");
    expect(fault('<a/><b/>')).toBe('line 1, column 5: a second top-level element; an XML file has exactly one root element');
    expect(fault('<a/>text')).toBe('line 1, column 5: text after the root element');
    expect(fault('<a><!-- open</a>')).toBe('line 1, column 4: a comment is never closed (no `-->`)');
    expect(fault('<a><![CDATA[x</a>')).toBe('line 1, column 4: a CDATA section is never closed (no `]]>`)');
    expect(fault('<a b="1"c="2"/>')).toBe('line 1, column 9: expected a space, `>` or `/>` in the start tag <a>');
    expect(fault('<1a/>')).toBe('line 1, column 2: expected an element name after `<`');
    expect(fault('')).toBe('line 1, column 1: the file is empty');
    expect(fault('<a>'.repeat(100_000))).toBe('line 1, column 1501: elements nested more than 500 deep');
  });

  it('is linear: 200,000 elements (3.6 MB) with one entity at the very end scan in seconds, not hours', () => {
    // Each text run used to be searched for `&` up to the next one in the whole file (quadratic).
    const xml = `<r>${'<x a="1">t u</x>'.repeat(200_000)}&amp;</r>`;
    const t0 = performance.now();
    expect(scanXml(xml).children.length).toBe(200_001);
    expect(performance.now() - t0).toBeLessThan(5000);
  });
});
