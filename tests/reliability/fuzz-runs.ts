/**
 * How many generated cases each property-based (fast-check) reliability test runs: 10,000 by default
 * (what `npm test` and CI run), or LECTERN_FUZZ_RUNS (`npm run fuzz` sets 100,000).
 */
export const FUZZ_RUNS = Math.max(1, Number(process.env.LECTERN_FUZZ_RUNS ?? 10_000) || 10_000);
