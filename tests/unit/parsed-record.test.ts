/** The mapping from a parsed paper to the stored CSL record (db/library/parsed-record.ts), on real fixture values. */
import { describe, expect, it } from 'vitest';
import { authorNameParts, bareDoi, paperRecord, splitArxivId } from '../../db/library/parsed-record';
import type { ParsedPaper, PasteSource } from '../../shared/paste/parsed';
import { cslTypeFromPage, cslTypeFromVenue } from '../../shared/record/csl-type-from-page';
import { CSL_TYPES } from '../../shared/record/csl-types';
import { splitScholarVenue } from '../../shared/record/venue-parts';
import { fixtureExpected } from './helpers/fixtures';

const FIXTURES = ['google-scholar', 'dblp', 'orcid', 'openreview', 'semantic-scholar', 'arxiv-listing', 'scholarfeed', 'seed-profile'];

function paper(p: Partial<ParsedPaper>): ParsedPaper {
  return {
    title: 'A title', authors: [], authors_truncated: false, author_count: null, equal_contribution: [], affiliations: [], date: null, year: null,
    venue: null, pages: null, type: null, category: [], citations: null, abstract: null, abstract_truncated: false, tldr: null, ids: {},
    has_code: null, has_pdf: null, extra: {}, ...p,
  };
}


describe('CSL type from the page', () => {
  it.each([
    ['orcid', 'Journal article', 'article-journal'],
    ['orcid', 'Conference paper', 'paper-conference'],
    ['orcid', 'Preprint', 'article'],
    ['orcid', 'Book chapter', 'chapter'],
    ['orcid', 'Other', 'document'],
    ['dblp', 'journal', 'article-journal'],
    ['dblp', 'conference', 'paper-conference'],
    ['dblp', 'informal', 'article'],
    ['dblp', 'editorship', 'book'],
    ['dblp', 'book', 'book'],
    ['dblp', 'part of book', 'chapter'],
    ['dblp', 'data', 'dataset'],
    ['scopus', 'Article', 'article-journal'],
    ['scopus', 'Conference Paper', 'paper-conference'],
    ['scopus', 'Review', 'article-journal'],
    ['researchgate', 'Article', 'article-journal'],
    ['researchgate', 'Conference Paper', 'paper-conference'],
    ['researchgate', 'Preprint', 'article'],
    ['researchgate', 'Chapter', 'chapter'],
    ['researchgate', 'Thesis', 'thesis'],
    ['semantic_scholar', 'preprint', 'article'],
    ['openreview', 'submission', 'manuscript'],
    ['openreview', 'withdrawn submission', 'manuscript'],
  ] as const)('%s %s -> %s', (source, label, type) => {
    expect(cslTypeFromPage(source, label, null)).toBe(type);
  });

  it('reads ACM research articles as conference papers in proceedings, journal articles elsewhere', () => {
    expect(cslTypeFromPage('acm_dl', 'research-article', "CHI '24: Proceedings of the CHI Conference on Human Factors in Computing Systems")).toBe('paper-conference');
    expect(cslTypeFromPage('acm_dl', 'research-article', "UIST '23")).toBe('paper-conference');
    expect(cslTypeFromPage('acm_dl', 'research-article', 'ACM Transactions on Computer-Human Interaction')).toBe('article-journal');
    expect(cslTypeFromPage('acm_dl', 'survey', 'ACM Computing Surveys')).toBe('article-journal');
  });

  it('takes every arXiv, scholarfeed and Hugging Face paper for a preprint', () => {
    for (const source of ['arxiv_author', 'arxiv_listing', 'arxiv_search', 'scholarfeed', 'huggingface_papers'] as const) {
      expect(cslTypeFromPage(source, null, null)).toBe('article');
    }
  });

  it('guesses Google Scholar types from the venue words', () => {
    expect(cslTypeFromVenue('arXiv preprint arXiv:2511.90602')).toBe('article');
    expect(cslTypeFromVenue('Proc. Interspeech 2014, 1589-1593')).toBe('paper-conference');
    expect(cslTypeFromVenue('International Conference on Learning Representations')).toBe('paper-conference');
    expect(cslTypeFromVenue('Findings of the Association for Computational Linguistics: EMNLP 2020')).toBe('paper-conference');
    expect(cslTypeFromVenue('US Patent 12,999,907')).toBe('patent');
    expect(cslTypeFromVenue('PhD thesis, Northvale University')).toBe('thesis');
    expect(cslTypeFromVenue('Northvale University Technical Report')).toBe('report');
    expect(cslTypeFromVenue('Computational Linguistics 59 (11), 713-726')).toBe('article-journal');
    expect(cslTypeFromVenue('Advances in Neural Information Processing Systems 38')).toBe('paper-conference');
    expect(cslTypeFromVenue('EMNLP 2023')).toBe('paper-conference');
    // A journal named after a conference's society stays a journal.
    expect(cslTypeFromVenue('Transactions of the ACL')).toBe('article-journal');
    expect(cslTypeFromVenue(null)).toBe('article-journal');
  });

  it('an unknown label falls back to the venue, and a label named like an Object property is not a type', () => {
    expect(cslTypeFromPage('orcid', 'Something new', 'Proceedings of ACL')).toBe('paper-conference');
    expect(cslTypeFromPage('dblp', 'constructor', null)).toBe('article-journal');
  });
});

