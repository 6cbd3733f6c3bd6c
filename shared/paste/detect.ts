/**
 * Which site a paste came from, and the parser for it (FORMATS.md section 2: score each format's
 * signature line shapes, require at least two). A paste nothing matches goes to the generic block
 * parser (section 5.0); a paste with nothing usable gets a message naming what Lectern saw.
 *
 * A paste is normalised once (normaliseLines); detection and the parser read the same lines. A new
 * source is one file and one line in formats.ts: it gets the normalisation, the paste thread with its
 * time budget (electron/handlers/paste-worker.ts) and the reliability tests (tests/reliability).
 */
import { LecternError } from '../errors';
import { withArticle } from '../words';
import { FORMATS, formatById } from './formats';
import { normaliseLines } from './normalise';
import type { Detection, ParseOutcome, PasteSource } from './parsed';
import type { FormatId, PasteFormat } from './paste-format';

const MIN_SIGNATURES = 2;
/** Signature counts at which detection is `sure` or `likely` (below: `unsure`), when the runner-up is far behind. */
const SURE_AT = 6;
const LIKELY_AT = 3;

/** Detection looks at the first ~200 and last ~100 lines so a huge paste is classified quickly. */
function sample(lines: readonly string[]): readonly string[] {
  return lines.length <= 300 ? lines : [...lines.slice(0, 200), ...lines.slice(-100)];
}

/** A detected format with its signature count and confidence. */
export interface Detected {
  format: PasteFormat;
  signatures: number;
  confidence: 'sure' | 'likely' | 'unsure';
}

/**
 * Score every format on normalised lines.
 * @param normalised normaliseLines of the paste
 * @returns the best format with at least two signatures and how sure detection is (a close runner-up
 *   lowers it), or null when no format reaches two signatures
 */
export function detectFormatOfLines(normalised: readonly string[]): Detected | null {
  const lines = sample(normalised);
  let best: { format: PasteFormat; signatures: number } | null = null;
  let second = 0;
  for (const format of FORMATS) {
    const signatures = format.signatures(lines);
    if (best && signatures > best.signatures) second = best.signatures;
    else if (best && signatures > second) second = signatures;
    if (signatures >= MIN_SIGNATURES && (!best || signatures > best.signatures)) best = { format, signatures };
  }
  if (!best) return null;
  const lead = best.signatures - second;
  const confidence = best.signatures >= SURE_AT && lead >= LIKELY_AT ? 'sure' : best.signatures >= LIKELY_AT && lead >= 2 ? 'likely' : 'unsure';
  return { ...best, confidence };
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
  const d = detectFormatOfLines(normalised);
  return d && { source: d.format.source, signatures: d.signatures };
}

/** Options of detectAndParse. */
export interface ParseOptions {
  /** Read the paste as this format instead of detecting it (the preview's source picker). */
  format?: FormatId;
}

/**
 * Detect the source of a paste (or use the one the user chose) and parse it.
 * @param text the raw pasted text
 * @param options `format` to skip detection
 * @returns the parse outcome (profile in fixture shape + report) with `detection`: the format, its label
 *   and how it was chosen (`sure`/`likely`/`unsure`, `chosen`, or `fallback` for the generic parser)
 * @throws LecternError `PASTE_EMPTY` for blank text; `PASTE_UNRECOGNISED` (details: `firstLines`,
 *   `supported`, `format` when one was detected) when the paste yields no paper and no profile: the
 *   message names what Lectern saw and what to copy instead.
 */
export function detectAndParse(text: string, options: ParseOptions = {}): ParseOutcome {
  const lines = normaliseLines(text);
  const firstLines = firstNonBlank(lines, 3);
  if (firstLines.length === 0) throw new LecternError('PASTE_EMPTY', 'The pasted text is empty: nothing to import.');
  let detection: Detection;
  let format: PasteFormat;
  if (options.format) {
    format = formatById(options.format);
    detection = { format: format.id, label: format.label, confidence: 'chosen', signatures: 0 };
  } else {
    const found = detectFormatOfLines(lines);
    format = found ? found.format : formatById('generic');
    detection = found
      ? { format: format.id, label: format.label, confidence: found.confidence, signatures: found.signatures }
      : { format: 'generic', label: format.label, confidence: 'fallback', signatures: 0 };
  }
  const outcome = format.parse(lines);
  if (outcome.profile.papers.length === 0 && outcome.profile.author === null) {
    throw unusable(format, firstLines);
  }
  return { ...outcome, detection };
}

function unusable(format: PasteFormat, firstLines: string[]): LecternError {
  const quoted = firstLines.map((l) => `"${l.length > 80 ? `${l.slice(0, 77)}...` : l}"`).join(', ');
  const supported = FORMATS.filter((f) => f.id !== 'generic');
  const details = { firstLines, supported: supported.map((f) => f.source), format: format.id };
  if (format.id === 'generic') {
    const sites = [...new Set(supported.map((f) => f.site))].join(', ');
    return new LecternError(
      'PASTE_UNRECOGNISED',
      `This text is not a page Lectern can read. It does not look like a page from ${sites}, and ${format.noPapersHint} The text starts with ${quoted}.`,
      details,
    );
  }
  return new LecternError('PASTE_UNRECOGNISED', `This looks like ${withArticle(format.label)}, but no papers were found: ${format.noPapersHint}`, details);
}

function firstNonBlank(lines: readonly string[], n: number): string[] {
  const found: string[] = [];
  for (const line of lines) {
    if (line.trim() !== '') found.push(line);
    if (found.length === n) break;
  }
  return found;
}
