/**
 * Editing papers by hand (shared/contract/paper-edits.ts): fields, the author list, New paper, and the
 * page's newer values of edited fields. Each operation snapshots the paper's record before it writes
 * (db/library/paper-record.ts), so its undo restores the paper exactly.
 */
import { sql } from 'drizzle-orm';
import type { AuthorInput, PaperFieldName, PaperFields, PaperRecord } from '../../shared/contract/paper-edits';
import { LecternError } from '../../shared/errors';
import type { LibraryDb } from '../open';
import { nowIso, type Change, type Outcome } from './changes';
import { checkedValue, FIELD_LABELS, fieldValue, parseList, setField } from './paper-fields';
import { DISMISSED, withDismissed } from './edited-fields';
import { authorTexts, readSnapshot, resolveAuthor, writeSnapshot, type PaperSnapshot, type RecordAuthor } from './paper-record';

type Columns = PaperSnapshot['columns'];

function snapshotOf(db: LibraryDb, id: number): PaperSnapshot {
  const s = readSnapshot(db, id);
  if (!s) throw new LecternError('NOT_FOUND', 'This paper is no longer in the library.', { id });
  return s;
}

function parseObject(json: unknown): Record<string, unknown> {
  try {
    const v = JSON.parse(typeof json === 'string' ? json : '{}') as unknown;
    return v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}

const FIELD_NAMES: PaperFieldName[] = ['title', 'itemType', 'date', 'venue', 'volume', 'issue', 'page', 'number', 'publisher', 'publisherPlace', 'event', 'url', 'doi', 'arxivId', 'isbn', 'issn', 'pmid', 'pmcid', 'language', 'abstract', 'keywords'];

/** The paper as the editor shows it. @throws LecternError `NOT_FOUND` */
export function paperRecord(db: LibraryDb, id: number): PaperRecord {
  const { columns: c, authors } = snapshotOf(db, id);
  const fields = Object.fromEntries(FIELD_NAMES.map((f) => [f, fieldValue(c, f)])) as PaperFields;
  return {
    id,
    fields: { ...fields, arxivVersion: c.arxiv_version as number | null },
    authors: authors.map((a) => ({ ...a })),
    authorsTruncated: Boolean(c.authors_truncated),
    editedFields: parseList(c.edited_fields),
    sourceValues: Object.fromEntries(Object.entries(parseObject(c.source_values)).filter(([k]) => k !== DISMISSED)),
  };
}

/** "title", "title and date", "3 fields". */
function fieldsLabel(fields: readonly string[]): string {
  const names = fields.map((f) => FIELD_LABELS[f as PaperFieldName] ?? f);
  return names.length === 1 ? names[0]! : names.length === 2 ? `${names[0]} and ${names[1]}` : `${names.length} fields`;
}

/**
 * The columns with `fields` marked as edited. A field edited for the first time has its replaced value
 * (the page's, usually) remembered as dismissed, so a re-import does not offer it back (edited-fields.ts).
 */
function markEdited(c: Columns, fields: ReadonlyArray<{ field: string; old: unknown }>): Columns {
  const edited = parseList(c.edited_fields);
  let kept = parseObject(c.source_values);
  for (const { field, old } of fields) {
    if (!edited.includes(field) && old !== null && !(Array.isArray(old) && old.length === 0)) kept = withDismissed(kept, field, old);
  }
  return { ...c, edited_fields: JSON.stringify([...new Set([...edited, ...fields.map((f) => f.field)])]), source_values: JSON.stringify(kept) };
}

/**
 * Write `next` over the paper in one transaction and return the undo (null when nothing changed).
 * `make` runs inside the transaction with the current snapshot; it returns the next one and the label.
 */
function edit(db: LibraryDb, id: number, make: (before: PaperSnapshot) => { next: PaperSnapshot; label: string } | null): Outcome<PaperRecord> {
  return db.$client
    .transaction((): Outcome<PaperRecord> => {
      const made = make(snapshotOf(db, id));
      if (!made) return { value: paperRecord(db, id), undo: null };
      const before = writeSnapshot(db, id, made.next);
      // The paper as written: its undo sets back only the fields still so (an import may change others first).
      const undo: Change = { label: made.label, steps: [{ op: 'paperRecord', id, record: before, after: readSnapshot(db, id) ?? undefined }] };
      return { value: paperRecord(db, id), undo };
    })
    .immediate();
}

/** The columns after setting every given field, and the names of the fields whose value changed. */
function applyFields(columns: Columns, fields: Partial<PaperFields>): { columns: Columns; changed: PaperFieldName[] } {
  let c = columns;
  const changed: PaperFieldName[] = [];
  for (const f of FIELD_NAMES) {
    if (!(f in fields)) continue;
    const value = checkedValue(f, fields[f]);
    const next = setField(c, f, value);
    if (JSON.stringify(fieldValue(next, f)) !== JSON.stringify(fieldValue(c, f)) || next.arxiv_version !== c.arxiv_version) changed.push(f);
    c = next;
  }
  return { columns: c, changed };
}

/**
 * Change some fields of a paper; each is checked and, when its value changes, marked as edited.
 * @returns the paper as the editor shows it, and the undo ("Edit title")
 * @throws LecternError `NOT_FOUND`; `INVALID_INPUT` with the field check's sentence and `details.field`
 */
export function updatePaper(db: LibraryDb, input: { id: number; fields: Partial<PaperFields> }): Outcome<PaperRecord> {
  return edit(db, input.id, (before) => {
    const { columns, changed } = applyFields(before.columns, input.fields);
    if (changed.length === 0) return null;
    const marked = markEdited(columns, changed.map((f) => ({ field: f, old: fieldValue(before.columns, f) })));
    return { next: { columns: { ...marked, updated_at: nowIso() }, authors: before.authors }, label: `Edit ${fieldsLabel(changed)}` };
  });
}

const clean = (v: string | null | undefined): string | null => (v ?? '').trim() || null;

/**
 * The author list as it will be stored: names trimmed, parts emptied to null, a blank printed name made
 * from the parts; a printed name already on the paper keeps its author entity, others are linked by name.
 * @throws LecternError `INVALID_INPUT` for an author with neither a printed name nor name parts
 */
function authorList(db: LibraryDb, input: readonly AuthorInput[], current: readonly RecordAuthor[]): RecordAuthor[] {
  return input.map((a, i) => {
    const parts = { family: clean(a.family), given: clean(a.given), droppingParticle: clean(a.droppingParticle), nonDroppingParticle: clean(a.nonDroppingParticle), suffix: clean(a.suffix), literal: clean(a.literal) };
    const made = parts.literal ?? [parts.given, parts.droppingParticle, parts.nonDroppingParticle, parts.family].filter(Boolean).join(' ') + (parts.suffix ? `, ${parts.suffix}` : '');
    const printedName = clean(a.printedName) ?? clean(made);
    if (!printedName) throw new LecternError('INVALID_INPUT', `Author ${i + 1} has no name: type the name as printed, or its family name.`, { field: 'authors', position: i });
    const authorId = current.find((c) => c.printedName === printedName)?.authorId ?? resolveAuthor(db, printedName);
    return { printedName, ...parts, authorId };
  });
}

/** Columns that follow the author list (texts, sort key), as an import computes them. */
function authorColumns(c: Columns, list: readonly RecordAuthor[], truncated: boolean): Columns {
  return { ...c, ...authorTexts(list.map((a) => a.printedName), truncated), authors_truncated: truncated ? 1 : 0 };
}

function authorsLabel(before: readonly RecordAuthor[], after: readonly RecordAuthor[]): string {
  if (after.length === before.length + 1) return 'Add author';
  if (after.length === before.length - 1) return 'Remove author';
  const names = (l: readonly RecordAuthor[]) => l.map((a) => a.printedName).sort().join('\u0000');
  return after.length === before.length && names(before) === names(after) && before.some((a, i) => a.printedName !== after[i]!.printedName) ? 'Reorder authors' : 'Edit authors';
}

/**
 * Replace a paper's author list (add, remove, reorder, split into name parts), marked as edited.
 * @param input.truncated whether the list is still incomplete ("et al."); default: as it was
 * @throws LecternError `NOT_FOUND`; `INVALID_INPUT` for an author without a name
 */
export function setPaperAuthors(db: LibraryDb, input: { id: number; authors: AuthorInput[]; truncated?: boolean }): Outcome<PaperRecord> {
  return edit(db, input.id, (before) => {
    const list = authorList(db, input.authors, before.authors);
    const truncated = input.truncated ?? Boolean(before.columns.authors_truncated);
    if (JSON.stringify(list) === JSON.stringify(before.authors) && truncated === Boolean(before.columns.authors_truncated)) return null;
    const columns = authorColumns(before.columns, list, truncated);
    const marked = markEdited(columns, [{ field: 'authors', old: before.authors.map((a) => a.printedName) }]);
    return { next: { columns: { ...marked, updated_at: nowIso() }, authors: list }, label: authorsLabel(before.authors, list) };
  });
}

/**
 * A new paper typed by hand. Every field given is marked as edited, so an import of a page that lists
 * the same paper later leaves the user's values alone.
 * @returns the new paper's id; its undo deletes it
 * @throws LecternError `INVALID_INPUT` for a missing title or a field that fails its check
 */
export function createPaper(db: LibraryDb, input: { fields: Partial<PaperFields> & { title: string; arxivVersion?: number | null }; authors: AuthorInput[] }): Outcome<{ id: number }> {
  return db.$client
    .transaction((): Outcome<{ id: number }> => {
      const now = nowIso();
      const base: Columns = {
        title: '', title_key: '', item_type: 'article-journal', date: null, year: null, venue: null, volume: null, issue: null, page: null, number: null, publisher: null,
        publisher_place: null, event: null, url: null, doi: null, arxiv_id: null, arxiv_version: null, isbn: null, issn: null, pmid: null, pmcid: null, language: null,
        abstract: null, keywords: '[]', authors_text: '', first_author_key: '', authors_truncated: 0, author_count: null, edited_fields: '[]', source_values: '{}', created_at: now, updated_at: now,
      };
      const { arxivVersion, ...fields } = input.fields;
      const { columns } = applyFields(base, fields);
      if (arxivVersion !== undefined && columns.arxiv_id !== null && columns.arxiv_version === null) columns.arxiv_version = arxivVersion;
      const given = FIELD_NAMES.filter((f) => f in fields && JSON.stringify(fieldValue(columns, f)) !== JSON.stringify(fieldValue(base, f)));
      const id = db.get<{ id: number }>(sql`INSERT INTO papers (title, title_key, created_at, updated_at) VALUES (${columns.title}, ${columns.title_key}, ${now}, ${now}) RETURNING id`)!.id;
      const list = authorList(db, input.authors, []);
      const next = authorColumns(columns, list, false);
      writeSnapshot(db, id, { columns: { ...next, edited_fields: JSON.stringify(list.length ? [...given, 'authors'] : given) }, authors: list });
      const title = columns.title as string;
      return { value: { id }, undo: { label: `Add paper “${title.length > 40 ? `${title.slice(0, 39)}…` : title}”`, steps: [{ op: 'paperRecord', id, record: null }] } };
    })
    .immediate();
}

/**
 * Take (`accept`) or drop the page's newer value of an edited field. Accepting sets the field to the
 * page's value and lets later imports update it again; ignoring keeps the user's value.
 * @throws LecternError `NOT_FOUND` when the paper has no page value kept for that field
 */
export function resolveSourceValue(db: LibraryDb, input: { id: number; field: string; accept: boolean }): Outcome<PaperRecord> {
  return edit(db, input.id, (before) => {
    let kept = parseObject(before.columns.source_values);
    if (input.field === DISMISSED || !Object.hasOwn(kept, input.field)) throw new LecternError('NOT_FOUND', `There is no newer ${FIELD_LABELS[input.field as PaperFieldName] ?? input.field} from the page to ${input.accept ? 'accept' : 'ignore'}.`, { field: input.field });
    const value = kept[input.field];
    delete kept[input.field];
    if (input.accept) {
      const all = { ...((kept[DISMISSED] ?? {}) as Record<string, unknown>) };
      delete all[input.field];
      if (Object.keys(all).length) kept[DISMISSED] = all;
      else delete kept[DISMISSED];
    } else {
      kept = withDismissed(kept, input.field, value);
    }
    let columns: Columns = { ...before.columns, source_values: JSON.stringify(kept), updated_at: nowIso() };
    let authors = before.authors;
    if (input.accept) {
      if (input.field === 'authors') {
        const names = Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
        authors = authorList(db, names.map((printedName) => ({ printedName })), before.authors);
        columns = authorColumns(columns, authors, Boolean(columns.authors_truncated));
      } else {
        // The page's value came from an import: stored as the page gave it, without the hand-typing checks.
        columns = setField(columns, input.field as PaperFieldName, value ?? null);
      }
      columns.edited_fields = JSON.stringify(parseList(columns.edited_fields).filter((f) => f !== input.field));
    }
    const label = FIELD_LABELS[input.field as PaperFieldName] ?? input.field;
    return { next: { columns, authors }, label: `${input.accept ? 'Accept' : 'Ignore'} the page's ${label}` };
  });
}
