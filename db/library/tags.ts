/**
 * Tags: list, create, rename, recolour, merge and delete. Every write returns the change that undoes it
 * (db/library/changes.ts).
 */
import { sql } from 'drizzle-orm';
import type { Tag } from '../../shared/contract';
import { LecternError } from '../../shared/errors';
import type { LibraryDb } from '../open';
import { applySteps, nowIso, recorded, type Outcome, type Row, type Step } from './changes';
import { tagSubtreeIds } from './search-query';
import { TRASHED } from './paper-filters';
import { checkColour, checkTagName, tagKey } from './tag-names';

interface TagRecord {
  id: number;
  name: string;
  colour: string | null;
  type: 'manual' | 'imported';
  papers: number;
  subtree: number;
}

/**
 * Every tag, by name (case-insensitive), with the number of papers in the library (not in the trash)
 * carrying it directly (`paperCount`) and carrying it or any tag below it (`subtreeCount`, what filtering
 * by the tag shows).
 */
export function listTags(db: LibraryDb): Tag[] {
  return db
    .all<TagRecord>(
      sql`SELECT t.id, t.name, t.colour, t.type,
        (SELECT COUNT(*) FROM paper_tags pt WHERE pt.tag_id = t.id AND pt.paper_id NOT IN (${TRASHED})) AS papers,
        (SELECT COUNT(DISTINCT pt.paper_id) FROM paper_tags pt WHERE pt.tag_id IN (${tagSubtreeIds(sql`t.name_key`)}) AND pt.paper_id NOT IN (${TRASHED})) AS subtree
        FROM tags t ORDER BY t.name_key`,
    )
    .map((r) => ({ id: r.id, name: r.name, colour: r.colour, type: r.type, paperCount: r.papers, subtreeCount: r.subtree }));
}

function tagRow(db: LibraryDb, id: number): { id: number; name: string; name_key: string; colour: string | null } {
  const row = db.get<{ id: number; name: string; name_key: string; colour: string | null }>(sql`SELECT id, name, name_key, colour FROM tags WHERE id = ${id}`);
  if (!row) throw new LecternError('NOT_FOUND', `There is no tag with id ${id}.`, { id });
  return row;
}

function existingByKey(db: LibraryDb, key: string): { id: number; name: string } | undefined {
  return db.get<{ id: number; name: string }>(sql`SELECT id, name FROM tags WHERE name_key = ${key}`);
}

/**
 * Insert a tag (no transaction, no validation beyond the name); used by createTag and assignTags.
 * @returns the new row's id and the step that deletes it
 */
export function insertTag(db: LibraryDb, name: string, colour: string | null): { id: number; undo: Step } {
  const now = nowIso();
  const id = db.get<{ id: number }>(
    sql`INSERT INTO tags (name, name_key, colour, created_at, updated_at) VALUES (${name}, ${tagKey(name)}, ${colour}, ${now}, ${now}) RETURNING id`,
  )!.id;
  return { id, undo: { op: 'delete', table: 'tags', keys: [{ id }] } };
}

/**
 * Create a tag.
 * @param input.name `/`-separated levels, 1-100 characters (see checkTagName)
 * @param input.colour `#rrggbb` or null (default chip colour)
 * @throws LecternError `INVALID_INPUT` for a bad name or colour, or when a tag of that name exists (ignoring case)
 */
export function createTag(db: LibraryDb, input: { name: string; colour?: string | null }): Outcome<Tag> {
  const name = checkTagName(input.name);
  const colour = input.colour ? checkColour(input.colour) : null;
  return recorded(db, `Create tag ${name}`, () => {
    const clash = existingByKey(db, tagKey(name));
    if (clash) throw new LecternError('INVALID_INPUT', `A tag named "${clash.name}" already exists.`, { id: clash.id });
    const { id, undo } = insertTag(db, name, colour);
    return { value: { id, name, colour, type: 'manual' as const, paperCount: 0, subtreeCount: 0 }, undo: [undo] };
  });
}

/**
 * Rename a tag; tags below it follow (`method` -> `approach` renames `method/rl` to `approach/rl`).
 * @throws LecternError `NOT_FOUND`; `INVALID_INPUT` for a bad name or when the new name (or a child's)
 *   belongs to another tag (merge them instead), or when a tag would move below itself
 */
