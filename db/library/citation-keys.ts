/**
 * Citation keys: a paper gets one the first time it is exported or cited by key, from the user's pattern
 * (setting `citation-key.pattern`, default DEFAULT_CITATION_KEY_PATTERN), made unique in the library
 * (`smith2020a`, `smith2020b`), and keeps it. A pinned key (from an imported file, or set by hand) is
 * never regenerated; a pattern change leaves given keys alone.
 */
import { LecternError } from '../../shared/errors';
import { CitationKeyAllocator, DEFAULT_CITATION_KEY_PATTERN, formatCitationKey, uniqueCitationKey } from '../../shared/interop/citation-key';
import type { CslItemJson } from '../../shared/interop/interop-record';
import type { LibraryDb } from '../open';
import { recorded, type Outcome } from './changes';
import { paperCslItems } from './paper-records-out';
import { getSetting, setSetting } from './settings';

export const PATTERN_SETTING = 'citation-key.pattern';
/** What a key may hold: ASCII letters, digits and `-_:.` (what BibTeX and LaTeX accept everywhere). */
const KEY_SHAPE = /^[A-Za-z0-9_:.-]{1,200}$/;

/** The sample a new pattern is tried on when the library is empty. */
const SAMPLE: CslItemJson = {
  id: 'sample',
  type: 'article-journal',
  title: 'Deep learning for reference managers',
  author: [{ family: 'Smith', given: 'Jane' }],
  issued: { 'date-parts': [[2020]] },
};

/** @returns the pattern keys are made from, and whether it is the default */
export function citationKeyPattern(db: LibraryDb): { pattern: string; isDefault: boolean } {
  const stored = getSetting(db, PATTERN_SETTING);
  return typeof stored === 'string' && stored.trim() !== '' ? { pattern: stored, isDefault: stored === DEFAULT_CITATION_KEY_PATTERN } : { pattern: DEFAULT_CITATION_KEY_PATTERN, isDefault: true };
}

/**
 * Check and keep a new pattern; keys already given are kept.
 * @returns an example key: the pattern applied to the first paper of the library, or to a sample
 * @throws LecternError `INVALID_INPUT` from formatCitationKey (an unknown field or filter, with its column)
 */
export function setCitationKeyPattern(db: LibraryDb, pattern: string): { example: string } {
  const first = db.$client.prepare('SELECT id FROM papers WHERE deleted_at IS NULL ORDER BY id LIMIT 1').get() as { id: number } | undefined;
  const item = (first && paperCslItems(db, [first.id])[0]) || SAMPLE;
  const example = formatCitationKey(item, pattern);
  setSetting(db, PATTERN_SETTING, pattern);
  return { example };
}

/** `base`, or `base` + a, b, ... when another paper has it. */
export function uniqueKeyIn(db: LibraryDb, base: string): string {
  const taken = db.$client.prepare('SELECT 1 FROM papers WHERE citation_key = ?').pluck();
  return uniqueCitationKey(base, (key) => taken.get(key) !== undefined);
}

/**
 * uniqueKeyIn for a run of keys (one import): per base, suffixes already found taken are not asked again,
 * so N papers sharing a base cost N point lookups on the unique index, not N²/2 (10,000 clashing entries
 * took 75 s to import).
 * @returns a function base -> free key; keys it returns must be written before the next call
 */
export function keyAllocatorIn(db: LibraryDb): (base: string) => string {
  const taken = db.$client.prepare('SELECT 1 FROM papers WHERE citation_key = ?').pluck();
  const allocator = new CitationKeyAllocator((key) => taken.get(key) !== undefined);
  return (base) => allocator.unique(base);
}

/**
 * Give every paper of `ids` that has no key one from the pattern (call inside a write transaction).
 * Keys taken are read once into memory and every new key is written by one prepared statement, so
 * 50,000 papers take one pass. Updating `citation_key` fires no full-text trigger (migration 0007's
 * update trigger is on the indexed columns only).
 * @returns how many keys were given
 */
export function assignCitationKeys(db: LibraryDb, ids: readonly number[]): number {
  if (ids.length === 0) return 0;
  const c = db.$client;
  const missing = (c.prepare('SELECT id FROM papers WHERE citation_key IS NULL AND id IN (SELECT value FROM json_each(?))').pluck().all(JSON.stringify(ids)) as number[]);
  if (missing.length === 0) return 0;
  const { pattern } = citationKeyPattern(db);
  const taken = new Set(c.prepare('SELECT citation_key FROM papers WHERE citation_key IS NOT NULL').pluck().all() as string[]);
  const update = c.prepare('UPDATE papers SET citation_key = ?, citation_key_pinned = 0 WHERE id = ?');
  const items = paperCslItems(db, missing);
  const allocator = new CitationKeyAllocator((k) => taken.has(k));
  for (let i = 0; i < missing.length; i++) {
    const key = allocator.unique(formatCitationKey(items[i]!, pattern));
    taken.add(key);
    update.run(key, missing[i]);
  }
  return missing.length;
}

/**
 * Set a paper's key by hand (pinned), or with null unpin it and give it one from the pattern.
 * @returns the key the paper has now, and the change that undoes it
 * @throws LecternError `NOT_FOUND` (paper); `INVALID_INPUT` for a key with other characters than ASCII
 *   letters, digits and `-_:.`, or one another paper has ("smith2020 is already the key of 'Title'")
 */
export function setCitationKey(db: LibraryDb, input: { paperId: number; key: string | null }): Outcome<{ key: string }> {
  const c = db.$client;
  return recorded(db, 'Set citation key', () => {
    const before = c.prepare('SELECT citation_key AS key, citation_key_pinned AS pinned FROM papers WHERE id = ?').get(input.paperId) as { key: string | null; pinned: number } | undefined;
    if (!before) throw new LecternError('NOT_FOUND', `There is no paper with id ${input.paperId}.`, { id: input.paperId });
    let key: string;
    if (input.key === null) {
      // Cleared first, so the pattern may give the paper back the key it had.
      c.prepare('UPDATE papers SET citation_key = NULL, citation_key_pinned = 0 WHERE id = ?').run(input.paperId);
      assignCitationKeys(db, [input.paperId]);
      key = (c.prepare('SELECT citation_key FROM papers WHERE id = ?').pluck().get(input.paperId) as string);
    } else {
      key = input.key.trim();
      if (!KEY_SHAPE.test(key)) {
        throw new LecternError('INVALID_INPUT', `"${key.slice(0, 60)}" cannot be a citation key: use ASCII letters, digits and - _ : . only.`, { field: 'citationKey' });
      }
      const owner = c.prepare('SELECT id, title FROM papers WHERE citation_key = ? AND id <> ?').get(key, input.paperId) as { id: number; title: string } | undefined;
      if (owner) throw new LecternError('INVALID_INPUT', `${key} is already the key of '${owner.title}'.`, { field: 'citationKey', paperId: owner.id });
      c.prepare('UPDATE papers SET citation_key = ?, citation_key_pinned = 1 WHERE id = ?').run(key, input.paperId);
    }
    const unchanged = before.key === key && before.pinned === (input.key === null ? 0 : 1);
    return {
      value: { key },
      undo: unchanged ? [] : [{ op: 'update', table: 'papers', groups: [{ set: { citation_key: before.key, citation_key_pinned: before.pinned }, keys: [{ id: input.paperId }] }] }],
    };
  });
}
