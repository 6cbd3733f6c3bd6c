// The Electron runtime is not installed on build machines, so `electron` is mocked: these tests check
// what the main process asks of Electron (security settings, channels), not Electron itself.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { CHANNELS } from '../../shared/contract';
import { CONTENT_SECURITY_POLICY } from '../../shared/security';

const handles = new Map<string, (event: unknown, input: unknown) => unknown>();
const windows: Array<{ options: Record<string, unknown>; handlers: Record<string, (...a: unknown[]) => void>; openHandler?: (d: { url: string }) => unknown }> = [];
const openExternal = vi.fn();
const showMessageBox = vi.fn(async (..._args: unknown[]) => ({ response: 1 }));
const registerSchemesAsPrivileged = vi.fn();
const protocolHandlers = new Map<string, (request: { url: string }) => Promise<Response>>();
/** Windows getAllWindows() reports (the library-change push); empty unless a test adds some. */
const openWindows: unknown[] = [];
/** What the preload exposes, and the IPC listeners it registers. */
const exposed: Record<string, unknown> = {};
const rendererListeners = new Map<string, Set<(...a: unknown[]) => void>>();

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
      return openWindows;
    }
  }
  return {
    contextBridge: { exposeInMainWorld: (key: string, value: unknown) => (exposed[key] = value) },
    ipcRenderer: {
      invoke: vi.fn(),
      on: (name: string, fn: (...a: unknown[]) => void) => rendererListeners.set(name, (rendererListeners.get(name) ?? new Set()).add(fn)),
      removeListener: (name: string, fn: (...a: unknown[]) => void) => rendererListeners.get(name)?.delete(fn),
    },
    ipcMain: { handle: (name: string, fn: (event: unknown, input: unknown) => unknown) => handles.set(name, fn) },
    BrowserWindow,
    shell: { openExternal },
    dialog: { showMessageBox },
    protocol: { registerSchemesAsPrivileged, handle: (scheme: string, fn: (request: { url: string }) => Promise<Response>) => protocolHandlers.set(scheme, fn) },
    session: { defaultSession: { webRequest: { onHeadersReceived: vi.fn() }, setPermissionRequestHandler: vi.fn() } },
  };
});

const { pushLibraryChanges, registerIpc } = await import('../../electron/main/ipc');
const { createMainWindow } = await import('../../electron/main/window');
const { registerAppScheme, serveAppScheme } = await import('../../electron/main/app-protocol');

/** Let the window's asynchronous link handling (dialog, then openExternal) run. */
const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

const RENDERER = 'app://lectern/index.html';

