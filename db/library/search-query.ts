/**
 * Compiles a parsed search query (shared/search/parse.ts) into SQL over `papers p`.
 *
 * Text terms go to the full-text index (papers_fts, FTS5; see migrations 0007 and 0010, whose authors column
 * also holds linked authors not printed, so a plain word reaches the authors `author:` does): every word is quoted,
 * so FTS5 operators typed by the user are taken literally. Fields become indexed conditions
 * (EXISTS / IN subqueries). The words AND-ed at the top of the query form one FTS5 expression that
 * results must match: it filters and, when the table is not sorted by a column, ranks (bm25 with the
 * column weights set in 0007). Every value is a bound parameter.
 */
import { sql, type SQL } from 'drizzle-orm';
import { LecternError } from '../../shared/errors';
import { parseQuery, type HighlightTerm, type QueryNode } from '../../shared/search/parse';
import { nameKey } from './keys';
import { tagKey } from './tag-names';

export interface CompiledQuery {
  /** Conditions on `p` other than `required` (already AND-ed parts of the query). */
  conditions: SQL[];
  /** FTS5 expression every result matches (the query's top-level text terms), or null. */
  required: string | null;
  /** FTS5 expression to rank by (`required`, or else any positive text term), or null when the query has no text. */
  rank: string | null;
  /** Words and phrases to highlight. */
  terms: HighlightTerm[];
}

/**
 * One quoted FTS5 string; `"` doubled is FTS5's escape inside a string. FTS5 reads an expression as a C
 * string, so a NUL would end it mid-string ("unterminated string"): it reads as a space here (the contract
 * already turns controls in search text into spaces; this keeps any other caller safe).
 */
function ftsString(text: string): string {
  return `"${text.replace(/"/g, '""').replace(/\u0000/g, ' ')}"`;
}

function ftsLeaf(node: Extract<QueryNode, { kind: 'text' }>): string {
  // A bare word such as `state-of-the-art` is one FTS5 string: the tokenizer splits it into a phrase.
  const phrase = ftsString(node.phrase ? node.text.replace(/\s+/g, ' ') : node.text) + (node.prefix ? '*' : '');
  return node.column ? `{${node.column}} : ${phrase}` : phrase;
}

/** Text terms combined with AND/OR only: FTS5 can answer the whole subtree in one MATCH. */
function isPureText(node: QueryNode): boolean {
  if (node.kind === 'text') return true;
  if (node.kind === 'and' || node.kind === 'or') return node.children.every(isPureText);
  return false;
}

function ftsExpression(node: QueryNode): string {
  if (node.kind === 'text') return ftsLeaf(node);
  if (node.kind === 'and' || node.kind === 'or') {
    return `(${node.children.map(ftsExpression).join(node.kind === 'and' ? ' AND ' : ' OR ')})`;
  }
  throw new Error(`not a text node: ${node.kind}`);
}

function positiveText(node: QueryNode, out: string[]): string[] {
  if (node.kind === 'text') out.push(ftsLeaf(node));
  else if (node.kind === 'and' || node.kind === 'or') node.children.forEach((c) => positiveText(c, out));
  return out;
}

/** A condition `p.id IN (ids)` that remembers its id set, so counts can intersect sets instead of visiting papers. */
export type IdCondition = SQL & { idSet?: SQL };

/**
 * `p.id IN (ids)`, tagged with the id set. Only for sets whose ids all name existing papers (foreign keys
 * or the index's triggers guarantee it), so counting the set counts papers.
 */
export function idIn(ids: SQL): IdCondition {
  return Object.assign(sql`p.id IN (${ids})`, { idSet: ids });
}

export function ftsMatch(expression: string): SQL {
  return idIn(sql`SELECT rowid FROM papers_fts WHERE papers_fts MATCH ${expression}`);
}

/**
 * Ids of the tags named `key` or below it (`method` -> `method`, `method/rl`, `method/rl/ppo`).
 * The subtree is a key range (`/` is followed by `0` in code-point order), so the unique index answers it.
 */
export function tagSubtreeIds(key: string | SQL): SQL {
  return sql`SELECT id FROM tags WHERE name_key = ${key} OR (name_key >= (${key} || '/') AND name_key < (${key} || '0'))`;
}

