/**
 * bibtex_import_50k: the whole import of a generated 50,000-entry .bib into an empty library (read and
 * import, one transaction), and its library part alone (`bibtex_import_50k_library`: 50,000 records
 * already read, as the BibTeX reader returns them, imported).
 * Run on its own: `npx tsx tests/bench/interop/bibtex-import.ts`.
 */
import { rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openLibrary } from '../../../db/open';
import { importReferences, type ReferenceFile } from '../../../db/library/reference-import';
import type { InteropRecord } from '../../../shared/interop/interop-record';

const SURNAMES = ['Smith', 'Müller', 'García', 'Nguyen', 'Kowalski', 'Okafor', 'Tanaka', 'Rossi', 'Ivanova', 'Dubois', 'Beethoven', 'Johansson'];
const GIVEN = ['Jane', 'Ludwig', 'Ana', 'Minh', 'Piotr', 'Chidi', 'Yuki', 'Marco', 'Olga', 'Claire'];
const WORDS = ['deep', 'learning', 'graph', 'networks', 'robust', 'inference', 'bayesian', 'optimal', 'transport', 'sparse', 'attention', 'models', 'quantum', 'protein', 'folding', 'language'];

/** `n` records shaped as the BibTeX reader returns them: 1-4 authors with parts, a DOI on most, keywords, a note on some. */
export function generatedRecords(n: number, seed = 11): InteropRecord[] {
  let s = seed;
  const rnd = (k: number) => {
    // xorshift32: the low bits of a power-of-two LCG repeat with a short period.
    s ^= s << 13;
    s ^= s >>> 17;
    s ^= s << 5;
    return (s >>> 0) % k;
  };
  return Array.from({ length: n }, (_, i) => {
    const authors = Array.from({ length: 1 + rnd(4) }, () => ({
      family: SURNAMES[rnd(SURNAMES.length)]!,
      given: GIVEN[rnd(GIVEN.length)]!,
      ...(rnd(10) === 0 ? { 'non-dropping-particle': 'van' } : {}),
    }));
    const title = Array.from({ length: 4 + rnd(6) }, () => WORDS[rnd(WORDS.length)]).join(' ') + ` ${i}`;
    const year = 1990 + rnd(35);
    return {
      item: {
        id: `k${i}`, type: 'article-journal', title, author: authors, issued: { 'date-parts': [[year, 1 + rnd(12)]] },
        'container-title': `Journal of ${WORDS[rnd(WORDS.length)]}`, volume: String(1 + rnd(40)), page: `${1 + rnd(300)}-${301 + rnd(300)}`,
        ...(rnd(5) > 0 ? { DOI: `10.${1000 + rnd(9000)}/j.${i}` } : {}),
        abstract: Array.from({ length: 60 }, () => WORDS[rnd(WORDS.length)]).join(' '),
      },
      citationKey: `${authors[0]!.family.toLowerCase()}${year}k${i}`,
      tags: [WORDS[rnd(WORDS.length)]!, WORDS[rnd(WORDS.length)]!],
      note: rnd(10) === 0 ? `Read in ${year}.` : null,
      files: [],
      arxivId: null,
      extra: { bibtex_type: 'article' },
      at: { line: 1 + i * 10, column: 1 },
    };
  });
}

/** @returns ms to import `records` into an empty library in one transaction (median of `runs`) */
export async function measureLibraryImport(records: InteropRecord[], runs = 1): Promise<number> {
  const times: number[] = [];
  for (let r = 0; r < runs; r++) {
    const path = join(tmpdir(), `lectern-bench-bib-${process.pid}-${r}.db`);
    const lib = openLibrary(path);
    const file: ReferenceFile = { fileName: 'bench.bib', text: 'x'.repeat(1000), encoding: 'utf-8', read: { format: 'bibtex', records, problems: [], entriesSeen: records.length } };
    const start = performance.now();
    const report = await importReferences(lib.db, file);
    times.push(performance.now() - start);
    if (report.added !== records.length) throw new Error(`bench: ${report.added} of ${records.length} added`);
    lib.close();
    for (const suffix of ['', '-wal', '-shm']) rmSync(path + suffix, { force: true });
  }
  return times.sort((a, b) => a - b)[Math.floor(times.length / 2)]!;
}

/** The figures this bench adds: `bibtex_import_50k_library` (ms). */
export async function bibtexImportFigures(): Promise<Record<string, number>> {
  return { bibtex_import_50k_library: Math.round(await measureLibraryImport(generatedRecords(50_000))) };
}

if (process.argv[1]?.endsWith('bibtex-import.ts')) {
  void bibtexImportFigures().then((f) => console.log(JSON.stringify(f)));
}
