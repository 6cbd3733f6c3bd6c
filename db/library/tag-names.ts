/**
 * Tag names: the rules every tag operation and the `tag:` search field share.
 * A name is `/`-separated segments (`method/rl`): the hierarchy the sidebar shows as a tree.
 */
import { LecternError } from '../../shared/errors';

/** Longest tag name, in characters (a chip in the table stays readable; hierarchies stay shallow enough). */
export const TAG_NAME_MAX = 100;

/** Lookup key: case-insensitive (`Method/RL` and `method/rl` are the same tag). */
export function tagKey(name: string): string {
  return name.normalize('NFC').toLowerCase();
}

/**
 * Normalise and check a tag name: trims it and each segment, then refuses what cannot be a tag.
 * @returns the name to store (`" method / rl "` -> `"method/rl"`)
 * @throws LecternError `INVALID_INPUT`: empty, over TAG_NAME_MAX characters, an empty segment
 *   (`method//rl`, `/rl`), or control characters
 */
export function checkTagName(raw: string): string {
  const name = raw
    .normalize('NFC')
    .split('/')
    .map((s) => s.trim().replace(/\s+/g, ' '))
    .join('/');
  if (name === '' || name === '/') throw new LecternError('INVALID_INPUT', 'A tag needs a name.', { name: raw });
  if ([...name].length > TAG_NAME_MAX) {
    throw new LecternError('INVALID_INPUT', `The tag name is ${[...name].length} characters long; the limit is ${TAG_NAME_MAX}.`, { name: raw });
  }
  if (name.split('/').some((s) => s === '')) {
    throw new LecternError('INVALID_INPUT', `The tag name "${name}" has an empty level: use "/" only between names, as in method/rl.`, { name: raw });
  }
  // eslint-disable-next-line no-control-regex
  // C0, DEL and C1 (U+0085 is a line break; U+009B starts a terminal escape): the same set names refuse (shared/text-input.ts).
  if (/[\u0000-\u001f\u007f-\u009f]/.test(name)) throw new LecternError('INVALID_INPUT', 'A tag name cannot contain control characters (tabs, line breaks).', { name: raw });
  return name;
}

/** Colours are CSS hex `#rrggbb` (what <input type="color"> gives), stored lower-case. */
export function checkColour(raw: string): string {
  if (!/^#[0-9a-fA-F]{6}$/.test(raw)) throw new LecternError('INVALID_INPUT', `"${raw}" is not a colour: use #rrggbb, such as #4f8cc9.`, { colour: raw });
  return raw.toLowerCase();
}
