/**
 * `bibtex_export_50k`: writeBibtex of 50,000 generated records (target < 1,000 ms). The records look like a
 * real library's: five authors (particles, a suffix now and then, accented names), a journal or a
 * conference, an abstract (~480 characters on average, math and `%`) on four in five, tags, a DOI, a URL, some arXiv ids.
 */
import type { InteropRecord } from '../../../shared/interop/interop-record';
import { writeBibtex } from '../../../shared/interop/bibtex/write';

const FAMILIES = ['Müller', 'Smith', 'Zhang', 'García', 'Berg', 'Nguyễn', "O'Brien", 'Kowalski', 'Dubois', 'Søren'];
const GIVENS = ['Anna', 'José', 'Wei', 'Łukasz', 'Marie-Claire', 'John', 'Ngọc', 'Sven', 'Émile', 'Priya'];
const WORDS = ['learning', 'deep', 'networks', 'graph', 'DNA', 'quantum', 'efficient', 'models', 'über', 'fast', 'robust', 'LLM'];

/** A deterministic pseudo-random sequence (the same records on every run). */
function lcg(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

/** @returns `count` records as the library hands them to the writer */
export function generateRecords(count: number, seed = 1): InteropRecord[] {
  const rand = lcg(seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(rand() * list.length)]!;
  const sentence = (n: number) => Array.from({ length: n }, () => pick(WORDS)).join(' ');
  // 500 different abstracts of 2 to 9 sentences (~90 characters each; ~480 on average, none on one record
  // in five): with the rest, the file is ~50 MB, the size of the issue's generated 50,000-entry .bib.
  const abstracts = Array.from({ length: 500 }, () => {
    const n = 2 + Math.floor(rand() * 8);
    const text = Array.from({ length: n }, (_, k) => (k % 3 === 1 ? `${sentence(9)}, with $O(n \\log n)$ cost and 95% accuracy` : sentence(12))).join('. ');
    return `${text.charAt(0).toUpperCase()}${text.slice(1)}.`;
  });
  const records: InteropRecord[] = [];
  for (let i = 0; i < count; i++) {
    const conference = rand() < 0.3;
    const arxiv = rand() < 0.2;
    const title = sentence(8).replace(/^./, (c) => c.toUpperCase());
    const year = 1990 + Math.floor(rand() * 35);
    records.push({
      item: {
        id: `r${i}`,
        type: arxiv ? 'article' : conference ? 'paper-conference' : 'article-journal',
        title,
        author: Array.from({ length: 5 }, (_, k) => ({
          family: pick(FAMILIES),
          given: pick(GIVENS),
          ...(k === 1 && rand() < 0.3 ? { 'non-dropping-particle': 'van der' } : {}),
          ...(k === 2 && rand() < 0.1 ? { suffix: 'Jr.' } : {}),
        })),
        issued: { 'date-parts': [[year, 1 + Math.floor(rand() * 12)]] },
        'container-title': conference ? 'Proceedings of the International Conference on Learning & Representations' : 'Journal of Machine Learning Research',
        volume: String(1 + Math.floor(rand() * 40)),
        issue: String(1 + Math.floor(rand() * 12)),
        page: `${100 + i % 900}-${120 + i % 900}`,
        publisher: 'Springer',
        DOI: `10.1000/jmlr.${year}.${i}`,
        URL: `https://example.org/papers/${i}?format=pdf&v=2`,
        ...(rand() < 0.8 ? { abstract: pick(abstracts) } : {}),
        language: 'en',
      },
      citationKey: `key${i}`,
      tags: ['to-read', pick(WORDS)],
      note: rand() < 0.2 ? 'Read for the survey: section 3 & the appendix.' : null,
      files: rand() < 0.3 ? [`/home/me/papers/${i}.pdf`] : [],
      arxivId: arxiv ? `${2000 + (i % 500)}.${String(i % 100000).padStart(5, '0')}` : null,
      extra: {},
      at: { line: 1 + i * 20, column: 1 },
    });
  }
  return records;
}

/** @returns the median time (ms) of writing 50,000 records as BibTeX, over `runs` runs after a warm-up */
export function benchBibtexExport50k(runs = 5): number {
  const records = generateRecords(50_000);
  const times: number[] = [];
  for (let i = 0; i <= runs; i++) {
    const t0 = performance.now();
    writeBibtex(records, { dialect: 'bibtex' });
    if (i > 0) times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  return Math.round(times[Math.floor(times.length / 2)]! * 100) / 100;
}
