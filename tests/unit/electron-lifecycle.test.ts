// The Electron main process's life, with `electron` mocked (no runtime on build machines): it opens
// the library, serves the window, and on SIGTERM quits like Cmd+Q, closing the reader thread and
// checkpointing the library before the process may exit, so library.sqlite alone holds every change.
import { copyFileSync, existsSync, mkdtempSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { fixtureText, REPO, tempLibraryFile } from './helpers/fixtures';

const libraryFile = tempLibraryFile();
const appListeners = new Map<string, (...args: unknown[]) => void>();
const ipcHandlers = new Map<string, (event: unknown, input: unknown) => Promise<unknown>>();
const quit = vi.fn();
const windows: unknown[] = [];

vi.mock('electron', () => {
  class BrowserWindow {
    webContents = { setWindowOpenHandler: vi.fn(), on: vi.fn(), getURL: () => 'app://lectern/index.html' };
    constructor(options: unknown) {
      windows.push(options);
    }
    once() {}
    loadURL() {
      return Promise.resolve();
    }
    static getAllWindows() {
      return windows;
    }
  }
  return {
    app: {
      setName: vi.fn(),
      whenReady: () => Promise.resolve(),
      getPath: () => tmpdir(),
      getAppPath: () => REPO,
      on: (name: string, fn: (...args: unknown[]) => void) => appListeners.set(name, fn),
      quit,
      exit: vi.fn(),
      requestSingleInstanceLock: () => true,
    },
    BrowserWindow,
    dialog: { showErrorBox: vi.fn(), showMessageBox: vi.fn() },
    ipcMain: { handle: (name: string, fn: (event: unknown, input: unknown) => Promise<unknown>) => ipcHandlers.set(name, fn) },
    protocol: { registerSchemesAsPrivileged: vi.fn(), handle: vi.fn() },
    session: { defaultSession: { webRequest: { onHeadersReceived: vi.fn() }, setPermissionRequestHandler: vi.fn() } },
    shell: { openExternal: vi.fn() },
  };
});

// Keep the signal handlers the main process installs instead of registering them on the test runner.
const signalHandlers = new Map<string, () => void>();
const realOn = process.on.bind(process);
const onSpy = vi.spyOn(process, 'on').mockImplementation(((event: string, listener: () => void) => {
  if (['SIGINT', 'SIGTERM', 'SIGHUP'].includes(event)) signalHandlers.set(event, listener);
  else realOn(event, listener);
  return process;
}) as typeof process.on);
process.env.LECTERN_LIBRARY = libraryFile;
await import('../../electron/main/index');
onSpy.mockRestore();
delete process.env.LECTERN_LIBRARY;

afterAll(() => {
  // Whatever happened, do not leave the library open.
  appListeners.get('will-quit')?.({ preventDefault: () => undefined });
});

async function until(check: () => boolean, what: string): Promise<void> {
  for (let i = 0; i < 400 && !check(); i++) await new Promise((resolve) => setTimeout(resolve, 25));
  if (!check()) throw new Error(`timed out waiting for ${what}`);
}

const fromApp = { senderFrame: { url: 'app://lectern/index.html', parent: null } };

describe('Electron main process lifecycle', () => {
  it('quits on SIGTERM, SIGINT and SIGHUP, and closes the library (checkpointed) before the process exits', async () => {
    await until(() => windows.length === 1, 'the window');
    expect([...signalHandlers.keys()].sort()).toEqual(['SIGHUP', 'SIGINT', 'SIGTERM']);
    const imported = (await ipcHandlers.get('lectern:paste.import')!(fromApp, { text: fixtureText('seed-profile') })) as { ok: boolean };
    expect(imported.ok).toBe(true);
    // A read on the reader thread: its connection must be gone before the checkpoint.
    expect(await ipcHandlers.get('lectern:papers.facets')!(fromApp, {})).toMatchObject({ ok: true, value: { total: 18 } });

    signalHandlers.get('SIGTERM')!();
    await until(() => quit.mock.calls.length === 1, 'the quit');
    // A terminal's Ctrl+C arrives twice (the launcher passes it on): one quit is enough.
    signalHandlers.get('SIGINT')!();
    signalHandlers.get('SIGHUP')!();
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(quit).toHaveBeenCalledTimes(1);

    // Electron then emits will-quit: the main process holds it until the library is closed, then quits again.
    const preventDefault = vi.fn();
    appListeners.get('will-quit')!({ preventDefault });
    expect(preventDefault).toHaveBeenCalled();
    await until(() => quit.mock.calls.length === 2, 'the second quit');
    const again = vi.fn();
    appListeners.get('will-quit')!({ preventDefault: again });
    expect(again).not.toHaveBeenCalled();

    const wal = `${libraryFile}-wal`;
    expect(!existsSync(wal) || statSync(wal).size === 0).toBe(true);
    const copy = join(mkdtempSync(join(tmpdir(), 'lectern-copy-')), 'library.sqlite');
    copyFileSync(libraryFile, copy);
    const db = new Database(copy, { readonly: true });
    try {
      expect(db.prepare('SELECT COUNT(*) AS n FROM papers').get()).toEqual({ n: 18 });
      expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    } finally {
      db.close();
    }
  });
});
