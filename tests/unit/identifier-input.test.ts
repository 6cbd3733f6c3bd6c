import { describe, expect, it } from 'vitest';
import { readIdentifier } from '../../shared/record/identifier-input';

const fields = (t: string) => {
  const r = readIdentifier(t);
  return r.ok ? r.fields : r.message;
};

describe('readIdentifier', () => {
  it('reads arXiv addresses of every kind, keeping the version', () => {
    expect(fields('https://arxiv.org/abs/2401.01234v2')).toEqual({ arxivId: '2401.01234', arxivVersion: 2, url: 'https://arxiv.org/abs/2401.01234v2', itemType: 'article' });
    expect(fields('https://arxiv.org/pdf/2401.01234v3.pdf')).toEqual({ arxivId: '2401.01234', arxivVersion: 3, url: 'https://arxiv.org/abs/2401.01234v3', itemType: 'article' });
    expect(fields('https://arxiv.org/pdf/2401.01234')).toEqual({ arxivId: '2401.01234', arxivVersion: null, url: 'https://arxiv.org/abs/2401.01234', itemType: 'article' });
    expect(fields('http://www.arxiv.org/html/2401.01234v1/')).toEqual({ arxivId: '2401.01234', arxivVersion: 1, url: 'https://arxiv.org/abs/2401.01234v1', itemType: 'article' });
    expect(fields('https://arxiv.org/abs/hep-th/9901001')).toEqual({ arxivId: 'hep-th/9901001', arxivVersion: null, url: 'https://arxiv.org/abs/hep-th/9901001', itemType: 'article' });
  });
  it('reads bare and prefixed arXiv ids', () => {
    expect(fields('arXiv:2401.01234v2')).toEqual({ arxivId: '2401.01234', arxivVersion: 2, url: 'https://arxiv.org/abs/2401.01234v2', itemType: 'article' });
    expect(fields(' 2401.01234 ')).toEqual({ arxivId: '2401.01234', arxivVersion: null, url: 'https://arxiv.org/abs/2401.01234', itemType: 'article' });
  });
  it('reads DOIs, doi: and doi.org addresses, leaving the type at journal article', () => {
    const want = { doi: '10.1145/3597503', url: 'https://doi.org/10.1145/3597503', itemType: 'article-journal' };
    expect(fields('10.1145/3597503')).toEqual(want);
    expect(fields('doi:10.1145/3597503')).toEqual(want);
    expect(fields('https://doi.org/10.1145/3597503')).toEqual(want);
    expect(fields('https://dx.doi.org/10.1145/3597503')).toEqual(want);
  });
  it('explains what it cannot read', () => {
    expect(fields('')).toBe('Paste a DOI, an arXiv id, or a doi.org or arxiv.org address.');
    expect(fields('https://example.org/paper')).toBe('Lectern reads identifiers from doi.org and arxiv.org addresses, not from example.org. Paste the paper\'s DOI or arXiv id instead.');
    expect(fields('https://arxiv.org/list/cs.LG/recent')).toBe('This arXiv address names no paper: Lectern reads arxiv.org/abs/…, /pdf/… and /html/… addresses.');
    expect(fields('https://arxiv.org/abs/2413.01234')).toBe('The arXiv id “2413.01234” names month 13; months run from 01 to 12.');
    expect(fields('hello world')).toBe('“hello world” is neither a DOI (10.1145/3597503) nor an arXiv id (2401.01234).');
    expect(fields('doi:10.11/x')).toBe('A DOI\'s prefix is “10.” and 4 to 9 digits (10.1145): “10.11” is not.');
  });
});
