/**
 * Read channels that can take longer than a glance on a large library (facet counts under a one-letter
 * filter at 100,000 papers take over a second). The host runs them on a reader thread; the window
 * names each one with a jobId, shows it in the status bar once it passes 300 ms, and can cancel it.
 * The label is what the status bar says while it runs.
 */
export const LONG_READS = {
  'papers.facets': 'Counting filter values',
  'metrics.selection': 'Computing metrics',
  'authors.metrics': "Computing the author's metrics",
} as const;

export type LongRead = keyof typeof LONG_READS;

export function isLongRead(channel: string): channel is LongRead {
  return Object.hasOwn(LONG_READS, channel);
}
