/**
 * The search syntax of the papers table, parsed into a tree (pure: no database, no DOM, no Node).
 * db/library/search-query.ts compiles the tree to SQL; the renderer can call parseQuery itself to show
 * errors as the user types and to learn which words to highlight.
 *
 * Syntax (modelled on the search boxes of Gmail, GitHub and Zotero):
 *
 *   deep learning          both words (AND); a bare word matches the start of a word, accents folded
 *   "deep learning"        the phrase, words in this order
 *   rl OR bandits          either; OR binds tighter than the implicit AND: `a b OR c` is a AND (b OR c)
 *   -survey  NOT survey    without the word (also -"phrase", -tag:x, -(a b))
 *   ( ... )                grouping
 *   author:ruan  author:"Chong Ruan"   a printed author (or the profile owner) whose name has words starting so
 *   tag:method             tagged `method` or any child tag `method/...` (case-insensitive)
 *   category:CL            subject code
 *   year:2024  year:2023..2025  year:>=2020  year:<2000  year:2020..  year:..1999
 *   rating:>=4  rating:3  rating:1..2  (also =, <=, >, <)
 *   status:unread|reading|read
 *   has:code|notes|annotations|tags|rating
 *   is:starred
 *   title:  abstract:  note:  annotation:  affiliation:   the word or phrase in that part only
 *
 * Keywords OR, AND and NOT count only in capitals; `or` is an ordinary word.
 */

import { READING_STATUSES, type ReadingStatusValue } from '../curation';
import { closestWord } from './closest-word';

export type { ReadingStatusValue };

/** Parts of the full-text index a text term may be limited to (FTS5 column names). */
export type TextColumn = 'title' | 'abstract' | 'notes' | 'annotations' | 'affiliations';

export type QueryNode =
  | { kind: 'and'; children: QueryNode[] }
  | { kind: 'or'; children: QueryNode[] }
  | { kind: 'not'; child: QueryNode }
  /** Words to find in the full-text index; `phrase`: in this order; `prefix`: the last word may be the start of a word. */
  | { kind: 'text'; text: string; phrase: boolean; prefix: boolean; column: TextColumn | null; at: number }
  | { kind: 'author'; name: string; at: number }
  | { kind: 'tag'; name: string; at: number }
  | { kind: 'category'; code: string; at: number }
  /** Inclusive bounds; null: open. */
  | { kind: 'year'; min: number | null; max: number | null; at: number }
  | { kind: 'rating'; min: number; max: number; at: number }
  | { kind: 'status'; status: ReadingStatusValue; at: number }
  | { kind: 'has'; what: HasWhat; at: number }
  | { kind: 'starred'; at: number };

export type HasWhat = 'code' | 'notes' | 'annotations' | 'tags' | 'rating';

/** A word or phrase the results matched on, for highlighting (never one under NOT). */
export interface HighlightTerm {
  /** As typed (the renderer folds case and accents when it compares). */
  text: string;
  /** The last word matches any word it starts (`prov` highlights the start of `Prover`). */
  prefix: boolean;
  /** Where it applies: `author` for author: names; a text column; null for anywhere. */
  field: TextColumn | 'author' | null;
}

export interface QueryError {
  message: string;
  /** 1-based column of the character where the problem starts. */
  column: number;
  /** Characters from `column` that are at fault (at least 1). */
  length: number;
}

export type ParseResult =
  | { ok: true; /** null: the query holds nothing to search for (matches everything). */ ast: QueryNode | null; terms: HighlightTerm[] }
  | { ok: false; error: QueryError };

export const QUERY_FIELDS = ['author', 'tag', 'category', 'year', 'rating', 'status', 'has', 'is', 'title', 'abstract', 'note', 'annotation', 'affiliation'] as const;
type Field = (typeof QUERY_FIELDS)[number];

const TEXT_FIELDS: Partial<Record<Field, TextColumn>> = { title: 'title', abstract: 'abstract', note: 'notes', annotation: 'annotations', affiliation: 'affiliations' };
export const HAS_VALUES: readonly HasWhat[] = ['code', 'notes', 'annotations', 'tags', 'rating'];
const STATUSES: readonly ReadingStatusValue[] = READING_STATUSES;

class ParseFailure extends Error {
  constructor(readonly error: QueryError) {
    super(error.message);
  }
}

function fail(message: string, offset: number, length = 1): never {
  throw new ParseFailure({ message, column: offset + 1, length: Math.max(1, length) });
}

