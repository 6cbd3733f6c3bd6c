/** Running the `lectern` command in a child process, as a user's shell would. */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { REPO, tempLibraryFile } from './fixtures';

/**
 * @param args the command's arguments
 * @param input bytes or text on standard input
 * @returns exit code, stdout and stderr (UTF-8), and the library path it was given (a fresh temporary one)
 */
export function lectern(args: string[], input?: string | Buffer): { code: number | null; stdout: string; stderr: string; library: string } {
  const library = tempLibraryFile();
  const r = spawnSync(process.execPath, [join(REPO, 'bin', 'lectern.js'), ...args], { input, encoding: 'utf8', env: { ...process.env, LECTERN_LIBRARY: library } });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr, library };
}
