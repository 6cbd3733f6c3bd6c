// The Electron runtime is not installed on build machines, so `electron` is mocked: these tests check
// what the main process asks of Electron (security settings, channels), not Electron itself.
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { CHANNELS } from '../../shared/contract';

const handles = new Map<string, (event: unknown, input: unknown) => unknown>();
const windows: Array<{ options: Record<string, unknown>; handlers: Record<string, (...a: unknown[]) => void>; openHandler?: (d: { url: string }) => unknown }> = [];
const openExternal = vi.fn();

vi.mock('electron', () => {
  class BrowserWindow {
    webContents: Record<string, unknown>;
    constructor(options: Record<string, unknown>) {
      const entry: (typeof windows)[number] = { options, handlers: {} };
      windows.push(entry);
      this.webContents = {
        setWindowOpenHandler: (fn: (d: { url: string }) => unknown) => (entry.openHandler = fn),
        on: (name: string, fn: (...a: unknown[]) => void) => (entry.handlers[name] = fn),
        getURL: () => 'file:///app/out/renderer/index.html',
      };
    }
    once() {}
    loadURL() {
      return Promise.resolve();
    }
    static getAllWindows() {
      return [];
    }
  }
  return {
    ipcMain: { handle: (name: string, fn: (event: unknown, input: unknown) => unknown) => handles.set(name, fn) },
    BrowserWindow,
    shell: { openExternal },
    session: { defaultSession: { webRequest: { onHeadersReceived: vi.fn() }, setPermissionRequestHandler: vi.fn() } },
  };
});

const { registerIpc } = await import('../../electron/main/ipc');
const { createMainWindow } = await import('../../electron/main/window');

const RENDERER = 'file:///app/out/renderer/index.html';

describe('IPC wiring', () => {
  beforeEach(() => handles.clear());

  it('registers one prefixed handler per contract channel', () => {
    registerIpc({} as never, RENDERER);
    expect([...handles.keys()].sort()).toEqual(CHANNELS.map((c) => `lectern:${c}`).sort());
  });

  it('refuses calls from frames other than the app main frame', async () => {
    const info = vi.fn(() => ({ file: 'x', papers: 0, authors: 0, imports: 0 }));
    registerIpc({ 'library.info': info } as never, RENDERER);
    const handler = handles.get('lectern:library.info')!;
    const fromIframe = await handler({ senderFrame: { url: RENDERER, parent: {} } }, {});
    expect(fromIframe).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    const fromElsewhere = await handler({ senderFrame: { url: 'https://evil.example/', parent: null } }, {});
    expect(fromElsewhere).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(info).not.toHaveBeenCalled();
    const fromApp = await handler({ senderFrame: { url: `${RENDERER}#/papers`, parent: null } }, {});
    expect(fromApp).toEqual({ ok: true, value: { file: 'x', papers: 0, authors: 0, imports: 0 } });
  });
});

describe('main window', () => {
  it('is isolated, sandboxed and without Node, and blocks new windows and navigation', () => {
    createMainWindow({ preload: '/app/out/preload/index.cjs', rendererUrl: RENDERER });
    const win = windows.at(-1)!;
    expect(win.options.webPreferences).toMatchObject({ contextIsolation: true, sandbox: true, nodeIntegration: false, preload: '/app/out/preload/index.cjs' });
    expect(win.openHandler!({ url: 'https://arxiv.org/abs/2405.04434' })).toEqual({ action: 'deny' });
    expect(openExternal).toHaveBeenCalledWith('https://arxiv.org/abs/2405.04434');
    openExternal.mockClear();
    expect(win.openHandler!({ url: 'file:///etc/passwd' })).toEqual({ action: 'deny' });
    expect(openExternal).not.toHaveBeenCalled();
    const prevent = vi.fn();
    win.handlers['will-navigate']!({ preventDefault: prevent }, 'http://evil.example/');
    expect(prevent).toHaveBeenCalled();
  });
});
