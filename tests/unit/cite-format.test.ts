import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { LecternError } from '../../shared/errors';
import type { CslItemJson } from '../../shared/interop/interop-record';
import { bundledLocaleXml, bundledStyle, bundledStyleXml, resolveBundledLocale } from '../../shared/cite/bundled-styles';
import { citeEngineCount, citeprocMessage, clearCiteEngines, formatReferences, type CslStyleSource } from '../../shared/cite/format-references';
import { escapeMarkdown } from '../../shared/cite/markdown-format';
import { formatReferenceList } from '../../shared/cite/reference-list';

const bundled = (id: string): CslStyleSource => ({ id, xml: bundledStyleXml(id)! });
const APA = bundled('apa');
const VANCOUVER = bundled('vancouver');
const HARVARD = bundled('harvard1');
const fixture = (name: string): CslStyleSource => ({ id: name, xml: readFileSync(join(__dirname, '..', 'fixtures', 'interop', 'styles', name), 'utf8') });

const article: CslItemJson = {
  id: 'smith2020',
  type: 'article-journal',
  title: 'Title',
  author: [
    { family: 'Smith', given: 'John' },
    { family: 'Berg', given: 'Jan', 'non-dropping-particle': 'van der' },
  ],
  issued: { 'date-parts': [[2020]] },
  'container-title': 'Journal',
  volume: '12',
  issue: '3',
  page: '1-10',
  DOI: '10.1234/abc_def',
};
const report: CslItemJson = {
  id: 'who',
  type: 'report',
  title: 'World report on health',
  author: [{ literal: 'World Health Organization' }],
  publisher: 'WHO',
};
const titleOnly: CslItemJson = { id: 'bare', type: 'article', title: 'Only a title' };
const book: CslItemJson = {
  id: 'muller2019',
  type: 'book',
  title: 'Über Bücher',
  author: [
    { family: 'Müller', given: 'Jürgen' },
    { family: 'Ødegård', given: 'Åse' },
  ],
  issued: { 'date-parts': [[2019, 5]] },
  publisher: 'Springer',
  'publisher-place': 'Berlin',
};

function bib(items: CslItemJson[], style: CslStyleSource, output: 'text' | 'html' | 'markdown' = 'text', locale?: string) {
  return formatReferences(items, { style, mode: 'bibliography', output, ...(locale ? { locale } : {}) });
}
function cite(items: CslItemJson[], style: CslStyleSource, output: 'text' | 'html' | 'markdown' = 'text') {
  return formatReferences(items, { style, mode: 'citation', output }).text;
}

