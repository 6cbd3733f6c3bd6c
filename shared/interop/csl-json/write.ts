/** Writing records as CSL-JSON. */
import type { InteropRecord } from '../interop-record';

/**
 * @returns a JSON array of CSL items, 2-space indented: each item's `id` is its citation key, tags go to
 *   `keyword` (comma-separated), names keep their CSL parts
 */
export function writeCslJson(records: readonly InteropRecord[]): string {
  void records;
  throw new Error('writeCslJson: not implemented yet (h-refs)');
}
