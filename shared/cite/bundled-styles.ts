/**
 * The CSL styles and locales Lectern ships, read from @citation-js/plugin-csl's JSON files (APA 7th,
 * NLM/Vancouver, Cite Them Right Harvard; en-US, nl-NL, fr-FR, de-DE, es-ES). The JSON is read on first
 * use, not at start, and only in the main process or plain Node (see node-require.ts).
 */
import { nodeRequire } from './node-require';

export interface BundledStyle {
  id: string;
  title: string;
}

export const BUNDLED_STYLES: readonly BundledStyle[] = [
  { id: 'apa', title: 'American Psychological Association 7th edition' },
  { id: 'vancouver', title: 'Vancouver' },
  { id: 'harvard1', title: 'Harvard (author-date)' },
];

/** The locales the package ships, by their CSL tag. */
export const BUNDLED_LOCALES: readonly string[] = ['en-US', 'nl-NL', 'fr-FR', 'de-DE', 'es-ES'];

/** The locale every style falls back to (CSL's own default). */
export const DEFAULT_LOCALE = 'en-US';

let styles: Record<string, string> | null = null;
let locales: Record<string, string> | null = null;

function styleTable(): Record<string, string> {
  styles ??= nodeRequire('@citation-js/plugin-csl/lib/styles.json') as Record<string, string>;
  return styles;
}

function localeTable(): Record<string, string> {
  locales ??= nodeRequire('@citation-js/plugin-csl/lib/locales.json') as Record<string, string>;
  return locales;
}

/** @returns whether `id` names a bundled style (`apa`, `vancouver`, `harvard1`), without loading any XML. */
export function isBundledStyle(id: string): boolean {
  return BUNDLED_STYLES.some((s) => s.id === id);
}

/** @returns the .csl XML of a bundled style, or null when `id` is not one. */
export function bundledStyleXml(id: string): string | null {
  if (!isBundledStyle(id)) return null;
  return styleTable()[id] ?? null;
}

/**
 * The locale XML for a CSL language tag, as citeproc asks for it: the exact tag when bundled (`de-DE`),
 * else the bundled locale of the same language (`de`, `de-AT` -> `de-DE`), else null (citeproc then
 * falls back to en-US).
 * @param tag a CSL/BCP 47 language tag, any case
 */
export function bundledLocaleXml(tag: string): string | null {
  const name = resolveBundledLocale(tag);
  return name === null ? null : (localeTable()[name] ?? null);
}

/** @returns the bundled locale tag that serves `tag` (`fr` -> `fr-FR`), or null when none does. */
export function resolveBundledLocale(tag: string): string | null {
  const wanted = tag.trim().toLowerCase().replace(/_/g, '-');
  const exact = BUNDLED_LOCALES.find((l) => l.toLowerCase() === wanted);
  if (exact) return exact;
  const language = wanted.split('-')[0];
  return BUNDLED_LOCALES.find((l) => l.toLowerCase().split('-')[0] === language) ?? null;
}