describe('splitting a Google Scholar venue', () => {
  it.each([
    ['Computational Linguistics 59 (11), 713-726', 2015, { containerTitle: 'Computational Linguistics', volume: '59', issue: '11', page: '713-726' }],
    ['Transactions of the Association for Computational Linguistics 7, 453-466', 2019, { containerTitle: 'Transactions of the Association for Computational Linguistics', volume: '7', issue: null, page: '453-466' }],
    ['Proc. Interspeech 2014, 1589-1593', 2014, { containerTitle: 'Proc. Interspeech 2014', volume: null, issue: null, page: '1589-1593' }],
    ['Advances in Neural Information Processing Systems 38', 2025, { containerTitle: 'Advances in Neural Information Processing Systems', volume: '38', issue: null, page: null }],
  ] as const)('%s', (venue, year, parts) => {
    expect(splitScholarVenue(venue, year)).toEqual(parts);
  });

  it.each([
    ['Findings of the Association for Computational Linguistics: EMNLP 2020', 2020],
    ['US Patent 12,999,907', 2025],
    ['arXiv preprint arXiv:2511.90602', 2025],
    ['PhD thesis, Northvale University', 2012],
    ['International Conference on Learning Representations', 2015],
    ['ICASSP 2016-2016 IEEE International Conference on Acoustics, Speech and…', 2016],
  ] as const)('leaves %s as printed', (venue, year) => {
    expect(splitScholarVenue(venue, year)).toBeNull();
  });
});

