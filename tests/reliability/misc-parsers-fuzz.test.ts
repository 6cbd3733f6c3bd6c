/**
 * The ResearchGate, ACM DL, Scopus and generic parsers read any text without throwing and return the
 * fixture schema with a consistent report (issue 10, section 3). The shared fuzz test reaches them only
 * when detection picks them, so here each parser is called directly on pastes built from the lines of
 * every fixture (theirs and other sites'), shuffled and mutated, and on 100 KB of repeated grammar pieces,
 * which must take under a second.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { acmDlFormat } from '../../shared/paste/acm-dl';
import { genericFormat } from '../../shared/paste/generic-blocks';
import { normaliseLines } from '../../shared/paste/normalise';
import { ParseOutcome } from '../../shared/paste/parsed';
import { researchgateFormat } from '../../shared/paste/researchgate';
import { scopusFormat } from '../../shared/paste/scopus';
import { FUZZ_RUNS } from './fuzz-runs';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const dirs = [join(ROOT, '..', 'shared', 'profiles'), ...['researchgate', 'acm_dl', 'scopus', 'generic'].map((s) => join(ROOT, 'tests', 'fixtures', 'paste', s))];
const LINES = [...new Set(dirs.flatMap((d) => readdirSync(d).filter((f) => f.endsWith('.txt')).flatMap((f) => readFileSync(join(d, f), 'utf8').split(/\r\n|\r|\n/))))];
const FORMATS = [researchgateFormat, acmDlFormat, scopusFormat, genericFormat];
const KEYS = ['title', 'authors', 'authors_truncated', 'author_count', 'equal_contribution', 'affiliations', 'date', 'year', 'venue', 'pages', 'type', 'category', 'citations', 'abstract', 'abstract_truncated', 'tldr', 'ids', 'has_code', 'has_pdf', 'extra'].sort();

const mutation = fc.constantFrom(
  (l: string) => l,
  (l: string) => l,
  (l: string) => l.replace(/ /g, ''),
  (l: string) => l.replace(/·/g, ''),
  (l: string) => l.replace(/•/g, ''),
  (l: string) => `${l}${l}`,
  (l: string) => l.slice(0, Math.ceil(l.length / 2)),
  (l: string) => ` \t${l}\u00a0`,
  (l: string) => l.toUpperCase(),
  (l: string) => `${l},,,`,
);
const line = fc.oneof(
  { weight: 6, arbitrary: fc.tuple(fc.constantFrom(...LINES), mutation).map(([l, m]) => m(l)) },
  { weight: 1, arbitrary: fc.constantFrom('Article', 'research-article', 'Conference Paper • Open access', 'Total Citations', 'Citations', '12', '[...]', '...', '+ 4', '2024', '', 'Full-text available', 'Download', 'h-index:') },
  { weight: 1, arbitrary: fc.string({ maxLength: 30 }) },
);
const paste = fc.tuple(fc.array(line, { maxLength: 80 }), fc.constantFrom('\n', '\r\n')).map(([ls, eol]) => ls.join(eol));

function problems(outcome: ParseOutcome, lines: string[]): string[] {
  const out = (ParseOutcome.safeParse(outcome).error?.issues ?? []).map((i) => `schema: ${i.path.join('.')}: ${i.message}`);
  for (const p of outcome.profile.papers) {
    if (JSON.stringify(Object.keys(p).sort()) !== JSON.stringify(KEYS)) out.push(`keys of ${p.title}`);
    if (p.title !== p.title.trim() || p.title === '') out.push(`title ${JSON.stringify(p.title)}`);
    for (const a of p.authors) if (a !== a.trim() || a === '') out.push(`author ${JSON.stringify(a)}`);
    if (p.date !== null && p.year !== Number(p.date.slice(0, 4))) out.push(`date ${p.date} year ${p.year}`);
  }
  let previous = 0;
  for (const s of outcome.report.skipped) {
    if (s.line <= previous || s.text !== lines[s.line - 1] || s.reason === '') out.push(`skipped ${JSON.stringify(s)}`);
    previous = s.line;
  }
  const tail = outcome.report.incompleteTail;
  if (tail && !lines.slice(tail.line - 1).join('\n').includes(tail.text)) out.push(`tail ${JSON.stringify(tail)}`);
  return out;
}

describe('ResearchGate, ACM DL, Scopus and generic parsers under fuzzing', () => {
  it(`read ${FUZZ_RUNS} mutated pastes each without throwing, in the fixture schema`, () => {
    fc.assert(
      fc.property(paste, (text) => {
        const lines = normaliseLines(text);
        for (const format of FORMATS) expect(problems(format.parse(lines), lines), format.id).toEqual([]);
      }),
      { numRuns: FUZZ_RUNS },
    );
  }, 120_000);

  const PIECES = [' ', ' · ', '•', ', ', 'A', 'Ab', 'aB', '[...]', 'January 2020', 'Article No.: ', 'pp ', 'https://doi.org/10.1145/', 'DOI:10.1/', '2020', ', ...', 'Lee, A.', '+ 4', '\t', 'et al.', '(', ')', ':', '1,'];
  it.each(FORMATS.map((f) => [f.id, f] as const))('%s reads 100 KB of repeated grammar pieces in under a second', (_id, format) => {
    for (const piece of PIECES) {
      const long = piece.repeat(Math.ceil(100_000 / piece.length)).slice(0, 100_000);
      for (const text of [long, `Article\nA Title Line Here\n${long}\nresearch-article\n${long}`, Array.from({ length: 3000 }, () => piece + 'x').join('\n')]) {
        const started = performance.now();
        format.parse(normaliseLines(text));
        expect(performance.now() - started, `${JSON.stringify(piece)}`).toBeLessThan(1000);
      }
    }
  }, 120_000);
});
