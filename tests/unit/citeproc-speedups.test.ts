import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { bundledLocaleXml, bundledStyleXml } from '../../shared/cite/bundled-styles';
import { citeproc, type CiteprocCsl } from '../../shared/cite/citeproc-module';
import { itemForCiteproc } from '../../shared/cite/citeproc-item';
import { clearCiteEngines, formatReferences } from '../../shared/cite/format-references';
import type { CslItemJson } from '../../shared/interop/interop-record';
import { generateReferences } from '../bench/interop/cite-apa';

/** A second, unpatched copy of citeproc-js (a fresh load of the CommonJS module). */
function unpatchedCiteproc(): CiteprocCsl {
  const req = createRequire(import.meta.url);
  citeproc();
  const id = req.resolve('citeproc');
  const patched = req.cache[id];
  delete req.cache[id];
  try {
    const plain = req('citeproc') as CiteprocCsl;
    plain.debug = () => {};
    return plain;
  } finally {
    if (patched) req.cache[id] = patched;
  }
}

function render(csl: CiteprocCsl, styleId: string, items: ReturnType<typeof generateReferences>): string {
  const byId = new Map(items.map((i) => [i.id, i]));
  const engine = new csl.Engine(
    { retrieveItem: (id) => JSON.parse(JSON.stringify(byId.get(id))), retrieveLocale: (lang) => bundledLocaleXml(lang) ?? false },
    bundledStyleXml(styleId)!,
    'en-US',
  );
  engine.setOutputFormat('html');
  engine.updateItems([...byId.keys()]);
  const bib = engine.makeBibliography();
  return JSON.stringify([bib ? bib[1] : null, engine.makeCitationCluster(items.slice(0, 25).map((i) => ({ id: i.id })))]);
}

describe('citeproc speed-ups', () => {
  it('leave the output of every bundled style unchanged (bibliography and citation, HTML)', () => {
    const plain = unpatchedCiteproc();
    const patched = citeproc();
    expect(plain).not.toBe(patched);
    expect(plain.toLocaleLowerCase).not.toBe(patched.toLocaleLowerCase);
    const items = generateReferences(60, 3);
    for (const style of ['apa', 'vancouver', 'harvard1']) {
      const expected = render(plain, style, items);
      expect(expected.length).toBeGreaterThan(5_000);
      expect(render(patched, style, items)).toBe(expected);
    }
  }, 120_000);
});

/** References whose authors and years collide, so that citeproc's disambiguation has work to do. */
function collidingReferences(): CslItemJson[] {
  const article = (id: string, title: string, author: CslItemJson['author'], year?: number): CslItemJson => ({
    id,
    type: 'article-journal',
    title,
    author,
    'container-title': 'Journal of Collisions',
    ...(year === undefined ? {} : { issued: { 'date-parts': [[year]] } }),
  });
  const smithJohn = { family: 'Smith', given: 'John' };
  return [
    article('c1', 'Beta paper', [smithJohn], 2020),
    article('c2', 'Alpha paper', [smithJohn], 2020),
    article('c3', 'Gamma paper', [{ family: 'Smith', given: 'Adam' }], 2020),
    article('c4', 'Delta paper', [{ family: 'Smith', given: 'Jane' }], 2020),
    article('c5', 'Shared list one', [{ family: 'Lee', given: 'Kim' }, { family: 'Park', given: 'Soo' }], 2019),
    article('c6', 'Shared list two', [{ family: 'Lee', given: 'Kim' }, { family: 'Park', given: 'Soo' }], 2019),
    article('c7', 'Other second author', [{ family: 'Lee', given: 'Kim' }, { family: 'Cho', given: 'Min' }], 2019),
    article('c8', 'Undated first', [{ family: 'Okafor', given: 'Chidi' }]),
    article('c9', 'Undated second', [{ family: 'Okafor', given: 'Chidi' }]),
    article('c10', 'Same name other year', [smithJohn], 2021),
  ];
}

/** citeproc's text entry on one line, as formatReferences writes it. */
function oneLine(entry: string): string {
  return entry
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '')
    .join(' ');
}

describe('formatReferences: the patched engine against a plain citeproc run', () => {
  it('APA text bibliography of the 1,000 bench references plus colliding authors: identical, byte for byte', () => {
    const items = [...generateReferences(1000), ...collidingReferences()];
    const plain = unpatchedCiteproc();
    const byId = new Map(items.map((i) => [String(i.id), i]));
    const engine = new plain.Engine(
      { retrieveItem: (id) => itemForCiteproc(byId.get(id)!), retrieveLocale: (lang) => bundledLocaleXml(lang) ?? false },
      bundledStyleXml('apa')!,
      'en-US',
      false,
    );
    engine.setOutputFormat('text');
    engine.updateItems([...byId.keys()]);
    const made = engine.makeBibliography();
    if (!made) throw new Error('APA has a bibliography');
    const expected = made[1].map(oneLine);

    clearCiteEngines();
    const fast = formatReferences(items, { style: { id: 'apa', xml: bundledStyleXml('apa')! }, mode: 'bibliography', output: 'text' });
    expect(fast.entries).toHaveLength(1010);
    expect(fast.text).toBe(expected.join('\n'));
    // The collisions were disambiguated as APA asks.
    expect(fast.text).toContain('Smith, J. (2020a). Alpha paper. Journal of Collisions.');
    expect(fast.text).toContain('Smith, J. (2020b). Beta paper. Journal of Collisions.');
    expect(fast.text).toContain('Smith, A. (2020). Gamma paper. Journal of Collisions.');
    expect(fast.text).toContain('Lee, K., & Park, S. (2019a). Shared list one. Journal of Collisions.');
    expect(fast.text).toContain('Okafor, C. (n.d.-a). Undated first. Journal of Collisions.');
    clearCiteEngines();
  }, 180_000);
});
