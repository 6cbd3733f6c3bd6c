/**
 * What a reference file gives a paper besides its record: tags (BibTeX `keywords`, RIS `KW`), a note
 * (`annote`, `N1`), the citation key the file used, and the printed authors linked to author entities.
 * Prepared once per import; every statement is keyed so a re-import adds nothing it already added.
 */
import type Database from 'better-sqlite3';
import { LecternError } from '../../shared/errors';
import type { LibraryDb } from '../open';
import { nameKey } from './keys';
import type { RecordAuthorIn } from './reference-record-in';
import { checkTagName, tagKey } from './tag-names';

/** Largest note an import stores (as notes.ts allows), in UTF-8 bytes. */
const NOTE_MAX_BYTES = 1_000_000;

function prepare(c: Database.Database) {
  return {
    tagByKey: c.prepare('SELECT id FROM tags WHERE name_key = ?'),
    insertTag: c.prepare(`INSERT INTO tags (name, name_key, type, created_at, updated_at) VALUES (?, ?, 'imported', ?, ?) RETURNING id`),
    tagPaper: c.prepare('INSERT OR IGNORE INTO paper_tags (tag_id, paper_id) VALUES (?, ?)'),
    noteExists: c.prepare('SELECT 1 FROM notes WHERE paper_id = ? AND body = ?'),
    insertNote: c.prepare('INSERT INTO notes (paper_id, body, created_at, updated_at) VALUES (?, ?, ?, ?)'),
    keyOwner: c.prepare('SELECT id, title FROM papers WHERE citation_key = ?'),
    keyOf: c.prepare('SELECT citation_key AS key, citation_key_pinned AS pinned FROM papers WHERE id = ?'),
    setKey: c.prepare('UPDATE papers SET citation_key = ?, citation_key_pinned = 1 WHERE id = ?'),
    authorByKey: c.prepare('SELECT id FROM authors WHERE name_key = ?'),
    insertAuthor: c.prepare('INSERT INTO authors (name, name_key) VALUES (?, ?) RETURNING id'),
    insertPaperAuthor: c.prepare(
      `INSERT INTO paper_authors (paper_id, position, printed_name, family, given, dropping_particle, non_dropping_particle, suffix, literal, author_id)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ),
    deletePaperAuthors: c.prepare('DELETE FROM paper_authors WHERE paper_id = ?'),
    authorsOf: c.prepare('SELECT author_id AS id FROM paper_authors WHERE paper_id = ?'),
  };
}

export class ReferenceExtras {
  private readonly tagIds = new Map<string, number>();
  private readonly authorIds = new Map<string, number>();
  private readonly s: ReturnType<typeof prepare>;
  /** Every author linked by this import (their paper counts are refreshed at the end). */
  readonly touchedAuthors = new Set<number>();

  constructor(db: LibraryDb, private readonly now: string) {
    this.s = prepare(db.$client);
  }

  /**
   * Tag a paper with the file's tags: existing tags matched ignoring case, missing ones created as `imported`.
   * @returns how many tags were newly put on the paper, and a warning per name that cannot be a tag
   */
  tag(paperId: number, names: readonly string[]): { added: number; warnings: string[] } {
    let added = 0;
    const warnings: string[] = [];
    for (const raw of names) {
      let name: string;
      try {
        name = checkTagName(raw);
      } catch (err) {
        warnings.push(`keyword "${raw.slice(0, 60)}" was not made a tag: ${err instanceof LecternError ? err.message : 'not a tag name'}`);
        continue;
      }
      const key = tagKey(name);
      let id = this.tagIds.get(key);
      if (id === undefined) {
        id = (this.s.tagByKey.get(key) as { id: number } | undefined)?.id ?? (this.s.insertTag.get(name, key, this.now, this.now) as { id: number }).id;
        this.tagIds.set(key, id);
      }
      added += this.s.tagPaper.run(id, paperId).changes;
    }
    return { added, warnings };
  }

  /** Add the file's note to a paper unless the same text is already one of its notes. @returns true when added */
  note(paperId: number, body: string | null): boolean {
    const text = body?.trim();
    if (!text || Buffer.byteLength(text) > NOTE_MAX_BYTES) return false;
    if (this.s.noteExists.get(paperId, text)) return false;
    this.s.insertNote.run(paperId, text, this.now, this.now);
    return true;
  }

  /**
   * Pin the file's citation key on a paper that has no pinned key. When another paper holds it, the
   * paper gets the first free `key` + a, b, ... instead.
   * @returns whether the key changed, and a warning when it clashed
   */
  citationKey(paperId: number, fileKey: string | null, unique: (base: string) => string): { changed: boolean; warning: string | null } {
    if (!fileKey) return { changed: false, warning: null };
    const current = this.s.keyOf.get(paperId) as { key: string | null; pinned: number };
    if (current.pinned || current.key === fileKey) return { changed: false, warning: null };
    const owner = this.s.keyOwner.get(fileKey) as { id: number; title: string } | undefined;
    if (!owner) {
      this.s.setKey.run(fileKey, paperId);
      return { changed: true, warning: null };
    }
    const other = unique(fileKey);
    this.s.setKey.run(other, paperId);
    return { changed: other !== current.key, warning: `citation key '${fileKey}' is already the key of '${owner.title}'; this entry was given '${other}'` };
  }

  /** Replace a paper's authors by these (in order), each linked to an author entity by name key. */
  writeAuthors(paperId: number, list: readonly RecordAuthorIn[], replacing: boolean): void {
    if (replacing) {
      for (const r of this.s.authorsOf.all(paperId) as Array<{ id: number }>) this.touchedAuthors.add(r.id);
      this.s.deletePaperAuthors.run(paperId);
    }
    list.forEach((a, position) => {
      const authorId = this.author(a.printedName);
      this.s.insertPaperAuthor.run(paperId, position, a.printedName, a.family, a.given, a.droppingParticle, a.nonDroppingParticle, a.suffix, a.literal, authorId);
    });
  }

  private author(name: string): number {
    const key = nameKey(name) || name;
    let id = this.authorIds.get(key);
    if (id === undefined) {
      id = (this.s.authorByKey.get(key) as { id: number } | undefined)?.id ?? (this.s.insertAuthor.get(name, key) as { id: number }).id;
      this.authorIds.set(key, id);
    }
    this.touchedAuthors.add(id);
    return id;
  }
}
