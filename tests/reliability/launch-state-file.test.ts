/**
 * The kept port and token (electron/server/launch-state.ts) live in a file beside the library, and
 * the library may sit in a folder others can write (a shared or temp folder). Whatever is found at
 * that file's name or at its temporary name, saving the state must never write through a link into
 * another file, and reading it must not hang or read without bound (a FIFO, a huge file).
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { launchStateFile, readLaunchState, writeLaunchState } from '../../electron/server/launch-state';
import { REPO, tempLibraryFile } from '../unit/helpers/fixtures';

const TOKEN = 'b'.repeat(43);
const posix = process.platform !== 'win32';

describe.skipIf(!posix)('the launch-state file', () => {
  it('is not written through a link planted at its temporary name', () => {
    const file = launchStateFile(tempLibraryFile());
    const victim = join(dirname(file), 'precious.txt');
    writeFileSync(victim, 'precious\n', { mode: 0o644 });
    // The temporary name a save would use (pid-based, so predictable by anyone who can list processes).
    symlinkSync(victim, `${file}.${process.pid}.tmp`);
    writeLaunchState(file, { port: 5123, token: TOKEN });
    expect(readFileSync(victim, 'utf8')).toBe('precious\n');
    expect(statSync(victim).mode & 0o777).toBe(0o644);
  });

  it('is not written through a link in its own place (the link is replaced)', () => {
    const file = launchStateFile(tempLibraryFile());
    const victim = join(dirname(file), 'precious.txt');
    writeFileSync(victim, 'precious\n', { mode: 0o644 });
    symlinkSync(victim, file);
    expect(writeLaunchState(file, { port: 5123, token: TOKEN })).toBe(true);
    expect(readFileSync(victim, 'utf8')).toBe('precious\n');
    expect(readLaunchState(file)).toEqual({ port: 5123, token: TOKEN });
  });

  it('a directory in its place: not saved, and no temporary file holding the token is left behind', () => {
    const file = launchStateFile(tempLibraryFile());
    mkdirSync(file);
    expect(writeLaunchState(file, { port: 5123, token: TOKEN })).toBe(false);
    const left = readdirSync(dirname(file)).filter((n) => n.startsWith(`${basename(file)}.`));
    expect(left).toEqual([]);
    expect(readLaunchState(file)).toBeNull();
  });

  it('a FIFO or an oversized file in its place is ignored at once (reading neither blocks nor loads it)', () => {
    const file = launchStateFile(tempLibraryFile());
    execFileSync('mkfifo', ['-m', '600', file]);
    // In a child process with a time limit: a read that blocks on the FIFO would hang this test run.
    const module = join(REPO, 'electron', 'server', 'launch-state.ts');
    const script = `import(${JSON.stringify(module)}).then((m) => process.stdout.write(JSON.stringify(m.readLaunchState(${JSON.stringify(file)}))))`;
    const child = spawnSync(process.execPath, ['--import', 'tsx', '-e', script], { cwd: REPO, timeout: 10_000, encoding: 'utf8' });
    expect(child.signal).toBeNull();
    expect(child.stdout).toBe('null');
    const big = launchStateFile(tempLibraryFile());
    writeFileSync(big, `${' '.repeat(50_000_000)}{"port":5123,"token":"${TOKEN}"}`, { mode: 0o600 });
    expect(readLaunchState(big)).toBeNull();
    expect(existsSync(big)).toBe(true);
  });
});
