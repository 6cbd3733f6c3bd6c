/**
 * Where each item of a CSL-JSON text starts, found by one linear scan (strings and escapes skipped), so
 * a problem with item 3 can name its line and column; and how deep each item nests, so a hostile file
 * nested thousands of levels deep is refused before anything recurses into it.
 */
import type { FilePosition } from '../interop-record';

/** Where items start (UTF-16 offsets) and how deep each nests (1 for `{}`). */
export interface ItemSpans {
  starts: number[];
  depths: number[];
  /** True when the text's top level is an array (items are its elements), false for a single item. */
  isArray: boolean;
}

/** @param text valid JSON (JSON.parse accepted it) */
export function scanItems(text: string): ItemSpans {
  const starts: number[] = [];
  const depths: number[] = [];
  let depth = 0;
  let inString = false;
  let isArray = false;
  let expectValue = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 92) i++; // backslash: skip the escaped character
      else if (c === 34) inString = false;
      continue;
    }
    if (c === 32 || c === 9 || c === 10 || c === 13) continue;
    if (depth === 0 && starts.length === 0) {
      // The top-level value.
      isArray = c === 91;
      if (!isArray) {
        starts.push(i);
        depths.push(0);
      }
      expectValue = isArray;
    } else if (isArray && depth === 1 && expectValue && c !== 93) {
      starts.push(i);
      depths.push(0);
      expectValue = false;
    }
    if (c === 34) inString = true;
    else if (c === 123 || c === 91) {
      depth++;
      const itemDepth = isArray ? depth - 1 : depth;
      const k = depths.length - 1;
      if (k >= 0 && itemDepth > depths[k]!) depths[k] = itemDepth;
    } else if (c === 125 || c === 93) depth--;
    else if (c === 44 && isArray && depth === 1) expectValue = true;
  }
  return { starts, depths, isArray };
}

/**
 * @param text the text the offsets index
 * @param offsets UTF-16 offsets in increasing order
 * @returns their 1-based lines and columns, in one pass over the text
 */
export function positionsOf(text: string, offsets: readonly number[]): FilePosition[] {
  const out: FilePosition[] = [];
  let line = 1;
  let lineStart = 0;
  let i = 0;
  for (const offset of offsets) {
    for (; i < offset && i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c === 10 || (c === 13 && text.charCodeAt(i + 1) !== 10)) {
        line++;
        lineStart = i + 1;
      }
    }
    out.push({ line, column: offset - lineStart + 1 });
  }
  return out;
}
