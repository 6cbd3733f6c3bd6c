/**
 * Putting tags on papers and taking them off, for one paper or thousands: each is one statement over
 * the whole selection, and so is its undo.
 */
import { sql } from 'drizzle-orm';
import { LecternError } from '../../shared/errors';
import type { LibraryDb } from '../open';
import { applySteps, recorded, type Outcome, type Step } from './changes';
import { checkPaperIds } from './paper-ids';
import { checkTagName, tagKey } from './tag-names';
import { insertTag } from './tags';

function checkTagIds(db: LibraryDb, ids: readonly number[]): number[] {
  const unique = [...new Set(ids)];
  const missing = db.all<{ id: number }>(sql`SELECT value AS id FROM json_each(${JSON.stringify(unique)}) WHERE value NOT IN (SELECT id FROM tags)`);
  if (missing.length) throw new LecternError('NOT_FOUND', `There is no tag with id ${missing.map((m) => m.id).join(', ')}.`, { missing: missing.map((m) => m.id) });
  return unique;
}

/**
 * Tag papers. Tags named in `names` that do not exist yet are created (the type-ahead's "new tag").
 * @param input.paperIds papers to tag (up to the whole library)
 * @param input.tagIds existing tags
 * @param input.names tag names, found ignoring case or created (same rules as createTag)
 * @returns how many (paper, tag) links were added (links already there are not counted) and the tag ids used
 * @throws LecternError `NOT_FOUND` (paper or tag id), `INVALID_INPUT` (a name)
 */
export function assignTags(db: LibraryDb, input: { paperIds: number[]; tagIds?: number[]; names?: string[] }): Outcome<{ added: number; tagIds: number[] }> {
  const names = (input.names ?? []).map(checkTagName);
  return recorded(db, `Tag ${input.paperIds.length.toLocaleString('en')} paper${input.paperIds.length === 1 ? '' : 's'}`, () => {
    const paperIds = checkPaperIds(db, input.paperIds);
    const tagIds = checkTagIds(db, input.tagIds ?? []);
    const created: Step[] = [];
    for (const name of names) {
      const existing = db.get<{ id: number }>(sql`SELECT id FROM tags WHERE name_key = ${tagKey(name)}`);
      if (existing) {
        tagIds.push(existing.id);
      } else {
        const t = insertTag(db, name, null);
        tagIds.push(t.id);
        created.push(t.undo);
      }
    }
    const tags = [...new Set(tagIds)];
    const rows = db.all<{ tag_id: number; paper_id: number }>(
      sql`SELECT t.value AS tag_id, p.value AS paper_id FROM json_each(${JSON.stringify(tags)}) t, json_each(${JSON.stringify(paperIds)}) p
          WHERE NOT EXISTS (SELECT 1 FROM paper_tags pt WHERE pt.tag_id = t.value AND pt.paper_id = p.value)`,
    );
    const undo = applySteps(db, [{ op: 'insert', table: 'paper_tags', rows }]);
    // Undo removes the links first, then the tags this call created.
    return { value: { added: rows.length, tagIds: tags }, undo: [...undo, ...created.reverse()] };
  });
}

/**
 * Take tags off papers (only these tags: children stay).
 * @returns how many links were removed
 * @throws LecternError `NOT_FOUND`
 */
export function removeTags(db: LibraryDb, input: { paperIds: number[]; tagIds: number[] }): Outcome<{ removed: number }> {
  return recorded(db, `Untag ${input.paperIds.length.toLocaleString('en')} paper${input.paperIds.length === 1 ? '' : 's'}`, () => {
    const paperIds = checkPaperIds(db, input.paperIds);
    const tagIds = checkTagIds(db, input.tagIds);
    const keys = db.all<{ tag_id: number; paper_id: number }>(
      sql`SELECT tag_id, paper_id FROM paper_tags WHERE tag_id IN (SELECT value FROM json_each(${JSON.stringify(tagIds)}))
          AND paper_id IN (SELECT value FROM json_each(${JSON.stringify(paperIds)}))`,
    );
    const undo = applySteps(db, [{ op: 'delete', table: 'paper_tags', keys }]);
    return { value: { removed: keys.length }, undo };
  });
}
