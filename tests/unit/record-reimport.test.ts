/** A paper seen by a second source: fields that page does not show stay, a guessed type does not replace a printed one. */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { importProfile } from '../../db/library/import-profile';
import { openLibrary, type Library } from '../../db/open';
import type { ParsedPaper, ParseOutcome, PasteSource } from '../../shared/paste/parsed';
import { tempLibraryFile } from './helpers/fixtures';

function paper(p: Partial<ParsedPaper>): ParsedPaper {
  return {
    title: 'Scaling Laws for Robotic Grasping', authors: ['Ahmad bin Yusof', 'Henrik Ødegård'], authors_truncated: false, author_count: null, equal_contribution: [],
    affiliations: [], date: null, year: 2015, venue: null, pages: null, type: null, category: [], citations: null, abstract: null, abstract_truncated: false,
    tldr: null, ids: {}, has_code: null, has_pdf: null, extra: {}, ...p,
  };
}
const outcome = (source: PasteSource, p: ParsedPaper): ParseOutcome => ({ profile: { source, author: null, papers: [p] }, report: { skipped: [], incompleteTail: null, warnings: [] } });

let lib: Library;
beforeEach(() => {
  lib = openLibrary(tempLibraryFile());
});
afterEach(() => lib.close());

const stored = () => lib.db.$client.prepare('SELECT item_type, venue, volume, issue, page, doi, extra FROM papers').get();

describe('re-importing a paper from another source', () => {
  it('keeps the volume, issue and pages a page does not show, and merges extra', () => {
    importProfile(lib.db, 'gs', outcome('google_scholar', paper({ venue: 'Computational Linguistics 59 (11), 713-726', citations: 390, extra: { citations_merged: true } })));
    const r = importProfile(lib.db, 's2', outcome('semantic_scholar', paper({ venue: 'Computational Linguistics', citations: 402, ids: { doi: '10.5555/cl.59.11' } })));
    expect(r).toMatchObject({ updated: 1 });
    expect(stored()).toEqual({
      item_type: 'article-journal', venue: 'Computational Linguistics', volume: '59', issue: '11', page: '713-726', doi: '10.5555/cl.59.11',
      extra: '{"citations_merged":true}',
    });
  });

  it('keeps a type the page printed when a later page only lets Lectern guess', () => {
    importProfile(lib.db, 'orcid', outcome('orcid', paper({ type: 'Conference paper', venue: 'Computational Linguistics' })));
    importProfile(lib.db, 'gs', outcome('google_scholar', paper({ venue: 'Computational Linguistics 59 (11), 713-726' })));
    expect(stored()).toMatchObject({ item_type: 'paper-conference', volume: '59', page: '713-726' });
    // A printed label replaces it.
    importProfile(lib.db, 'dblp', outcome('dblp', paper({ type: 'journal', venue: 'Comput. Linguistics', pages: '713-726', extra: { volume: '59', issue: '11', dblp_label: '[j3]' } })));
    expect(stored()).toMatchObject({ item_type: 'article-journal', venue: 'Comput. Linguistics' });
  });
});

describe('a page that lists no authors or venue (ORCID) after one that does (dblp)', () => {
  it('keeps the authors, their links and the venue dblp gave', async () => {
    const { readFileSync } = await import('node:fs');
    const { join } = await import('node:path');
    const { detectAndParse } = await import('../../shared/paste/detect');
    const { PROFILES } = await import('./helpers/fixtures');
    const read = (name: string) => readFileSync(join(PROFILES, `${name}.txt`), 'utf8');
    importProfile(lib.db, read('dblp'), detectAndParse(read('dblp')));
    const title = 'A Survey on Weather Nowcasting: Methods, Benchmarks, and Open Problems';
    const row = () => lib.db.$client.prepare('SELECT id, venue, authors_text, doi FROM papers WHERE title = ?').get(title) as { id: number; venue: string; authors_text: string; doi: string | null };
    const before = row();
    const names = () => lib.db.$client.prepare('SELECT printed_name FROM paper_authors WHERE paper_id = ? ORDER BY position').pluck().all(before.id);
    expect(names()).toEqual(['Łukasz Wróbel', 'Jan-Hendrik ter Horst', 'Thibault van der Meulen']);
    importProfile(lib.db, read('orcid'), detectAndParse(read('orcid')));
    const after = row();
    expect(after).toMatchObject({ id: before.id, venue: before.venue, authors_text: before.authors_text });
    expect(after.venue).toBe('IEEE Trans. Pattern Anal. Mach. Intell.');
    expect(after.doi).not.toBeNull();
    expect(names()).toEqual(['Łukasz Wróbel', 'Jan-Hendrik ter Horst', 'Thibault van der Meulen']);
  });
});
