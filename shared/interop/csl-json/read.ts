/** Reading a CSL-JSON file (an array of CSL items, or one item) into records. */
import type { InteropReadResult, ReadOptions } from '../interop-record';

/**
 * @returns every item that is a valid CSL item, one problem per item that is not (line and column of the
 *   item), or a single problem with the line and column of a JSON syntax error (then no records)
 */
export function readCslJson(text: string, options: ReadOptions = {}): InteropReadResult {
  void text;
  void options;
  throw new Error('readCslJson: not implemented yet (h-refs)');
}
