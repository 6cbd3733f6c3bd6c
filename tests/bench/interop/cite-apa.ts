/**
 * `cite_apa_1000`: format 1,000 generated references as an APA 7 bibliography in plain text, building the
 * citeproc engine each time (the cost of the first citation after start, or after the style changed), in
 * milliseconds: the median of 3 runs after one warm-up. Target < 1,000 ms.
 *
 * Run alone with `npx tsx tests/bench/interop/cite-apa.ts` (prints the cold first run as well).
 */
import { bundledStyleXml } from '../../../shared/cite/bundled-styles';
import { clearCiteEngines, formatReferences } from '../../../shared/cite/format-references';
import type { CslItemJson, CslNameJson } from '../../../shared/interop/interop-record';

// Surnames from a stem and an ending (24 x 16 = 384, with accents), so that, as in a real library, most
// first-author-and-year pairs are unique and citeproc's disambiguation works on a few, not on most.
const STEMS = ['Smith', 'García', 'Müller', 'Nakamura', 'Kowal', 'Dubois', 'Okafor', 'Ivan', 'Ross', 'Chen', 'Ødegård', 'Öztürk', 'Silva', 'Nguyen', 'Haddad', 'Lind', 'Berg', 'Fischer', 'Moreau', 'Sato', 'Novak', 'Costa', 'Kim', 'Hansen'];
const ENDINGS = ['', 'son', 'ski', 'ov', 'er', 'ez', 'i', 'berg', 'feld', 'ström', 'wood', 'ley', 'ová', 'ić', 'an', 'ell'];
const GIVEN = ['Anna', 'José', 'Jürgen', 'Yuki', 'Piotr', 'Amélie', 'Chidi', 'Olga', 'Luca', 'Wei', 'Åse', 'Zeynep', 'Rui', 'Minh', 'Layla', 'Erik K.'];
const WORDS = ['learning', 'robust', 'graphs', 'sparse', 'attention', 'causal', 'inference', 'protein', 'climate', 'networks', 'bayesian', 'optimal', 'transport', 'language', 'vision', 'memory'];
const VENUES = ['Journal of Machine Learning Research', 'Nature Communications', 'Physical Review Letters', 'The Lancet', 'Journal of Applied Psychology', 'IEEE Transactions on Pattern Analysis and Machine Intelligence'];

/** A deterministic pseudo-random sequence (a linear congruential generator), so every run formats the same list. */
function sequence(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

/** @returns `count` CSL-JSON references: mostly journal articles, with books, chapters, papers, reports; particles, corporate authors, undated items. */
export function generateReferences(count: number, seed = 11): CslItemJson[] {
  const rnd = sequence(seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(rnd() * list.length)]!;
  const person = (i: number): CslNameJson => {
    const family = `${pick(STEMS)}${pick(ENDINGS)}`;
    const name: CslNameJson = { family: i % 9 === 0 ? `${family}-${pick(STEMS)}` : family, given: pick(GIVEN) };
    if (rnd() < 0.05) name['non-dropping-particle'] = 'van der';
    return name;
  };
  return Array.from({ length: count }, (_, i) => {
    const kind = rnd();
    const type = kind < 0.6 ? 'article-journal' : kind < 0.75 ? 'paper-conference' : kind < 0.85 ? 'book' : kind < 0.95 ? 'chapter' : 'report';
    const authors = rnd() < 0.04 ? [{ literal: 'World Health Organization' }] : Array.from({ length: 1 + Math.floor(rnd() * rnd() * 7) }, (_, k) => person(i + k));
    const title = Array.from({ length: 4 + Math.floor(rnd() * 8) }, () => pick(WORDS)).join(' ');
    const item: CslItemJson = { id: `ref${i}`, type, title: title[0]!.toUpperCase() + title.slice(1), author: authors };
    if (rnd() > 0.03) item.issued = { 'date-parts': [[1980 + Math.floor(rnd() * 46), 1 + Math.floor(rnd() * 12)]] };
    if (type === 'book' || type === 'report') item.publisher = pick(['Springer', 'MIT Press', 'Oxford University Press', 'WHO']);
    else {
      item['container-title'] = pick(VENUES);
      item.volume = String(1 + Math.floor(rnd() * 80));
      item.issue = String(1 + Math.floor(rnd() * 12));
      const first = 1 + Math.floor(rnd() * 900);
      item.page = `${first}-${first + 5 + Math.floor(rnd() * 20)}`;
    }
    if (rnd() < 0.7) item.DOI = `10.${1000 + Math.floor(rnd() * 9000)}/bench.${i}`;
    return item;
  });
}

function formatOnce(items: readonly CslItemJson[], xml: string): number {
  clearCiteEngines();
  const t0 = performance.now();
  const out = formatReferences(items, { style: { id: 'apa', xml }, mode: 'bibliography', output: 'text' });
  const ms = performance.now() - t0;
  if (out.entries.length !== items.length) throw new Error(`cite_apa_1000: ${out.entries.length} entries for ${items.length} references`);
  return ms;
}

/** @returns the median ms of `runs` timed runs (after one warm-up) of an APA bibliography of 1,000 references, engine build included. */
export function benchCiteApa1000(runs = 3): number {
  const items = generateReferences(1000);
  const xml = bundledStyleXml('apa')!;
  formatOnce(items, xml);
  const times = Array.from({ length: runs }, () => formatOnce(items, xml)).sort((a, b) => a - b);
  clearCiteEngines();
  return Math.round(times[Math.floor(times.length / 2)]! * 100) / 100;
}

if (process.argv[1]?.endsWith('cite-apa.ts')) {
  const items = generateReferences(1000);
  const xml = bundledStyleXml('apa')!;
  console.log(`cold first run: ${formatOnce(items, xml).toFixed(0)} ms`);
  console.log(`cite_apa_1000 (median of 3, warm): ${benchCiteApa1000()} ms`);
}
