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
import { closeSync, constants, fchmodSync, fstatSync, openSync, readSync, renameSync, rmSync, writeSync } from 'node:fs';
import { randomBytes } from 'node:crypto';

export interface LaunchState {
  port: number;
  token: string;
}

/** The file beside `libraryFile` that keeps its browser-mode port and token. */
export function launchStateFile(libraryFile: string): string {
  return `${libraryFile}.browser-mode.json`;
}

/** The file holds one short line; anything larger is not ours (bytes). */
const MAX_STATE_BYTES = 4096;

/** A new token: 32 random bytes, base64url. */
export function newToken(): string {
  return randomBytes(32).toString('base64url');
}

/**
 * The state saved by the last launch, or null when there is none, it cannot be read, it is malformed,
 * it is not a plain file of at most 4 KB (a FIFO there is not waited on), or (POSIX) others than the
 * owner may read it.
 */
export function readLaunchState(file: string, platform: NodeJS.Platform = process.platform): LaunchState | null {
  let fd: number | undefined;
  try {
    // O_NONBLOCK: a FIFO put in its place must not block the start (it is refused as not a file below).
    fd = openSync(file, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
    const stat = fstatSync(fd);
    if (!stat.isFile() || stat.size > MAX_STATE_BYTES) return null;
    if (platform !== 'win32' && (stat.mode & 0o077) !== 0) return null;
    const buffer = Buffer.alloc(MAX_STATE_BYTES);
    const length = readSync(fd, buffer, 0, MAX_STATE_BYTES, 0);
    const raw = JSON.parse(buffer.toString('utf8', 0, length)) as Partial<LaunchState>;
    const portOk = Number.isInteger(raw.port) && raw.port! > 0 && raw.port! <= 65535;
    const tokenOk = typeof raw.token === 'string' && /^[\w-]{32,128}$/.test(raw.token);
    return portOk && tokenOk ? { port: raw.port!, token: raw.token! } : null;
  } catch {
    return null;
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

/**
 * Save the state for the next launch (owner-only, atomically).
 * @returns false when it could not be written (a read-only folder): the next launch then starts afresh
 */
export function writeLaunchState(file: string, state: LaunchState): boolean {
  // A name nobody can guess, created new (O_EXCL: never an existing file or a link planted there, which
  // would be written through), so the token goes only into a file this process made.
  const temp = `${file}.${randomBytes(8).toString('hex')}.tmp`;
  let created = false;
  try {
    const fd = openSync(temp, constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL | (constants.O_NOFOLLOW ?? 0), 0o600);
    created = true;
    try {
      // The mode given at creation may be narrowed by the umask only; set it exactly.
      fchmodSync(fd, 0o600);
      writeSync(fd, `${JSON.stringify(state)}\n`);
    } finally {
      closeSync(fd);
    }
    renameSync(temp, file);
    return true;
  } catch {
    // Nothing holding the token is left behind (a directory in the file's place, say).
    if (created) rmSync(temp, { force: true });
    return false;
  }
}

/**
 * Whether the kept port failing to listen calls for any free port instead: it is taken now
 * (EADDRINUSE), or this user may not bind it (EACCES: a port below 1024 kept from a run as root, or on
 * Windows a port that a reserved range took since the last launch). A --port the user gave is never
 * replaced (main.ts checks that); other failures (the host) are not about the port.
 */
export function keptPortUnusable(err: unknown): boolean {
  const code = (err as NodeJS.ErrnoException | null)?.code;
  return code === 'EADDRINUSE' || code === 'EACCES';
}
