/**
 * The port kept from the last launch (electron/server/launch-state.ts) may be one this user cannot
 * bind now: below 1024 (kept from a run as root, or a file copied from elsewhere), or on Windows a
 * port that a reserved range took since. Browser mode must start on a free port then, as it does when
 * the kept port is taken, instead of refusing to start until the user finds and deletes the file.
 */
import { spawn, spawnSync } from 'node:child_process';
import { chmodSync, chownSync, existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { keptPortUnusable, launchStateFile } from '../../electron/server/launch-state';
import { REPO } from '../unit/helpers/fixtures';

const TOKEN = 'c'.repeat(43);
const NOBODY = 65534;
const root = process.getuid?.() === 0;
/** Port 80 is refused to this run (or to `nobody`, when running as root) only where ports under 1024 are privileged. */
const unprivilegedStart = existsSync('/proc/sys/net/ipv4/ip_unprivileged_port_start') ? Number(readFileSync('/proc/sys/net/ipv4/ip_unprivileged_port_start', 'utf8')) : 1024;
const canTry = process.platform === 'linux' && unprivilegedStart > 80 && (!root || spawnSync('setpriv', ['--version']).status === 0);

describe('a kept port this user may not bind', () => {
  it('counts as unusable like a taken one (other listen failures do not)', () => {
    expect(keptPortUnusable(Object.assign(new Error('x'), { code: 'EACCES' }))).toBe(true);
    expect(keptPortUnusable(Object.assign(new Error('x'), { code: 'EADDRINUSE' }))).toBe(true);
    expect(keptPortUnusable(Object.assign(new Error('x'), { code: 'EADDRNOTAVAIL' }))).toBe(false);
    expect(keptPortUnusable(null)).toBe(false);
  });

  it.skipIf(!canTry)('browser mode starts on another port, keeping the token', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'lectern-kept-port-'));
    const library = join(dir, 'library.sqlite');
    const state = launchStateFile(library);
    writeFileSync(state, `${JSON.stringify({ port: 80, token: TOKEN })}\n`, { mode: 0o600 });
    // As root every port is allowed: run the server as nobody, who owns the folder and the file.
    if (root) {
      chmodSync(dir, 0o700);
      chownSync(dir, NOBODY, NOBODY);
      chownSync(state, NOBODY, NOBODY);
    }
    const server = [process.execPath, '--import', 'tsx', join(REPO, 'electron', 'server', 'main.ts'), '--library', library];
    const [command, ...args] = root ? ['setpriv', `--reuid=${NOBODY}`, `--regid=${NOBODY}`, '--clear-groups', ...server] : server;
    const child = spawn(command!, args, { cwd: REPO, env: { ...process.env, HOME: dir, LECTERN_NO_BROWSER: '1' }, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    const url = await new Promise<URL | null>((resolve) => {
      const timer = setTimeout(() => resolve(null), 30_000);
      const take = (c: Buffer) => {
        output += c.toString();
        const m = /Open: (http\S+)/.exec(output);
        if (m) {
          clearTimeout(timer);
          resolve(new URL(m[1]!));
        }
      };
      child.stdout.on('data', take);
      child.stderr.on('data', take);
      child.once('exit', () => {
        clearTimeout(timer);
        resolve(null);
      });
    });
    const exited = new Promise<void>((resolve) => (child.exitCode !== null ? resolve() : child.once('exit', () => resolve())));
    child.kill('SIGTERM');
    await exited;
    expect(output).not.toContain('cannot start the server');
    expect(url).not.toBeNull();
    expect(url!.port).not.toBe('80');
    expect(url!.searchParams.get('token')).toBe(TOKEN);
    expect(output).toContain('Port 80, used last time, may not be used now');
  }, 60_000);
});
