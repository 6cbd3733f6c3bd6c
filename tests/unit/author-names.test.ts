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
