import { describe, expect, it } from 'vitest';
import { DEFAULT_CITATION_KEY_PATTERN, formatCitationKey, uniqueCitationKey } from '../../shared/interop/citation-key';
import { LecternError } from '../../shared/errors';
import type { CslItemJson } from '../../shared/interop/interop-record';

const resnet: CslItemJson = {
  id: 'p1',
  type: 'paper-conference',
  title: 'Deep Residual Learning for Image Recognition',
  author: [
    { family: 'He', given: 'Kaiming' },
    { family: 'Zhang', given: 'Xiangyu' },
    { family: 'Ren', given: 'Shaoqing' },
    { family: 'Sun', given: 'Jian' },
  ],
  issued: { 'date-parts': [[2016, 6]] },
  'container-title': 'Computer Vision and Pattern Recognition',
};

const key = (pattern: string, item: CslItemJson = resnet) => formatCitationKey(item, pattern);

describe('formatCitationKey', () => {
  it('gives Better BibTeX-style keys with the default pattern', () => {
    expect(key(DEFAULT_CITATION_KEY_PATTERN)).toBe('he2016deepresiduallearning');
  });

  it('skips function words in short titles and keeps the case as written without a filter', () => {
    expect(key('[shorttitle]', { ...resnet, title: 'The Elements of Statistical Learning' })).toBe('ElementsStatisticalLearning');
    expect(key('[veryshorttitle]', { ...resnet, title: 'On the Origin of Species' })).toBe('Origin');
    expect(key('[title]', { ...resnet, title: 'An awesome paper on JabRef' })).toBe('AwesomePaperJabRef');
    expect(key('[shorttitle:lower]', { ...resnet, title: 'BERT: Pre-training of Deep Bidirectional Transformers' })).toBe('bertpretrainingdeep');
  });

  it('folds accents and drops particles from the first author', () => {
    const item = { ...resnet, author: [{ family: 'Müller', given: 'Jörg' }] };
    expect(key('[auth][year]', item)).toBe('Muller2016');
    expect(key('[auth:lower]', { ...resnet, author: [{ family: 'Berg', 'non-dropping-particle': 'van der', given: 'Jan' }] })).toBe('berg');
    expect(key('[auth:lower]', { ...resnet, author: [{ family: 'van der Berg', given: 'Jan' }] })).toBe('berg');
    expect(key('[auth]', { ...resnet, author: [{ family: 'Størmer', given: 'Ø' }] })).toBe('Stormer');
    expect(key('[auth]', { ...resnet, author: [{ literal: 'World Health Organization' }] })).toBe('WorldHealthOrganization');
  });

  it('falls back to editors when there are no authors', () => {
    expect(key('[auth:lower]', { ...resnet, author: undefined, editor: [{ family: 'Knuth', given: 'Donald' }] })).toBe('knuth');
  });

  it('writes several authors', () => {
    expect(key('[authors]')).toBe('HeZhangRenSun');
    expect(key('[authors2]')).toBe('HeZhangEtAl');
    expect(key('[authors4]')).toBe('HeZhangRenSun');
    expect(key('[auth.etal]')).toBe('He.etal');
    expect(key('[auth.etal]', { ...resnet, author: resnet.author!.slice(0, 2) })).toBe('He.Zhang');
    expect(key('[auth.etal]', { ...resnet, author: resnet.author!.slice(0, 1) })).toBe('He');
  });

  it('applies filters and keeps literal text', () => {
    expect(key('[auth:upper]_[year]')).toBe('HE_2016');
    expect(key('[journal:abbr]')).toBe('CVaPR');
    expect(key('[title:abbr:lower]')).toBe('drlir');
    expect(key('[auth:ascii:lower]:[year]')).toBe('he:2016');
    expect(key('ref-[year]')).toBe('ref-2016');
  });

  it('keeps only ASCII letters, digits and -_:.', () => {
    expect(key('[auth] [year]!/é')).toBe('He2016');
  });

  it('gives ref + year when the pattern gives nothing', () => {
    expect(key('[auth]', { ...resnet, author: [] })).toBe('ref2016');
    expect(key('[auth]', { id: 'x', type: 'book' })).toBe('ref');
  });

  it('reads the year from a raw date', () => {
    expect(key('[year]', { ...resnet, issued: { raw: 'Spring 1999' } })).toBe('1999');
  });

  it.each([
    ['[auth][yaer]', "unknown field 'yaer' at column 8", 8],
    ['x[auth:lowr]', "unknown filter 'lowr' at column 8", 8],
    ['[auth:lower:bogus]', "unknown filter 'bogus' at column 13", 13],
    ['[auth][year', "the '[' at column 7 of the citation key pattern is never closed", 7],
    ['[]', "unknown field '' at column 2", 2],
  ])('rejects %s naming the fault and its column', (pattern, message, column) => {
    let error: unknown;
    try {
      key(pattern);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(LecternError);
    expect((error as LecternError).code).toBe('INVALID_INPUT');
    expect((error as LecternError).message).toContain(message);
    expect((error as LecternError).details).toEqual({ column });
  });
});

describe('uniqueCitationKey', () => {
  it('keeps a free key', () => {
    expect(uniqueCitationKey('smith2020', () => false)).toBe('smith2020');
  });

  it('adds a, b, ... z, then aa, ab, ...', () => {
    const taken = new Set(['smith2020']);
    const next = () => {
      const k = uniqueCitationKey('smith2020', (x) => taken.has(x));
      taken.add(k);
      return k;
    };
    const keys = Array.from({ length: 29 }, next);
    expect(keys.slice(0, 3)).toEqual(['smith2020a', 'smith2020b', 'smith2020c']);
    expect(keys[25]).toBe('smith2020z');
    expect(keys.slice(26)).toEqual(['smith2020aa', 'smith2020ab', 'smith2020ac']);
  });

  it('goes on past zz to aaa', () => {
    const taken = (k: string) => k === 'k' || /^k[a-z]{1,2}$/.test(k);
    expect(uniqueCitationKey('k', taken)).toBe('kaaa');
  });
});
