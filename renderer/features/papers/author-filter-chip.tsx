/**
 * The author the table is narrowed to (picked in the sidebar, or opened from an author card), shown
 * in the filter bar as "Author: <name>" with a button that removes it, like choosing My Library.
 */
import { useChannel } from '../../api/use-channel';
import { useUi } from '../../stores/ui-store';

/**
 * Renders nothing while no author is selected; the name shows once the library has answered. Removing
 * it moves focus to the first control of the enclosing toolbar (the chip itself goes away).
 */
export function AuthorFilterChip() {
  const authorId = useUi((s) => s.selectedAuthorId);
  const selectAuthor = useUi((s) => s.selectAuthor);
  const card = useChannel('authors.card', authorId === null ? null : { id: authorId });
  if (authorId === null) return null;
  const name = card.data && card.data.id === authorId ? card.data.name : null;
  return (
    <span className="filter-chip" data-testid="author-chip" title={name ? `Only papers by ${name}` : undefined}>
      <span className="filter-chip-text">
        Author: <span className="filter-chip-value">{name ?? '…'}</span>
      </span>
      <button
        type="button"
        className="filter-chip-remove"
        aria-label={name ? `Remove the author filter (${name})` : 'Remove the author filter'}
        title="Show the papers of every author"
        onClick={(e) => {
          const bar = e.currentTarget.closest('[role="toolbar"]');
          selectAuthor(null);
          bar?.querySelector<HTMLElement>('button')?.focus();
        }}
      >
        <svg aria-hidden="true" viewBox="0 0 16 16" width="10" height="10">
          <path d="m4 4 8 8M12 4l-8 8" fill="none" stroke="currentColor" strokeWidth="1.6" strokeLinecap="round" />
        </svg>
      </button>
    </span>
  );
}
