import { describe, expect, it } from 'vitest';
import { arxivLink, codeLink, doiLink, httpsLink } from '../../shared/record/record-links';

describe('record links', () => {
  it('makes DOI and arXiv links', () => {
    expect(doiLink('10.1145/3366423.3380130')).toBe('https://doi.org/10.1145/3366423.3380130');
    expect(doiLink('10.1002/(SICI)1097-4636<1>')).toBe('https://doi.org/10.1002/(SICI)1097-4636%3C1%3E');
    expect(arxivLink('2401.01234', 2)).toBe('https://arxiv.org/abs/2401.01234v2');
    expect(arxivLink('cs/0612045')).toBe('https://arxiv.org/abs/cs/0612045');
    expect(doiLink(null)).toBeNull();
  });

  it('links https only', () => {
    expect(httpsLink('https://example.org/paper')).toBe('https://example.org/paper');
    expect(httpsLink('http://example.org/paper')).toBeNull();
    expect(httpsLink('javascript:alert(1)')).toBeNull();
    expect(httpsLink('not a url')).toBeNull();
  });

  it('finds the code link a page gave', () => {
    expect(codeLink({ stars: 1125, code_url: 'https://github.com/org/repo' })).toBe('https://github.com/org/repo');
    expect(codeLink({ code: 'javascript:alert(1)', repository: 'https://gitlab.com/a/b' })).toBe('https://gitlab.com/a/b');
    expect(codeLink({ code: true })).toBeNull();
  });
});
