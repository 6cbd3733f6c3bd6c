/**
 * Preload: exposes `window.lectern`, one function per contract channel plus `onLibraryChange`, and
 * nothing else (no raw ipcRenderer). Runs sandboxed, so it is bundled as CommonJS.
 */
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import { CHANNELS, type LecternApi } from '../../shared/contract';
import { LIBRARY_CHANGE_IPC, type LibraryChange } from '../../shared/library-change';
import type { LecternWindowApi } from '../../shared/window-api';
import { IPC_PREFIX } from './channel-name';

const calls = Object.fromEntries(
  CHANNELS.map((channel) => [channel, (input: unknown) => ipcRenderer.invoke(`${IPC_PREFIX}${channel}`, input ?? {})]),
) as unknown as LecternApi;

const api: LecternWindowApi = {
  ...calls,
  // The listener gets the event alone: the IpcRendererEvent (with its sender) never reaches the page.
  onLibraryChange: (listener) => {
    const relay = (_event: IpcRendererEvent, change: LibraryChange) => listener(change);
    ipcRenderer.on(LIBRARY_CHANGE_IPC, relay);
    return () => {
      ipcRenderer.removeListener(LIBRARY_CHANGE_IPC, relay);
    };
  },
};

contextBridge.exposeInMainWorld('lectern', api);
