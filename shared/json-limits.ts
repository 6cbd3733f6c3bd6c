/**
 * Limits on free-form JSON values taken from outside (`settings.set`'s value is the only input of the
 * contract that accepts any structure). Checked without recursion, so a value nested a million levels
 * deep is refused with a sentence instead of overflowing the stack in JSON.stringify or a structured clone.
 */

/** Deepest nesting of arrays and objects accepted (the window's preferences use 3). */
export const JSON_MAX_DEPTH = 32;
/** Largest value accepted, as UTF-8 JSON text (bytes): 64 kB, in SI units as every size Lectern shows. */
export const JSON_MAX_BYTES = 64_000;

/** UTF-8 length of a string without encoding it. */
function utf8Bytes(text: string): number {
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i);
    if (unit < 0x80) bytes += 1;
    else if (unit < 0x800) bytes += 2;
    else if (unit >= 0xd800 && unit <= 0xdbff && i + 1 < text.length && (text.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
      bytes += 4;
      i++;
    } else bytes += 3;
  }
  return bytes;
}

function tooLarge(): string {
  return `The value is over ${JSON_MAX_BYTES / 1000} kB as JSON`;
}

function isPlainObject(value: object): boolean {
  const proto = Object.getPrototypeOf(value) as unknown;
  return proto === Object.prototype || proto === null;
}

/**
 * Check that `value` is plain JSON data within the limits.
 * @param value anything (from JSON.parse, a structured clone or an in-process caller)
 * @returns null when it is acceptable, else a sentence (no final period: dispatch adds one) saying what is wrong: nested deeper than
 *   JSON_MAX_DEPTH, over JSON_MAX_BYTES as JSON, or holding something JSON cannot keep (a bigint, a
 *   function, a symbol, a Map, a Date …). Numbers that JSON cannot write (NaN, Infinity) are accepted and
 *   kept as null, as JSON.stringify does.
 */
export function jsonValueProblem(value: unknown): string | null {
  // Each entry: a value and its depth. `budget` counts bytes of JSON text as if written out (estimated
  // from below, so a value under the limit is never refused; JSON.stringify then measures exactly).
  const stack: Array<[unknown, number]> = [[value, 0]];
  let budget = 0;
  while (stack.length > 0) {
    const [item, depth] = stack.pop()!;
    if (item === undefined) continue; // left out of objects (null in arrays: counted by the array)
    if (item === null || typeof item === 'boolean') budget += 4;
    else if (typeof item === 'number') budget += 1;
    else if (typeof item === 'string') budget += item.length > JSON_MAX_BYTES ? item.length : utf8Bytes(item) + 2;
    else if (typeof item === 'object') {
      if (depth >= JSON_MAX_DEPTH) return `The value is nested more than ${JSON_MAX_DEPTH} levels deep`;
      if (Array.isArray(item)) {
        budget += 2 + item.length;
        if (budget > JSON_MAX_BYTES) return tooLarge();
        for (const element of item) stack.push([element, depth + 1]);
      } else if (isPlainObject(item)) {
        budget += 2;
        for (const key of Object.keys(item)) {
          const member = (item as Record<string, unknown>)[key];
          if (member === undefined) continue;
          budget += utf8Bytes(key) + 3;
          if (budget > JSON_MAX_BYTES) break;
          stack.push([member, depth + 1]);
        }
      } else {
        return 'The value holds something JSON cannot keep (only objects, arrays, strings, numbers, true, false and null)';
      }
    } else {
      return `The value holds a ${typeof item}, which JSON cannot keep (only objects, arrays, strings, numbers, true, false and null)`;
    }
    if (budget > JSON_MAX_BYTES) return tooLarge();
  }
  // Within the depth limit, so JSON.stringify cannot overflow the stack.
  if (utf8Bytes(JSON.stringify(value ?? null)) > JSON_MAX_BYTES) return tooLarge();
  return null;
}
