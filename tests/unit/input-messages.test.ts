/**
 * The sentence dispatch makes of a refused input ends with one full stop, also when the schema's own
 * message (SETTING_KEY, JOB_ID in shared/contract/inputs.ts) already ends with one ("dashes.." before).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openLibrary, type Library } from '../../db/open';
import { dispatch } from '../../electron/handlers/dispatch';
import { createHandlers, type Handlers } from '../../electron/handlers/handlers';
import { tempLibraryFile } from './helpers/fixtures';

let lib: Library;
let h: Handlers;
beforeAll(() => {
  lib = openLibrary(tempLibraryFile());
  h = createHandlers(lib, { readsInProcess: true });
});
afterAll(() => lib.close());

describe('a refused input', () => {
  it('is one sentence with a single full stop', async () => {
    const setting = await dispatch(h, 'settings.get', { key: '__proto__' }, { trusted: true });
    expect(setting).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', message: 'Invalid input for "settings.get": key: Setting names are letters, digits, dots and dashes.' } });
    const job = await dispatch(h, 'jobs.cancel', { jobId: 'a b' }, { trusted: true });
    expect(job).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', message: 'Invalid input for "jobs.cancel": jobId: A job id is 1-64 letters, digits, dashes or underscores.' } });
  });
});
