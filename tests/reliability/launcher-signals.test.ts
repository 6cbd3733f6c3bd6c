/**
 * `npm run serve` and `npm start` (browser mode) under the signals a process manager, a closed
 * terminal or `kill -9` send to the launcher: the server must stop too (no process left, by pid) and
 * close the library cleanly, so that a copy of library.sqlite alone, without -wal and -shm, holds the
 * imported papers. Also: a request that once ended the server (`GET //[`) leaves the real process running.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { copyFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { fixtureText, REPO } from '../unit/helpers/fixtures';
import { descendantsOf, isAlive, waitUntilGone } from './helpers/process-tree';
import { rawGet } from './helpers/raw-http';

const START_TIMEOUT_MS = 60_000;
const running: ChildProcess[] = [];

afterEach(async () => {
  // A failed test must not leave servers behind.
  for (const child of running.splice(0)) {
    const pids = child.pid ? [child.pid, ...descendantsOf(child.pid)] : [];
    for (const pid of pids) {
      try {
        process.kill(pid, 'SIGKILL');
      } catch {
        // gone already
      }
    }
  }
});

interface Launched {
  launcher: ChildProcess;
  library: string;
  origin: string;
  token: string;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  output: () => string;
}

/**
 * Start a launcher: the script itself with Node, or `npm run serve` / `npm start` as a user types it
 * (npm runs the script through `sh -c`, a shell that does not pass signals on).
 */
async function launch(script: 'serve.mjs' | 'start.mjs', via: 'node' | 'npm' = 'node'): Promise<Launched> {
  const library = join(mkdtempSync(join(tmpdir(), 'lectern-launcher-')), 'library.sqlite');
  const args = ['--no-build', '--library', library, '--port', '0'];
  const [command, commandArgs] =
    via === 'npm' ? ['npm', [...(script === 'serve.mjs' ? ['run', 'serve'] : ['start']), '--', ...args]] : [process.execPath, [join(REPO, 'scripts', script), ...args]];
  const { npm_lifecycle_event: _, ...env } = process.env;
  const launcher = spawn(command, commandArgs, {
    cwd: REPO,
    // Its own process group, as a terminal or a process manager starts it.
    detached: via === 'npm',
    env: { ...env, LECTERN_BROWSER_MODE: '1', LECTERN_NO_BROWSER: '1', INIT_CWD: REPO, NPM_CONFIG_UPDATE_NOTIFIER: 'false' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  running.push(launcher);
  let output = '';
  launcher.stdout!.on('data', (c: Buffer) => (output += c.toString()));
  launcher.stderr!.on('data', (c: Buffer) => (output += c.toString()));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => launcher.once('exit', (code, signal) => resolve({ code, signal })));
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no URL within ${START_TIMEOUT_MS} ms:\n${output}`)), START_TIMEOUT_MS);
    const look = () => {
      const match = /Open: (http\S+)/.exec(output);
      if (match) {
        clearTimeout(timer);
        resolve(match[1]!);
      }
    };
    launcher.stdout!.on('data', look);
    void exited.then(() => reject(new Error(`the launcher exited before printing its URL:\n${output}`)));
  });
  const parsed = new URL(url);
  return { launcher, library, origin: parsed.origin, token: parsed.searchParams.get('token')!, exited, output: () => output };
}

async function importSeed(l: Launched): Promise<void> {
  const res = await fetch(`${l.origin}/api/paste.import`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-lectern-token': l.token },
    body: JSON.stringify({ text: fixtureText('seed-profile') }),
  });
  expect(await res.json()).toMatchObject({ ok: true, value: { added: 18 } });
}

/** Papers in a copy of the library's main file alone (no -wal, no -shm), after an integrity check. */
function papersInCopyOf(file: string): number {
  const copy = join(mkdtempSync(join(tmpdir(), 'lectern-copy-')), 'library.sqlite');
  copyFileSync(file, copy);
  const db = new Database(copy, { readonly: true });
  try {
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    return (db.prepare('SELECT COUNT(*) AS n FROM papers').get() as { n: number }).n;
  } finally {
    db.close();
  }
}

describe.skipIf(process.platform !== 'linux')('launchers pass signals on and leave no orphan (reads /proc, so Linux only)', () => {
  it.each(['SIGTERM', 'SIGHUP', 'SIGINT'] as const)('npm run serve: %s to the launcher stops the server and checkpoints the library', async (signal) => {
    const l = await launch('serve.mjs');
    const servers = descendantsOf(l.launcher.pid!);
    expect(servers.length).toBeGreaterThan(0);
    await importSeed(l);
    if (signal === 'SIGTERM') {
      // The request that used to end browser mode: the real process answers 400 and runs on.
      const port = Number(new URL(l.origin).port);
      expect((await rawGet(port, '//[')).status).toBe(400);
      expect(servers.every(isAlive)).toBe(true);
    }
    l.launcher.kill(signal);
    expect(await l.exited).toEqual({ code: 0, signal: null });
    await waitUntilGone(servers, 10_000);
    expect(l.output()).toContain('Lectern stopped; the library is saved in');
    expect(papersInCopyOf(l.library)).toBe(18);
  });

  it('npm run serve: SIGKILL to the launcher (it cannot pass that on) still stops the server cleanly', async () => {
    const l = await launch('serve.mjs');
    const servers = descendantsOf(l.launcher.pid!);
    await importSeed(l);
    l.launcher.kill('SIGKILL');
    expect(await l.exited).toEqual({ code: null, signal: 'SIGKILL' });
    await waitUntilGone(servers, 10_000);
    expect(papersInCopyOf(l.library)).toBe(18);
  });

  // Found by a fresh user: npm's `sh -c` died on SIGTERM without passing it on, and serve.mjs ran on
  // orphaned with the server and an unfolded WAL.
  it.each(['SIGTERM', 'SIGHUP', 'SIGKILL'] as const)('the npm process itself: %s to `npm run serve` leaves nothing running', async (signal) => {
    const l = await launch('serve.mjs', 'npm');
    const tree = descendantsOf(l.launcher.pid!);
    expect(tree.length).toBeGreaterThanOrEqual(2); // sh -c, serve.mjs and the server
    await importSeed(l);
    l.launcher.kill(signal);
    await l.exited;
    await waitUntilGone(tree, 15_000);
    expect(papersInCopyOf(l.library)).toBe(18);
  });

  it.each(['SIGTERM', 'SIGKILL'] as const)('npm start in browser mode: %s to the launcher stops serve.mjs and the server', async (signal) => {
    const l = await launch('start.mjs');
    const tree = descendantsOf(l.launcher.pid!);
    expect(tree.length).toBeGreaterThanOrEqual(2); // serve.mjs and the server
    await importSeed(l);
    l.launcher.kill(signal);
    await l.exited;
    await waitUntilGone(tree, 10_000);
    expect(papersInCopyOf(l.library)).toBe(18);
  });
});
