// `npm test`: every suite, then one closing line `N passed, N failed` summed over all of them
// (CI reads that line). Suites: type checks (node side, web side), unit tests (Vitest), end-to-end
// tests (Playwright in Debian's chromium through browser mode). Exits non-zero when anything failed.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const bin = (name) => join(root, 'node_modules', '.bin', name);
const totals = { passed: 0, failed: 0, skipped: 0 };
// No suite may open a browser window on the machine running the tests (npm start in browser mode does).
process.env.LECTERN_NO_BROWSER = '1';

function run(label, command, args) {
  console.log(`\n== ${label}: ${[command, ...args].map((a) => a.replace(root + '/', '')).join(' ')}`);
  // Every suite checks each answer against its channel's output schema (electron/handlers/output-check.ts).
  return spawnSync(command, args, { cwd: root, stdio: 'inherit', env: { ...process.env, LECTERN_CHECK_OUTPUTS: '1' } }).status;
}

function readJson(file) {
  try {
    return JSON.parse(readFileSync(join(root, file), 'utf8'));
  } catch {
    return null;
  }
}

// Type checks count as one test each.
for (const config of ['tsconfig.node.json', 'tsconfig.web.json']) {
  const ok = run(`typecheck ${config}`, bin('tsc'), ['-p', config]) === 0;
  totals[ok ? 'passed' : 'failed']++;
}

rmSync(join(root, 'test-results', 'unit.json'), { force: true });
const unitStatus = run('unit tests', bin('vitest'), ['run']);
const unit = readJson('test-results/unit.json');
if (unit) {
  totals.passed += unit.numPassedTests;
  totals.failed += unit.numFailedTests + (unit.numRuntimeErrorTestSuites ?? 0);
  totals.skipped += (unit.numPendingTests ?? 0) + (unit.numTodoTests ?? 0);
} else {
  totals.failed++;
}
if (unitStatus !== 0 && unit && unit.numFailedTests === 0) totals.failed++;

if (existsSync(join(root, 'playwright.config.ts'))) {
  rmSync(join(root, 'test-results', 'e2e.json'), { force: true });
  const e2eStatus = run('end-to-end tests', bin('playwright'), ['test']);
  const e2e = readJson('test-results/e2e.json');
  if (e2e?.stats) {
    totals.passed += e2e.stats.expected + (e2e.stats.flaky ?? 0);
    totals.failed += e2e.stats.unexpected;
    totals.skipped += e2e.stats.skipped ?? 0;
  } else {
    totals.failed++;
  }
  if (e2eStatus !== 0 && e2e?.stats && e2e.stats.unexpected === 0) totals.failed++;
}

console.log(`\n${totals.passed} passed, ${totals.failed} failed${totals.skipped ? `, ${totals.skipped} skipped` : ''}`);
process.exit(totals.failed > 0 ? 1 : 0);