type Token =
  | { type: 'word'; text: string; at: number; end: number }
  /** A field with its value, e.g. `author:"Chong Ruan"`: value unquoted, `quoted` when it was in quotes. */
  | { type: 'field'; field: string; value: string; quoted: boolean; at: number; end: number; valueAt: number }
  | { type: 'phrase'; text: string; at: number; end: number }
  | { type: 'lparen' | 'rparen' | 'minus' | 'or' | 'and' | 'not'; at: number; end: number };

const SPACE = /\s/;
const BREAK = /[\s()"]/;

function readQuoted(text: string, open: number): { value: string; end: number } {
  const close = text.indexOf('"', open + 1);
  if (close < 0) fail(`Unclosed quote at column ${open + 1}`, open, text.length - open);
  return { value: text.slice(open + 1, close), end: close + 1 };
}

function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < text.length) {
    const c = text[i]!;
    if (SPACE.test(c)) {
      i++;
    } else if (c === '(' || c === ')') {
      tokens.push({ type: c === '(' ? 'lparen' : 'rparen', at: i, end: i + 1 });
      i++;
    } else if (c === '"') {
      const q = readQuoted(text, i);
      tokens.push({ type: 'phrase', text: q.value, at: i, end: q.end });
      i = q.end;
    } else if (c === '-' && (tokens.length === 0 || text[i - 1] === undefined || /[\s(]/.test(text[i - 1]!))) {
      // A minus that starts a term negates it; inside a word (`state-of-the-art`) it is part of the word.
      if (i + 1 >= text.length || SPACE.test(text[i + 1]!) || text[i + 1] === ')') fail(`Nothing after '-' at column ${i + 1}: write -word to leave a word out`, i);
      tokens.push({ type: 'minus', at: i, end: i + 1 });
      i++;
    } else {
      let j = i;
      while (j < text.length && !BREAK.test(text[j]!)) j++;
      const word = text.slice(i, j);
      const colon = word.indexOf(':');
      if (word === 'OR' || word === 'AND' || word === 'NOT') {
        tokens.push({ type: word.toLowerCase() as 'or' | 'and' | 'not', at: i, end: j });
      } else if (colon > 0 && /^[A-Za-z]+$/.test(word.slice(0, colon))) {
        // field:value, field:"quoted value"
        const field = word.slice(0, colon);
        let value = word.slice(colon + 1);
        let quoted = false;
        let end = j;
        const valueAt = i + colon + 1;
        if (value === '' && text[j] === '"') {
          const q = readQuoted(text, j);
          value = q.value;
          quoted = true;
          end = q.end;
        }
        tokens.push({ type: 'field', field, value, quoted, at: i, end, valueAt });
        j = end;
      } else {
        tokens.push({ type: 'word', text: word, at: i, end: j });
      }
      i = j;
    }
  }
  return tokens;
}

/** Does the text hold anything the full-text tokenizer would index (a letter or a digit)? */
function searchable(text: string): boolean {
  return /[\p{L}\p{N}]/u.test(text);
}

/**
 * `method/rl/` -> `method/rl`. A scan from the end rather than `/\/+$/`, which is retried from every
 * slash of a run that does not reach the end (quadratic in the run's length).
 */
function trimTrailingSlashes(value: string): string {
  let end = value.length;
  while (end > 0 && value[end - 1] === '/') end--;
  return value.slice(0, end);
}

/** `2024`, `2023..2025`, `2020..`, `..1999`, `>=2020`, `>2020`, `<=2020`, `<2020`, `=2020` -> inclusive bounds. */
function parseRange(value: string): { min: number | null; max: number | null } | null {
  let m = /^(\d+)$/.exec(value) ?? /^=(\d+)$/.exec(value);
  if (m) return { min: Number(m[1]), max: Number(m[1]) };
  m = /^(\d*)\.\.(\d*)$/.exec(value);
  if (m && (m[1] || m[2])) return { min: m[1] ? Number(m[1]) : null, max: m[2] ? Number(m[2]) : null };
  m = /^(>=|>|<=|<)(\d+)$/.exec(value);
  if (m) {
    const n = Number(m[2]);
    switch (m[1]) {
      case '>=':
        return { min: n, max: null };
      case '>':
        return { min: n + 1, max: null };
      case '<=':
        return { min: null, max: n };
      default:
        return { min: null, max: n - 1 };
    }
  }
  return null;
}

