/**
 * A setting's value comes back from the library file, which another program or a restored backup from
 * elsewhere may have written: a stored value past the limits settings.set keeps (nested 200,000 deep,
 * or megabytes long) must read as "not set" (null, the window then uses its default), not fail the
 * read as INTERNAL every time the window asks for it.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openLibrary, type Library } from '../../db/open';
import { closeHandlers, createHandlers, type Handlers } from '../../electron/handlers/handlers';
import { dispatch } from '../../electron/handlers/dispatch';
import { tempLibraryFile } from '../unit/helpers/fixtures';

let lib: Library;
let handlers: Handlers;
beforeAll(() => {
  lib = openLibrary(tempLibraryFile());
  handlers = createHandlers(lib, { readsInProcess: true });
});
afterAll(async () => {
  await closeHandlers(handlers);
  lib.close();
});

/** Write a setting's stored text directly, as another program would. */
function storeRaw(key: string, text: string): void {
  lib.db.$client.prepare('INSERT INTO settings (key, value, updated_at) VALUES (?, ?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value').run(key, text, new Date().toISOString());
}

describe('a stored setting past the limits', () => {
  it('reads as null (deeply nested, or too long), while a normal one still reads', async () => {
    storeRaw('deep', '['.repeat(200_000) + ']'.repeat(200_000));
    storeRaw('long', JSON.stringify('x'.repeat(5_000_000)));
    storeRaw('fine', JSON.stringify({ theme: 'dark' }));
    for (const key of ['deep', 'long']) {
      expect(await dispatch(handlers, 'settings.get', { key }, { trusted: true })).toEqual({ ok: true, value: { value: null } });
    }
    expect(await dispatch(handlers, 'settings.get', { key: 'fine' }, { trusted: true })).toEqual({ ok: true, value: { value: { theme: 'dark' } } });
  });
});
