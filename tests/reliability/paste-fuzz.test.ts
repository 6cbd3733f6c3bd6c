/**
 * Property-based fuzzing of every paste parser (issue 8 item 2): detectAndParse (detection and every
 * registered source's parser), detectSource and normaliseLines, on FUZZ_RUNS generated pastes each
 * (helpers/paste-arbitraries.ts). They never throw anything but a LecternError with a plain sentence,
 * and what they return is well formed: the fixture schema, papers with titles and real dates, and every
 * line number of the report a line of the user's paste, holding the text the report quotes.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { LecternError } from '../../shared/errors';
import { detectAndParse, detectSource } from '../../shared/paste/detect';
import { normaliseLines } from '../../shared/paste/normalise';
import { PASTE_SOURCES, ParseOutcome } from '../../shared/paste/parsed';
import { FUZZ_RUNS } from './fuzz-runs';
import { paste } from './helpers/paste-arbitraries';

/** Lines of the paste as the user sees them (the paste box breaks at LF, CRLF and lone CR). */
const userLines = (text: string) => text.split(/\r\n|\r|\n/);

/** What is wrong with an error message for a person (none: a plain sentence, no stack, no code, no missing value). */
function sentenceProblems(message: string): string[] {
  const problems: string[] = [];
  if (message.length < 10 || !/^[A-Z]/.test(message) || !/\.$/.test(message)) problems.push(`not a sentence: ${message}`);
  if (/\n\s+at |\bError:|\[object |\bundefined\b|\bNaN\b/.test(message)) problems.push(`leaks internals: ${message}`);
  return problems;
}

/** A day that exists (ISO 8601 calendar; set through a full four-digit year, which Date.UTC would move to 19xx). */
function isRealDate(iso: string): boolean {
  const [y, m, d] = iso.split('-').map(Number);
  if (m! < 1 || m! > 12) return false;
  if (d === undefined) return true;
  const date = new Date(Date.UTC(2000, m! - 1, d));
  date.setUTCFullYear(y!);
  return date.getUTCFullYear() === y && date.getUTCMonth() === m! - 1 && date.getUTCDate() === d;
}

/** normaliseLines: one line per line of the paste, nothing left to normalise, and normalising again changes nothing. */
function normalisedProblems(text: string, lines: string[]): string[] {
  const problems: string[] = [];
  if (lines.length !== userLines(text).length) problems.push(`${lines.length} lines for a paste of ${userLines(text).length}`);
  lines.forEach((line, i) => {
    if (/[\r\n\u00a0\u202f\u2009\u200b-\u200d\ufeff\u00ad\u200e\u200f]|[ \t]$/.test(line)) problems.push(`line ${i + 1} not normalised: ${JSON.stringify(line)}`);
    if (line.normalize('NFC') !== line) problems.push(`line ${i + 1} not NFC`);
  });
  const again = normaliseLines(lines.join('\n'));
  if (again.length !== lines.length || again.some((l, i) => l !== lines[i])) problems.push('normalising twice changes the lines');
  return problems;
}

/** detectAndParse's outcome: the fixture schema, papers with titles and real dates, and a report whose line numbers are lines of the paste. */
function outcomeProblems(outcome: ParseOutcome, lines: string[]): string[] {
  const problems = (ParseOutcome.safeParse(outcome).error?.issues ?? []).map((i) => `schema: ${i.path.join('.')}: ${i.message}`);
  const trimmed = (what: string, v: string) => {
    if (v.trim() === '' || v !== v.trim()) problems.push(`${what} blank or untrimmed: ${JSON.stringify(v)}`);
  };
  for (const paper of outcome.profile.papers) {
    trimmed('title', paper.title);
    for (const a of paper.authors) trimmed('author', a);
    for (const a of paper.affiliations) trimmed('affiliation', a);
    if (paper.date !== null && (!isRealDate(paper.date) || paper.year !== Number(paper.date.slice(0, 4)))) problems.push(`date ${paper.date}, year ${paper.year}`);
    // Every scholarfeed card carries a category; other sites (FORMATS.md section 3) often show none, so `[]` is right for them.
    if (outcome.profile.source === 'scholarfeed' && paper.category.length === 0) problems.push(`no category: ${paper.title}`);
  }
  if (outcome.profile.author) trimmed('author name', outcome.profile.author.name);
  const { skipped, incompleteTail, warnings } = outcome.report;
  let previous = 0;
  for (const s of skipped) {
    // Ascending, within the paste, quoting that line of the paste as it stands (normalised).
    if (s.line <= previous || s.line > lines.length || s.text !== lines[s.line - 1] || s.reason === '') problems.push(`skipped ${JSON.stringify(s)}`);
    previous = s.line;
  }
  if (incompleteTail && (incompleteTail.line > lines.length || !lines.slice(incompleteTail.line - 1).join('\n').includes(incompleteTail.text))) {
    problems.push(`incomplete tail ${JSON.stringify(incompleteTail)}`);
  }
  for (const w of warnings) for (const [, n] of w.matchAll(/\bline (\d+)/g)) if (Number(n) > lines.length) problems.push(`warning past the paste: ${w}`);
  return problems;
}

/**
 * detectSource: null or a source with two signatures or more; when null, detectAndParse either refuses
 * a non-blank paste or reads it with the generic block parser and says so (`fallback`), never as a
 * detected source.
 */
function detectionProblems(text: string, lines: string[]): string[] {
  const detected = detectSource(text);
  if (detected) return PASTE_SOURCES.includes(detected.source) && detected.signatures >= 2 ? [] : [`detected ${JSON.stringify(detected)}`];
  if (lines.every((l) => l.trim() === '')) return [];
  try {
    const outcome = detectAndParse(text);
    return outcome.detection?.confidence === 'fallback' && outcome.profile.source === 'generic'
      ? []
      : [`detectSource found no source, yet detectAndParse read the paste as ${JSON.stringify(outcome.detection)}`];
  } catch (err) {
    return (err as LecternError).code === 'PASTE_UNRECOGNISED' ? [] : [`undetected paste refused with ${(err as LecternError).code}`];
  }
}

/** detectAndParse: a LecternError with a plain sentence, or a well-formed outcome. */
function parseProblems(text: string, lines: string[]): string[] {
  let outcome: ParseOutcome;
  try {
    outcome = detectAndParse(text);
  } catch (err) {
    if (!(err instanceof LecternError)) return [`threw ${String(err)}`];
    if (err.code !== 'PASTE_EMPTY' && err.code !== 'PASTE_UNRECOGNISED') return [`threw ${err.code}: ${err.message}`];
    return sentenceProblems(err.message);
  }
  return outcomeProblems(outcome, lines);
}

describe('paste parsers under fuzzing', () => {
  // One property over the parsers so that each generated paste (the costly part) serves all three.
  it(`normaliseLines, detectSource and detectAndParse each read ${FUZZ_RUNS} generated pastes: only LecternErrors with plain sentences, well-formed results`, () => {
    fc.assert(
      fc.property(paste, (text) => {
        const lines = normaliseLines(text);
        const problems = [...normalisedProblems(text, lines).map((p) => `normaliseLines: ${p}`), ...detectionProblems(text, lines).map((p) => `detectSource: ${p}`), ...parseProblems(text, lines).map((p) => `detectAndParse: ${p}`)];
        expect(problems).toEqual([]);
      }),
      { numRuns: FUZZ_RUNS },
    );
    // `npm run fuzz` runs ten times the cases: the time allowed grows with them.
  }, 60_000 + FUZZ_RUNS * 10);
});
