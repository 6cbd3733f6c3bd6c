/** CSL name parts of printed names, with names as the fixtures under ../shared/profiles print them. */
import { describe, expect, it } from 'vitest';
import { cslName, type CslName } from '../../shared/record/csl-name';

const parts = (p: Partial<CslName>): CslName => ({ family: null, given: null, droppingParticle: null, nonDroppingParticle: null, suffix: null, literal: null, ...p });

describe('CSL name parts', () => {
  it.each([
    ['Thibault van der Meulen', { given: 'Thibault', nonDroppingParticle: 'van der', family: 'Meulen' }],
    ['Jan-Hendrik ter Horst', { given: 'Jan-Hendrik', nonDroppingParticle: 'ter', family: 'Horst' }],
    ['María de la Cruz', { given: 'María', nonDroppingParticle: 'de la', family: 'Cruz' }],
    ['Ottilie von Hohenstein', { given: 'Ottilie', droppingParticle: 'von', family: 'Hohenstein' }],
    ['Chiara Lo Bianco', { given: 'Chiara', nonDroppingParticle: 'Lo', family: 'Bianco' }],
    ['Gianluca Di Lorenzo', { given: 'Gianluca', nonDroppingParticle: 'Di', family: 'Lorenzo' }],
    ['Siobhán Ní Bhriain', { given: 'Siobhán', nonDroppingParticle: 'Ní', family: 'Bhriain' }],
    ['Aoife Ó Briain', { given: 'Aoife', nonDroppingParticle: 'Ó', family: 'Briain' }],
    ['Ahmad bin Yusof', { given: 'Ahmad', nonDroppingParticle: 'bin', family: 'Yusof' }],
    ['João dos Santos', { given: 'João', nonDroppingParticle: 'dos', family: 'Santos' }],
    ['Marisol Quintero-Vance', { given: 'Marisol', family: 'Quintero-Vance' }],
    ['Z. Z. Ren', { given: 'Z. Z.', family: 'Ren' }],
    ['Łukasz Wróbel', { given: 'Łukasz', family: 'Wróbel' }],
    ['Fatima Zahra Benali', { given: 'Fatima Zahra', family: 'Benali' }],
    // "Van" as a first name is a given name, not a particle.
    ['Van Morrison', { given: 'Van', family: 'Morrison' }],
    ['Martin Luther King Jr.', { given: 'Martin Luther', family: 'King', suffix: 'Jr.' }],
    ['Henry Ford III', { given: 'Henry', family: 'Ford', suffix: 'III' }],
    ['John Smith, Jr.', { given: 'John', family: 'Smith', suffix: 'Jr.' }],
    // Printed family first: Vietnamese names with their diacritics.
    ['Nguyễn Thị Hương', { family: 'Nguyễn', given: 'Thị Hương' }],
    ['Иван Петров', { given: 'Иван', family: 'Петров' }],
  ])('%s', (printed, expected) => {
    expect(cslName(printed)).toEqual(parts(expected));
  });

  it.each([
    ['Marchetti, J.-L.', { family: 'Marchetti', given: 'J.-L.' }],
    ['Quintero-Vance, Marisol', { family: 'Quintero-Vance', given: 'Marisol' }],
    ['van der Meulen, T.', { nonDroppingParticle: 'van der', family: 'Meulen', given: 'T.' }],
    ['Humboldt, Alexander von', { family: 'Humboldt', given: 'Alexander', droppingParticle: 'von' }],
    ['King, Martin Luther, Jr.', { family: 'King', given: 'Martin Luther', suffix: 'Jr.' }],
  ])('inverted (Scopus): %s', (printed, expected) => {
    expect(cslName(printed)).toEqual(parts(expected));
  });

  it.each([
    ['D van der Berg', { given: 'D.', nonDroppingParticle: 'van der', family: 'Berg' }],
    ['JL Marchetti', { given: 'J. L.', family: 'Marchetti' }],
    ['JH ter Horst', { given: 'J. H.', nonDroppingParticle: 'ter', family: 'Horst' }],
    ['O von Hohenstein', { given: 'O.', droppingParticle: 'von', family: 'Hohenstein' }],
    ['A Ó Briain', { given: 'A.', nonDroppingParticle: 'Ó', family: 'Briain' }],
    ['G Di Lorenzo', { given: 'G.', nonDroppingParticle: 'Di', family: 'Lorenzo' }],
    // "Ó" alone before the surname is an initial (Ó Þórsson).
    ['Ó Þórsson', { given: 'Ó.', family: 'Þórsson' }],
    ['D Ferreira Lopes', { given: 'D.', family: 'Ferreira Lopes' }],
    ["E O'Connor", { given: 'E.', family: "O'Connor" }],
    ['H Ødegård', { given: 'H.', family: 'Ødegård' }],
    ['Y Al-Hashimi', { given: 'Y.', family: 'Al-Hashimi' }],
  ])('Google Scholar initials: %s', (printed, expected) => {
    expect(cslName(printed, { initials: true })).toEqual(parts(expected));
  });

  it.each(['DeepSeek-AI', 'OpenAI', 'The ATLAS Collaboration', 'Gemini Team', 'Human Genome Sequencing Consortium', 'Meta AI', 'Stanford University NLP Group', 'BigScience Workshop 2022'])(
    'organisation %s is a literal',
    (printed) => {
      expect(cslName(printed)).toEqual(parts({ literal: printed }));
    },
  );

  it('splits names in Han and Hangul family first, and keeps Japanese whole', () => {
    expect(cslName('张伟')).toEqual(parts({ family: '张', given: '伟' }));
    expect(cslName('王小明')).toEqual(parts({ family: '王', given: '小明' }));
    expect(cslName('김민준')).toEqual(parts({ family: '김', given: '민준' }));
    expect(cslName('山田 太郎')).toEqual(parts({ family: '山田', given: '太郎' }));
    expect(cslName('やまだたろう')).toEqual(parts({ literal: 'やまだたろう' }));
  });

  it('returns all nulls for an empty name and a family for a single word', () => {
    expect(cslName('   ')).toEqual(parts({}));
    expect(cslName('Plato')).toEqual(parts({ family: 'Plato' }));
  });
});
