/**
 * Wires every contract channel to `ipcMain.handle`, through the shared dispatch wrapper. The sender
 * check accepts only the app's own top-level frame: a page of `app://lectern` (app-url.ts). A file:
 * page, another site or any iframe is refused.
 */
import { ipcMain, type IpcMainInvokeEvent } from 'electron';
import { CHANNELS } from '../../shared/contract';
import { dispatch } from '../handlers/dispatch';
import type { Handlers } from '../handlers/handlers';
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
    ipcMain.handle(`${IPC_PREFIX}${channel}`, (event, input: unknown) =>
      dispatch(handlers, channel, input, { trusted: isTrustedSender(event), origin: event.senderFrame?.url }),
    );
  }
}
