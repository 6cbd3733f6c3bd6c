/**
 * The activity note beside a library file (`<library>.activity`): which Lectern process holds the write
 * lock for a long write and what it is doing, so that another process whose write cannot get the lock
 * can say who has it ("the command line is importing").
 *
 * It is a hint for a message and nothing more: the lock itself is SQLite's. The note is written by the
 * process holding the lock (so two writers never race on it) and removed before the lock is released; a
 * process killed meanwhile leaves a stale note, which is ignored because its process is gone. Like
 * anything on disk it is untrusted input: it is read only up to a few hundred bytes and only whitelisted
 * values are ever put into a message.
 */
import { openSync, readSync, closeSync, fstatSync, renameSync, rmSync, writeFileSync } from 'node:fs';

/** Who can hold the lock, as the message names them. */
export const HOSTS = ['command line', 'desktop app', 'browser mode'] as const;
export type Host = (typeof HOSTS)[number];

/** What a long write is doing, as the message says it. */
export const ACTIONS = ['importing', 'previewing a paste', 'emptying the trash'] as const;
export type Action = (typeof ACTIONS)[number];

export interface Activity {
  pid: number;
  host: Host;
  action: Action;
  /** When it started (ms since the epoch). */
  since: number;
}

/** A note larger than this is not one Lectern wrote: ignored unread. */
const MAX_BYTES = 512;
/** A note older than this is taken as stale even if its pid is alive again (pids are reused). */
const MAX_AGE_MS = 3_600_000;

/** The host this process is, unless it says otherwise (the command line does). */
export function defaultHost(): Host {
  return process.versions.electron ? 'desktop app' : 'browser mode';
}

/** @returns the note's path beside `library`, or null for an in-memory library */
export function activityFile(library: string): string | null {
  return library === ':memory:' || library === '' ? null : `${library}.activity`;
}

/**
 * Say that this process holds the lock for a long write. Best effort: a note that cannot be written
 * (read-only folder) only makes another process's message vaguer. Written to a temporary name and
 * renamed, so a reader never sees half a note and a planted symlink is replaced rather than followed.
 */
export function writeActivity(library: string, activity: { host: Host; action: Action }): void {
  const file = activityFile(library);
  if (!file) return;
  const temp = `${file}.${process.pid}.tmp`;
  try {
    rmSync(temp, { force: true });
    writeFileSync(temp, JSON.stringify({ pid: process.pid, ...activity, since: Date.now() }), { flag: 'wx', mode: 0o600 });
    renameSync(temp, file);
  } catch {
    rmSync(temp, { force: true });
  }
}

/** Remove this process's note (a note naming another process is left alone). */
export function clearActivity(library: string): void {
  const file = activityFile(library);
  if (!file) return;
  const note = readNote(file);
  if (note && note.pid === process.pid) rmSync(file, { force: true });
}

/**
 * The live note beside `library`, or null when there is none, or it is unreadable, malformed, too
 * large, too old, or names a process that no longer exists.
 */
export function readActivity(library: string): Activity | null {
  const file = activityFile(library);
  if (!file) return null;
  const note = readNote(file);
  if (!note) return null;
  const age = Date.now() - note.since;
  if (age > MAX_AGE_MS || age < -60_000) return null;
  return alive(note.pid) ? note : null;
}

/** "the command line is importing"; "another Lectern process is writing" when nothing is known. */
export function describeHolder(activity: Pick<Activity, 'host' | 'action'> | null): string {
  if (!activity) return 'another Lectern process is writing';
  const who = activity.host === 'browser mode' ? 'Lectern in browser mode' : `the ${activity.host}`;
  return `${who} is ${activity.action}`;
}

function readNote(file: string): Activity | null {
  let fd: number;
  try {
    fd = openSync(file, 'r');
  } catch {
    return null;
  }
  try {
    if (!fstatSync(fd).isFile() || fstatSync(fd).size > MAX_BYTES) return null;
    const buffer = Buffer.alloc(MAX_BYTES);
    const length = readSync(fd, buffer, 0, MAX_BYTES, 0);
    return validate(JSON.parse(buffer.subarray(0, length).toString('utf8')));
  } catch {
    return null;
  } finally {
    closeSync(fd);
  }
}

function validate(value: unknown): Activity | null {
  if (typeof value !== 'object' || value === null) return null;
  const { pid, host, action, since } = value as Record<string, unknown>;
  if (typeof pid !== 'number' || !Number.isSafeInteger(pid) || pid <= 0 || pid > 0x7fffffff) return null;
  if (!(HOSTS as readonly unknown[]).includes(host) || !(ACTIONS as readonly unknown[]).includes(action)) return null;
  if (typeof since !== 'number' || !Number.isFinite(since)) return null;
  return { pid, host: host as Host, action: action as Action, since };
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    // EPERM: it exists but belongs to someone else (still a live process).
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}
