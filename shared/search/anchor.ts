/**
 * Finding an annotation's span again after the abstract changed (a re-import with a corrected abstract).
 * Pure, so the renderer and the library agree on where a highlight goes.
 */

export interface Anchor {
  start: number;
  end: number;
}

/**
 * Where `quote` is in `text` now (offsets in UTF-16 code units, as JavaScript strings index).
 * @param text the abstract as it is now (null: the paper has none)
 * @param quote the annotated text, as stored when the annotation was made
 * @param start where the quote began then
 * @returns the span at `start` when the text there is unchanged, else the occurrence of the quote nearest
 *   to `start`, else null (the quote is no longer in the abstract; the annotation keeps its quote and comment)
 */
export function locateQuote(text: string | null, quote: string, start: number): Anchor | null {
  if (text === null || quote === '') return null;
  if (text.startsWith(quote, start)) return { start, end: start + quote.length };
  let best: number | null = null;
  for (let i = text.indexOf(quote); i >= 0; i = text.indexOf(quote, i + 1)) {
    if (best === null || Math.abs(i - start) < Math.abs(best - start)) best = i;
  }
  return best === null ? null : { start: best, end: best + quote.length };
}
