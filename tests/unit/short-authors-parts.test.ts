import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openLibrary, type Library } from '../../db/open';
import { call } from '../../electron/handlers/dispatch';
import { createHandlers } from '../../electron/handlers/handlers';
import { formatPapers } from '../../electron/cli/format';
import { partsSurname, shortAuthors } from '../../shared/author-names';
import { tempLibraryFile } from './helpers/fixtures';

let lib: Library;
beforeEach(() => {
  lib = openLibrary(tempLibraryFile());
});
afterEach(() => lib.close());

// The Authors column (window, import preview, `lectern papers`) takes the surname from the stored CSL
// name parts: an organisation's whole literal, a compound family name, the non-dropping particle.
const bib = `@techreport{who2020,
  title = {World report on ageing},
  author = {{World Health Organization}},
  year = {2020},
}
@book{garcia1967,
  title = {Cien a{\\~n}os de soledad},
  author = {Garc{\\'i}a M{\\'a}rquez, Gabriel and van der Waals, Johannes Diderik and Ann Lee},
  year = {1967},
}
`;
const input = { fileName: 'names.bib', content: { kind: 'text' as const, text: bib } };

describe('short author lists from name parts', () => {
  it('partsSurname: literal, family with its non-dropping particle, null when not split', () => {
    expect(partsSurname({ literal: 'World Health Organization' })).toBe('World Health Organization');
    expect(partsSurname({ family: 'Waals', nonDroppingParticle: 'van der' })).toBe('van der Waals');
    expect(partsSurname({ family: null, literal: null })).toBeNull();
    expect(shortAuthors(['Ann Lee', 'Bo Chen'], true, [null, 'Chen-Wu'])).toBe('Lee, Chen-Wu et al.');
  });

  it('papers.list rows, the CLI table and the import preview show the surnames the parts give', async () => {
    const h = createHandlers(lib);
    const preview = await call(h, 'references.preview', input);
    expect(preview.firstRecords.map((r) => shortAuthors(r.authors, false, r.surnames))).toEqual([
      'World Health Organization',
      'García Márquez, van der Waals, Lee',
    ]);
    await call(h, 'references.import', input);
    const { rows, total } = await call(h, 'papers.list', { sort: [{ column: 'title', direction: 'asc' }] });
    expect(rows.map((r) => shortAuthors(r.authors, r.authorsTruncated, r.surnames))).toEqual([
      'García Márquez, van der Waals, Lee',
      'World Health Organization',
    ]);
    const lines = formatPapers(rows, total).split('\n');
    expect(lines[2]).toMatch(/ {2}García Márquez, van der Waals, Lee$/);
    expect(lines[3]).toMatch(/ {2}World Health Organization$/);
  });
});