describe('formatReferences: bundled styles', () => {
  it('APA 7: a journal article with a particle and a DOI, in text, Markdown and HTML', () => {
    expect(bib([article], APA).entries).toEqual(['Smith, J., & van der Berg, J. (2020). Title. Journal, 12(3), 1–10. https://doi.org/10.1234/abc_def']);
    expect(bib([article], APA, 'markdown').entries).toEqual([
      'Smith, J., & van der Berg, J. (2020). Title. *Journal*, *12*(3), 1–10. <https://doi.org/10.1234/abc_def>',
    ]);
    const html = bib([article], APA, 'html');
    expect(html.entries).toEqual([
      '<div class="csl-entry">Smith, J., &#38; van der Berg, J. (2020). Title. <i>Journal</i>, <i>12</i>(3), 1–10. <a href="https://doi.org/10.1234/abc_def">https://doi.org/10.1234/abc_def</a></div>',
    ]);
    expect(html.text).toBe(`<div class="csl-bib-body">\n  ${html.entries[0]}\n</div>`);
  });

  it('APA 7: in-text citations, sorted by the style, with n.d. for an undated corporate report', () => {
    expect(cite([article], APA)).toBe('(Smith & van der Berg, 2020)');
    expect(cite([report, article], APA)).toBe('(Smith & van der Berg, 2020; World Health Organization, n.d.)');
    expect(cite([article], APA, 'html')).toBe('(Smith &#38; van der Berg, 2020)');
  });

  it('APA 7: corporate author, missing date, title only, non-ASCII names; entries in the style order', () => {
    const out = bib([report, titleOnly, article, book], APA);
    expect(out.entries).toEqual([
      'Müller, J., & Ødegård, Å. (2019). Über Bücher. Springer.',
      'Only a title. (n.d.).',
      'Smith, J., & van der Berg, J. (2020). Title. Journal, 12(3), 1–10. https://doi.org/10.1234/abc_def',
      'World Health Organization. (n.d.). World report on health. WHO.',
    ]);
    expect(out.text).toBe(out.entries.join('\n'));
    expect(bib([report], APA, 'markdown').entries).toEqual(['World Health Organization. (n.d.). *World report on health*. WHO.']);
  });

  it('Vancouver: numbered in the order given, initials without stops, doi: prefix', () => {
    const out = bib([article, report], VANCOUVER);
    expect(out.entries).toEqual([
      '1. Smith J, van der Berg J. Title. Journal. 2020;12(3):1–10. doi:10.1234/abc_def',
      '2. World Health Organization. World report on health. WHO.',
    ]);
    expect(cite([article, report], VANCOUVER)).toBe('(1,2)');
    expect(bib([article], VANCOUVER, 'markdown').entries).toEqual([
      '1. Smith J, van der Berg J. Title. Journal. 2020;12(3):1–10. doi:[10.1234/abc\\_def](<https://doi.org/10.1234/abc_def>)',
    ]);
  });

  it('Harvard (Cite Them Right): entry and citation, "no date" for an undated item', () => {
    expect(bib([article], HARVARD).entries).toEqual([
      'Smith, J. and van der Berg, J. (2020) “Title,” Journal, 12(3), pp. 1–10. Available at: https://doi.org/10.1234/abc_def.',
    ]);
    expect(cite([article], HARVARD)).toBe('(Smith and van der Berg, 2020)');
    expect(cite([report], HARVARD)).toBe('(World Health Organization, no date)');
  });

  it('Markdown: characters Markdown reads as markup are escaped; italics and bold are written', () => {
    const starred: CslItemJson = { ...report, id: 'star', title: 'Using *stars* and_underscores [sic]' };
    expect(bib([starred], APA, 'markdown').entries).toEqual([
      'World Health Organization. (n.d.). *Using \\*stars\\* and\\_underscores \\[sic\\]*. WHO.',
    ]);
    expect(escapeMarkdown('a<b>`c`~d\\')).toBe('a\\<b\\>\\`c\\`\\~d\\\\');
  });

  it('links only web addresses and DOIs, with the href escaped (citeproc linked any other URL to doi.org)', () => {
    const linked = (URL: string) => ({ ...report, id: URL, URL });
    expect(bib([linked('javascript:alert(1)')], HARVARD, 'html').entries).toEqual([
      '<div class="csl-entry">World Health Organization (no date) <i>World report on health</i>. WHO. Available at: javascript:alert(1).</div>',
    ]);
    expect(bib([linked('www.who.int/report')], HARVARD, 'markdown').entries).toEqual([
      'World Health Organization (no date) *World report on health*. WHO. Available at: www.who.int/report.',
    ]);
    // A quote cannot open an attribute: such an address is not linked at all.
    expect(bib([linked('https://who.int/a"onmouseover="x')], HARVARD, 'html').entries).toEqual([
      '<div class="csl-entry">World Health Organization (no date) <i>World report on health</i>. WHO. Available at: https://who.int/a"onmouseover="x.</div>',
    ]);
    expect(bib([linked('https://who.int/a?b=1&c=2')], HARVARD, 'html').entries[0]).toContain(
      '<a href="https://who.int/a?b=1&amp;c=2">https://who.int/a?b=1&#38;c=2</a>',
    );
  });

  it('HTML: markup in a title is kept for <i> and <b>, anything else is escaped', () => {
    const evil: CslItemJson = { ...report, id: 'evil', title: 'A <script>alert(1)</script> and <b>bold</b>' };
    expect(bib([evil], HARVARD, 'html').entries).toEqual([
      '<div class="csl-entry">World Health Organization (no date) <i>A &#60;script&#62;alert(1)&#60;/script&#62; and <b>bold</b></i>. WHO.</div>',
    ]);
  });

  it('numbers as numbers, a mononym, a name as a string, a suffix and a dropping particle (CSL-JSON citeproc trips on)', () => {
    const odd = {
      id: 'odd',
      type: 'book',
      title: 'Republic',
      author: [{ given: 'Plato' }, 'Socrates Society', { family: 'King', given: 'Martin Luther', suffix: 'Jr.' }, { family: 'Beethoven', given: 'Ludwig', 'dropping-particle': 'van' }],
      issued: { 'date-parts': [[2001]] },
      volume: 2,
      'number-of-pages': 310,
      publisher: 'Penguin',
    } as unknown as CslItemJson;
    expect(bib([odd], APA).entries).toEqual(['Plato, Socrates Society, King, M. L., Jr., & Beethoven, L. van. (2001). Republic (Vol. 2). Penguin.']);
    expect(cite([odd], APA)).toBe('(Plato et al., 2001)');
    expect(odd.volume).toBe(2);
  });

  it('a locale other than en-US, by full tag or by language', () => {
    // The German locale's "o. J." (ohne Jahr) has a no-break space.
    expect(bib([report], APA, 'text', 'de-DE').entries).toEqual(['World Health Organization. (o.\u00a0J.). World report on health. WHO.']);
    expect(bib([report], APA, 'text', 'de').entries).toEqual(['World Health Organization. (o.\u00a0J.). World report on health. WHO.']);
    expect(bib([report], APA, 'text', 'fr-FR').entries).toEqual(['World Health Organization. (s.\u00a0d.). World report on health. WHO.']);
  });
});

