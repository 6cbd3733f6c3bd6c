import { describe, expect, it } from 'vitest';
import { parseQuery, type ParseResult } from '../../shared/search/parse';

const ast = (q: string) => {
  const r = parseQuery(q);
  if (!r.ok) throw new Error(r.error.message);
  return r.ast;
};
const error = (q: string) => {
  const r: ParseResult = parseQuery(q);
  if (r.ok) throw new Error(`parsed: ${q}`);
  return r.error;
};
const word = (text: string, at: number, column: string | null = null) => ({ kind: 'text', text, phrase: false, prefix: true, column, at });

describe('parseQuery', () => {
  it('reads words as AND, phrases, OR (tighter than AND), -word, NOT and parentheses', () => {
    expect(ast('deep learning')).toEqual({ kind: 'and', children: [word('deep', 0), word('learning', 5)] });
    expect(ast('"deep learning" -survey')).toEqual({
      kind: 'and',
      children: [{ kind: 'text', text: 'deep learning', phrase: true, prefix: false, column: null, at: 0 }, { kind: 'not', child: word('survey', 17) }],
    });
    expect(ast('a b OR c')).toEqual({ kind: 'and', children: [word('a', 0), { kind: 'or', children: [word('b', 2), word('c', 7)] }] });
    expect(ast('NOT x')).toEqual({ kind: 'not', child: word('x', 4) });
    expect(ast('(a OR b) AND c')).toEqual({ kind: 'and', children: [{ kind: 'or', children: [word('a', 1), word('b', 6)] }, word('c', 13)] });
    expect(ast('-(a b)')).toEqual({ kind: 'not', child: { kind: 'and', children: [word('a', 2), word('b', 4)] } });
  });

  it('keeps a hyphen inside a word, treats lower-case or/and as words, and drops punctuation-only words', () => {
    expect(ast('state-of-the-art')).toEqual(word('state-of-the-art', 0));
    expect(ast('this or that')).toEqual({ kind: 'and', children: [word('this', 0), word('or', 5), word('that', 8)] });
    expect(ast('& — a')).toEqual(word('a', 4));
    expect(ast('   ')).toBeNull();
    expect(ast('')).toBeNull();
  });

  it('reads every field', () => {
    expect(ast('author:ruan')).toEqual({ kind: 'author', name: 'ruan', at: 0 });
    expect(ast('author:"Chong Ruan"')).toEqual({ kind: 'author', name: 'Chong Ruan', at: 0 });
    expect(ast('tag:method/rl/')).toEqual({ kind: 'tag', name: 'method/rl', at: 0 });
    expect(ast('category:CL')).toEqual({ kind: 'category', code: 'CL', at: 0 });
    expect(ast('year:2024')).toEqual({ kind: 'year', min: 2024, max: 2024, at: 0 });
    expect(ast('year:2023..2025')).toEqual({ kind: 'year', min: 2023, max: 2025, at: 0 });
    expect(ast('year:>=2020')).toEqual({ kind: 'year', min: 2020, max: null, at: 0 });
    expect(ast('year:>2020')).toEqual({ kind: 'year', min: 2021, max: null, at: 0 });
    expect(ast('year:<2000')).toEqual({ kind: 'year', min: null, max: 1999, at: 0 });
    expect(ast('year:..1999')).toEqual({ kind: 'year', min: null, max: 1999, at: 0 });
    expect(ast('rating:>=4')).toEqual({ kind: 'rating', min: 4, max: 5, at: 0 });
    expect(ast('rating:3')).toEqual({ kind: 'rating', min: 3, max: 3, at: 0 });
    expect(ast('rating:<3')).toEqual({ kind: 'rating', min: 1, max: 2, at: 0 });
    expect(ast('rating:=5')).toEqual({ kind: 'rating', min: 5, max: 5, at: 0 });
    expect(ast('status:Reading')).toEqual({ kind: 'status', status: 'reading', at: 0 });
    expect(ast('has:code has:notes')).toEqual({ kind: 'and', children: [{ kind: 'has', what: 'code', at: 0 }, { kind: 'has', what: 'notes', at: 9 }] });
    expect(ast('is:starred')).toEqual({ kind: 'starred', at: 0 });
    expect(ast('title:prover note:"lean 4"')).toEqual({
      kind: 'and',
      children: [word('prover', 0, 'title'), { kind: 'text', text: 'lean 4', phrase: true, prefix: false, column: 'notes', at: 13 }],
    });
  });

  it('returns the words and phrases to highlight, none from negated parts', () => {
    const r = parseQuery('"proof search" prov* -survey author:ruan tag:rl OR lean');
    expect(r.ok && r.terms).toEqual([
      { text: 'proof search', prefix: false, field: null },
      { text: 'prov*', prefix: true, field: null },
      { text: 'ruan', prefix: true, field: 'author' },
      { text: 'lean', prefix: true, field: null },
    ]);
  });

  it('says what is wrong with a malformed query, and where (1-based column)', () => {
    expect(error('deep "learning')).toEqual({ message: 'Unclosed quote at column 6', column: 6, length: 9 });
    expect(error('autor:ruan')).toEqual({ message: "Unknown field 'autor:' at column 1 — did you mean author:?", column: 1, length: 6 });
    expect(error('rl tga:method').message).toBe("Unknown field 'tga:' at column 4 — did you mean tag:?");
    expect(error('zzz:1').message).toBe(
      "Unknown field 'zzz:' at column 1: fields are author: tag: category: year: rating: status: has: is: title: abstract: note: annotation: affiliation: (put text with a colon in quotes to search for it)",
    );
    expect(error('(a OR b')).toEqual({ message: 'Unclosed parenthesis at column 1', column: 1, length: 1 });
    expect(error('a b)').message).toBe("Unexpected ')' at column 4: no '(' opens it");
    expect(error('OR a').message).toBe('Nothing before OR at column 1: write a OR b');
    expect(error('a OR').message).toBe('Nothing after OR at column 3: write a OR b');
    expect(error('a OR OR b').message).toBe('Nothing after OR at column 3: write a OR b');
    expect(error('a -').message).toBe("Nothing after '-' at column 3: write -word to leave a word out");
    expect(error('NOT').message).toBe('Nothing after NOT at column 1');
    expect(error('a "" b')).toEqual({ message: 'Empty phrase at column 3', column: 3, length: 2 });
    expect(error('tag:')).toEqual({ message: "Nothing after 'tag:' at column 1", column: 1, length: 4 });
    expect(error('year:20x')).toEqual({
      message: "Invalid year '20x' at column 6: use year:2024, year:2020..2024, year:>=2020 or year:<2000 (years 1000-3000)",
      column: 6,
      length: 3,
    });
    expect(error('year:2025..2020').message).toBe("Empty year range '2025..2020' at column 6: the first year is after the last");
    expect(error('rating:6').message).toBe("Invalid rating '6' at column 8: ratings are 1 to 5, as in rating:4, rating:>=4 or rating:1..2");
    expect(error('status:done').message).toBe("Unknown status 'done' at column 8: use status:unread, status:reading or status:read");
    expect(error('has:pdf').message).toBe("Unknown has: value 'pdf' at column 5: use has:code, has:notes, has:annotations, has:tags, has:rating");
    expect(error('is:read').message).toBe("Unknown is: value 'read' at column 4: use is:starred");
    expect(error('author:"unclosed').message).toBe('Unclosed quote at column 8');
    expect(error('NOT -a').message).toBe('Two negations in a row at column 5');
    expect(error('('.repeat(40) + 'a' + ')'.repeat(40)).message).toBe('Too many nested parentheses at column 33');
    expect(error('a'.repeat(1001)).message).toBe('The query is over 1000 characters at column 1001');
  });
});
