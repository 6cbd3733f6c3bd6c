/** Writing records as CSL-JSON. */
import { withArxiv } from '../arxiv-csl';
import type { CslItemJson, InteropRecord } from '../interop-record';

/**
 * @returns a JSON array of CSL items, 2-space indented, ending in a newline: each item's `id` is its
 *   citation key (the item's own id when it has none), tags go to `keyword` (comma-separated), the note
 *   (else the item's own `note`) to `note`, names keep their CSL parts, an arXiv id is `number`
 *   `arXiv:ID`, a preprint's `publisher` `arXiv` and the abstract page `URL` (arxiv-csl.ts). `extra`
 *   (fields with no CSL home) is not written.
 */
export function writeCslJson(records: readonly InteropRecord[]): string {
  const items = records.map((r): CslItemJson => {
    const { id, keyword: _k, note: _n, 'citation-key': _c, ...item } = withArxiv(r.item, r.arxivId);
    const out: CslItemJson = { id: r.citationKey ?? id, ...item };
    if (r.tags.length) out.keyword = r.tags.join(', ');
    if (r.note !== null && r.note !== '') out.note = r.note;
    else if (typeof r.item.note === 'string' && r.item.note !== '') out.note = r.item.note;
    return out;
  });
  return `${JSON.stringify(items, null, 2)}\n`;
}
