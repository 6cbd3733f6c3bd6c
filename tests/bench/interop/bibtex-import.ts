/**
 * bibtex_import_50k: the whole import of a generated 50,000-entry .bib into an empty library (read and
 * import, one transaction), and its library part alone (`bibtex_import_50k_library`: 50,000 records
 * already read, as the BibTeX reader returns them, imported). The .bib is clean (written by the
 * writer): tests/bench/generate-bib.ts (broken entries, macros, crossref) may replace it when it lands.
 * Run on its own: `npx tsx tests/bench/interop/bibtex-import.ts`.
 */
import { rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openLibrary, type Library } from '../../../db/open';
import { exportReferences } from '../../../db/library/reference-export';
import { importReferences, type ReferenceFile } from '../../../db/library/reference-import';
import type { InteropRecord } from '../../../shared/interop/interop-record';
import { readReferences } from '../../../shared/interop/read-references';
import { generateBib } from '../generate-bib';

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

/**
 * Import into an empty library, in one transaction.
 * @param source the records already read, or a .bib text to read first (timed with the import)
 * @returns wall and CPU ms (CPU: this process's user + system time, which other processes on a busy
 *   machine do not inflate)
 */
export async function measureImport(source: InteropRecord[] | string, after?: (lib: Library) => void): Promise<{ ms: number; cpuMs: number; added: number }> {
  const path = join(tmpdir(), `lectern-bench-bib-${process.pid}.db`);
  const lib = openLibrary(path);
  try {
    const cpu = process.cpuUsage();
    const start = performance.now();
    const read = typeof source === 'string' ? await readReferences(source, 'bibtex') : { format: 'bibtex' as const, records: source, problems: [], entriesSeen: source.length };
    const file: ReferenceFile = { fileName: 'bench.bib', text: typeof source === 'string' ? source : '', encoding: 'utf-8', read };
    const report = await importReferences(lib.db, file);
    const ms = performance.now() - start;
    const used = process.cpuUsage(cpu);
    after?.(lib);
    return { ms, cpuMs: (used.user + used.system) / 1000, added: report.added };
  } finally {
    lib.close();
    for (const suffix of ['', '-wal', '-shm']) rmSync(path + suffix, { force: true });
  }
}

/**
 * The figures this bench adds (ms): `bibtex_import_50k` (the generated 50,000-entry .bib of
 * tests/bench/generate-bib.ts, with its broken entries, read and imported) and `bibtex_import_50k_library` (the 50,000 records already
 * read, imported), each with its CPU time (`_cpu`), and `library_export_bibtex_50k` (the library's
 * 50,000 papers exported as BibTeX by exportReferences).
 */
export async function bibtexImportFigures(): Promise<Record<string, number>> {
  const records = generatedRecords(50_000);
  let exportMs = 0;
  const library = await measureImport(records, (lib) => {
    const start = performance.now();
    const out = exportReferences(lib.db, { filters: {}, format: 'bibtex' });
    exportMs = performance.now() - start;
    if (out.count !== 50_000) throw new Error(`bench: exported ${out.count} of 50,000`);
  });
  // The file: ~48 MB, 0.5% broken entries, @string, month macros, # and crossref (generate-bib.ts).
  const bib = generateBib(50_000);
  const whole = await measureImport(bib.text);
  if (library.added !== 50_000) throw new Error(`bench: ${library.added} of 50,000 added`);
  if (whole.added < bib.mustRead.length) throw new Error(`bench: ${whole.added} added, ${bib.mustRead.length} well-formed entries in the file`);
  return {
    bibtex_import_50k: Math.round(whole.ms),
    bibtex_import_50k_cpu: Math.round(whole.cpuMs),
    bibtex_import_50k_library: Math.round(library.ms),
    bibtex_import_50k_library_cpu: Math.round(library.cpuMs),
    /** exportReferences of the 50,000 papers as BibTeX (filter, records out, writer; keys already pinned). */
    library_export_bibtex_50k: Math.round(exportMs),
  };
}

if (process.argv[1]?.endsWith('bibtex-import.ts')) {
  void bibtexImportFigures().then((f) => console.log(JSON.stringify(f)));
}
