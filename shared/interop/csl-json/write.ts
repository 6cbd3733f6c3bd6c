/** Writing records as CSL-JSON. */
import type { CslItemJson, InteropRecord } from '../interop-record';

/**
 * @returns a JSON array of CSL items, 2-space indented, ending in a newline: each item's `id` is its
 *   citation key (the item's own id when it has none), tags go to `keyword` (comma-separated), the note
 *   to `note`, names keep their CSL parts. `extra` (fields with no CSL home) is not written.
 */
export function writeCslJson(records: readonly InteropRecord[]): string {
  const items = records.map((r): CslItemJson => {
    const { id, keyword: _k, note: _n, 'citation-key': _c, ...item } = r.item;
    const out: CslItemJson = { id: r.citationKey ?? id, ...item };
    if (r.tags.length) out.keyword = r.tags.join(', ');
    if (r.note !== null && r.note !== '') out.note = r.note;
    return out;
  });
  return `${JSON.stringify(items, null, 2)}\n`;
}
