/** A profile's owner printed with initials on their own papers (Google Scholar `H Ødegård`) is the owner, not a co-author. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { importProfile } from '../../db/library/import-profile';
import { openLibrary, type Library } from '../../db/open';
import { detectAndParse } from '../../shared/paste/detect';
import { PROFILES, tempLibraryFile } from './helpers/fixtures';

let lib: Library;
beforeEach(() => {
  lib = openLibrary(tempLibraryFile());
});
afterEach(() => lib.close());

describe('the owner of a Google Scholar profile', () => {
  it('is linked from the initials form on their papers, and is not their own co-author', () => {
    const text = readFileSync(join(PROFILES, 'google-scholar.txt'), 'utf8');
    const report = importProfile(lib.db, text, detectAndParse(text));
    const owner = report.author!;
    const names = lib.db.$client.prepare('SELECT name FROM authors WHERE name LIKE ?').pluck().all('%degård%');
    expect(names).toEqual(['Henrik Ødegård']);
    const linked = lib.db.$client.prepare('SELECT COUNT(DISTINCT paper_id) FROM paper_authors WHERE author_id = ?').pluck().get(owner.id);
    expect(linked).toBe(26);
    // Other initials forms stay their own authors.
    expect(lib.db.$client.prepare("SELECT COUNT(*) FROM authors WHERE name = 'D van der Berg'").pluck().get()).toBe(1);
  });
});
