import { renameSync } from 'node:fs';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { openLibrary, type Library } from '../../db/open';
import { dispatch } from '../../electron/handlers/dispatch';
import { createHandlers } from '../../electron/handlers/handlers';
import { tempLibraryFile } from './helpers/fixtures';

let lib: Library;
afterAll(() => lib.close());

describe('reader thread failures', () => {
  it('a reader that cannot open the file says why in plain words, without the raw SQLite message', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const file = tempLibraryFile();
    lib = openLibrary(file);
    // smallLibraryBytes 0: the slow read goes to the thread even on this small library (it would answer in process).
    const h = createHandlers(lib, { smallLibraryBytes: 0 });
    // The file moves away under the open library: the reader thread, started on the first slow read, cannot open it.
    renameSync(file, `${file}.moved`);
    const r = await dispatch(h, 'papers.facets', {}, { trusted: true });
    expect(r).toEqual({
      ok: false,
      error: {
        code: 'STORAGE',
        message: `Lectern cannot open the library file ${file}: check that the path names a file (not a folder) in a folder that exists, and that you may read and write both; nothing was changed.`,
        details: { reason: 'cannot-open', file },
      },
    });
    vi.restoreAllMocks();
  });
});
