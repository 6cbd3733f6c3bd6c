/**
 * Formatted citations and bibliographies with citeproc-js, offline. Runs in the main process and plain Node
 * (the command line, browser mode's server), never in the renderer: the window asks over a channel.
 *
 * Engines are kept (a few, least recently used first out): building one costs ~10 ms for Vancouver or
 * Harvard but ~400-600 ms and ~90 MB of memory for APA 7 on these machines, because citeproc expands APA's
 * sort-key macros inline (~70,000 tokens). One engine serves all three outputs (citeproc switches its output
 * format per call), so the cache is per style and locale, not per output.
 */
import type { CslItemJson } from '../interop/interop-record';
import { LecternError } from '../errors';
import { BUNDLED_LOCALES, DEFAULT_LOCALE, bundledLocaleXml, resolveBundledLocale } from './bundled-styles';
import { citeproc, type CiteprocEngine } from './citeproc-module';
import { MARKDOWN_FORMAT_NAME } from './markdown-format';

export type CiteOutput = 'text' | 'html' | 'markdown';
export type CiteMode = 'bibliography' | 'citation';

/** A CSL style: its id (`apa`, or the style's own id for added styles) and the .csl XML. */
export interface CslStyleSource {
  id: string;
  xml: string;
}

/** How many engines stay built (an APA engine holds ~90 MB). */
const MAX_ENGINES = 3;

interface CachedEngine {
  engine: CiteprocEngine;
  /** The items of the call in progress, by id; emptied after each call. */
  items: Map<string, unknown>;
}

const engines = new Map<string, CachedEngine>();

/** Drops every built engine (tests; a style removed from the library). */
export function clearCiteEngines(): void {
  engines.clear();
}

/** @returns how many engines are built (tests). */
export function citeEngineCount(): number {
  return engines.size;
}

/**
 * @param items the references (each with a unique `id`)
 * @param options.style the CSL style; options.locale (default: the style's default-locale, else en-US; one
 *   of the bundled locales, or a language they cover such as `de`)
 * @param options.mode `bibliography`: one entry per item, in the style's order; `citation`: one in-text
 *   citation for all the items together (`(Smith, 2020; Lee, 2021)`)
 * @returns the entries and the whole text joined for the clipboard (entries separated by a newline in
 *   text and Markdown, wrapped in the style's div in HTML)
 * @throws LecternError `INVALID_INPUT` when the style cannot format (said in words), an item has no id or
 *   shares one, the locale is not bundled, or the style has no bibliography and one was asked for
 */
export function formatReferences(
  items: readonly CslItemJson[],
  options: { style: CslStyleSource; mode: CiteMode; output: CiteOutput; locale?: string },
): { entries: string[]; text: string } {
  const { style, mode, output } = options;
  const ids = checkItems(items);
  if (ids.length === 0) return { entries: [], text: '' };
  const locale = options.locale === undefined ? undefined : bundledLocaleOrThrow(options.locale);
  const cached = engineFor(style, locale);
  const { engine } = cached;
  try {
    for (const item of items) cached.items.set(String(item.id), forCiteproc(item));
    engine.setOutputFormat(output === 'markdown' ? MARKDOWN_FORMAT_NAME : output);
    engine.updateItems(ids);
    return mode === 'citation' ? citation(engine, ids, output) : bibliography(engine, style, output);
  } catch (err) {
    if (err instanceof LecternError) throw err;
    // A style that fails once may have left the engine half-way through; build it again next time.
    engines.delete(engineKey(style, locale));
    throw new LecternError('INVALID_INPUT', `The citation style '${style.id}' could not format these references: ${citeprocMessage(err)}.`, undefined, { cause: err });
  } finally {
    // Forget the items so an edited paper is read afresh next time (citeproc keeps what it registered).
    try {
      engine.updateItems([]);
    } catch {
      engines.delete(engineKey(style, locale));
    }
    cached.items.clear();
  }
}

function citation(engine: CiteprocEngine, ids: string[], output: CiteOutput): { entries: string[]; text: string } {
  const text = engine.makeCitationCluster(ids.map((id) => ({ id })));
  const clean = output === 'html' ? text : oneLine(text);
  return { entries: [clean], text: clean };
}