describe('formatReferences: a style\'s default-locale', () => {
  const withLocale = (tag: string): CslStyleSource => {
    const base = fixture('minimal-numeric.csl');
    return { id: `numeric-${tag}`, xml: base.xml.replace('version="1.0">', `version="1.0" default-locale="${tag}">`) };
  };

  it('is used when no locale is asked for, and a locale asked for wins', () => {
    expect(bib([report], withLocale('de-DE')).entries).toEqual(['[1] World Health Organization. World report on health. o.\u00a0J.']);
    expect(bib([report], withLocale('de-DE'), 'text', 'en-US').entries).toEqual(['[1] World Health Organization. World report on health. n.d.']);
  });

  it('a locale Lectern does not ship falls back to en-US terms instead of failing', () => {
    expect(bib([report], withLocale('ja-JP')).entries).toEqual(['[1] World Health Organization. World report on health. n.d.']);
  });
});

describe('formatReferences: engines and errors', () => {
  it('reads an edited item afresh under the same id (citeproc keeps registered items)', () => {
    expect(bib([article], APA).entries[0]).toContain('Title.');
    expect(bib([{ ...article, title: 'A new title' }], APA).entries[0]).toContain('A new title.');
  });

  it('keeps one engine per style and locale, whatever the output', () => {
    clearCiteEngines();
    bib([article], HARVARD, 'text');
    bib([article], HARVARD, 'html');
    bib([article], HARVARD, 'markdown');
    cite([article], HARVARD);
    expect(citeEngineCount()).toBe(1);
    bib([article], HARVARD, 'text', 'fr-FR');
    expect(citeEngineCount()).toBe(2);
  });

  it('no items: nothing to format, no engine built', () => {
    clearCiteEngines();
    expect(bib([], APA)).toEqual({ entries: [], text: '' });
    expect(citeEngineCount()).toBe(0);
  });

  it('refuses items without an id or sharing one, and an unknown locale, in words', () => {
    expect(() => bib([{ ...article, id: '' }], APA)).toThrow(/Reference 1 has no id/);
    expect(() => bib([article, { ...report, id: 'smith2020' }], APA)).toThrow("Two references share the id 'smith2020'");
    expect(() => bib([article], APA, 'text', 'ja-JP')).toThrow(/no citation locale 'ja-JP'; it has en-US, nl-NL, fr-FR, de-DE, es-ES/);
  });

  it('a style without a bibliography asked for one says so', () => {
    const citationOnly: CslStyleSource = {
      id: 'citation-only',
      xml: '<style xmlns="http://purl.org/net/xbiblio/csl" version="1.0" class="in-text"><info><title>C</title><id>c</id></info><citation><layout><text variable="title"/></layout></citation></style>',
    };
    expect(cite([article], citationOnly)).toBe('Title');
    const err = (() => {
      try {
        bib([article], citationOnly);
      } catch (e) {
        return e;
      }
    })();
    expect(err).toBeInstanceOf(LecternError);
    expect((err as LecternError).code).toBe('INVALID_INPUT');
    expect((err as LecternError).message).toBe("The citation style 'citation-only' has no bibliography; copy an in-text citation instead.");
  });

  it('a style citeproc refuses gives a sentence, never a stack', () => {
    const err = (() => {
      try {
        cite([article], fixture('cyclic-macro.csl'));
      } catch (e) {
        return e;
      }
    })() as LecternError;
    expect(err.code).toBe('INVALID_INPUT');
    expect(err.message).toBe(`The citation style 'cyclic-macro.csl' cannot be used: call to macro "author" would cause an infinite loop.`);
    expect(err.message).not.toMatch(/\n\s+at /);
  });

  it('citeprocMessage: strings and Errors, first line only, prefix dropped', () => {
    expect(citeprocMessage('citeproc-js error: bad thing')).toBe('bad thing');
    expect(citeprocMessage(new TypeError("Cannot read properties of undefined (reading 'x')\n    at foo (file.js:1:1)"))).toBe(
      "Cannot read properties of undefined (reading 'x')",
    );
    expect(citeprocMessage(undefined)).toBe('it failed for an unknown reason');
  });
});

