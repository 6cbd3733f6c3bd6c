import { defineConfig } from 'vitest/config';

// No test may open a browser window (npm start in browser mode does: electron/server/open-browser.ts).
process.env.LECTERN_NO_BROWSER = '1';

// Three projects, one run (`npx vitest run`) and one JSON report counting all:
// - unit: main-process, database and parser code in Node;
// - reliability: hostile input, crashes, concurrency and damaged files against the real code (Node);
//   fuzz case counts come from LECTERN_FUZZ_RUNS (`npm run fuzz` raises them);
// - renderer: React components in happy-dom.
export default defineConfig({
  test: {
    reporters: ['default', ['json', { outputFile: 'test-results/unit.json' }]],
    projects: [
      {
        test: {
          name: 'unit',
          include: ['tests/unit/**/*.test.ts'],
          environment: 'node',
          testTimeout: 30_000,
        },
      },
      {
        test: {
          name: 'reliability',
          include: ['tests/reliability/**/*.test.ts'],
          environment: 'node',
          testTimeout: 120_000,
          hookTimeout: 120_000,
        },
      },
      {
        test: {
          name: 'renderer',
          include: ['tests/renderer/**/*.test.{ts,tsx}'],
          environment: 'happy-dom',
          // A doctype (no-quirks mode) like renderer/index.html; KaTeX warns and refuses otherwise.
          setupFiles: ['tests/renderer/setup-dom.ts'],
          testTimeout: 30_000,
        },
      },
    ],
  },
});
