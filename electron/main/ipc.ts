/**
 * Wires every contract channel to `ipcMain.handle`, through the shared dispatch wrapper. The sender
 * check accepts only the app's own top-level frame: a page of `app://lectern` (app-url.ts). A file:
 * page, another site or any iframe is refused.
 */
import { BrowserWindow, ipcMain, type IpcMainInvokeEvent } from 'electron';
import { CHANNELS } from '../../shared/contract';
import { LIBRARY_CHANGE_IPC } from '../../shared/library-change';
import { dispatch } from '../handlers/dispatch';
import { libraryWatchOf, type Handlers } from '../handlers/handlers';
import { changeFor } from '../handlers/library-watch';
import { IPC_PREFIX } from '../preload/channel-name';
import { isAppUrl } from './app-url';

/** True when the call comes from the main frame of one of our windows showing the bundled renderer. */
function isTrustedSender(event: IpcMainInvokeEvent): boolean {
  const frame = event.senderFrame;
  if (!frame || frame.parent !== null) return false;
  return isAppUrl(frame.url);
}

/**
 * Register one `ipcMain.handle` per channel.
 * @param handlers the Electron-free handler table
 */
export function registerIpc(handlers: Handlers): void {
  for (const channel of CHANNELS) {
    ipcMain.handle(`${IPC_PREFIX}${channel}`, (event, input: unknown) => {
      // The window that called: its own writes come back to it as 'here' (pushLibraryChanges).
      const sender = event.sender as IpcMainInvokeEvent['sender'] | undefined;
      return dispatch(handlers, channel, input, { trusted: isTrustedSender(event), origin: event.senderFrame?.url, ...(sender ? { caller: String(sender.id) } : {}) });
    });
  }
}

/**
 * Tell every window showing the app when the library changed (library-watch.ts), each with the origin
 * as it sees it ('here' for its own writes), on LIBRARY_CHANGE_IPC. The watch stops with the handlers.
 * @returns a function that stops the pushing
 */
export function pushLibraryChanges(handlers: Handlers): () => void {
  const watch = libraryWatchOf(handlers);
  if (!watch) return () => undefined;
  return watch.subscribe((batch) => {
    for (const win of BrowserWindow.getAllWindows()) {
      const contents = win.webContents;
      // Only the app's own page hears of the library (never a page it was navigated away to).
      if (contents.isDestroyed() || !isAppUrl(contents.getURL())) continue;
      contents.send(LIBRARY_CHANGE_IPC, changeFor(batch, String(contents.id)));
    }
  });
}
