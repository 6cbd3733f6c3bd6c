/**
 * CSL styles: the bundled ones (shared/cite/bundled-styles.ts) and those the user added (`csl_styles`),
 * checked when added so a broken file is refused then, not at citing time.
 */
import { BUNDLED_STYLES, bundledStyle } from '../../shared/cite/bundled-styles';
import type { CslStyleSource } from '../../shared/cite/format-references';
import { checkCslStyle } from '../../shared/cite/style-check';
import { LecternError } from '../../shared/errors';
import type { LibraryDb } from '../open';

export interface StyleListing {
  styleId: string;
  title: string;
  builtIn: boolean;
  /** ISO 8601 UTC; null for a bundled style. */
  addedAt: string | null;
}

const isBundled = (id: string) => BUNDLED_STYLES.some((s) => s.id === id);

/** The styles the picker offers: the bundled ones first, then the added ones by title. */
export function listCslStyles(db: LibraryDb): StyleListing[] {
  const added = db.$client.prepare('SELECT style_id AS styleId, title, added_at AS addedAt FROM csl_styles ORDER BY title COLLATE NOCASE, style_id').all() as Array<{ styleId: string; title: string; addedAt: string }>;
  return [...BUNDLED_STYLES.map((s) => ({ styleId: s.id, title: s.title, builtIn: true, addedAt: null })), ...added.map((s) => ({ ...s, builtIn: false }))];
}

/**
 * Add a .csl style, replacing an added style with the same id.
 * @returns the style's id and title, and whether it replaced one
 * @throws LecternError `INVALID_INPUT`: the file is not a working CSL style (checkCslStyle says why), or
 *   its id is a bundled style's
 */
export function addCslStyle(db: LibraryDb, input: { fileName: string; xml: string }): { styleId: string; title: string; replaced: boolean } {
  const { id, title } = checkCslStyle(input.xml);
  if (isBundled(id)) {
    throw new LecternError('INVALID_INPUT', `${id} is built in: ${input.fileName} cannot replace it. Change the id in the style's <id> to add it beside the built-in one.`, { styleId: id });
  }
  const c = db.$client;
  const replaced = c.prepare('SELECT 1 FROM csl_styles WHERE style_id = ?').get(id) !== undefined;
  c.prepare(
    `INSERT INTO csl_styles (style_id, title, xml, file_name, added_at) VALUES (?, ?, ?, ?, strftime('%Y-%m-%dT%H:%M:%fZ','now'))
     ON CONFLICT (style_id) DO UPDATE SET title = excluded.title, xml = excluded.xml, file_name = excluded.file_name, added_at = excluded.added_at`,
  ).run(id, title, input.xml, input.fileName);
  return { styleId: id, title, replaced };
}

/**
 * Remove an added style.
 * @throws LecternError `INVALID_INPUT` for a bundled style; `NOT_FOUND` when no added style has that id
 */
export function removeCslStyle(db: LibraryDb, styleId: string): void {
  if (isBundled(styleId)) throw new LecternError('INVALID_INPUT', `${styleId} is built in and cannot be removed.`, { styleId });
  const { changes } = db.$client.prepare('DELETE FROM csl_styles WHERE style_id = ?').run(styleId);
  if (changes === 0) throw new LecternError('NOT_FOUND', `There is no added style ${styleId}.`, { styleId });
}

/**
 * @param styleId an added style's id, or a bundled style's id or other name (`harvard` for `harvard1`,
 *   any case; bundledStyle)
 * @returns the style's id (the bundled style's own id for an alias) and XML, bundled or added
 * @throws LecternError `NOT_FOUND` when there is no such style; the message lists the ids there are
 */
export function cslStyleSource(db: LibraryDb, styleId: string): CslStyleSource {
  const bundled = bundledStyle(styleId);
  if (bundled) return bundled;
  const xml = db.$client.prepare('SELECT xml FROM csl_styles WHERE style_id = ?').pluck().get(styleId) as string | undefined;
  if (xml === undefined || xml === null) {
    const ids = listCslStyles(db).map((s) => s.styleId);
    throw new LecternError('NOT_FOUND', `There is no style ${styleId}: the styles are ${ids.join(', ')}. Add another style's .csl file first.`, { styleId });
  }
  return { id: styleId, xml };
}