export function renameTag(db: LibraryDb, input: { id: number; name: string }): Outcome<Tag> {
  const name = checkTagName(input.name);
  return recorded(db, `Rename tag to ${name}`, () => {
    const tag = tagRow(db, input.id);
    const newKey = tagKey(name);
    if (newKey.startsWith(`${tag.name_key}/`)) throw new LecternError('INVALID_INPUT', `"${name}" is inside "${tag.name}": a tag cannot be renamed below itself.`);
    const subtree = db.all<{ id: number; name: string; name_key: string }>(sql`SELECT id, name, name_key FROM tags WHERE id IN (${tagSubtreeIds(tag.name_key)})`);
    const now = nowIso();
    const groups: Array<{ set: Row; keys: Row[] }> = [];
    const moving = new Set(subtree.map((t) => t.id));
    for (const t of subtree) {
      // The tag itself, and children whose names start with its name.
      const renamed = t.id === tag.id ? name : name + t.name.slice(tag.name.length);
      const clash = existingByKey(db, tagKey(renamed));
      if (clash && !moving.has(clash.id)) {
        throw new LecternError('INVALID_INPUT', `A tag named "${clash.name}" already exists: merge the tags instead of renaming.`, { id: clash.id });
      }
      if (t.id !== tag.id && !t.name_key.startsWith(`${tag.name_key}/`)) continue;
      groups.push({ set: { name: renamed, name_key: tagKey(renamed), updated_at: now }, keys: [{ id: t.id }] });
    }
    // Two steps so a swap of keys inside the subtree cannot trip the unique index half-way.
    const undo = applySteps(db, [
      { op: 'update', table: 'tags', groups: groups.map((g) => ({ set: { name_key: `\u0000${g.keys[0]!.id}`, name: g.set.name! }, keys: g.keys })) },
      { op: 'update', table: 'tags', groups },
    ]);
    const t = listTags(db).find((x) => x.id === tag.id)!;
    return { value: t, undo };
  });
}

/**
 * Set or clear a tag's colour.
 * @param input.colour `#rrggbb`, or null for the default
 * @throws LecternError `NOT_FOUND`, `INVALID_INPUT` (colour)
 */
export function recolourTag(db: LibraryDb, input: { id: number; colour: string | null }): Outcome<Tag> {
  const colour = input.colour === null ? null : checkColour(input.colour);
  return recorded(db, 'Change tag colour', () => {
    tagRow(db, input.id);
    const undo = applySteps(db, [{ op: 'update', table: 'tags', groups: [{ set: { colour, updated_at: nowIso() }, keys: [{ id: input.id }] }] }]);
    return { value: listTags(db).find((x) => x.id === input.id)!, undo };
  });
}

/**
 * Merge tags into one: papers carrying any source tag carry the target instead; the sources are deleted.
 * @param input.sourceIds tags to merge away (the target among them is ignored)
 * @param input.targetId the tag that remains
 * @returns the target, with its new paper count
 * @throws LecternError `NOT_FOUND` for any unknown id
 */
export function mergeTags(db: LibraryDb, input: { sourceIds: number[]; targetId: number }): Outcome<Tag> {
  return recorded(db, 'Merge tags', () => {
    const target = tagRow(db, input.targetId);
    const sources = [...new Set(input.sourceIds)].filter((id) => id !== target.id);
    sources.forEach((id) => tagRow(db, id));
    const json = JSON.stringify(sources);
    const adds = db.all<{ paper_id: number }>(
      sql`SELECT DISTINCT paper_id FROM paper_tags WHERE tag_id IN (SELECT value FROM json_each(${json}))
          AND paper_id NOT IN (SELECT paper_id FROM paper_tags WHERE tag_id = ${target.id})`,
    );
    const removes = db.all<{ tag_id: number; paper_id: number }>(sql`SELECT tag_id, paper_id FROM paper_tags WHERE tag_id IN (SELECT value FROM json_each(${json}))`);
    const undo = applySteps(db, [
      { op: 'insert', table: 'paper_tags', rows: adds.map((r) => ({ tag_id: target.id, paper_id: r.paper_id })) },
      { op: 'delete', table: 'paper_tags', keys: removes },
      { op: 'delete', table: 'tags', keys: sources.map((id) => ({ id })) },
    ]);
    return { value: listTags(db).find((x) => x.id === target.id)!, undo };
  });
}

/**
 * Delete tags (their children stay; delete them too by passing their ids). Papers keep everything else.
 * @returns the number of tags deleted
 * @throws LecternError `NOT_FOUND` for an unknown id
 */
export function deleteTags(db: LibraryDb, input: { ids: number[] }): Outcome<{ deleted: number }> {
  const ids = [...new Set(input.ids)];
  return recorded(db, ids.length === 1 ? 'Delete tag' : `Delete ${ids.length} tags`, () => {
    ids.forEach((id) => tagRow(db, id));
    const json = JSON.stringify(ids);
    const links = db.all<{ tag_id: number; paper_id: number }>(sql`SELECT tag_id, paper_id FROM paper_tags WHERE tag_id IN (SELECT value FROM json_each(${json}))`);
    const undo = applySteps(db, [
      { op: 'delete', table: 'paper_tags', keys: links },
      { op: 'delete', table: 'tags', keys: ids.map((id) => ({ id })) },
    ]);
    return { value: { deleted: ids.length }, undo };
  });
}
