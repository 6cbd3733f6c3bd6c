/** Writing records as RIS. */
import type { InteropRecord } from '../interop-record';

/**
 * @returns RIS text: one record per item, `TY  - ` first, one `AU` line per author in order, `PY` as
 *   `YYYY` or `YYYY/MM/DD/`, no blank line inside a record, `ER  - ` closing each record; CRLF line ends
 */
export function writeRis(records: readonly InteropRecord[]): string {
  void records;
  throw new Error('writeRis: not implemented yet (h-refs)');
}
