/**
 * CSL name parts (CSL 1.0.2, "Name-part Order"; CSL-JSON `family`, `given`, `dropping-particle`,
 * `non-dropping-particle`, `suffix`, `literal`) of a name as a page printed it.
 *
 * Forms read: `Given Family` (`Thibault van der Meulen`), Google Scholar's initials form (`D van der
 * Berg`, `JL Marchetti`), the inverted form (`Marchetti, J.-L.`, `Quintero-Vance, Marisol`), suffixes
 * (`Jr.`, `III`), organisations (`DeepSeek-AI`, `... Team`, `... Consortium`) as a literal, Vietnamese
 * names printed family first (`Nguyễn Thị Hương`), and names in Han, kana or Hangul (family first, no
 * space). A name this cannot split with confidence becomes a literal rather than a wrong split.
 */

export interface CslName {
  family: string | null;
  given: string | null;
  droppingParticle: string | null;
  nonDroppingParticle: string | null;
  suffix: string | null;
  literal: string | null;
}

const EMPTY: CslName = { family: null, given: null, droppingParticle: null, nonDroppingParticle: null, suffix: null, literal: null };

/**
 * Lower-case particles that stay with the family name when it is shown alone (Dutch `van der`, French
 * `de la`, Portuguese `dos`, Malay `bin`, ...): CSL non-dropping particles.
 */
const NON_DROPPING = new Set(['van', 'der', 'den', 'de', 'la', 'le', 'les', 'du', 'des', 'di', 'da', 'das', 'do', 'dos', 'del', 'della', 'degli', 'dei', 'ter', 'ten', "'t", 'het', 'bin', 'binti', 'binte', 'ibn', 'al', 'el', 'lo', 'y']);
/** German `von`, `zu`, `vom`: dropped when the family name is shown alone (CSL dropping particles). */
const DROPPING = new Set(['von', 'zu', 'vom', 'zum', 'zur']);
/**
 * Capitalised particles written as part of the family name (`Di Stefano`, `Lo Bianco`, `De Luca`,
 * Irish `Ó Briain`, `Ní Bhriain`); only taken right before the last word.
 */
const CAPITAL_PARTICLES = new Set(['Di', 'De', 'Del', 'Della', 'Da', 'Dos', 'Lo', 'La', 'Le', 'Van', 'Von', 'Ó', 'Ní', 'Nic', 'Mac', 'Ua', 'Al', 'El', 'Ter', 'Ten', 'Du', 'Des']);
const SUFFIXES = new Set(['jr', 'jr.', 'sr', 'sr.', 'jnr', 'snr', 'ii', 'iii', 'iv']);
/** Words that make a name an organisation (last word, or anywhere for the institutional ones). */
const ORG_LAST_WORDS = new Set(['team', 'consortium', 'collaboration', 'group', 'project', 'initiative', 'committee', 'association', 'society', 'institute', 'laboratory', 'lab', 'labs', 'inc', 'inc.', 'ltd', 'ltd.', 'corporation', 'corp.', 'foundation', 'alliance', 'network', 'organization', 'organisation', 'center', 'centre', 'council', 'authors', 'contributors', 'investigators', 'community', 'ai']);
const ORG_ANY_WORDS = new Set(['university', 'universität', 'université', 'universidad', 'institute', 'consortium', 'collaboration']);
/** Vietnamese family names, printed first (with their diacritics, so `Tuan Le` is not taken for one). */
const VIETNAMESE_FAMILIES = new Set(['Nguyễn', 'Trần', 'Lê', 'Phạm', 'Hoàng', 'Huỳnh', 'Phan', 'Vũ', 'Võ', 'Đặng', 'Bùi', 'Đỗ', 'Hồ', 'Ngô', 'Dương', 'Lý', 'Trương', 'Đinh', 'Lâm', 'Mai', 'Trịnh', 'Đoàn']);
/** Han, Hiragana, Katakana, Hangul. */
const CJK = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/u;
const KANA = /[\p{Script=Hiragana}\p{Script=Katakana}]/u;

const nonEmpty = (words: readonly string[]): string | null => (words.length ? words.join(' ') : null);

function isOrganisation(name: string, words: readonly string[]): boolean {
  if (/\d/.test(name)) return true;
  const last = words[words.length - 1]!.toLowerCase();
  if (words.length > 1 && ORG_LAST_WORDS.has(last)) return true;
  if (words.some((w) => ORG_ANY_WORDS.has(w.toLowerCase()))) return true;
  if (words.length === 1) {
    // `DeepSeek-AI`, `OpenAI`, `DeepMind`: a capital after a lower-case letter, or an all-capital part after a hyphen.
    return /\p{Ll}\p{Lu}/u.test(name) || /-\p{Lu}{2,}$/u.test(name);
  }
  return false;
}

/** Splits `words` (given-first order, suffix removed) into given, particles and family. */
function splitGivenFirst(words: readonly string[]): CslName {
  if (words.length === 1) return { ...EMPTY, family: words[0]! };
  const last = words.length - 1;
  // The particle run: lower-case particles after the first word, up to the last word.
  let start = last;
  while (start > 1 && (NON_DROPPING.has(words[start - 1]!) || DROPPING.has(words[start - 1]!))) start -= 1;
  if (start === last && last >= 2 && CAPITAL_PARTICLES.has(words[last - 1]!)) start = last - 1;
  const particles = words.slice(start, last);
  const given = words.slice(0, start);
  // German `von` (and the words after it) drop; what follows a dropping run does not.
  const dropCount = particles.findIndex((w) => !DROPPING.has(w));
  const dropping = dropCount === -1 ? particles : particles.slice(0, dropCount);
  const nonDropping = dropCount === -1 ? [] : particles.slice(dropCount);
  return { ...EMPTY, given: nonEmpty(given), family: words[last]!, droppingParticle: nonEmpty(dropping), nonDroppingParticle: nonEmpty(nonDropping) };
}

