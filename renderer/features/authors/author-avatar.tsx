/** Initials on a colour picked from the author's name, so the same author always looks the same. */
import { initials } from '../../ui/format';

const AVATAR_COLOURS = 8;

function hue(name: string): number {
  // FNV-1a: tiny, stable across sessions and machines.
  let hash = 0x811c9dc5;
  for (let i = 0; i < name.length; i++) {
    hash ^= name.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return ((hash >>> 0) % AVATAR_COLOURS) + 1;
}

export function AuthorAvatar({ name, size = 'md' }: { name: string; size?: 'sm' | 'md' }) {
  return (
    <span className={`avatar avatar-${size}`} style={{ background: `var(--avatar-${hue(name)})` }} aria-hidden="true">
      {initials(name)}
    </span>
  );
}
