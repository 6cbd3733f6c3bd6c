/**
 * Finding every regular expression in a source file and asking recheck whether it can take
 * super-linear time. The source is parsed with a real TypeScript parser (oxc, through vite's
 * `parseAst`, a dev dependency already): a hand-written scanner would mistake a division, a regex inside
 * a string or a comment, or a type annotation for a pattern. Found:
 * - regex literals (`/…/flags`);
 * - `new RegExp(…)` and `RegExp(…)` whose pattern and flags are known before the program runs: string
 *   literals, template literals without `${}`, `+` concatenations of those, `const` names bound to them,
 *   and `re.source` / `re.flags` of a regex literal. Any other argument is reported as dynamic: a
 *   pattern built at run time cannot be checked, and untrusted input must never become one.
 */
import { readFileSync } from 'node:fs';
import { checkSync } from 'recheck';
import { parseAst } from 'vite';

export type FoundRegex =
  | { file: string; line: number; column: number; kind: 'literal' | 'constructor'; pattern: string; flags: string }
  | { file: string; line: number; column: number; kind: 'dynamic'; code: string };

type Node = { type: string; start: number; end: number; [key: string]: unknown };

const isNode = (value: unknown): value is Node => typeof value === 'object' && value !== null && typeof (value as Node).type === 'string';

function children(node: Node): Node[] {
  const out: Node[] = [];
  for (const [key, value] of Object.entries(node)) {
    if (key === 'start' || key === 'end' || key === 'type') continue;
    if (Array.isArray(value)) for (const v of value) if (isNode(v)) out.push(v);
    if (isNode(value)) out.push(value);
  }
  return out;
}

function walk(node: Node, visit: (n: Node) => void): void {
  visit(node);
  for (const child of children(node)) walk(child, visit);
}

/** What a constant expression evaluates to: a string, a regex literal, or undefined when not constant. */
type Constant = string | { pattern: string; flags: string } | undefined;

function evaluate(node: unknown, consts: Map<string, Node | null>, depth = 0): Constant {
  if (!isNode(node) || depth > 20) return undefined;
  switch (node.type) {
    case 'Literal': {
      const regex = node.regex as { pattern: string; flags: string } | undefined;
      if (regex) return { pattern: regex.pattern, flags: regex.flags };
      return typeof node.value === 'string' ? node.value : undefined;
    }
    case 'TemplateLiteral': {
      if ((node.expressions as unknown[]).length > 0) return undefined;
      return (node.quasis as Array<{ value: { cooked: string | null } }>).map((q) => q.value.cooked ?? '').join('');
    }
    case 'BinaryExpression': {
      if (node.operator !== '+') return undefined;
      const left = evaluate(node.left, consts, depth + 1);
      const right = evaluate(node.right, consts, depth + 1);
      return typeof left === 'string' && typeof right === 'string' ? left + right : undefined;
    }
    case 'Identifier': {
      // Only a name bound once in the file, by const, to a constant.
      const init = consts.get(node.name as string);
      return init ? evaluate(init, consts, depth + 1) : undefined;
    }
    case 'MemberExpression': {
      const property = node.property as Node;
      if (node.computed || property.type !== 'Identifier') return undefined;
      const object = evaluate(node.object, consts, depth + 1);
      if (typeof object !== 'object') return undefined;
      if (property.name === 'source') return object.pattern;
      if (property.name === 'flags') return object.flags;
      return undefined;
    }
    case 'TSAsExpression':
    case 'TSSatisfiesExpression':
    case 'ParenthesizedExpression':
      return evaluate(node.expression, consts, depth + 1);
    default:
      return undefined;
  }
}

/** Names declared with `const` exactly once in the file (null: declared more than once, so unknown). */
function constBindings(program: Node): Map<string, Node | null> {
  const consts = new Map<string, Node | null>();
  walk(program, (n) => {
    if (n.type !== 'VariableDeclaration') return;
    for (const d of n.declarations as Node[]) {
      const id = d.id as Node;
      if (id.type !== 'Identifier') continue;
      const name = id.name as string;
      consts.set(name, n.kind === 'const' && !consts.has(name) && isNode(d.init) ? d.init : null);
    }
  });
  return consts;
}

