/**
 * A real full disk for tests: a small tmpfs mounted for the test (Linux, as root, where `mount` is
 * allowed), and a filler file that takes all but a chosen number of bytes of it. Where mounting is
 * refused, `mountSmallDisk` says why, and the tests skip with that reason.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmdirSync, rmSync, statfsSync, writeFileSync, appendFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface SmallDisk {
  dir: string;
  /** Fill the disk so that about `leave` bytes stay free. */
  fill(leave: number): void;
  /** Remove the filler. */
  free(): void;
  unmount(): void;
}

/** @returns the mounted disk, or the reason it could not be mounted */
export function mountSmallDisk(bytes: number): SmallDisk | { skip: string } {
  if (process.platform !== 'linux') return { skip: `a tmpfs cannot be mounted on ${process.platform}` };
  const dir = mkdtempSync(join(tmpdir(), 'lectern-small-disk-'));
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', `size=${bytes}`, 'tmpfs', dir], { stdio: 'pipe' });
  } catch (err) {
    rmdirSync(dir);
    return { skip: `mounting a ${bytes}-byte tmpfs was refused (${String((err as { stderr?: Buffer }).stderr ?? (err as Error).message).trim() || 'not root?'})` };
  }
  const filler = join(dir, 'filler.bin');
  return {
    dir,
    fill(leave) {
      rmSync(filler, { force: true });
      const { bavail, bsize } = statfsSync(dir);
      const take = Math.max(0, bavail * bsize - leave);
      writeFileSync(filler, Buffer.alloc(0));
      const chunk = Buffer.alloc(64 * 1024);
      for (let written = 0; written < take; written += chunk.length) {
        try {
          appendFileSync(filler, written + chunk.length <= take ? chunk : chunk.subarray(0, take - written));
        } catch {
          return;
        }
      }
    },
    free() {
      rmSync(filler, { force: true });
    },
    unmount() {
      // Lazily when a test failed with a file still open on it: the mount never outlives the run.
      try {
        execFileSync('umount', [dir], { stdio: 'pipe' });
      } catch {
        execFileSync('umount', ['-l', dir], { stdio: 'pipe' });
      }
      rmdirSync(dir);
    },
  };
}