describe('bundled styles and locales', () => {
  it('reads the package XML', () => {
    expect(bundledStyleXml('apa')).toContain('<id>http://www.zotero.org/styles/apa</id>');
    expect(bundledStyleXml('vancouver')).toContain('<id>http://www.zotero.org/styles/nlm-citation-sequence</id>');
    expect(bundledStyleXml('harvard1')).toContain('<id>http://www.zotero.org/styles/harvard-cite-them-right</id>');
    expect(bundledStyleXml('ieee')).toBeNull();
  });

  it('finds a bundled style by id or by the names users type', () => {
    expect(bundledStyle('APA')?.id).toBe('apa');
    expect(bundledStyle('harvard')?.id).toBe('harvard1');
    expect(bundledStyle('nlm-citation-sequence')?.id).toBe('vancouver');
    expect(bundledStyle(' vancouver ')?.xml).toBe(bundledStyleXml('vancouver'));
    expect(bundledStyle('ieee')).toBeNull();
    expect(bundledStyle('toString')).toBeNull();
    expect(bundledStyle('constructor')).toBeNull();
  });

  it('resolves locales by tag or language', () => {
    expect(resolveBundledLocale('EN-us')).toBe('en-US');
    expect(resolveBundledLocale('fr')).toBe('fr-FR');
    expect(resolveBundledLocale('es_MX')).toBe('es-ES');
    expect(resolveBundledLocale('ja')).toBeNull();
    expect(bundledLocaleXml('nl')).toContain('xml:lang="nl-NL"');
    expect(bundledLocaleXml('ja-JP')).toBeNull();
  });
});

describe('formatReferenceList', () => {
  it('text: one entry per line in the style order', () => {
    expect(formatReferenceList([report, article], { style: APA, output: 'text' })).toBe(
      'Smith, J., & van der Berg, J. (2020). Title. Journal, 12(3), 1–10. https://doi.org/10.1234/abc_def\n' +
        'World Health Organization. (n.d.). World report on health. WHO.\n',
    );
  });

  it('Markdown: bullets for author-date styles, an ordered list for styles numbering with "1."', () => {
    expect(formatReferenceList([report, article], { style: APA, output: 'markdown' })).toBe(
      '- Smith, J., & van der Berg, J. (2020). Title. *Journal*, *12*(3), 1–10. <https://doi.org/10.1234/abc_def>\n' +
        '- World Health Organization. (n.d.). *World report on health*. WHO.\n',
    );
    expect(formatReferenceList([article, report], { style: VANCOUVER, output: 'markdown' })).toBe(
      '1. Smith J, van der Berg J. Title. Journal. 2020;12(3):1–10. doi:[10.1234/abc\\_def](<https://doi.org/10.1234/abc_def>)\n' +
        '2. World Health Organization. World report on health. WHO.\n',
    );
    expect(formatReferenceList([article], { style: fixture('minimal-numeric.csl'), output: 'markdown' })).toBe(
      '- \\[1\\] J. Smith and J. van der Berg. *Title*. 2020.\n',
    );
  });

  it('Markdown: an entry that starts like a Markdown block is escaped', () => {
    const dashed: CslItemJson = { id: 'x', type: 'book', title: 'A book', author: [{ literal: '- Dash Group' }] };
    expect(formatReferenceList([dashed], { style: APA, output: 'markdown' })).toBe('- \\- Dash Group. (n.d.). *A book*.\n');
  });

  it('no items: an empty list', () => {
    expect(formatReferenceList([], { style: APA, output: 'text' })).toBe('');
  });
});
