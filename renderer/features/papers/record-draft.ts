/**
 * The editor's working copy of a paper: every field as the text in its box, the author list as rows,
 * and what to send on Save (only what changed). Checks run as the user types, with the same rules the
 * library applies (shared/record/field-checks.ts), so a message shows before Save is pressed.
 */
import type { AuthorInput, PaperFieldName, PaperRecord } from '../../../shared/contract/paper-edits';
import type { CslType } from '../../../shared/record/csl-types';
import { FIELD_CHECKS } from '../../../shared/record/field-checks';

/** Text fields, in the order the editor shows them, with their labels. */
export const TEXT_FIELDS: ReadonlyArray<{ field: Exclude<PaperFieldName, 'itemType' | 'keywords'>; label: string; wide?: boolean; multiline?: boolean; placeholder?: string }> = [
  { field: 'title', label: 'Title', wide: true, multiline: true },
  { field: 'date', label: 'Date', placeholder: 'YYYY-MM-DD' },
  { field: 'venue', label: 'Venue (journal or proceedings)', wide: true },
  { field: 'volume', label: 'Volume' },
  { field: 'issue', label: 'Issue' },
  { field: 'page', label: 'Pages', placeholder: 'e.g. 12-34' },
  { field: 'number', label: 'Article or report number' },
  { field: 'publisher', label: 'Publisher' },
  { field: 'publisherPlace', label: 'Place' },
  { field: 'event', label: 'Event', wide: true },
  { field: 'doi', label: 'DOI', placeholder: 'e.g. 10.1145/3597503' },
  { field: 'arxivId', label: 'arXiv id', placeholder: 'e.g. 2401.01234v2' },
  { field: 'isbn', label: 'ISBN' },
  { field: 'issn', label: 'ISSN' },
  { field: 'pmid', label: 'PMID' },
  { field: 'pmcid', label: 'PMCID' },
  { field: 'url', label: 'URL', wide: true, placeholder: 'https://' },
  { field: 'language', label: 'Language', placeholder: 'e.g. en' },
  { field: 'abstract', label: 'Abstract', wide: true, multiline: true },
];

export interface AuthorRow extends Required<{ [K in keyof AuthorInput]: string }> {
  /** Stable key for React while rows move. */
  key: string;
}

export interface Draft {
  text: Record<string, string>;
  /** A CSL type; a stored type outside CSL_TYPES stays until the user picks another. */
  itemType: CslType | string;
  /** Comma-separated, as typed. */
  keywords: string;
  authors: AuthorRow[];
}

let nextKey = 1;
export const newAuthorRow = (a: Partial<AuthorInput> = {}): AuthorRow => ({
  key: `a${nextKey++}`,
  printedName: a.printedName ?? '',
  family: a.family ?? '',
  given: a.given ?? '',
  droppingParticle: a.droppingParticle ?? '',
  nonDroppingParticle: a.nonDroppingParticle ?? '',
  suffix: a.suffix ?? '',
  literal: a.literal ?? '',
});

/** The text shown for a stored arXiv id (with its version, so saving it back keeps the version). */
function arxivText(r: PaperRecord): string {
  const id = r.fields.arxivId;
  if (!id) return '';
  return r.fields.arxivVersion ? `${id}v${r.fields.arxivVersion}` : id;
}

/** A draft of a stored paper. */
export function draftOf(r: PaperRecord): Draft {
  const text: Record<string, string> = {};
  for (const { field } of TEXT_FIELDS) text[field] = field === 'arxivId' ? arxivText(r) : ((r.fields[field] as string | null) ?? '');
  return { text, itemType: r.fields.itemType, keywords: r.fields.keywords.join(', '), authors: r.authors.map((a) => newAuthorRow(a)) };
}

/** An empty draft (New paper). */
export function emptyDraft(): Draft {
  const text: Record<string, string> = {};
  for (const { field } of TEXT_FIELDS) text[field] = '';
  return { text, itemType: 'article-journal', keywords: '', authors: [] };
}

export const keywordList = (s: string): string[] => s.split(',').map((k) => k.trim()).filter(Boolean);

/** The check's message for a field's text, or null when it is fine (an empty optional field is fine). */
export function fieldMessage(field: string, value: string): string | null {
  if (!value.trim() && field !== 'title') return null;
  const check = FIELD_CHECKS[field];
  if (!check) return null;
  const r = check(value);
  return r.ok ? null : r.message;
}

/** Every field's message (field -> sentence), for the fields that have one. */
export function draftMessages(d: Draft): Record<string, string> {
  const out: Record<string, string> = {};
  for (const { field } of TEXT_FIELDS) {
    const m = fieldMessage(field, d.text[field] ?? '');
    if (m) out[field] = m;
  }
  d.authors.forEach((a, i) => {
    if (!a.printedName.trim() && !a.family.trim() && !a.literal.trim()) out[`author-${i}`] = `Author ${i + 1} has no name: type the name as printed, or its family name.`;
  });
  return out;
}

/** The fields whose text differs from the stored paper, as papers.update takes them. */
export function changedFields(d: Draft, r: PaperRecord): Record<string, unknown> {
  const base = draftOf(r);
  const out: Record<string, unknown> = {};
  for (const { field } of TEXT_FIELDS) if ((d.text[field] ?? '').trim() !== (base.text[field] ?? '').trim()) out[field] = d.text[field] ?? '';
  if (d.itemType !== r.fields.itemType) out.itemType = d.itemType;
  if (JSON.stringify(keywordList(d.keywords)) !== JSON.stringify(r.fields.keywords)) out.keywords = keywordList(d.keywords);
  return out;
}

/** The author rows as papers.setAuthors takes them. */
export function authorInputs(rows: readonly AuthorRow[]): AuthorInput[] {
  return rows.map(({ key: _key, ...a }) => a);
}

/** Whether the author list differs from the stored one. */
export function authorsChanged(d: Draft, r: PaperRecord): boolean {
  const stored = r.authors.map(({ authorId: _id, ...a }) => ({ ...a }));
  const norm = (l: ReadonlyArray<Record<string, string | null>>) => JSON.stringify(l.map((a) => Object.fromEntries(Object.entries(a).sort(([x], [y]) => x.localeCompare(y)).map(([k, v]) => [k, (v ?? '').trim()]))));
  return norm(authorInputs(d.authors) as Array<Record<string, string | null>>) !== norm(stored as Array<Record<string, string | null>>);
}
