/** Reading a CSL-JSON file (an array of CSL items, or one item) into records. */
import { ProblemList } from '../problem-list';
import { LecternError } from '../../errors';
import type { CslItemJson, InteropProblem, InteropReadResult, InteropRecord, ReadOptions } from '../interop-record';
import { arxivFromCsl } from '../arxiv-csl';
import { arxivIdFrom } from '../ris/ris-fields';
import { CslItemSchema } from './item-schema';
import { positionsOf, scanItems } from './item-positions';

/** Deepest nesting accepted inside one item (a real item nests 4: item, names, name, date-parts). */
const MAX_ITEM_DEPTH = 64;

/**
 * @param text the whole file (decoded; a BOM is skipped)
 * @param options progress (items done, of items) and cancel
 * @returns every item that is a valid CSL item, one problem per item that is not (line and column where
 *   the item starts; it is skipped), or a single problem with the line and column of a JSON syntax error
 *   (then no records). `citation-key`, else an `id` that is no link, becomes the citation key; `keyword` (comma-separated) the tags,
 *   `note` the note; an arXiv DOI or URL gives the arXiv id.
 * @throws LecternError `CANCELLED` when options.signal aborts
 */
export function readCslJson(text: string, options: ReadOptions = {}): InteropReadResult {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  let parsed: unknown;
  try {
    parsed = JSON.parse(body);
  } catch (err) {
    const [at] = positionsOf(body, [syntaxErrorOffset((err as Error).message, body.length)]);
    const reason = syntaxErrorReason((err as Error).message);
    return { format: 'csl-json', records: [], problems: [{ ...at!, severity: 'error', message: `not valid JSON: ${reason}; nothing read` }], entriesSeen: 0 };
  }
  if (parsed === null || typeof parsed !== 'object') {
    return { format: 'csl-json', records: [], problems: [{ line: 1, column: 1, severity: 'error', message: 'not a CSL-JSON file: a list of items [ { "type": ... } ] or one item was expected' }], entriesSeen: 0 };
  }
  const items: unknown[] = Array.isArray(parsed) ? parsed : [parsed];
  const spans = scanItems(body);
  const positions = positionsOf(body, spans.starts);
  const records: InteropRecord[] = [];
  const problems = new ProblemList();
  for (let i = 0; i < items.length; i++) {
    if (i % 1000 === 999) {
      if (options.signal?.aborted) throw new LecternError('CANCELLED', 'Reading the CSL-JSON file was cancelled.');
      options.onProgress?.(i + 1, items.length);
    }
    const at = positions[i] ?? { line: 1, column: 1 };
    const raw = items[i];
    const label = itemLabel(i, raw);
    if ((spans.depths[i] ?? 0) > MAX_ITEM_DEPTH) {
      problems.push({ ...at, severity: 'error', message: `${label} nests deeper than ${MAX_ITEM_DEPTH} levels; skipped` });
      continue;
    }
    const checked = CslItemSchema.safeParse(raw);
    if (!checked.success) {
      const issue = checked.error.issues[0]!;
      const where = issue.path.length ? `'${issue.path.join('.')}': ` : '';
      problems.push({ ...at, severity: 'error', message: `${label} is not a CSL item: ${where}${issue.message.replace(/^Invalid input: /, '')}; skipped`, ...keyOf(raw) });
      continue;
    }
    records.push(toRecord(checked.data as Record<string, unknown>, i, at));
  }
  options.onProgress?.(items.length, items.length);
  return { format: 'csl-json', records, problems: problems.toArray(), entriesSeen: items.length };
}

function toRecord(data: Record<string, unknown>, index: number, at: { line: number; column: number }): InteropRecord {
  const { keyword, note, 'citation-key': key, ...rest } = data as Record<string, unknown> & { keyword?: string; note?: string; 'citation-key'?: string; id?: string };
  // An id that is a link (Zotero writes its item URI, `http://zotero.org/users/.../items/7WZ4KJ3P`) is
  // no citation key: the item keeps it as its id, and the library gives the record a key of its own.
  const citationKey = key ?? (rest.id !== undefined && !rest.id.includes('://') && !/\s/.test(rest.id) ? rest.id : null);
  const item = { ...rest, id: rest.id ?? citationKey ?? `csl-${index + 1}` } as CslItemJson;
  const tags = keyword === undefined ? [] : keyword.split(',').map((t) => t.trim()).filter((t) => t !== '');
  return { item, citationKey, tags, note: note ?? null, files: [], arxivId: arxivFromCsl(item) ?? arxivIdFrom(item.DOI, item.URL), extra: {}, at };
}

/** `item 3 ('smith2020')`: the 1-based number and, when it has one, its id. */
function itemLabel(index: number, raw: unknown): string {
  const { key } = keyOf(raw);
  return key === undefined ? `item ${index + 1}` : `item ${index + 1} ('${key.length > 60 ? `${key.slice(0, 57)}...` : key}')`;
}

function keyOf(raw: unknown): { key?: string } {
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) return {};
  const r = raw as Record<string, unknown>;
  const key = r['citation-key'] ?? r.id;
  return typeof key === 'string' || typeof key === 'number' ? { key: String(key) } : {};
}

/** V8's message without its position (given as line and column instead). */
function syntaxErrorReason(message: string): string {
  if (message === 'Unexpected end of JSON input') return 'the text ends in the middle of a value';
  const at = message.indexOf(' in JSON at position ');
  return at < 0 ? message : message.slice(0, at);
}

/** The offset V8 names in a JSON syntax error (`... in JSON at position 45`), else the end of the text. */
function syntaxErrorOffset(message: string, length: number): number {
  const m = /at position (\d{1,12})/.exec(message);
  return m ? Math.min(Number(m[1]), length) : length;
}
