import { defineConfig } from 'vitest/config';

// Two projects, one run (`npx vitest run`) and one JSON report counting both:
// - unit: main-process, database and parser code in Node;
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
