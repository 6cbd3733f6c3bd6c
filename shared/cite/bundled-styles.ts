/** The CSL styles Lectern ships (from @citation-js/plugin-csl): APA, Vancouver and Harvard. */

export interface BundledStyle {
  id: string;
  title: string;
}

export const BUNDLED_STYLES: readonly BundledStyle[] = [
  { id: 'apa', title: 'American Psychological Association 7th edition' },
  { id: 'vancouver', title: 'Vancouver' },
  { id: 'harvard1', title: 'Harvard (author-date)' },
];

/** @returns the .csl XML of a bundled style, or null when `id` is not one. */
export function bundledStyleXml(id: string): string | null {
  void id;
  throw new Error('bundledStyleXml: not implemented yet (h-cite)');
}
