/**
 * The thin bar at the bottom: how many papers are shown, and their author, filter and sort in words.
 * It describes the rows on screen, i.e. the request that produced them: when a newer request failed
 * (the table keeps the previous rows), it says so instead of describing a list that is not shown.
 */
import type { ChannelInput } from '../../shared/contract';
import { useChannel } from '../api/use-channel';
import { SERVER_SORT_COLUMN, SORT_LABELS } from '../features/papers/paper-columns';
import type { PapersResult } from '../features/papers/use-papers';
import { useUi } from '../stores/ui-store';
import { clip, formatCount, plural } from '../ui/format';

type SortInput = NonNullable<ChannelInput<'papers.list'>['sort']>;

/** Table column id by server sort column, to name a sort the way the header does. */
const TABLE_COLUMN: Record<string, string> = Object.fromEntries(Object.entries(SERVER_SORT_COLUMN).map(([table, server]) => [server, table]));

const DIRECTION_WORDS: Record<string, [asc: string, desc: string]> = {
  date: ['oldest first', 'newest first'],
  code: ['without code first', 'with code first'],
};

function sortWords(sort: SortInput): string | null {
  if (sort.length === 0) return null;
  const levels = sort.map((s) => {
    const id = TABLE_COLUMN[s.column] ?? s.column;
    const [asc, desc] = DIRECTION_WORDS[id] ?? ['A to Z', 'Z to A'];
    return `${SORT_LABELS[id] ?? id} (${s.desc ? desc : asc})`;
  });
  return `sorted by ${levels.join(', then ')}`;
}

function fileName(path: string): string {
  return path.split(/[\\/]/).pop() ?? path;
}

export function StatusBar({ papers }: { papers: PapersResult }) {
  const info = useChannel('library.info', {});
  const selectedPaperId = useUi((s) => s.selectedPaperId);
  const shownInput = papers.dataInput;
  const filter = shownInput?.filter?.trim() ?? '';
  const authorId = shownInput?.authorId ?? null;
  const author = useChannel('authors.card', authorId === null ? null : { id: authorId });

  const shown = papers.data?.rows.length ?? 0;
  const matching = papers.data?.total ?? 0;
  const all = info.data?.papers ?? 0;
  const scoped = authorId !== null || filter !== '';

  let count = plural(all, 'paper');
  if (papers.data && scoped) count = `${formatCount(matching)} of ${plural(all, 'paper')}`;
  if (papers.data && shown < matching) count += ` (first ${formatCount(shown)} shown)`;

  const parts = [count];
  if (authorId !== null && author.data && author.data.id === authorId) parts.push(`by ${author.data.name}`);
  if (filter) parts.push(`matching “${clip(filter, 60)}”`);
  const sortText = sortWords(shownInput?.sort ?? []);
  if (sortText) parts.push(sortText);
  if (selectedPaperId !== null && papers.data?.rows.some((r) => r.id === selectedPaperId)) parts.push('1 selected');
  if (papers.error && papers.data) parts.push('not updated: the last change could not be shown');

  return (
    <footer className="status-bar">
      <span data-testid="status-text" aria-live="polite" title={filter.length > 60 ? `Filter: ${filter}` : undefined}>
        {info.data ? parts.join(' · ') : ''}
      </span>
      <span className="status-right" title={info.data ? `Library file: ${info.data.file}` : undefined}>
        {info.data ? fileName(info.data.file) : ''}
      </span>
    </footer>
  );
}
