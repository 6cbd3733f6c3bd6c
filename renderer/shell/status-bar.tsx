/** The thin bar at the bottom: how many papers are shown, and the current filter and sort in words. */
import { useChannel } from '../api/use-channel';
import { COLUMN_LABELS } from '../features/papers/paper-columns';
import type { PapersResult } from '../features/papers/use-papers';
import { useUi, type SortLevel } from '../stores/ui-store';
import { formatCount, plural } from '../ui/format';

const DIRECTION_WORDS: Record<string, [asc: string, desc: string]> = {
  date: ['oldest first', 'newest first'],
  code: ['without code first', 'with code first'],
};

function sortWords(sorting: SortLevel[]): string | null {
  if (sorting.length === 0) return null;
  const levels = sorting.map((s) => {
    const [asc, desc] = DIRECTION_WORDS[s.id] ?? ['A to Z', 'Z to A'];
    return `${COLUMN_LABELS[s.id] ?? s.id} (${s.desc ? desc : asc})`;
  });
  return `sorted by ${levels.join(', then ')}`;
}

function fileName(path: string): string {
  return path.split(/[\\/]/).pop() ?? path;
}

export function StatusBar({ papers }: { papers: PapersResult }) {
  const info = useChannel('library.info', {});
  const sorting = useUi((s) => s.sorting);
  const filter = useUi((s) => s.filter.trim());
  const authorId = useUi((s) => s.selectedAuthorId);
  const selectedPaperId = useUi((s) => s.selectedPaperId);
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
  if (filter) parts.push(`matching “${filter}”`);
  const sortText = sortWords(sorting);
  if (sortText) parts.push(sortText);
  if (selectedPaperId !== null && papers.data?.rows.some((r) => r.id === selectedPaperId)) parts.push('1 selected');

  return (
    <footer className="status-bar">
      <span data-testid="status-text" aria-live="polite">
        {info.data ? parts.join(' · ') : ''}
      </span>
      <span className="status-right" title={info.data ? `Library file: ${info.data.file}` : undefined}>
        {info.data ? fileName(info.data.file) : ''}
      </span>
    </footer>
  );
}