function fieldNode(t: Extract<Token, { type: 'field' }>): QueryNode | null {
  const name = t.field.toLowerCase();
  const label = `${t.field}:`;
  if (!(QUERY_FIELDS as readonly string[]).includes(name)) {
    const guess = closestWord(name, QUERY_FIELDS);
    fail(
      guess
        ? `Unknown field '${label}' at column ${t.at + 1} — did you mean ${guess}:?`
        : `Unknown field '${label}' at column ${t.at + 1}: fields are ${QUERY_FIELDS.map((f) => `${f}:`).join(' ')} (put text with a colon in quotes to search for it)`,
      t.at,
      label.length,
    );
  }
  const field = name as Field;
  const value = t.value.trim();
  if (value === '') fail(`Nothing after '${label}' at column ${t.at + 1}`, t.at, label.length);
  const bad = (what: string, hint: string): never => fail(`${what} '${t.value}' at column ${t.valueAt + 1}: ${hint}`, t.valueAt, t.end - t.valueAt);
  const column = TEXT_FIELDS[field];
  if (column) {
    if (!searchable(value)) return null;
    return { kind: 'text', text: value, phrase: t.quoted, prefix: !t.quoted, column, at: t.at };
  }
  switch (field) {
    case 'author':
      if (!searchable(value)) bad('No letters in the author name', 'write author:ruan or author:"Chong Ruan"');
      return { kind: 'author', name: value, at: t.at };
    case 'tag':
      return { kind: 'tag', name: trimTrailingSlashes(value), at: t.at };
    case 'category':
      return { kind: 'category', code: value, at: t.at };
    case 'year': {
      const r = parseRange(value);
      if (!r || (r.min !== null && (r.min < 1000 || r.min > 3000)) || (r.max !== null && (r.max < 1000 || r.max > 3000))) {
        bad('Invalid year', 'use year:2024, year:2020..2024, year:>=2020 or year:<2000 (years 1000-3000)');
      }
      if (r!.min !== null && r!.max !== null && r!.min > r!.max) bad('Empty year range', 'the first year is after the last');
      return { kind: 'year', min: r!.min, max: r!.max, at: t.at };
    }
    case 'rating': {
      const r = parseRange(value);
      const min = r?.min ?? 1;
      const max = r?.max ?? 5;
      if (!r || min < 1 || max > 5 || min > max) bad('Invalid rating', 'ratings are 1 to 5, as in rating:4, rating:>=4 or rating:1..2');
      return { kind: 'rating', min, max, at: t.at };
    }
    case 'status': {
      const s = value.toLowerCase();
      if (!(STATUSES as readonly string[]).includes(s)) bad('Unknown status', 'use status:unread, status:reading or status:read');
      return { kind: 'status', status: s as ReadingStatusValue, at: t.at };
    }
    case 'has': {
      const w = value.toLowerCase();
      if (!(HAS_VALUES as readonly string[]).includes(w)) bad('Unknown has: value', `use ${HAS_VALUES.map((v) => `has:${v}`).join(', ')}`);
      return { kind: 'has', what: w as HasWhat, at: t.at };
    }
    case 'is':
      if (value.toLowerCase() !== 'starred') bad('Unknown is: value', 'use is:starred');
      return { kind: 'starred', at: t.at };
    default:
      return fail(`Unknown field '${label}' at column ${t.at + 1}`, t.at, label.length);
  }
}

/** Recursive-descent parser over the tokens. `null` children (nothing searchable) drop out. */
class Parser {
  private pos = 0;
  private depth = 0;
  constructor(
    private readonly tokens: Token[],
    private readonly text: string,
  ) {}

  private peek(): Token | undefined {
    return this.tokens[this.pos];
  }

  parseAll(): QueryNode | null {
    const node = this.parseAnd();
    const t = this.peek();
    if (t) fail(t.type === 'rparen' ? `Unexpected ')' at column ${t.at + 1}: no '(' opens it` : `Unexpected text at column ${t.at + 1}`, t.at);
    return node;
  }

  /** and := or ( [AND] or )* */
  private parseAnd(): QueryNode | null {
    const children: QueryNode[] = [];
    for (;;) {
      const t = this.peek();
      if (!t || t.type === 'rparen') break;
      if (t.type === 'and') {
        if (children.length === 0) fail(`Nothing before AND at column ${t.at + 1}`, t.at, 3);
        this.pos++;
        const next = this.peek();
        if (!next || next.type === 'rparen' || next.type === 'or' || next.type === 'and') fail(`Nothing after AND at column ${t.at + 1}`, t.at, 3);
        continue;
      }
      if (t.type === 'or') fail(`Nothing before OR at column ${t.at + 1}: write a OR b`, t.at, 2);
      const node = this.parseOr();
      if (node) children.push(node);
    }
    return combine('and', children);
  }

