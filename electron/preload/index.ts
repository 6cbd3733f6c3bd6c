/**
 * Preload: exposes `window.lectern`, one function per contract channel and nothing else (no raw
 * ipcRenderer). Runs sandboxed, so it is bundled as CommonJS.
 */
import { contextBridge, ipcRenderer } from 'electron';
import { CHANNELS, type LecternApi } from '../../shared/contract';
import { IPC_PREFIX } from './channel-name';

const api = Object.fromEntries(
  CHANNELS.map((channel) => [channel, (input: unknown) => ipcRenderer.invoke(`${IPC_PREFIX}${channel}`, input ?? {})]),
) as unknown as LecternApi;

contextBridge.exposeInMainWorld('lectern', api);
