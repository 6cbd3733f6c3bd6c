/**
 * Which site a paste came from, and the parser for it (FORMATS.md section 2: score signature line
 * shapes, require at least two). Only scholarfeed is supported so far; other pastes get an error that
 * says what was expected and what the text looked like.
 *
 * A paste is normalised once (normaliseLines); detection and the parser read the same lines. A new
 * source is one entry in FORMATS: it gets the normalisation, the paste thread with its time budget
 * (electron/handlers/paste-worker.ts) and the reliability tests (tests/reliability) without more work.
 */
import { LecternError } from '../errors';
import { normaliseLines } from './normalise';
import type { ParseOutcome, PasteSource } from './parsed';
import { parseScholarfeedLines, scholarfeedSignatures } from './scholarfeed';

interface PasteFormat {
  source: PasteSource;
  label: string;
  /** Example lines shown to the user when nothing matched. */
  expects: string;
  /** How many of the format's signature line shapes the (sampled) normalised lines show. */
  signatures(lines: readonly string[]): number;
  /** Parse the normalised lines (line i is line i+1 of the paste); never throws for odd content. */
  parse(lines: readonly string[]): ParseOutcome;
}

const FORMATS: readonly PasteFormat[] = [
  {
    source: 'scholarfeed',
    label: 'scholarfeed author page',
    expects: "a header such as 'h-index38' / '18papers' / '14,139citations' and paper lines such as 'CLAug 15, 2024Code'",
    signatures: scholarfeedSignatures,
    parse: parseScholarfeedLines,
  },
];

const MIN_SIGNATURES = 2;

/** Detection looks at the first ~200 and last ~100 lines so a huge paste is classified quickly. */
function sample(lines: readonly string[]): readonly string[] {
  return lines.length <= 300 ? lines : [...lines.slice(0, 200), ...lines.slice(-100)];
}

/**
 * Detect the source of a paste.
 * @param text the raw pasted text
 * @returns the best-scoring source and its signature count, or null when none reaches two signatures.
 */
export function detectSource(text: string): { source: PasteSource; signatures: number } | null {
  return detectSourceOfLines(normaliseLines(text));
}

/**
 * detectSource on lines already normalised, so a paste is normalised once.
 * @param normalised normaliseLines of the paste
 * @returns the best-scoring source and its signature count, or null when none reaches two signatures.
 */
export function detectSourceOfLines(normalised: readonly string[]): { source: PasteSource; signatures: number } | null {
  const lines = sample(normalised);
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
  const firstLines = firstNonBlank(lines, 3);
  if (firstLines.length === 0) throw new LecternError('PASTE_EMPTY', 'The pasted text is empty: nothing to import.');
  const detected = detectSourceOfLines(lines);
  const format = detected && FORMATS.find((f) => f.source === detected.source);
  const quoted = firstLines.map((l) => `"${l.length > 80 ? `${l.slice(0, 77)}...` : l}"`).join(', ');
  if (!format) {
    throw new LecternError(
      'PASTE_UNRECOGNISED',
      `This text is not a page Lectern can read. Expected a ${FORMATS.map((f) => `${f.label} (${f.expects})`).join(' or ')}; the text starts with ${quoted}.`,
      { firstLines, supported: FORMATS.map((f) => f.source) },
    );
  }
  const outcome = format.parse(lines);
  if (outcome.profile.papers.length === 0 && outcome.profile.author === null) {
    throw new LecternError(
      'PASTE_UNRECOGNISED',
      `This looks like a ${format.label}, but no author header and no complete paper could be read from it; the text starts with ${quoted}.`,
      { firstLines, supported: FORMATS.map((f) => f.source) },
    );
  }
  return outcome;
}

function firstNonBlank(lines: readonly string[], n: number): string[] {
  const found: string[] = [];
  for (const line of lines) {
    if (line.trim() !== '') found.push(line);
    if (found.length === n) break;
  }
  return found;
}
