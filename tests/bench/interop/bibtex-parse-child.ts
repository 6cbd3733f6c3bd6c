/**
 * Child process of bibtex-parse.ts (bundled with esbuild and run by plain node, as the app runs
 * bundled code): reads the generated .bib, runs readBibtex RUNS times, checks that every well-formed
 * entry was read, and prints `{ ms, cpu (process CPU ms, GC threads included), rssMb, read, problems, lost }` as JSON. The peak RSS is
 * taken after the first run, so it is one read's peak (file text included) and not the bench's.
 */
import { readFileSync } from 'node:fs';
import { readBibtex } from '../../../shared/interop/bibtex/read';

const [bibFile, keysFile, runsArg] = process.argv.slice(2);
const text = readFileSync(bibFile!, 'utf8');
const mustRead: string[] = JSON.parse(readFileSync(keysFile!, 'utf8'));
const ms: number[] = [];
const cpu: number[] = [];
let rssMb = 0;
let read = 0;
let problems = 0;
let lost: string[] = [];
for (let run = 0; run < Number(runsArg ?? 3); run++) {
  const t0 = performance.now();
  const c0 = process.cpuUsage();
  const result = await readBibtex(text);
  ms.push(performance.now() - t0);
  const c = process.cpuUsage(c0);
  cpu.push((c.user + c.system) / 1000);
  if (run === 0) {
    rssMb = process.resourceUsage().maxRSS / 1024;
    const keys = new Set(result.records.map((r) => r.citationKey));
    lost = mustRead.filter((k) => !keys.has(k));
    read = result.records.length;
    problems = result.problems.length;
  }
}
process.stdout.write(JSON.stringify({ ms, cpu, rssMb, read, problems, lost: lost.slice(0, 20) }));