const INITIALS = /^\p{Lu}{1,3}$/u;

/**
 * Google Scholar's form `JL Marchetti`, `D van der Berg`, `D Ferreira Lopes`: the leading glued initials
 * are the given name (`J. L.`), everything after them the family name with its particles.
 */
function splitInitialsForm(words: readonly string[]): CslName {
  let end = 1;
  // `A Ó Briain`: a capital particle right before the surname is not an initial.
  while (end < words.length - 1 && INITIALS.test(words[end]!) && !(end === words.length - 2 && CAPITAL_PARTICLES.has(words[end]!))) end += 1;
  const given = words.slice(0, end).flatMap((w) => [...w].map((c) => `${c}.`)).join(' ');
  const rest = words.slice(end);
  let lead = 0;
  while (lead < rest.length - 1 && (NON_DROPPING.has(rest[lead]!) || DROPPING.has(rest[lead]!) || (lead === 0 && rest.length === 2 && CAPITAL_PARTICLES.has(rest[0]!)))) lead += 1;
  const particles = rest.slice(0, lead);
  const drops = particles.length > 0 && particles.every((w) => DROPPING.has(w));
  return {
    ...EMPTY,
    given,
    family: rest.slice(lead).join(' '),
    droppingParticle: drops ? nonEmpty(particles) : null,
    nonDroppingParticle: drops ? null : nonEmpty(particles),
  };
}

/** The inverted form `Family, Given[, Suffix]`, particles before the family or after the given name. */
function splitInverted(familyPart: string, givenPart: string, suffix: string | null): CslName {
  const familyWords = familyPart.split(/\s+/).filter(Boolean);
  let lead = 0;
  while (lead < familyWords.length - 1 && (NON_DROPPING.has(familyWords[lead]!) || DROPPING.has(familyWords[lead]!))) lead += 1;
  const givenWords = givenPart.split(/\s+/).filter(Boolean);
  // `Humboldt, Alexander von`: particles trailing the given name (German ones drop).
  let tail = givenWords.length;
  while (tail > 1 && (DROPPING.has(givenWords[tail - 1]!) || NON_DROPPING.has(givenWords[tail - 1]!))) tail -= 1;
  const trailing = givenWords.slice(tail);
  const drops = trailing.length > 0 && trailing.every((w) => DROPPING.has(w));
  return {
    ...EMPTY,
    family: familyWords.slice(lead).join(' ') || null,
    nonDroppingParticle: nonEmpty([...familyWords.slice(0, lead), ...(drops ? [] : trailing)]),
    given: nonEmpty(givenWords.slice(0, tail)),
    droppingParticle: drops ? nonEmpty(trailing) : null,
    suffix,
  };
}

/**
 * CSL name parts of one printed name.
 * @param printed the name as the page printed it (NFC; markers such as `*` already removed)
 * @param options.initials true for pages that print given names as glued initials (Google Scholar):
 *   `JL` is stored as `J. L.`
 * @returns the parts; `literal` alone (others null) for organisations and names it cannot split;
 *   all null for an empty name. Never throws.
 */
export function cslName(printed: string, options: { initials?: boolean } = {}): CslName {
  const name = printed.trim().replace(/\s+/g, ' ');
  if (name === '') return { ...EMPTY };
  const words = name.split(' ');
  if (isOrganisation(name, words)) return { ...EMPTY, literal: name };

  if (CJK.test(name)) {
    if (words.length === 2) return { ...EMPTY, family: words[0]!, given: words[1]! };
    // Chinese and Korean print the one-syllable family name first; Japanese (kana, or four characters and
    // more) cannot be split without a dictionary, so it stays whole.
    const chars = [...name];
    if (words.length === 1 && !KANA.test(name) && chars.length >= 2 && chars.length <= 3) return { ...EMPTY, family: chars[0]!, given: chars.slice(1).join('') };
    return { ...EMPTY, literal: name };
  }

  const parts = name.split(',').map((p) => p.trim()).filter(Boolean);
  if (parts.length >= 2) {
    const lastPart = parts[parts.length - 1]!;
    const suffix = SUFFIXES.has(lastPart.toLowerCase()) ? lastPart : null;
    const rest = suffix ? parts.slice(0, -1) : parts;
    // `John Smith, Jr.`: given-first with a suffix.
    if (rest.length === 1) return { ...cslName(rest[0]!, options), suffix };
    if (rest.length === 2) return splitInverted(rest[0]!, rest[1]!, suffix);
    return { ...EMPTY, literal: name };
  }

  let suffix: string | null = null;
  let body = words;
  if (body.length > 2 && SUFFIXES.has(body[body.length - 1]!.toLowerCase())) {
    suffix = body[body.length - 1]!;
    body = body.slice(0, -1);
  }
  if (body.length >= 2 && VIETNAMESE_FAMILIES.has(body[0]!)) {
    return { ...EMPTY, family: body[0]!, given: body.slice(1).join(' '), suffix };
  }
  if (options.initials && body.length >= 2 && INITIALS.test(body[0]!)) return { ...splitInitialsForm(body), suffix };
  return { ...splitGivenFirst(body), suffix };
}
