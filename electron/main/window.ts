/**
 * The main window and its security policy: isolated, sandboxed, no Node in the renderer, a strict CSP,
 * no navigation away from the app, no new windows; external links open in the OS browser only as
 * external-links.ts allows (https: to known sites, other https: links after the user confirms).
 */
import { BrowserWindow, dialog, session, shell } from 'electron';
import { CONTENT_SECURITY_POLICY } from '../../shared/security';
import { classifyExternalLink } from './external-links';

export interface WindowPaths {
  preload: string;
  rendererUrl: string;
}

/**
 * Open a link the page asked for in the OS browser, if external-links.ts allows it: at once for known
 * sites, after a dialog naming the full URL for other https: links, never for other schemes.
 * @returns whether it was opened
 */
export async function openExternalLink(win: BrowserWindow | null, raw: string): Promise<boolean> {
  const verdict = classifyExternalLink(raw);
  if (verdict.action === 'refuse') return false;
  if (verdict.action === 'confirm') {
    const options = {
      type: 'question' as const,
      buttons: ['Open in browser', 'Cancel'],
      defaultId: 1,
      cancelId: 1,
      title: 'Open a link',
      message: 'Open this link in your web browser?',
      detail: `${verdict.url}\n\nIt is not one of the sites Lectern knows (DOI, arXiv, the profile sites). Open it only if you trust it.`,
    };
    const { response } = win ? await dialog.showMessageBox(win, options) : await dialog.showMessageBox(options);
    if (response !== 0) return false;
  }
  await shell.openExternal(verdict.url);
  return true;
}

/**
 * Adds the CSP header to every response of the default session that goes through the network stack
 * (app:// responses carry it from app-protocol.ts). Call once, before the first window.
 */
export function applyContentSecurityPolicy(): void {
  session.defaultSession.webRequest.onHeadersReceived((details, callback) => {
    callback({ responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [CONTENT_SECURITY_POLICY] } });
  });
  // Lectern needs no camera, microphone, notifications or the like.
  session.defaultSession.setPermissionRequestHandler((_wc, _permission, callback) => callback(false));
}

export function createMainWindow(paths: WindowPaths): BrowserWindow {
  const win = new BrowserWindow({
    width: 1360,
    height: 860,
    minWidth: 900,
    minHeight: 560,
    title: 'Lectern',
    show: false,
    webPreferences: {
      preload: paths.preload,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      spellcheck: false,
    },
  });
  win.once('ready-to-show', () => win.show());
  win.webContents.setWindowOpenHandler(({ url }) => {
    void openExternalLink(win, url).catch(() => false);
    return { action: 'deny' };
  });
  win.webContents.on('will-navigate', (event, url) => {
    if (url !== win.webContents.getURL()) {
      event.preventDefault();
      void openExternalLink(win, url).catch(() => false);
    }
  });
  win.webContents.on('will-attach-webview', (event) => event.preventDefault());
  void win.loadURL(paths.rendererUrl);
  return win;
}
