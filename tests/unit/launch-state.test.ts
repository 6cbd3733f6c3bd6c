/**
 * Browser mode keeps its port and token across launches (electron/server/launch-state.ts) in an
 * owner-only file beside the library, and opens a browser only where it should (open-browser.ts).
 */
import { spawn } from 'node:child_process';
import { chmodSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { launchStateFile, readLaunchState, writeLaunchState } from '../../electron/server/launch-state';
import { browserCommand, shouldOpenBrowser } from '../../electron/server/open-browser';
import { REPO, tempLibraryFile } from './helpers/fixtures';

const TOKEN = 'a'.repeat(43);

describe('launch state', () => {
  it('is written owner-only and read back', () => {
    const file = launchStateFile(tempLibraryFile());
    expect(file).toMatch(/library\.sqlite\.browser-mode\.json$/);
    expect(readLaunchState(file)).toBeNull();
    expect(writeLaunchState(file, { port: 5123, token: TOKEN })).toBe(true);
    if (process.platform !== 'win32') expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(readLaunchState(file)).toEqual({ port: 5123, token: TOKEN });
  });

  it('is ignored when others may read it (the token may have leaked), or when it is malformed', () => {
    const file = launchStateFile(tempLibraryFile());
    writeLaunchState(file, { port: 5123, token: TOKEN });
    chmodSync(file, 0o644);
    expect(readLaunchState(file, 'linux')).toBeNull();
    chmodSync(file, 0o600);
    for (const text of ['{', '{"port":0,"token":"' + TOKEN + '"}', '{"port":5123,"token":"short"}', '{"port":5123,"token":"' + 'a'.repeat(40) + '\\n"}']) {
      writeFileSync(file, text, { mode: 0o600 });
      expect(readLaunchState(file)).toBeNull();
    }
  });
});

describe('opening the browser', () => {
  it('only with a display on Linux, always on macOS and Windows, never in CI or with LECTERN_NO_BROWSER', () => {
    expect(shouldOpenBrowser({}, 'linux')).toBe(false);
    expect(shouldOpenBrowser({ DISPLAY: ':0' }, 'linux')).toBe(true);
    expect(shouldOpenBrowser({ WAYLAND_DISPLAY: 'wayland-0' }, 'linux')).toBe(true);
    expect(shouldOpenBrowser({}, 'darwin')).toBe(true);
    expect(shouldOpenBrowser({}, 'win32')).toBe(true);
    expect(shouldOpenBrowser({ DISPLAY: ':0', CI: 'true' }, 'linux')).toBe(false);
    expect(shouldOpenBrowser({ LECTERN_NO_BROWSER: '1' }, 'darwin')).toBe(false);
    expect(browserCommand('http://127.0.0.1:1/?token=x', 'linux')).toEqual(['xdg-open', ['http://127.0.0.1:1/?token=x']]);
    expect(browserCommand('http://127.0.0.1:1/?token=x', 'darwin')).toEqual(['open', ['http://127.0.0.1:1/?token=x']]);
    expect(browserCommand('http://h/?a=1&b=2', 'win32')).toEqual(['cmd', ['/c', 'start', '""', 'http://h/?a=1^&b=2']]);
  });

  it('the tests themselves never open one', () => {
    expect(process.env.LECTERN_NO_BROWSER).toBe('1');
  });
});

/** Start `npm run serve`'s server on `library`; resolves with its URL, and a function that stops it. */
async function serve(library: string, extra: string[] = []): Promise<{ url: URL; output: string; stop: () => Promise<void> }> {
  const child = spawn(process.execPath, ['--import', 'tsx', join(REPO, 'electron', 'server', 'main.ts'), '--library', library, ...extra], { cwd: REPO, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  const url = await new Promise<URL>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no URL:\n${output}`)), 30_000);
    child.stdout.on('data', (c: Buffer) => {
      output += c.toString();
      const m = /Open: (http\S+)/.exec(output);
      if (m) {
        clearTimeout(timer);
        resolve(new URL(m[1]!));
      }
    });
    child.stderr.on('data', (c: Buffer) => (output += c.toString()));
    child.once('exit', () => reject(new Error(`exited:\n${output}`)));
  });
  const stop = () =>
    new Promise<void>((resolve) => {
      child.once('exit', () => resolve());
      child.kill('SIGTERM');
    });
  return { url, output, stop };
}

describe('browser mode across restarts', () => {
  it('keeps its port and token, so an open tab works again; takes another port only when that one is taken; --new-token renews', async () => {
    const library = tempLibraryFile();
    const first = await serve(library);
    await first.stop();
    const saved = JSON.parse(readFileSync(launchStateFile(library), 'utf8')) as { port: number; token: string };
    expect(saved).toEqual({ port: Number(first.url.port), token: first.url.searchParams.get('token') });

    const second = await serve(library);
    expect(second.url.href).toBe(first.url.href);
    // The old tab's token still opens the library.
    const res = await fetch(`${second.url.origin}/api/library.info`, { method: 'POST', headers: { 'x-lectern-token': saved.token }, body: '{}' });
    expect(res.status).toBe(200);
    await second.stop();

    // Someone else took the port meanwhile: a free one, said in words; the token stays.
    const squatter = createServer();
    await new Promise<void>((r) => squatter.listen(saved.port, '127.0.0.1', () => r()));
    try {
      const third = await serve(library);
      expect(third.url.port).not.toBe(String(saved.port));
      expect(third.url.searchParams.get('token')).toBe(saved.token);
      expect(third.output).toContain(`Port ${saved.port}, used last time, is taken now`);
      await third.stop();
    } finally {
      squatter.close();
    }

    const fourth = await serve(library, ['--new-token']);
    expect(fourth.url.searchParams.get('token')).not.toBe(saved.token);
    await fourth.stop();
  }, 120_000);
});
