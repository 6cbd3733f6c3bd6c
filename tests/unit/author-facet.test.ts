/**
 * The Author facet keeps a chosen author listed with the real count under the other filters, whatever
 * the name search and however far outside the 30 most frequent (it used to show them with 0).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { paperFacets, listPapers } from '../../db/library/papers';
import { importProfile } from '../../db/library/import-profile';
import { openLibrary, type Library } from '../../db/open';
import { contract, type ChannelInput } from '../../shared/contract';
import { detectAndParse } from '../../shared/paste/detect';
import { fixtureText, tempLibraryFile } from './helpers/fixtures';

let lib: Library;
beforeAll(() => {
  lib = openLibrary(tempLibraryFile());
  for (const name of ['seed-profile', 'scholarfeed']) {
    const text = fixtureText(name);
    importProfile(lib.db, text, detectAndParse(text));
  }
});
afterAll(() => lib.close());

const facets = (input: ChannelInput<'papers.facets'>) => paperFacets(lib.db, contract['papers.facets'].input.parse(input));
const total = (input: ChannelInput<'papers.list'>) => listPapers(lib.db, contract['papers.list'].input.parse(input)).total;

describe('author facet', () => {
  it('lists a chosen author that the name search leaves out, with their count', () => {
    const top = facets({}).authors[0]!;
    expect(top.count).toBeGreaterThan(1);
    const searched = facets({ authorIds: [Number(top.value)], authorQuery: 'no such name' });
    expect(searched.authors).toEqual([{ value: top.value, label: top.label, count: top.count }]);
  });

  it('counts a chosen author outside the top 30 under the other filters', () => {
    const all = facets({ yearFrom: 2024 });
    expect(all.authors).toHaveLength(30);
    const listedIds = new Set(all.authors.map((a) => a.value));
    // An author of a paper from 2024 on who is not among the 30 listed.
    const candidates = lib.db.$client
      .prepare(`SELECT DISTINCT pa.author_id AS id, a.name FROM paper_authors pa JOIN authors a ON a.id = pa.author_id JOIN papers p ON p.id = pa.paper_id WHERE p.year >= 2024 ORDER BY a.name`)
      .all() as { id: number; name: string }[];
    const hidden = candidates.find((c) => !listedIds.has(String(c.id)))!;
    expect(hidden).toBeDefined();
    const chosen = facets({ yearFrom: 2024, authorIds: [hidden.id] }).authors;
    expect(chosen).toHaveLength(31);
    expect(chosen[30]).toEqual({ value: String(hidden.id), label: hidden.name, count: total({ yearFrom: 2024, authorIds: [hidden.id] }) });
    expect(chosen[30]!.count).toBeGreaterThan(0);
  });
});