/** Status in reading order (0 unread, 1 reading, 2 read): the papers_status_order_idx expression, so the index answers `status:`. */
export const STATUS_ORDER = sql`(CASE p.status WHEN 'unread' THEN 0 WHEN 'reading' THEN 1 ELSE 2 END)`;

export function statusIs(status: 'unread' | 'reading' | 'read'): SQL {
  return sql`${STATUS_ORDER} = ${status === 'unread' ? 0 : status === 'reading' ? 1 : 2}`;
}

/** Conditions never evaluate to NULL, so NOT (condition) keeps papers whose column is null. */
function condition(node: QueryNode): SQL {
  switch (node.kind) {
    case 'and':
    case 'or':
      return sql`(${sql.join(node.children.map(condition), node.kind === 'and' ? sql` AND ` : sql` OR `)})`;
    case 'not':
      return sql`NOT ${condition(node.child)}`;
    case 'text':
      return ftsMatch(ftsLeaf(node));
    case 'author': {
      // Names whose words start with the typed words, in order ("chong r" finds "Chong Ruan"); the key
      // holds only letters, digits and spaces, so it needs no LIKE escaping.
      const pattern = `% ${nameKey(node.name)}%`;
      const ids = sql`SELECT a.id FROM authors a WHERE (' ' || a.name_key) LIKE ${pattern}`;
      return idIn(sql`SELECT pa.paper_id FROM paper_authors pa WHERE pa.author_id IN (${ids})
        UNION SELECT ip.paper_id FROM import_papers ip JOIN imports i ON i.id = ip.import_id WHERE i.author_id IN (${ids})`);
    }
    case 'tag':
      return idIn(sql`SELECT pt.paper_id FROM paper_tags pt WHERE pt.tag_id IN (${tagSubtreeIds(tagKey(node.name))})`);
    case 'category':
      return idIn(sql`SELECT pc.paper_id FROM paper_categories pc WHERE pc.code IN (${node.code}, ${node.code.toUpperCase()})`);
    case 'year': {
      const parts = [sql`p.year IS NOT NULL`];
      if (node.min !== null) parts.push(sql`p.year >= ${node.min}`);
      if (node.max !== null) parts.push(sql`p.year <= ${node.max}`);
      return sql`(${sql.join(parts, sql` AND `)})`;
    }
    case 'rating':
      return sql`(p.rating IS NOT NULL AND p.rating BETWEEN ${node.min} AND ${node.max})`;
    case 'status':
      return statusIs(node.status);
    case 'starred':
      return sql`p.starred = 1`;
    case 'has':
      switch (node.what) {
        case 'code':
          return sql`p.has_code IS 1`;
        case 'rating':
          return sql`p.rating IS NOT NULL`;
        case 'notes':
          return idIn(sql`SELECT DISTINCT paper_id FROM notes`);
        case 'annotations':
          return idIn(sql`SELECT DISTINCT paper_id FROM annotations`);
        case 'tags':
          return idIn(sql`SELECT DISTINCT paper_id FROM paper_tags`);
      }
  }
}

/**
 * Parse and compile a query.
 * @returns the SQL pieces (see CompiledQuery); an empty query compiles to no condition
 * @throws LecternError `INVALID_QUERY` with the parser's sentence and `details: { column, length }`
 */
export function compileQuery(query: string): CompiledQuery {
  const parsed = parseQuery(query);
  if (!parsed.ok) throw new LecternError('INVALID_QUERY', parsed.error.message, { column: parsed.error.column, length: parsed.error.length });
  const { ast, terms } = parsed;
  if (!ast) return { conditions: [], required: null, rank: null, terms };
  const top = ast.kind === 'and' ? ast.children : [ast];
  const text: string[] = [];
  const conditions: SQL[] = [];
  for (const node of top) {
    if (isPureText(node)) text.push(ftsExpression(node));
    else conditions.push(condition(node));
  }
  const required = text.length ? text.join(' AND ') : null;
  const anyText = positiveText(ast, []);
  return { conditions, required, rank: required ?? (anyText.length ? anyText.join(' OR ') : null), terms };
}
