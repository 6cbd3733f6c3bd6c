/**
 * Browser mode keeps its port and token from one launch to the next, so a tab left open survives a
 * restart: "start it again and reload" works, and the page's origin (and with it anything the browser
 * keys by origin) stays the same.
 *
 * Security: the token is the only thing between a local web page or another local user and the
 * library. It is kept in `<library file>.browser-mode.json`, beside the library, written with mode 0600
 * (owner only) and replaced atomically; a file that group or others can read (on systems with POSIX
 * modes) is treated as leaked and a new token is made. Whoever can read that file can read the library
 * file itself, so keeping the token there gives nobody anything new. It is never put in the library
 * (whose file is usually world-readable, and whose backups are copied around). `--new-token` makes a
 * new one (and the old one stops working); so does deleting the file.
 */
import { chmodSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';

export interface LaunchState {
  port: number;
  token: string;
}

/** The file beside `libraryFile` that keeps its browser-mode port and token. */
export function launchStateFile(libraryFile: string): string {
  return `${libraryFile}.browser-mode.json`;
}

/** A new token: 32 random bytes, base64url. */
export function newToken(): string {
  return randomBytes(32).toString('base64url');
}

/**
 * The state saved by the last launch, or null when there is none, it cannot be read, it is malformed,
 * or (POSIX) others than the owner may read it.
 */
export function readLaunchState(file: string, platform: NodeJS.Platform = process.platform): LaunchState | null {
  try {
    if (platform !== 'win32' && (statSync(file).mode & 0o077) !== 0) return null;
    const raw = JSON.parse(readFileSync(file, 'utf8')) as Partial<LaunchState>;
    const portOk = Number.isInteger(raw.port) && raw.port! > 0 && raw.port! <= 65535;
    const tokenOk = typeof raw.token === 'string' && /^[\w-]{32,128}$/.test(raw.token);
    return portOk && tokenOk ? { port: raw.port!, token: raw.token! } : null;
  } catch {
    return null;
  }
}

/**
 * Save the state for the next launch (owner-only, atomically).
 * @returns false when it could not be written (a read-only folder): the next launch then starts afresh
 */
export function writeLaunchState(file: string, state: LaunchState): boolean {
  const temp = `${file}.${process.pid}.tmp`;
  try {
    writeFileSync(temp, `${JSON.stringify(state)}\n`, { mode: 0o600 });
    // The mode given to writeFileSync applies only to a new file, and the umask may narrow it only.
    chmodSync(temp, 0o600);
    renameSync(temp, file);
    return true;
  } catch {
    return false;
  }
}
