/**
 * Tables for getting references out (issue 11): CSL styles the user added, and collections kept exported
 * to a file. Part of the library schema (db/schema.ts re-exports this file; drizzle-kit reads both).
 */
import { sql } from 'drizzle-orm';
import { integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';

/** CSL styles added by the user (`.csl` files), checked when added. The bundled styles are not stored. */
export const cslStyles = sqliteTable(
  'csl_styles',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    /** The style's own id: the last part of its `<id>` URI (`ieee`). */
    styleId: text('style_id').notNull(),
    /** `<title>` of the style. */
    title: text('title').notNull(),
    /** The .csl file's text. */
    xml: text('xml').notNull(),
    /** The name of the file it was added from. */
    fileName: text('file_name'),
    /** ISO 8601 UTC. */
    addedAt: text('added_at').notNull().default(sql`(strftime('%Y-%m-%dT%H:%M:%fZ','now'))`),
  },
  (t) => [uniqueIndex('csl_styles_style_id_idx').on(t.styleId)],
);

/**
 * "Keep exported": a file rewritten after every change to what it exports. `collection_id` null means the
 * whole library.
 */
export const keptExports = sqliteTable('kept_exports', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  collectionId: integer('collection_id'),
  /** Absolute path of the file. */
  path: text('path').notNull(),
  /** One of INTEROP_FORMATS (shared/interop/interop-record.ts). */
  format: text('format').notNull(),
  /** Write non-ASCII as LaTeX commands (BibTeX/BibLaTeX). */
  ascii: integer('ascii', { mode: 'boolean' }).notNull().default(false),
  /** ISO 8601 UTC of the last successful write; null before the first. */
  lastWrittenAt: text('last_written_at'),
  /** The last write's failure, in words; null when it succeeded. */
  lastError: text('last_error'),
  /** ISO 8601 UTC. */
  createdAt: text('created_at').notNull().default(sql`(strftime('%Y-%m-%dT%H:%M:%fZ','now'))`),
});
