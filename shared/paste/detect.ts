/**
 * Which site a paste came from, and the parser for it (FORMATS.md section 2: score signature line
 * shapes, require at least two). Only scholarfeed is supported so far; other pastes get an error that
 * says what was expected and what the text looked like.
 */
import { LecternError } from '../errors';
import { normaliseLines } from './normalise';
import type { ParseOutcome, PasteSource } from './parsed';
import { parseScholarfeed, scholarfeedSignatures } from './scholarfeed';

interface PasteFormat {
  source: PasteSource;
  label: string;
  /** Example lines shown to the user when nothing matched. */
  expects: string;
  signatures(lines: readonly string[]): number;
  parse(text: string): ParseOutcome;
}

const FORMATS: readonly PasteFormat[] = [
  {
    source: 'scholarfeed',
    label: 'scholarfeed author page',
    expects: "a header such as 'h-index38' / '18papers' / '14,139citations' and paper lines such as 'CLAug 15, 2024Code'",
    signatures: scholarfeedSignatures,
    parse: parseScholarfeed,
  },
];

const MIN_SIGNATURES = 2;

/** Detection looks at the first ~200 and last ~100 lines so a huge paste is classified quickly. */
function sample(lines: readonly string[]): readonly string[] {
  return lines.length <= 300 ? lines : [...lines.slice(0, 200), ...lines.slice(-100)];
}

/**
 * Detect the source of a paste.
 * @returns the best-scoring source and its signature count, or null when none reaches two signatures.
 */
export function detectSource(text: string): { source: PasteSource; signatures: number } | null {
  const lines = sample(normaliseLines(text));
  let best: { source: PasteSource; signatures: number } | null = null;
  for (const f of FORMATS) {
    const signatures = f.signatures(lines);
    if (signatures >= MIN_SIGNATURES && (!best || signatures > best.signatures)) best = { source: f.source, signatures };
  }
  return best;
}

/**
 * Detect the source of a paste and parse it.
 * @param text the raw pasted text
 * @returns the parse outcome (profile in fixture shape + report)
 * @throws LecternError `PASTE_EMPTY` for blank text; `PASTE_UNRECOGNISED` (details: `firstLines`,
 *   `supported`) when no supported format matches, or when a match yields no paper and no profile.
 */
export function detectAndParse(text: string): ParseOutcome {
  const lines = normaliseLines(text);
  const firstLines = lines.filter((l) => l.trim() !== '').slice(0, 3);
  if (firstLines.length === 0) throw new LecternError('PASTE_EMPTY', 'The pasted text is empty: nothing to import.');
  const detected = detectSource(text);
  const format = detected && FORMATS.find((f) => f.source === detected.source);
  const quoted = firstLines.map((l) => `"${l.length > 80 ? `${l.slice(0, 77)}...` : l}"`).join(', ');
  if (!format) {
    throw new LecternError(
      'PASTE_UNRECOGNISED',
      `This text is not a page Lectern can read. Expected a ${FORMATS.map((f) => `${f.label} (${f.expects})`).join(' or ')}; the text starts with ${quoted}.`,
      { firstLines, supported: FORMATS.map((f) => f.source) },
    );
  }
  const outcome = format.parse(text);
  if (outcome.profile.papers.length === 0 && outcome.profile.author === null) {
    throw new LecternError(
      'PASTE_UNRECOGNISED',
      `This looks like a ${format.label}, but no author header and no complete paper could be read from it; the text starts with ${quoted}.`,
      { firstLines, supported: FORMATS.map((f) => f.source) },
    );
  }
  return outcome;
}
