/**
 * Collections (or the whole library) kept exported to a file: the rows of `kept_exports`. The writing
 * itself (when, how, the file checks) is electron/handlers/kept-exports.ts; these are its queries.
 */
import { sql } from 'drizzle-orm';
import type { KeptExport } from '../../shared/contract/references';
import type { InteropFormat } from '../../shared/interop/interop-record';
import { LecternError } from '../../shared/errors';
import type { LibraryDb } from '../open';

interface Row {
  id: number;
  collection_id: number | null;
  collection_name: string | null;
  path: string;
  format: string;
  ascii: number;
  last_written_at: string | null;
  last_error: string | null;
}

const toKept = (r: Row): KeptExport => ({
  id: r.id,
  collectionId: r.collection_id,
  collectionName: r.collection_name,
  path: r.path,
  format: r.format as InteropFormat,
  ascii: r.ascii !== 0,
  lastWrittenAt: r.last_written_at,
  lastError: r.last_error,
});

const SELECT = sql`SELECT k.id, k.collection_id, c.name AS collection_name, k.path, k.format, k.ascii, k.last_written_at, k.last_error
  FROM kept_exports k LEFT JOIN collections c ON c.id = k.collection_id`;

/**
 * Every kept export, oldest first. `collectionName` is null for the whole library and for a collection
 * deleted since (then `collectionId` is still set: the writer reports it instead of writing).
 */
export function listKeptExports(db: LibraryDb): KeptExport[] {
  return db.all<Row>(sql`${SELECT} ORDER BY k.id`).map(toKept);
}

/** One kept export, or null when there is none with this id. */
export function getKeptExport(db: LibraryDb, id: number): KeptExport | null {
  const row = db.get<Row>(sql`${SELECT} WHERE k.id = ${id}`);
  return row ? toKept(row) : null;
}

/** Whether the collection exists. */
export function collectionExists(db: LibraryDb, id: number): boolean {
  return db.get(sql`SELECT 1 FROM collections WHERE id = ${id}`) !== undefined;
}

/**
 * Keep `collectionId` (null: the library) exported to `path`, just written at `writtenAt`. A file is
 * written by one kept export only: an existing one with the same path is replaced (its id kept).
 * @returns the stored kept export
 * @throws LecternError `NOT_FOUND` for a collection that does not exist
 */
export function saveKeptExport(
  db: LibraryDb,
  input: { collectionId: number | null; path: string; format: InteropFormat; ascii: boolean; writtenAt: string },
): KeptExport {
  if (input.collectionId !== null && !collectionExists(db, input.collectionId)) {
    throw new LecternError('NOT_FOUND', `There is no collection with id ${input.collectionId}.`, { id: input.collectionId });
  }
  const same = db.get<{ id: number }>(sql`SELECT id FROM kept_exports WHERE path = ${input.path}`);
  const ascii = input.ascii ? 1 : 0;
  if (same) {
    db.run(sql`UPDATE kept_exports SET collection_id = ${input.collectionId}, format = ${input.format}, ascii = ${ascii},
      last_written_at = ${input.writtenAt}, last_error = NULL WHERE id = ${same.id}`);
    return getKeptExport(db, same.id)!;
  }
  const made = db.get<{ id: number }>(sql`INSERT INTO kept_exports (collection_id, path, format, ascii, last_written_at)
    VALUES (${input.collectionId}, ${input.path}, ${input.format}, ${ascii}, ${input.writtenAt}) RETURNING id`)!;
  return getKeptExport(db, made.id)!;
}

/**
 * Record how a write went: `writtenAt` (ISO 8601 UTC) after a successful write, or null to leave the
 * time as it is (the file was already up to date, or the write failed); `error` in words, or null.
 * Nothing happens for a kept export removed meanwhile.
 */
export function recordKeptWrite(db: LibraryDb, id: number, outcome: { writtenAt: string | null; error: string | null }): void {
  if (outcome.writtenAt !== null) {
    db.run(sql`UPDATE kept_exports SET last_written_at = ${outcome.writtenAt}, last_error = ${outcome.error} WHERE id = ${id}`);
  } else {
    db.run(sql`UPDATE kept_exports SET last_error = ${outcome.error} WHERE id = ${id}`);
  }
}

/**
 * Stop keeping a file exported (the file itself is left as it is).
 * @throws LecternError `NOT_FOUND` when there is no kept export with this id
 */
export function removeKeptExport(db: LibraryDb, id: number): void {
  const gone = db.run(sql`DELETE FROM kept_exports WHERE id = ${id}`);
  if (gone.changes === 0) throw new LecternError('NOT_FOUND', `There is no kept export with id ${id}.`, { id });
}
