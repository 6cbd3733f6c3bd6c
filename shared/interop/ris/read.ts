/** Reading an RIS file (Research Information Systems tagged format) into records. */
import type { InteropReadResult, ReadOptions } from '../interop-record';

/**
 * @param text the whole file (decoded; BOM removed; LF or CRLF)
 * @returns every record between `TY  -` and `ER  -`, and one problem per line or record that could not be read
 */
export function readRis(text: string, options: ReadOptions = {}): InteropReadResult {
  void text;
  void options;
  throw new Error('readRis: not implemented yet (h-refs)');
}
