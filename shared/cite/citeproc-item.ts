/**
 * A CSL-JSON item as citeproc-js needs it. CSL-JSON allows numbers for number variables (`"volume": 12`)
 * and names with only a given name (a mononym such as "Plato"), but citeproc 2.4 fails on the first
 * (`num.match is not a function`) and drops the second from in-text citations. The copy is citeproc's to
 * change; the caller's item is left alone.
 */
import type { CslItemJson } from '../interop/interop-record';

/** CSL 1.0.2 name variables (Appendix IV), and the ones CSL-M and citeproc-js read. */
const NAME_VARIABLES = new Set([
  'author', 'chair', 'collection-editor', 'compiler', 'composer', 'container-author', 'contributor', 'curator',
  'director', 'editor', 'editorial-director', 'executive-producer', 'guest', 'host', 'illustrator', 'interviewer',
  'narrator', 'organizer', 'original-author', 'performer', 'producer', 'recipient', 'reviewed-author',
  'script-writer', 'series-creator', 'translator',
]);

/**
 * @returns a deep copy with: `id` a string, a `type` (CSL's `document` when missing), numbers in
 *   top-level variables as strings, name lists made of name objects (a string becomes `{ literal }`, a name
 *   with only `given` becomes `{ literal: given }`, anything else is dropped)
 */
export function itemForCiteproc(item: CslItemJson): Record<string, unknown> {
  const copy = JSON.parse(JSON.stringify(item)) as Record<string, unknown>;
  copy['id'] = String(item.id);
  if (typeof copy['type'] !== 'string' || copy['type'] === '') copy['type'] = 'document';
  for (const [key, value] of Object.entries(copy)) {
    if (typeof value === 'number') copy[key] = String(value);
    else if (NAME_VARIABLES.has(key)) copy[key] = nameList(value);
  }
  return copy;
}

function nameList(value: unknown): Record<string, unknown>[] {
  if (!Array.isArray(value)) return [];
  const names: Record<string, unknown>[] = [];
  for (const entry of value) {
    if (typeof entry === 'string') {
      if (entry.trim()) names.push({ literal: entry.trim() });
    } else if (entry && typeof entry === 'object') {
      const name = entry as Record<string, unknown>;
      const given = typeof name['given'] === 'string' ? name['given'].trim() : '';
      if (!name['family'] && !name['literal'] && given) names.push({ literal: given });
      else names.push(name);
    }
  }
  return names;
}