describe('IPC wiring', () => {
  beforeEach(() => handles.clear());

  it('registers one prefixed handler per contract channel', () => {
    registerIpc({} as never);
    expect([...handles.keys()].sort()).toEqual(CHANNELS.map((c) => `lectern:${c}`).sort());
  });

  it('refuses calls from frames other than the app main frame', async () => {
    const info = vi.fn(() => ({ file: 'x', papers: 0, authors: 0, imports: 0 }));
    registerIpc({ 'library.info': info } as never);
    const handler = handles.get('lectern:library.info')!;
    const fromIframe = await handler({ senderFrame: { url: RENDERER, parent: {} } }, {});
    expect(fromIframe).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    for (const url of ['https://evil.example/', 'file:///app/out/renderer/index.html', 'app://evil/index.html', 'app://x@lectern/index.html', 'not a url']) {
      const fromElsewhere = await handler({ senderFrame: { url, parent: null } }, {});
      expect(fromElsewhere, url).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    }
    expect(await handler({ senderFrame: null }, {})).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
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

describe('external links', () => {
  beforeEach(() => {
    openExternal.mockClear();
    showMessageBox.mockClear();
  });

  it('asks before opening an https: link to an unknown site, naming the full URL, and opens it only on yes', async () => {
    createMainWindow({ preload: '/app/out/preload/index.cjs', rendererUrl: RENDERER });
    const win = windows.at(-1)!;
    const url = 'https://example.com/some/paper?id=1';
    showMessageBox.mockResolvedValueOnce({ response: 1 });
    expect(win.openHandler!({ url })).toEqual({ action: 'deny' });
    await settle();
    expect(showMessageBox).toHaveBeenCalledTimes(1);
    expect(JSON.stringify(showMessageBox.mock.calls[0])).toContain(url);
    expect(openExternal).not.toHaveBeenCalled();
    showMessageBox.mockResolvedValueOnce({ response: 0 });
    win.handlers['will-navigate']!({ preventDefault: vi.fn() }, url);
    await settle();
    expect(openExternal).toHaveBeenCalledWith(url);
  });

  it('never opens http:, file: or javascript: links, and does not ask', async () => {
    createMainWindow({ preload: '/app/out/preload/index.cjs', rendererUrl: RENDERER });
    const win = windows.at(-1)!;
    for (const url of ['http://arxiv.org/abs/1', 'file:///etc/passwd', 'javascript:alert(1)', 'smb://host/share']) {
      expect(win.openHandler!({ url })).toEqual({ action: 'deny' });
      const prevent = vi.fn();
      win.handlers['will-navigate']!({ preventDefault: prevent }, url);
      expect(prevent).toHaveBeenCalled();
    }
    await settle();
    expect(showMessageBox).not.toHaveBeenCalled();
    expect(openExternal).not.toHaveBeenCalled();
  });
});

describe('app:// protocol', () => {
  it('registers app: as a standard, secure scheme and serves the renderer with the CSP header', async () => {
    registerAppScheme();
    expect(registerSchemesAsPrivileged).toHaveBeenCalledWith([expect.objectContaining({ scheme: 'app', privileges: expect.objectContaining({ standard: true, secure: true }) })]);
    const dir = mkdtempSync(join(tmpdir(), 'lectern-renderer-'));
    writeFileSync(join(dir, 'index.html'), '<!doctype html><title>Lectern</title>');
    serveAppScheme(dir);
    const handle = protocolHandlers.get('app')!;
    const page = await handle({ url: 'app://lectern/index.html' });
    expect(page.status).toBe(200);
    expect(page.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(await page.text()).toContain('<title>Lectern</title>');
    for (const url of ['app://lectern/..%2f..%2fetc%2fpasswd', 'app://lectern/missing.js', 'app://evil/index.html']) {
      expect((await handle({ url })).status, url).toBe(404);
    }
  });
});

describe('library changes on the desktop', () => {
  it('each app window gets the event with its own origin (here for its own write), a window showing another page none', async () => {
    const { openLibrary } = await import('../../db/open');
    const { closeHandlers, createHandlers } = await import('../../electron/handlers/handlers');
    const { tempLibraryFile } = await import('./helpers/fixtures');
    const lib = openLibrary(tempLibraryFile());
    const handlers = createHandlers(lib, { watch: { pollMs: 50 }, readsInProcess: true });
    const sent = new Map<number, unknown[][]>();
    const fake = (id: number, url: string) => ({ webContents: { id, isDestroyed: () => false, getURL: () => url, send: (...a: unknown[]) => sent.set(id, [...(sent.get(id) ?? []), a]) } });
    openWindows.push(fake(1, RENDERER), fake(2, `${RENDERER}#/papers`), fake(3, 'https://evil.example/'));
    try {
      registerIpc(handlers);
      pushLibraryChanges(handlers);
      const create = handles.get('lectern:tags.create')!;
      expect(await create({ senderFrame: { url: RENDERER, parent: null }, sender: { id: 1 } }, { name: 'method' })).toMatchObject({ ok: true });
      await vi.waitFor(() => expect(sent.get(2)).toHaveLength(1), { timeout: 2000 });
      expect(sent.get(1)).toEqual([['lectern-event:library-change', { version: 1, tables: ['tags'], origin: 'here' }]]);
      expect(sent.get(2)).toEqual([['lectern-event:library-change', { version: 1, tables: ['tags'], origin: 'elsewhere' }]]);
      expect(sent.get(3)).toBeUndefined();
    } finally {
      openWindows.length = 0;
      await closeHandlers(handlers);
      lib.close();
    }
  });

  it('the preload exposes onLibraryChange: the listener gets the event alone (never the IPC event), and unsubscribing stops it', async () => {
    await import('../../electron/preload/index');
    const api = exposed.lectern as Record<string, unknown> & { onLibraryChange(l: (c: unknown) => void): () => void };
    expect(Object.keys(api).sort()).toEqual([...CHANNELS, 'onLibraryChange'].sort());
    const heard: unknown[][] = [];
    const stop = api.onLibraryChange((...args: unknown[]) => heard.push(args));
    const [relay] = [...rendererListeners.get('lectern-event:library-change')!];
    const change = { version: 3, tables: 'everything', origin: 'elsewhere' };
    relay!({ sender: { secret: true } }, change);
    expect(heard).toEqual([[change]]);
    stop();
    expect(rendererListeners.get('lectern-event:library-change')!.size).toBe(0);
  });
});
