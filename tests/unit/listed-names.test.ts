/**
 * The lists people read (the README, `lectern --help`) name exactly the sort columns and query fields
 * the contract and the query parser accept, so neither can drift from the code.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PAPER_SORT_COLUMNS, READING_STATUSES } from '../../shared/contract';
import { HAS_VALUES, QUERY_FIELDS } from '../../shared/search/parse';
import { USAGE } from '../../electron/cli/usage';
import { REPO } from './helpers/fixtures';

const readme = readFileSync(join(REPO, 'README.md'), 'utf8');

/** The words in backticks of a passage. */
function quoted(text: string): string[] {
  return [...text.matchAll(/`([^`\n]+)`/g)].map((m) => m[1]!);
}

/** The README's passage from the line starting with `start` to the next blank line. */
function passage(start: string): string {
  const at = readme.indexOf(`\n${start}`);
  expect(at, `README.md has a line starting with "${start}"`).toBeGreaterThanOrEqual(0);
  const end = readme.indexOf('\n\n', at + 1);
  return readme.slice(at + 1, end < 0 ? undefined : end);
}

describe('README.md', () => {
  it('lists every sort column, and only those', () => {
    const sentence = passage('Sort columns').split('\n').slice(0, 2).join(' ');
    const listed = quoted(sentence.slice(sentence.indexOf('):') + 2));
    expect([...listed].sort()).toEqual([...PAPER_SORT_COLUMNS].sort());
  });

  it("names every query field in the syntax table, and only those, with every has: value", () => {
    const table = passage('| you type | finds |');
    const fields = new Set(quoted(table).flatMap((q) => [...q.matchAll(/(?:^|[\s(-])([a-z]+):/g)].map((m) => m[1]!)));
    expect([...fields].sort()).toEqual([...QUERY_FIELDS].sort());
    const hasRow = table.split('\n').find((row) => row.includes('`has:'))!;
    const hasValues = quoted(hasRow).flatMap((q) => (q.startsWith('has:') ? [q.slice(4)] : /^[a-z]+$/.test(q) ? [q] : []));
    expect(hasValues.sort()).toEqual([...HAS_VALUES].sort());
  });
});

describe('lectern --help', () => {
  /** The help text's words after `label`, on its line and the lines that continue the list. */
  function listAfter(label: string): string[] {
    const lines = USAGE.split('\n');
    const at = lines.findIndex((l) => l.trimStart().startsWith(label));
    expect(at).toBeGreaterThanOrEqual(0);
    const words = lines[at]!.trimStart().slice(label.length).split(/[\s,]+/);
    // A continuation is indented like the list and starts with a plain name ("citations," or "abstract:").
    for (let next = at + 1; /^[a-z]+[,:]?$/.test(lines[next]?.trim().split(' ')[0] ?? '') && lines[next]!.startsWith(' '.repeat(27)); next++) {
      words.push(...lines[next]!.trim().split(/[\s,]+/));
    }
    return words.filter(Boolean);
  }

  it('lists every sort column', () => {
    expect(listAfter('COLUMN:')).toEqual([...PAPER_SORT_COLUMNS]);
  });

  it('lists every query field with the values of status: and has:', () => {
    expect(listAfter('FIELD:')).toEqual(QUERY_FIELDS.map((f) => `${f}:`));
    expect(USAGE).toContain(`status:${READING_STATUSES.join('|')}`);
    expect(USAGE).toContain(`has:${HAS_VALUES.join('|')}`);
  });
});
