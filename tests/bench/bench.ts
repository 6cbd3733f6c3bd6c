/**
 * `npm run bench [-- --json]`: timings of the library core, in milliseconds (median of several runs,
 * after one warm-up). Targets on the 2-core build machines: each under 50 ms.
 *
 *   parse_seed     parse the seed paste (18 papers)
 *   import_seed    import it into an empty library (one transaction)
 *   reimport_seed  import it again (everything matches, nothing is written but the import record)
 *   open_library   open an existing library file (pragmas + migration check)
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { importProfile } from '../../db/library/import-profile';
import { openLibrary } from '../../db/open';
import { detectAndParse } from '../../shared/paste/detect';

const RUNS = 15;
const here = dirname(fileURLToPath(import.meta.url));
const seed = readFileSync(resolve(here, '..', '..', '..', 'shared', 'profiles', 'seed-profile.txt'), 'utf8');
const scratch = mkdtempSync(join(tmpdir(), 'lectern-bench-'));

function median(values: number[]): number {
  const s = [...values].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

/** Runs `prepare` untimed and `body` timed, RUNS times after one warm-up; returns the median ms. */
function measure<T>(prepare: (i: number) => T, body: (state: T) => void, cleanup: (state: T) => void = () => {}): number {
  const times: number[] = [];
  for (let i = 0; i <= RUNS; i++) {
    const state = prepare(i);
    const t0 = performance.now();
    body(state);
    const t = performance.now() - t0;
    cleanup(state);
    if (i > 0) times.push(t);
  }
  return Math.round(median(times) * 100) / 100;
}

const fresh = (i: number) => openLibrary(join(scratch, `import-${i}.sqlite`));
const results = {
  parse_seed: measure(
    () => null,
    () => detectAndParse(seed),
  ),
  import_seed: measure(fresh, (lib) => importProfile(lib.db, seed, detectAndParse(seed)), (lib) => lib.close()),
  reimport_seed: measure(
    (i) => {
      const lib = openLibrary(join(scratch, `reimport-${i}.sqlite`));
      importProfile(lib.db, seed, detectAndParse(seed));
      return lib;
    },
    (lib) => importProfile(lib.db, seed, detectAndParse(seed)),
    (lib) => lib.close(),
  ),
  open_library: measure(
    (i) => {
      const file = join(scratch, `open-${i}.sqlite`);
      const lib = openLibrary(file);
      importProfile(lib.db, seed, detectAndParse(seed));
      lib.close();
      return { file, lib: null as ReturnType<typeof openLibrary> | null };
    },
    (state) => {
      state.lib = openLibrary(state.file);
    },
    (state) => state.lib?.close(),
  ),
};

rmSync(scratch, { recursive: true, force: true });
if (process.argv.includes('--json')) {
  console.log(JSON.stringify(results));
} else {
  for (const [name, ms] of Object.entries(results)) console.log(`${name.padEnd(14)} ${ms.toFixed(2).padStart(8)} ms${ms < 50 ? '' : '  (over the 50 ms target)'}`);
}