  /** or := unary ( OR unary )* */
  private parseOr(): QueryNode | null {
    const children: Array<QueryNode | null> = [this.parseUnary()];
    while (this.peek()?.type === 'or') {
      const or = this.peek()!;
      this.pos++;
      const next = this.peek();
      if (!next || next.type === 'rparen' || next.type === 'or' || next.type === 'and') fail(`Nothing after OR at column ${or.at + 1}: write a OR b`, or.at, 2);
      children.push(this.parseUnary());
    }
    return combine('or', children.filter((c): c is QueryNode => c !== null));
  }

  /** unary := ( '-' | NOT ) primary | primary */
  private parseUnary(): QueryNode | null {
    const t = this.peek()!;
    if (t.type === 'minus' || t.type === 'not') {
      this.pos++;
      const next = this.peek();
      if (!next || next.type === 'rparen' || next.type === 'or' || next.type === 'and') {
        fail(t.type === 'not' ? `Nothing after NOT at column ${t.at + 1}` : `Nothing after '-' at column ${t.at + 1}: write -word to leave a word out`, t.at, t.end - t.at);
      }
      if (next.type === 'minus' || next.type === 'not') fail(`Two negations in a row at column ${next.at + 1}`, next.at);
      const child = this.parsePrimary();
      return child ? { kind: 'not', child } : null;
    }
    return this.parsePrimary();
  }

  private parsePrimary(): QueryNode | null {
    const t = this.tokens[this.pos++]!;
    switch (t.type) {
      case 'lparen': {
        // Deep nesting would only come from a pasted or hostile query; stop well before the stack does.
        if (++this.depth > 32) fail(`Too many nested parentheses at column ${t.at + 1}`, t.at);
        const inner = this.parseAnd();
        const close = this.peek();
        if (!close || close.type !== 'rparen') fail(`Unclosed parenthesis at column ${t.at + 1}`, t.at);
        this.pos++;
        this.depth--;
        return inner;
      }
      case 'phrase':
        if (t.text.trim() === '') fail(`Empty phrase at column ${t.at + 1}`, t.at, t.end - t.at);
        return searchable(t.text) ? { kind: 'text', text: t.text.trim(), phrase: true, prefix: false, column: null, at: t.at } : null;
      case 'word':
        return searchable(t.text) ? { kind: 'text', text: t.text, phrase: false, prefix: true, column: null, at: t.at } : null;
      case 'field':
        return fieldNode(t);
      default:
        // Unreachable: parseAnd/parseOr/parseUnary stop before rparen, OR, AND and NOT.
        return fail(`Unexpected '${this.text.slice(t.at, t.end)}' at column ${t.at + 1}`, t.at, t.end - t.at);
    }
  }
}

function combine(kind: 'and' | 'or', children: QueryNode[]): QueryNode | null {
  const flat = children.flatMap((c) => (c.kind === kind ? c.children : [c]));
  if (flat.length === 0) return null;
  return flat.length === 1 ? flat[0]! : { kind, children: flat };
}

function collectTerms(node: QueryNode | null, out: HighlightTerm[]): HighlightTerm[] {
  if (!node) return out;
  switch (node.kind) {
    case 'and':
    case 'or':
      node.children.forEach((c) => collectTerms(c, out));
      break;
    case 'text':
      out.push({ text: node.text, prefix: node.prefix, field: node.column });
      break;
    case 'author':
      out.push({ text: node.name, prefix: true, field: 'author' });
      break;
    default:
      // NOT subtrees and non-text fields highlight nothing.
      break;
  }
  return out;
}

/** Longest query the parser accepts (characters); longer input is refused rather than parsed slowly. */
export const QUERY_MAX_LENGTH = 1000;

/**
 * Parse a query in the search syntax (see the top of this file).
 * @param text what the user typed (at most QUERY_MAX_LENGTH characters)
 * @returns `{ ok: true, ast, terms }` (ast null when there is nothing to search for; terms: the words and
 *   phrases to highlight, in query order, none from a negated part), or `{ ok: false, error }` with a
 *   sentence naming the problem and its 1-based column, e.g. "Unclosed quote at column 12",
 *   "Unknown field 'autor:' at column 1 — did you mean author:?"
 */
export function parseQuery(text: string): ParseResult {
  try {
    if (text.length > QUERY_MAX_LENGTH) fail(`The query is over ${QUERY_MAX_LENGTH} characters at column ${QUERY_MAX_LENGTH + 1}`, QUERY_MAX_LENGTH, text.length - QUERY_MAX_LENGTH);
    const ast = new Parser(tokenize(text), text).parseAll();
    return { ok: true, ast, terms: collectTerms(ast, []) };
  } catch (err) {
    if (err instanceof ParseFailure) return { ok: false, error: err.error };
    throw err;
  }
}
