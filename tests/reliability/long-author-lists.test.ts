/**
 * papers.setAuthors takes up to 5,000 authors (shared/contract/paper-edits.ts), and papers with
 * thousands of authors exist (collaborations). Replacing a long author list, and undoing it, must stay
 * near linear: every paper_authors row deleted while the paper's printed list no longer names it fired
 * a full-text re-read of the paper (migration 0010's trigger), each reading every remaining link, so
 * replacing 1,000 authors took ~20 s and 5,000 froze the process for hours.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openLibrary, type Library } from '../../db/open';
import { call } from '../../electron/handlers/dispatch';
import { createHandlers, type Handlers } from '../../electron/handlers/handlers';
import { fixtureText } from '../unit/helpers/fixtures';

const N = 1_000;
const LIMIT_MS = 3_000;
let lib: Library;
let h: Handlers;
beforeEach(async () => {
  lib = openLibrary(':memory:');
  h = createHandlers(lib);
  await call(h, 'paste.import', { text: fixtureText('seed-profile') });
});
afterEach(() => lib.close());

const timed = async (f: () => Promise<unknown>) => {
  const start = performance.now();
  await f();
  return performance.now() - start;
};
const fts = (q: string) => lib.db.$client.prepare('SELECT rowid FROM papers_fts WHERE papers_fts MATCH ?').all(q).map((r) => (r as { rowid: number }).rowid);

describe(`papers.setAuthors with ${N} authors`, () => {
  it(`replaces ${N} authors by ${N} others, and undoes it, each within ${LIMIT_MS} ms`, async () => {
    const id = (lib.db.$client.prepare('SELECT id FROM papers ORDER BY id LIMIT 1').get() as { id: number }).id;
    await call(h, 'papers.setAuthors', { id, authors: Array.from({ length: N }, (_, i) => ({ printedName: `Author Number${i}` })) });
    const replace = await timed(() => call(h, 'papers.setAuthors', { id, authors: Array.from({ length: N }, () => ({ printedName: 'Same Person' })) }));
    expect(fts('"Same Person"')).toContain(id);
    expect(fts('Number7')).not.toContain(id);
    const undo = await timed(() => call(h, 'undo.undo', {}));
    expect(fts('Number7')).toContain(id);
    expect(fts('"Same Person"')).not.toContain(id);
    expect({ replace: replace < LIMIT_MS, undo: undo < LIMIT_MS }).toEqual({ replace: true, undo: true });
  }, 120_000);
});

describe('a re-import that changes a long author list', () => {
  it('replaces 600 printed authors by 600 others within 2,000 ms (the same full-text re-read per deleted link)', async () => {
    const seed = fixtureText('seed-profile');
    const names = (p: string) => Array.from({ length: 600 }, (_, i) => `${p} Person${i}`).join(', ');
    const paste = (p: string) => seed.replace('Huajian Xin, Z. Z. Ren, Junxiao Song et al.', names(p));
    await call(h, 'paste.import', { text: paste('Alpha') });
    const took = await timed(() => call(h, 'paste.import', { text: paste('Beta') }));
    expect(fts('Beta')).toHaveLength(1);
    expect(fts('Alpha')).toHaveLength(0);
    expect(took).toBeLessThan(2_000);
  }, 120_000);
});