describe('the stored record of a parsed paper', () => {
  it('stores a Google Scholar venue as container title, volume, issue and pages, keeping the printed venue in extra', () => {
    const f = fixtureExpected('google-scholar');
    const cl = f.papers.find((x) => x.venue === 'Computational Linguistics 59 (11), 713-726') as unknown as ParsedPaper;
    const r = paperRecord(cl, 'google_scholar');
    expect(r).toMatchObject({ itemType: 'article-journal', venue: 'Computational Linguistics', volume: '59', issue: '11', page: '713-726' });
    expect(JSON.parse(r.extra)).toEqual({ printed_venue: 'Computational Linguistics 59 (11), 713-726' });
    const merged = f.papers.find((x) => x.venue === 'Transactions of the Association for Computational Linguistics 7, 453-466') as unknown as ParsedPaper;
    expect(JSON.parse(paperRecord(merged, 'google_scholar').extra)).toEqual({ citations_merged: true, printed_venue: 'Transactions of the Association for Computational Linguistics 7, 453-466' });
    const cut = f.papers.find((x) => (x.extra as Record<string, unknown>).venue_truncated === true) as unknown as ParsedPaper;
    expect(paperRecord(cut, 'google_scholar')).toMatchObject({ venue: cut.venue, volume: null, page: null, itemType: 'paper-conference' });
  });

  it('maps dblp volume and issue to their columns and keeps the label and homonym ids in extra', () => {
    const f = fixtureExpected('dblp');
    const j = f.papers.find((x) => (x.extra as Record<string, unknown>).dblp_label === '[j11]') as unknown as ParsedPaper;
    const r = paperRecord(j, 'dblp');
    expect(r).toMatchObject({ itemType: 'article-journal', venue: 'IEEE Trans. Pattern Anal. Mach. Intell.', volume: '11', issue: '4', page: '79-91' });
    expect(JSON.parse(r.extra)).toEqual({ dblp_label: '[j11]', type_label: 'journal' });
    const informal = f.papers.find((x) => x.type === 'informal') as unknown as ParsedPaper;
    expect(paperRecord(informal, 'dblp')).toMatchObject({ itemType: 'article', venue: 'CoRR', arxivId: informal.ids.arxiv });
  });

  it('keeps ORCID ids: DOI and PMID in columns, the Scopus EID and the record source in extra', () => {
    const f = fixtureExpected('orcid');
    const withEid = f.papers.find((x) => (x.ids as Record<string, string>).eid === '2-s2.0-99999903102') as unknown as ParsedPaper;
    const r = paperRecord(withEid, 'orcid');
    expect(r).toMatchObject({ itemType: 'paper-conference', doi: '10.5555/fict.2025.773', venue: 'npj Digital Medicine' });
    expect(JSON.parse(r.extra)).toEqual({ source: 'Europe PubMed Central', source_count: 1, type_label: 'Conference paper', eid: '2-s2.0-99999903102' });
    const withPmid = f.papers.find((x) => (x.ids as Record<string, string>).pmid) as unknown as ParsedPaper;
    expect(paperRecord(withPmid, 'orcid').pmid).toBe(withPmid.ids.pmid);
  });

  it('splits the arXiv version off the id, strips DOI resolvers, and keeps the other fields in extra', () => {
    expect(splitArxivId('2401.01234v2')).toEqual({ id: '2401.01234', version: 2 });
    expect(splitArxivId('arXiv:cs/0612045')).toEqual({ id: 'cs/0612045', version: null });
    // The subject class printed with an old-style id is not part of the identifier.
    expect(splitArxivId('math.OC/0601001v3')).toEqual({ id: 'math/0601001', version: 3 });
    expect(splitArxivId('math/0601001')).toEqual({ id: 'math/0601001', version: null });
    expect(bareDoi('https://doi.org/10.1145/3366423.3380130')).toBe('10.1145/3366423.3380130');
    const r = paperRecord(
      paper({
        ids: { arxiv: '2506.90031v3', doi: 'doi: 10.1/x' }, tldr: 'Short.', abstract_truncated: true, has_pdf: true, equal_contribution: ['A B'],
        type: 'research-article', venue: "KDD '25", extra: { article_no: 112, stars: 1125, code_url: 'https://github.com/x/y', keywords: ['rl', 'llm'] },
      }),
      'acm_dl',
    );
    expect(r).toMatchObject({ arxivId: '2506.90031', arxivVersion: 3, doi: '10.1/x', number: '112', itemType: 'paper-conference', keywords: '["rl","llm"]' });
    expect(JSON.parse(r.extra)).toEqual({
      stars: 1125, code_url: 'https://github.com/x/y', type_label: 'research-article', tldr: 'Short.', abstract_truncated: true, has_pdf: true, equal_contribution: ['A B'],
    });
  });

  it.each(FIXTURES)('keeps every extra key of %s (in a column or in extra) and gives every paper a CSL type', (name) => {
    const f = fixtureExpected(name);
    for (const raw of f.papers) {
      const p = raw as unknown as ParsedPaper;
      const r = paperRecord(p, f.source as PasteSource);
      expect(CSL_TYPES).toContain(r.itemType);
      const extra = JSON.parse(r.extra) as Record<string, unknown>;
      for (const [key, value] of Object.entries(p.extra)) {
        const homes: Record<string, unknown> = { volume: r.volume, issue: r.issue, article_no: r.number };
        if (key in homes) expect(homes[key]).toBe(String(value));
        else expect(extra[key]).toEqual(value);
      }
      if (p.type !== null) expect(extra.type_label).toBe(p.type);
      if (p.ids.eid) expect(extra.eid).toBe(p.ids.eid);
    }
  });

  it('gives the types each fixture implies', () => {
    const types = (name: string) => {
      const f = fixtureExpected(name);
      return [...new Set(f.papers.map((p) => paperRecord(p as unknown as ParsedPaper, f.source as PasteSource).itemType))].sort();
    };
    expect(types('orcid')).toEqual(['article', 'article-journal', 'chapter', 'document', 'paper-conference']);
    expect(types('dblp')).toEqual(['article', 'article-journal', 'book', 'paper-conference']);
    expect(types('arxiv-listing')).toEqual(['article']);
    expect(types('seed-profile')).toEqual(['article']);
    expect(types('google-scholar')).toEqual(['article', 'article-journal', 'paper-conference', 'patent', 'report', 'thesis']);
  });

  it('gives Google Scholar authors their name parts with spelled initials', () => {
    expect(authorNameParts(['JL Marchetti', 'D van der Berg'], 'google_scholar')).toEqual([
      { given: 'J. L.', family: 'Marchetti', droppingParticle: null, nonDroppingParticle: null, suffix: null, literal: null },
      { given: 'D.', family: 'Berg', droppingParticle: null, nonDroppingParticle: 'van der', suffix: null, literal: null },
    ]);
    expect(authorNameParts(['JL Marchetti'], 'dblp')[0]).toMatchObject({ given: 'JL', family: 'Marchetti' });
  });
});
