/**
 * `bibtex_parse_50k` (ms; target < 3,000) and `bibtex_parse_50k_rss_mb` (peak resident memory in MB;
 * target < 400): readBibtex on a generated 50,000-entry .bib of ~48 MB with 0.5% broken entries
 * (tests/bench/generate-bib.ts): read, LaTeX and names decoded, macros and crossref resolved.
 *
 * Both are measured in a child process running the reader bundled by esbuild (as electron-vite bundles
 * it for the app), so neither the bench's own heap nor tsx's loader (~35 MB) counts. Throws when a
 * well-formed entry is missing from the result: a fast reader that loses entries is no result.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildSync } from 'esbuild';
import { generateBib } from '../generate-bib';

const here = dirname(fileURLToPath(import.meta.url));

export interface BibtexParseFigures {
  bibtex_parse_50k: number;
  bibtex_parse_50k_rss_mb: number;
}

/**
 * @param entries how many entries to generate (50,000 for the named figures)
 * @param runs timed runs in the child (the median is returned)
 */
export function benchBibtexParse(entries = 50_000, runs = 3): BibtexParseFigures {
  const dir = mkdtempSync(join(tmpdir(), 'lectern-bib-'));
  try {
    const bib = generateBib(entries);
    const bibFile = join(dir, 'bench.bib');
    const keysFile = join(dir, 'keys.json');
    writeFileSync(bibFile, bib.text);
    writeFileSync(keysFile, JSON.stringify(bib.mustRead));
    const child = join(dir, 'child.mjs');
    buildSync({ entryPoints: [join(here, 'bibtex-parse-child.ts')], bundle: true, platform: 'node', format: 'esm', target: 'node20', outfile: child, logLevel: 'error' });
    const out = spawnSync(process.execPath, [child, bibFile, keysFile, String(runs)], { encoding: 'utf8', maxBuffer: 1 << 20 });
    if (out.status !== 0) throw new Error(`bibtex bench child failed: ${out.stderr}`);
    const r = JSON.parse(out.stdout) as { ms: number[]; rssMb: number; read: number; lost: string[] };
    if (r.lost.length > 0) throw new Error(`bibtex bench: well-formed entries not read: ${r.lost.join(', ')}`);
    const sorted = [...r.ms].sort((a, b) => a - b);
    return { bibtex_parse_50k: Math.round(sorted[Math.floor(sorted.length / 2)]! * 100) / 100, bibtex_parse_50k_rss_mb: Math.round(r.rssMb * 10) / 10 };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
