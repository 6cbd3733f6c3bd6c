/**
 * What the desktop preload exposes as `window.lectern`: one function per contract channel
 * (LecternApi) and the library-change subscription (shared/library-change.ts).
 */
import type { LecternApi } from './contract';
import type { LibraryChange } from './library-change';

export type LecternWindowApi = LecternApi & {
  /**
   * Call `listener` with every library change the main process reports to this window.
   * @returns a function that stops it
   */
  onLibraryChange(listener: (change: LibraryChange) => void): () => void;
};
