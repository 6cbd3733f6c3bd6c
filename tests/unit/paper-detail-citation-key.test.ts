/** papers.get carries the citation key the detail pane shows (and leaves it out while the paper has none). */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openLibrary, type Library } from '../../db/open';
import { importReferences } from '../../db/library/reference-import';
import { getPaper } from '../../db/library/papers';
import { setCitationKey } from '../../db/library/citation-keys';
import { file, rec } from './helpers/interop-records';
import { tempLibraryFile } from './helpers/fixtures';

let lib: Library;
beforeEach(() => {
  lib = openLibrary(tempLibraryFile());
});
afterEach(() => lib.close());

describe('papers.get and the citation key', () => {
  it('gives the key kept from the file, the key set by hand, and none for a paper without one', async () => {
    await importReferences(lib.db, file([rec({ title: 'Keyed' }, { citationKey: 'smith2020keyed' }), rec({ title: 'Unkeyed' })]), { now: '2026-12-07T10:00:00.000Z' });
    const id = (title: string) => (lib.db.$client.prepare('SELECT id FROM papers WHERE title = ?').get(title) as { id: number }).id;
    expect(getPaper(lib.db, id('Keyed')).citationKey).toBe('smith2020keyed');
    expect('citationKey' in getPaper(lib.db, id('Unkeyed'))).toBe(false);
    setCitationKey(lib.db, { paperId: id('Unkeyed'), key: 'doe2021' });
    expect(getPaper(lib.db, id('Unkeyed')).citationKey).toBe('doe2021');
  });
});
