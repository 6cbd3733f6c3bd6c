/**
 * The Affiliation facet's search (`affiliationQuery` on papers.facets): case, accents and punctuation
 * ignored, found beyond the 30 most frequent, and chosen affiliations kept in the list with their
 * counts whatever the query. Runs the query function on the contract's parsed input, as the handler does.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { paperFacets } from '../../db/library/papers';
import { importProfile } from '../../db/library/import-profile';
import { openLibrary, type Library } from '../../db/open';
import { contract, type ChannelInput } from '../../shared/contract';
import { detectAndParse } from '../../shared/paste/detect';
import { fixtureText, tempLibraryFile } from './helpers/fixtures';

// The scholarfeed fixture (13 affiliations) with one renamed with capitals and accents, and 40 more
// (`extra-01` .. `extra-40`) on one paper (VerbaLink, 2019): 53 affiliations, far more than the 30 listed.
const EXTRAS = Array.from({ length: 40 }, (_, i) => `extra-${String(i + 1).padStart(2, '0')}`);
const PAGE = fixtureText('scholarfeed')
  .replaceAll('fjordhavn', 'Fjørdhavn-Universitét')
  .replace('Anja Aalto, Hugo Brenner, Omar Castellano et al. · Fjørdhavn-Universitét, northvale', `Anja Aalto, Hugo Brenner, Omar Castellano et al. · Fjørdhavn-Universitét, northvale, ${EXTRAS.join(', ')}`);

let lib: Library;
beforeAll(() => {
  lib = openLibrary(tempLibraryFile());
  importProfile(lib.db, PAGE, detectAndParse(PAGE));
});
afterAll(() => lib.close());

function facets(input: ChannelInput<'papers.facets'>) {
  return paperFacets(lib.db, contract['papers.facets'].input.parse(input));
}
const listed = (input: ChannelInput<'papers.facets'>) => facets(input).affiliations.map((a) => [a.label, a.count]);

describe('affiliation facet search', () => {
  it('the import stored every affiliation with its folded key', () => {
    expect(lib.db.get<{ n: number }>(sql`SELECT COUNT(*) AS n FROM affiliations`)?.n).toBe(53);
    expect(lib.db.all(sql`SELECT name, name_key FROM affiliations WHERE name IN ('Fjørdhavn-Universitét', 'extra-07')`)).toEqual([
      { name: 'Fjørdhavn-Universitét', name_key: 'fjordhavn universitet' },
      { name: 'extra-07', name_key: 'extra 07' },
    ]);
  });

  it('lists the 30 most frequent without a query', () => {
    const all = facets({});
    expect(all.affiliations).toHaveLength(30);
    expect(all.affiliations.slice(0, 3).map((a) => [a.label, a.count])).toEqual([
      ['Fjørdhavn-Universitét', 4],
      ['cedar-institute', 3],
      ['kestrel-labs', 3],
    ]);
    expect(all.affiliations.some((a) => a.value === 'extra-37')).toBe(false);
  });

  it('matches part of the name whatever the case, accents and punctuation', () => {
    expect(listed({ affiliationQuery: 'FJORDHAVN univ' })).toEqual([['Fjørdhavn-Universitét', 4]]);
    expect(listed({ affiliationQuery: 'universitét' })).toEqual([['Fjørdhavn-Universitét', 4]]);
    expect(listed({ affiliationQuery: 'kestrel_labs' })).toEqual([['kestrel-labs', 3]]);
    expect(listed({ affiliationQuery: 'no such place' })).toEqual([]);
    // Blank or punctuation only: no narrowing.
    expect(facets({ affiliationQuery: ' - ' }).affiliations).toHaveLength(30);
  });

  it('finds affiliations beyond the 30 most frequent', () => {
    // "extra 3" is in extra-30 .. extra-39 ("extra 30"), not in extra-03 ("extra 03").
    expect(listed({ affiliationQuery: 'extra 3' })).toEqual([
      ['extra-30', 1],
      ['extra-31', 1],
      ['extra-32', 1],
      ['extra-33', 1],
      ['extra-34', 1],
      ['extra-35', 1],
      ['extra-36', 1],
      ['extra-37', 1],
      ['extra-38', 1],
      ['extra-39', 1],
    ]);
    expect(listed({ affiliationQuery: 'Extra-40' })).toEqual([['extra-40', 1]]);
  });

  it('counts under the other filters, and leaves the author facet alone', () => {
    // Papers from 2021 on: two of Fjørdhavn's 4 (2024, 2025; the others are from 2019 and 2020).
    const f = facets({ yearFrom: 2021, affiliationQuery: 'fjord' });
    expect(f.affiliations.map((a) => [a.label, a.count])).toEqual([['Fjørdhavn-Universitét', 2]]);
    expect(f.authors).toEqual(facets({ yearFrom: 2021 }).authors);
    expect(f.authors).toHaveLength(23);
  });

  it('keeps the chosen affiliations listed, with their counts, outside the query and the top 30', () => {
    // The list: matches of the query first, then the chosen ones that are not among them.
    expect(listed({ affiliations: ['extra-40', 'kestrel-labs'], affiliationQuery: 'north' })).toEqual([
      ['northvale', 2],
      ['extra-40', 1],
      ['kestrel-labs', 3],
    ]);
    // A chosen value the query also matches is listed once.
    expect(listed({ affiliations: ['northvale'], affiliationQuery: 'north' })).toEqual([['northvale', 2]]);
    // Outside the top 30 without a query: appended after the 30.
    const top = facets({ affiliations: ['extra-40'] }).affiliations;
    expect(top).toHaveLength(31);
    expect(top[30]).toEqual({ value: 'extra-40', label: 'extra-40', count: 1 });
    // Counted under the other filters: none of extra-40's papers is from 2021 on.
    expect(listed({ affiliations: ['extra-40'], yearFrom: 2021, affiliationQuery: 'zzz' })).toEqual([['extra-40', 0]]);
  });
});
