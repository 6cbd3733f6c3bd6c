/**
 * citeproc-js (the `citeproc` package, CommonJS, no types), loaded once on first use, with the pieces
 * Lectern adds to it: the Markdown output format, a silent debug channel (citeproc prints warnings with
 * console.log, which would land in `lectern cite` output) and two speed-ups (citeproc-speedups.ts).
 */
import { nodeRequire } from './node-require';
import { MARKDOWN_FORMAT_NAME, markdownOutputFormat } from './markdown-format';
import { applyCiteprocSpeedups } from './citeproc-speedups';

/** The subset of citeproc's `sys` object Lectern provides. */
export interface CiteprocSys {
  retrieveItem(id: string): unknown;
  retrieveLocale(lang: string): string | false;
}

/** Bibliography parameters citeproc returns beside the entries. */
export interface BibliographyParams {
  bibstart: string;
  bibend: string;
  entry_ids: string[][];
  bibliography_errors: unknown[];
  'second-field-align'?: string | false;
  hangingindent?: boolean;
}

/** The methods of a citeproc engine Lectern calls. */
export interface CiteprocEngine {
  setOutputFormat(format: string): void;
  updateItems(ids: string[]): void;
  makeBibliography(): [BibliographyParams, string[]] | false;
  makeCitationCluster(items: { id: string }[]): string;
  opt: { development_extensions: Record<string, unknown>; xclass?: string; 'default-locale'?: string[] };
  cslXml: { dataObj: unknown };
}

/** The global CSL object of citeproc-js. */
export interface CiteprocCsl {
  Engine: new (sys: CiteprocSys, style: string, lang?: string, forceLang?: boolean) => CiteprocEngine;
  Output: { Formats: Record<string, unknown> };
  XmlJSON: { prototype: { getNodesByName: (...args: unknown[]) => unknown[] } };
  toLocaleLowerCase: (this: unknown, s: string) => string;
  toLocaleUpperCase: (this: unknown, s: string) => string;
  debug: (message: string) => void;
  PROCESSOR_VERSION: string;
}

let csl: CiteprocCsl | null = null;

/** @returns citeproc's CSL object, ready (first call ~25 ms to load the 1 MB library). */
export function citeproc(): CiteprocCsl {
  if (csl === null) {
    const loaded = nodeRequire('citeproc') as CiteprocCsl;
    loaded.debug = () => {};
    loaded.Output.Formats[MARKDOWN_FORMAT_NAME] = markdownOutputFormat(loaded);
    applyCiteprocSpeedups(loaded);
    csl = loaded;
  }
  return csl;
}
