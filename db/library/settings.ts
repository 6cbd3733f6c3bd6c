/**
 * Window preferences kept in the library file (pane sizes, sort, visible columns, last view), so they
 * survive restarts on every host, including browser mode, whose origin changes with each launch's port.
 */
import { sql } from 'drizzle-orm';
import { LecternError } from '../../shared/errors';
import type { LibraryDb } from '../open';
import { jsonValueProblem } from '../../shared/json-limits';

/** Largest stored value (JSON text), in characters. */
const MAX_SETTING_CHARS = 100_000;

/**
 * @returns the stored value, or null when the key was never set, holds unreadable JSON, or holds a
 *   value past the limits settings.set keeps (over MAX_SETTING_CHARS, or outside shared/json-limits.ts:
 *   another program or a restored backup may have written it; reading it as unset lets the window use
 *   its default instead of failing every time it asks)
 */
export function getSetting(db: LibraryDb, key: string): unknown {
  const row = db.get<{ value: string }>(sql`SELECT value FROM settings WHERE key = ${key}`);
  if (!row || row.value.length > MAX_SETTING_CHARS) return null;
  try {
    const value = JSON.parse(row.value) as unknown;
    return jsonValueProblem(value) === null ? value : null;
  } catch {
    return null;
  }
}

/**
 * Store a JSON-serialisable value under `key` (replacing any earlier one).
 * @throws LecternError `INVALID_INPUT` when the value is over 100,000 characters as JSON
 */
export function setSetting(db: LibraryDb, key: string, value: unknown): void {
  const text = JSON.stringify(value ?? null);
  if (text.length > MAX_SETTING_CHARS) {
    throw new LecternError('INVALID_INPUT', `The setting "${key}" is too large to keep (${text.length} characters; at most ${MAX_SETTING_CHARS}).`);
  }
  db.run(sql`INSERT INTO settings (key, value, updated_at) VALUES (${key}, ${text}, strftime('%Y-%m-%dT%H:%M:%fZ','now'))
    ON CONFLICT (key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at`);
}