function position(source: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = source.indexOf('\n'); i >= 0 && i < offset; i = source.indexOf('\n', i + 1)) {
    line++;
    lineStart = i + 1;
  }
  return { line, column: offset - lineStart + 1 };
}

/**
 * Every regular expression in `source`.
 * @param source TypeScript (or TSX when `file` ends in .tsx) source text
 * @param file the name reported with each find
 * @throws Error when the source does not parse (the test then fails with the parser's message)
 */
export function findRegexes(source: string, file: string): FoundRegex[] {
  const program = parseAst(source, { lang: file.endsWith('.tsx') ? 'tsx' : 'ts' }, file) as unknown as Node;
  const consts = constBindings(program);
  const found: FoundRegex[] = [];
  walk(program, (n) => {
    const at = () => ({ file, ...position(source, n.start) });
    const regex = n.type === 'Literal' ? (n.regex as { pattern: string; flags: string } | undefined) : undefined;
    if (regex) {
      found.push({ ...at(), kind: 'literal', pattern: regex.pattern, flags: regex.flags });
      return;
    }
    if (n.type !== 'NewExpression' && n.type !== 'CallExpression') return;
    const callee = n.callee as Node;
    const name = callee.type === 'Identifier' ? callee.name : callee.type === 'MemberExpression' && !callee.computed ? (callee.property as Node).name : undefined;
    if (name !== 'RegExp') return;
    const [patternArg, flagsArg] = n.arguments as Node[];
    const pattern = evaluate(patternArg, consts);
    const flags = flagsArg === undefined ? (typeof pattern === 'object' ? pattern.flags : '') : evaluate(flagsArg, consts);
    const source_ = typeof pattern === 'object' ? pattern.pattern : pattern;
    if (typeof source_ === 'string' && typeof flags === 'string') found.push({ ...at(), kind: 'constructor', pattern: source_, flags });
    else found.push({ ...at(), kind: 'dynamic', code: source.slice(n.start, n.end) });
  });
  return found;
}

/** findRegexes on a file. */
export function findRegexesInFile(path: string, shownAs = path): FoundRegex[] {
  return findRegexes(readFileSync(path, 'utf8'), shownAs);
}

export interface RegexVerdict {
  status: 'safe' | 'vulnerable' | 'unknown' | 'dynamic';
  /** For `vulnerable`: the growth recheck found (`polynomial`, degree 2 = quadratic, or `exponential`). */
  complexity?: string;
  /** For `vulnerable`: recheck's attack string, as a JavaScript expression (`' '.repeat(1651) + 'x'`). */
  attack?: string;
  /** For `unknown`: why recheck could not decide. */
  reason?: string;
}

/**
 * recheck's verdict on one found regular expression (a dynamic one has none: it cannot be checked).
 * recheck decides with an automaton analysis where it can, else by fuzzing with a fixed seed, so the
 * verdict is the same on every run.
 */
export function checkRegex(found: FoundRegex): RegexVerdict {
  if (found.kind === 'dynamic') return { status: 'dynamic' };
  const diagnostics = checkSync(found.pattern, found.flags, { randomSeed: 0, timeout: 20_000 });
  if (diagnostics.status === 'vulnerable') {
    const c = diagnostics.complexity;
    return { status: 'vulnerable', complexity: c.type === 'polynomial' ? `polynomial, degree ${c.degree}` : c.type, attack: diagnostics.attack.pattern };
  }
  if (diagnostics.status === 'unknown') return { status: 'unknown', reason: diagnostics.error.kind };
  return { status: 'safe' };
}

/** One line per problem: `shared/paste/x.ts:12:7 /(a+)+$/ is vulnerable (exponential); attack: 'a'.repeat(31) + '\x00'`. */
export function describeProblem(found: FoundRegex, verdict: RegexVerdict): string {
  const where = `${found.file}:${found.line}:${found.column}`;
  if (found.kind === 'dynamic') return `${where} ${found.code} builds a regular expression at run time, which cannot be checked; use a literal`;
  const shown = `/${found.pattern}/${found.flags}`;
  if (verdict.status === 'vulnerable') return `${where} ${shown} is vulnerable (${verdict.complexity}); attack: ${verdict.attack}`;
  return `${where} ${shown}: recheck could not decide (${verdict.reason}); simplify the pattern or replace it with a scan`;
}
