/**
 * No regular expression that reads pasted text or a typed query can take super-linear time (issue 8
 * item 2). Every regex literal and constant `new RegExp(…)` in shared/paste/ and shared/search/ (every
 * file, found anew on each run, so a new parser is covered the day it is added) and in the other
 * modules the paste and search paths call is checked with recheck; a vulnerable one fails with its
 * file, line and the attack string recheck found. A RegExp built at run time fails too: it cannot be
 * checked. The checker itself is tested on planted bad patterns.
 */
import { readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { checkRegex, describeProblem, findRegexes, findRegexesInFile, type FoundRegex } from './helpers/regex-audit';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

/** Folders whose every source file reads untrusted text (shared/record: what the user types into a paper's fields; shared/cite: added .csl files and references; shared/interop: imported reference files; db/library reference import and its merge). */
const AUDITED_FOLDERS = ['shared/paste', 'shared/search', 'shared/contract', 'shared/record', 'shared/cite', 'shared/interop'];
/** Other modules on those paths: name keys of an import, the search's SQL compiler, the author names, the data shapes the contract (a folder above) validates the input with. */
const AUDITED_FILES = ['shared/author-names.ts', 'shared/model.ts', 'db/library/keys.ts', 'db/library/import-profile.ts', 'db/library/search-query.ts', 'db/library/reference-import.ts', 'db/library/reference-record-in.ts', 'db/library/reference-merge.ts', 'db/library/reference-extras.ts'];

function sourceFiles(folder: string): string[] {
  return readdirSync(join(ROOT, folder), { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && /\.(ts|tsx|mts|js|mjs)$/.test(e.name) && !e.name.endsWith('.d.ts'))
    .map((e) => relative(ROOT, join(e.parentPath, e.name)));
}

const files = [...AUDITED_FOLDERS.flatMap(sourceFiles), ...AUDITED_FILES].sort();
const found: FoundRegex[] = files.flatMap((f) => findRegexesInFile(join(ROOT, f), f));

describe('regular expressions on the paste and search paths', () => {
  it('are found in every audited file', () => {
    expect(files).toEqual(expect.arrayContaining(['shared/paste/detect.ts', 'shared/paste/normalise.ts', 'shared/paste/scholarfeed.ts', 'shared/search/parse.ts']));
    // The parsers hold dozens of patterns; a find of none would mean the extraction broke.
    expect(found.filter((f) => f.file.startsWith('shared/paste/')).length).toBeGreaterThan(10);
    expect(found.filter((f) => f.file === 'shared/search/parse.ts').length).toBeGreaterThan(5);
  });

  it('are all linear (recheck finds no attack string)', () => {
    const problems = found.map((f) => ({ f, verdict: checkRegex(f) })).filter(({ verdict }) => verdict.status !== 'safe');
    expect(problems.map(({ f, verdict }) => describeProblem(f, verdict))).toEqual([]);
  });
});

describe('the regex check itself', () => {
  const planted = [
    "const ok = /^h-index\\s?([\\d,]+)$/;",
    'const etAl = /\\s*,?\\s*et al\\.?$/;',
    "const nested = new RegExp('^(a+)+$');",
    "const PIECE = '[ \\\\t]+';",
    'const trim = new RegExp(PIECE + "$", "g");',
    'const again = RegExp(etAl.source, etAl.flags);',
    'const typed: RegExp = /x*y*x*z/ as RegExp;',
    '// A comment with /(a+)+$/ and a string are not patterns:',
    "const text = 'a /(b+)+$/ c'; const ratio = 4 / 2 / 1;",
    'export function build(input: string) { return new RegExp(input); }',
  ].join('\n');
  const finds = findRegexes(planted, 'planted.ts');

  it('finds literals and constant constructors with their lines, and flags run-time patterns', () => {
    expect(finds.map((f) => (f.kind === 'dynamic' ? [f.line, f.kind, f.code] : [f.line, f.kind, f.pattern, f.flags]))).toEqual([
      [1, 'literal', '^h-index\\s?([\\d,]+)$', ''],
      [2, 'literal', '\\s*,?\\s*et al\\.?$', ''],
      [3, 'constructor', '^(a+)+$', ''],
      [5, 'constructor', '[ \\t]+$', 'g'],
      [6, 'constructor', '\\s*,?\\s*et al\\.?$', ''],
      [7, 'literal', 'x*y*x*z', ''],
      [10, 'dynamic', 'new RegExp(input)'],
    ]);
  });

  it('fails each super-linear pattern with its place and an attack string', () => {
    const verdicts = finds.map((f) => ({ f, v: checkRegex(f) }));
    expect(verdicts.map(({ v }) => v.status)).toEqual(['safe', 'vulnerable', 'vulnerable', 'vulnerable', 'vulnerable', 'vulnerable', 'dynamic']);
    const etAl = verdicts[1]!;
    expect(etAl.v).toMatchObject({ complexity: 'polynomial, degree 3' });
    expect(describeProblem(etAl.f, etAl.v)).toMatch(/^planted\.ts:2:14 \/\\s\*,\?\\s\*et al\\\.\?\$\/ is vulnerable \(polynomial, degree 3\); attack: .*'\s*'\.repeat\(\d+\)/);
    expect(verdicts[2]!.v).toMatchObject({ complexity: 'exponential' });
    expect(describeProblem(verdicts[6]!.f, verdicts[6]!.v)).toBe('planted.ts:10:47 new RegExp(input) builds a regular expression at run time, which cannot be checked; use a literal');
  });
});
