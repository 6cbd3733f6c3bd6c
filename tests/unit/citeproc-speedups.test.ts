import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { bundledLocaleXml, bundledStyleXml } from '../../shared/cite/bundled-styles';
import { citeproc, type CiteprocCsl } from '../../shared/cite/citeproc-module';
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
