/**
 * Wires every contract channel to `ipcMain.handle`, through the shared dispatch wrapper. The sender
 * check accepts only the app's own top-level frame (file: URL of the built renderer).
 */
import { ipcMain, type IpcMainInvokeEvent } from 'electron';
import { CHANNELS } from '../../shared/contract';
import { dispatch } from '../handlers/dispatch';
import type { Handlers } from '../handlers/handlers';
import { IPC_PREFIX } from '../preload/channel-name';

/** True when the call comes from the main frame of one of our windows showing the bundled renderer. */
function isTrustedSender(event: IpcMainInvokeEvent, rendererUrl: string): boolean {
  const frame = event.senderFrame;
  if (!frame || frame.parent !== null) return false;
  return frame.url.split(/[?#]/)[0] === rendererUrl.split(/[?#]/)[0];
}

/**
 * Register one `ipcMain.handle` per channel.
 * @param handlers the Electron-free handler table
 * @param rendererUrl URL the window loads (file:///.../out/renderer/index.html)
 */
export function registerIpc(handlers: Handlers, rendererUrl: string): void {
  for (const channel of CHANNELS) {
    ipcMain.handle(`${IPC_PREFIX}${channel}`, (event, input: unknown) =>
      dispatch(handlers, channel, input, { trusted: isTrustedSender(event, rendererUrl), origin: event.senderFrame?.url }),
    );
  }
}
