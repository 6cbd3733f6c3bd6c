/**
 * Property-based fuzzing of the search-query parser (shared/search/parse.ts), issue 8 item 2: on
 * FUZZ_RUNS queries built from its grammar (words, phrases with and without their closing quote, every
 * field with good and bad values, OR / AND / NOT / - in and out of place, parentheses nested past the
 * limit, odd whitespace, NUL, broken UTF-16, queries over the length limit) it never throws; a query it
 * accepts gives a well-formed tree, and one it refuses gives a sentence whose 1-based column lies
 * inside the query and is the column the sentence names.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseQuery, QUERY_FIELDS, QUERY_MAX_LENGTH, type QueryNode } from '../../shared/search/parse';
import { FUZZ_RUNS } from './fuzz-runs';

const space = fc.constantFrom(' ', ' ', ' ', '  ', '\t', '\n', '\u00a0', '\u3000', '');
const word = fc.oneof(
  fc.stringMatching(/^[a-zA-Z0-9]{1,10}$/),
  fc.constantFrom('prover', 'Zürich', 'state-of-the-art', 'C++', 'a:b', 'x-', '-', '--', '\u0000', '\ud800', '\udc00', '…', '$\\alpha$', 'e\u0301', '://', 'method/rl/', '////'),
  fc.string({ unit: 'binary', maxLength: 8 }).filter((s) => !/[\s()"]/.test(s) && s !== ''),
);
const phrase = fc.tuple(fc.array(word, { maxLength: 4 }), fc.oneof({ weight: 5, arbitrary: fc.constant(true) }, { weight: 1, arbitrary: fc.constant(false) })).map(([ws, closed]) => `"${ws.join(' ')}${closed ? '"' : ''}`);
const fieldName = fc.oneof({ weight: 4, arbitrary: fc.constantFrom(...QUERY_FIELDS) }, { weight: 1, arbitrary: fc.constantFrom('autor', 'Author', 'TAG', 'yaer', 'x', 'has', 'is', 'http', 'categories') });
const value = fc.oneof(
  word,
  phrase,
  fc.constantFrom('', '2024', '2020..2024', '2024..2020', '..1999', '2020..', '..', '>=2020', '>2020', '<=3000', '<1000', '=2024', '0', '999', '3001', '99999999999999999999', '>=4', '1..2', '5..1', '6', 'unread', 'reading', 'read', 'READ', 'code', 'notes', 'annotations', 'tags', 'rating', 'starred', 'CL', 'method/', 'method//'),
);
const field = fc.tuple(fieldName, value).map(([f, v]) => `${f}:${v}`);
const operator = fc.constantFrom('OR', 'AND', 'NOT', 'or', 'and', '-', '(', ')', '((', '))');
const term = fc.oneof({ weight: 5, arbitrary: word }, { weight: 2, arbitrary: phrase }, { weight: 3, arbitrary: field }, { weight: 2, arbitrary: operator });

const flat = fc.tuple(fc.array(fc.tuple(term, space), { maxLength: 12 }), fc.option(fc.constant('-'), { nil: '' })).map(([ts, lead]) => lead + ts.map(([t, s]) => t + s).join(''));
/** Queries nested in parentheses, past the 32 levels the parser allows, closed or not. */
const nested = fc.tuple(fc.integer({ min: 1, max: 40 }), flat, fc.integer({ min: 0, max: 41 })).map(([open, inner, close]) => `${'('.repeat(open)}${inner}${')'.repeat(close)}`);
/** Around the length limit: a flat query padded with words to QUERY_MAX_LENGTH ± a few. */
const long = fc.tuple(flat, fc.integer({ min: -3, max: 3 }), word).map(([q, over, w]) => `${q} ${w.repeat(QUERY_MAX_LENGTH)}`.slice(0, QUERY_MAX_LENGTH + over));
const query = fc.oneof({ weight: 6, arbitrary: flat }, { weight: 2, arbitrary: nested }, { weight: 1, arbitrary: long }, { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 60 }) });

const searchable = (text: string) => /[\p{L}\p{N}]/u.test(text);

/** What is wrong with an accepted query's tree (none: well formed). */
function treeProblems(node: QueryNode, length: number, negated = false): string[] {
  const at = 'at' in node ? node.at : 0;
  if (at < 0 || at >= length) return [`${node.kind} at ${at} is outside the query`];
  switch (node.kind) {
    case 'and':
    case 'or':
      if (node.children.length < 2) return [`${node.kind} with ${node.children.length} child`];
      return node.children.flatMap((c) => treeProblems(c, length, negated));
    case 'not':
      return treeProblems(node.child, length, true);
    case 'text':
      return node.text === '' || node.text !== node.text.trim() || !searchable(node.text) ? [`text term ${JSON.stringify(node.text)}`] : [];
    case 'author':
      return searchable(node.name) ? [] : [`author ${JSON.stringify(node.name)}`];
    case 'tag':
    case 'category':
      return (node.kind === 'tag' ? node.name : node.code) === undefined ? [`${node.kind} without a value`] : [];
    case 'year': {
      const inRange = (y: number | null) => y === null || (Number.isInteger(y) && y >= 1000 && y <= 3000);
      return inRange(node.min) && inRange(node.max) && (node.min === null || node.max === null || node.min <= node.max) && (node.min !== null || node.max !== null) ? [] : [`year ${node.min}..${node.max}`];
    }
    case 'rating':
      return Number.isInteger(node.min) && Number.isInteger(node.max) && node.min >= 1 && node.min <= node.max && node.max <= 5 ? [] : [`rating ${node.min}..${node.max}`];
    default:
      return [];
  }
}

function resultProblems(q: string): string[] {
  let result: ReturnType<typeof parseQuery>;
  try {
    result = parseQuery(q);
  } catch (err) {
    return [`threw ${String(err)}`];
  }
  if (result.ok) {
    const problems = result.ast ? treeProblems(result.ast, q.length) : [];
    for (const t of result.terms) if (t.text === '' || !searchable(t.text)) problems.push(`term ${JSON.stringify(t)}`);
    return problems;
  }
  const { message, column, length } = result.error;
  const problems: string[] = [];
  if (!Number.isInteger(column) || column < 1 || column > Math.max(1, q.length)) problems.push(`column ${column} outside a query of ${q.length}`);
  if (!Number.isInteger(length) || length < 1 || column - 1 + length > Math.max(1, q.length)) problems.push(`length ${length} from column ${column} past a query of ${q.length}`);
  if (!message.includes(`column ${column}`)) problems.push(`message names another column than ${column}: ${message}`);
  if (!/^[A-Z]/.test(message) || /\n\s+at |\bError:|\[object |\bundefined\b|\bNaN\b/.test(message)) problems.push(`not a plain sentence: ${message}`);
  return problems;
}

describe('the search-query parser under fuzzing', () => {
  it(`never throws, and answers a well-formed tree or an error inside the query (${FUZZ_RUNS} queries)`, () => {
    fc.assert(
      fc.property(query, (q) => {
        expect(resultProblems(q)).toEqual([]);
      }),
      { numRuns: FUZZ_RUNS },
    );
    // `npm run fuzz` runs ten times the cases: the time allowed grows with them.
  }, 60_000 + FUZZ_RUNS * 5);
});