function bibliography(engine: CiteprocEngine, style: CslStyleSource, output: CiteOutput): { entries: string[]; text: string } {
  const made = engine.makeBibliography();
  if (!made) {
    throw new LecternError('INVALID_INPUT', `The citation style '${style.id}' has no bibliography; copy an in-text citation instead.`);
  }
  const [params, raw] = made;
  if (output === 'html') {
    const entries = raw.map((e) => e.trim());
    return { entries, text: `${params.bibstart}${raw.join('')}${params.bibend}` };
  }
  const entries = raw.map(oneLine);
  return { entries, text: entries.join('\n') };
}

/** An entry on one line: citeproc's text output puts blocks and indents on lines of their own. */
function oneLine(entry: string): string {
  return entry.replace(/\s*\n\s*/g, ' ').trim();
}

function checkItems(items: readonly CslItemJson[]): string[] {
  if (!Array.isArray(items)) throw new LecternError('INVALID_INPUT', 'The references to format must be a list.');
  const seen = new Set<string>();
  items.forEach((item, i) => {
    const id = item && typeof item === 'object' ? item.id : undefined;
    if ((typeof id !== 'string' && typeof id !== 'number') || String(id) === '') {
      throw new LecternError('INVALID_INPUT', `Reference ${i + 1} has no id; every reference to format needs one.`);
    }
    if (seen.has(String(id))) throw new LecternError('INVALID_INPUT', `Two references share the id '${id}'; each needs its own.`);
    seen.add(String(id));
  });
  return [...seen];
}

/** A copy citeproc may change at will, with a type (CSL's `document` when the item has none). */
function forCiteproc(item: CslItemJson): unknown {
  const copy = JSON.parse(JSON.stringify(item)) as Record<string, unknown>;
  copy['id'] = String(item.id);
  if (typeof copy['type'] !== 'string' || copy['type'] === '') copy['type'] = 'document';
  return copy;
}

function bundledLocaleOrThrow(tag: string): string {
  const found = resolveBundledLocale(tag);
  if (found === null) {
    throw new LecternError('INVALID_INPUT', `Lectern has no citation locale '${tag}'; it has ${BUNDLED_LOCALES.join(', ')}.`);
  }
  return found;
}

function engineKey(style: CslStyleSource, locale: string | undefined): string {
  return `${locale ?? ''}\u0000${style.id}\u0000${style.xml}`;
}

function engineFor(style: CslStyleSource, locale: string | undefined): CachedEngine {
  const key = engineKey(style, locale);
  const hit = engines.get(key);
  if (hit) {
    engines.delete(key);
    engines.set(key, hit);
    return hit;
  }
  const items = new Map<string, unknown>();
  const sys = {
    retrieveItem: (id: string) => items.get(String(id)),
    // A style may ask for a locale Lectern does not ship (its default-locale): it gets en-US's terms,
    // still overridden by the style's own <locale> blocks, rather than failing.
    retrieveLocale: (lang: string) => bundledLocaleXml(lang) ?? bundledLocaleXml(DEFAULT_LOCALE) ?? false,
  };
  let engine: CiteprocEngine;
  try {
    const CSL = citeproc();
    engine = new CSL.Engine(sys, style.xml, locale ?? DEFAULT_LOCALE, locale !== undefined);
  } catch (err) {
    if (err instanceof LecternError) throw err;
    throw new LecternError('INVALID_INPUT', `The citation style '${style.id}' cannot be used: ${citeprocMessage(err)}.`, undefined, { cause: err });
  }
  // URLs and DOIs as links in HTML and Markdown (no effect on text).
  engine.opt.development_extensions['wrap_url_and_doi'] = true;
  const cached = { engine, items };
  engines.set(key, cached);
  while (engines.size > MAX_ENGINES) engines.delete(engines.keys().next().value as string);
  return cached;
}

/**
 * citeproc's complaint in a sentence: it throws strings ("citeproc-js error: …") as well as Errors, and a
 * broken style can make it fail inside with a TypeError; only the first line of the message is kept, never
 * a stack.
 */
export function citeprocMessage(err: unknown): string {
  const raw = err instanceof Error ? err.message : typeof err === 'string' ? err : 'it failed for an unknown reason';
  const first = (raw.split('\n')[0] ?? '').replace(/^citeproc-js error:\s*/i, '').replace(/^CSL processor error:\s*/i, '').trim();
  const short = first.length > 200 ? `${first.slice(0, 197)}…` : first;
  return short.replace(/[.\s]+$/, '') || 'it failed for an unknown reason';
}
