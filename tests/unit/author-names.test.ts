import { describe, expect, it } from 'vitest';
import { shortAuthors, shownSurname, surname } from '../../shared/author-names';
import { surnameKey } from '../../db/library/keys';

describe('short author lists', () => {
  it('keep the lower-case particles with the surname', () => {
    expect(shortAuthors(['Anneke de Jong', 'Ana Paula dos Santos', 'Jan-Hendrik ter Horst', 'María de la Cruz', 'Ottilie von Hohenstein', 'Ahmad bin Yusof'], false)).toBe(
      'de Jong, dos Santos, ter Horst, de la Cruz, von Hohenstein, bin Yusof',
    );
    expect(shortAuthors(['Z. Z. Ren', 'DeepSeek-AI', 'Van Morrison'], true)).toBe('Ren, DeepSeek-AI, Morrison et al.');
  });

  it('sort by the last word, as BibTeX styles sort the von part', () => {
    expect(shownSurname('Anneke de Jong')).toBe('de Jong');
    expect(surname('Anneke de Jong')).toBe('Jong');
    expect(surnameKey('María de la Cruz')).toBe('cruz');
  });
});

describe('isInitialsFormOf', () => {
  const fold = (s: string) => s.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase().replace(/ø/g, 'o').replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
  it('recognises a profile owner printed with initials, and nobody else', async () => {
    const { isInitialsFormOf } = await import('../../shared/author-names');
    expect(isInitialsFormOf('H Ødegård', 'Henrik Ødegård', fold)).toBe(true);
    expect(isInitialsFormOf('HM Odegard', 'Henrik Magnus Ødegård', fold)).toBe(true);
    expect(isInitialsFormOf('JL Marchetti', 'Jean-Luc Marchetti', fold)).toBe(true);
    expect(isInitialsFormOf('Marchetti, J.-L.', 'Jean-Luc Marchetti', fold)).toBe(true);
    expect(isInitialsFormOf('D van der Berg', 'Daan van der Berg', fold)).toBe(true);
    expect(isInitialsFormOf('K Ødegård', 'Henrik Ødegård', fold)).toBe(false);
    expect(isInitialsFormOf('Hans Ødegård', 'Henrik Ødegård', fold)).toBe(false);
    expect(isInitialsFormOf('H Berg', 'Henrik Ødegård', fold)).toBe(false);
    expect(isInitialsFormOf('Ødegård', 'Henrik Ødegård', fold)).toBe(false);
  });
  it('keeps capitalised particles with the surname when shown', async () => {
    const { shortAuthors } = await import('../../shared/author-names');
    expect(shortAuthors(['A Ó Briain', 'C Lo Bianco', 'G Di Lorenzo', 'Van Morrison'], false)).toBe('Ó Briain, Lo Bianco, Di Lorenzo, Morrison');
  });
});
