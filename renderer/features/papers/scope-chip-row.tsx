/**
 * The filter bar's chips: every constraint on what the table shows (scope-chips.ts), each with its own
 * remove button. Names for ids (the author, tags, collection, import) are asked of the library only
 * while such a constraint is on.
 */
import type { ImportSummary } from '../../../shared/contract';
import { useChannel } from '../../api/use-channel';
import { useUi } from '../../stores/ui-store';
import { formatDay, sourceName } from '../../ui/format';
import { scopeChips, type ScopeChip } from './scope-chips';

/** An import in words, as the sidebar's Imports section lists it ("Chong Ruan · 2026-12-07"). */
export function importWords(imp: Pick<ImportSummary, 'author' | 'format' | 'createdAt'>): string {
  return `${imp.author?.name ?? sourceName(imp.format)} · ${formatDay(imp.createdAt)}`;
}

function Chip({ chip }: { chip: ScopeChip }) {
  // "Tag: method/rl" shows its value in the value's weight; a label without a field ("In trash") is all value.
  const cut = chip.label.indexOf(': ');
  const lead = cut > 0 ? chip.label.slice(0, cut) : null;
  const value = cut > 0 ? chip.label.slice(cut + 2) : chip.label;
  return (
    <span className="filter-chip" data-testid={chip.key === 'author' ? 'author-chip' : 'scope-chip'} data-chip={chip.key} title={chip.label}>
      <span className="filter-chip-text">
        {lead === null ? null : `${lead}: `}
        <span className="filter-chip-value">{value}</span>
      </span>
      <button
        type="button"
        className="filter-chip-remove"
        aria-label={chip.removeLabel}
        title={chip.removeLabel}
        onClick={(e) => {
          // The chip goes away with its button: focus moves to the first control of the filter bar.
          const bar = e.currentTarget.closest('[role="toolbar"]');
          chip.remove();
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

/** Renders nothing while the whole library is shown. */
export function ScopeChipRow() {
  const authorId = useUi((s) => s.selectedAuthorId);
  const facets = useUi((s) => s.facets);
  const filter = useUi((s) => s.filter);
  const card = useChannel('authors.card', authorId === null ? null : { id: authorId });
  const tags = useChannel('tags.list', facets.tagIds.length > 0 ? {} : null);
  const collections = useChannel('collections.list', facets.collectionId !== null ? {} : null);
  const imports = useChannel('imports.list', facets.importId !== null ? {} : null);
  const chips = scopeChips(
    { selectedAuthorId: authorId, facets, filter },
    {
      author: card.data && card.data.id === authorId ? card.data.name : null,
      tags: new Map((tags.data ?? []).map((t) => [t.id, t.name])),
      collections: new Map((collections.data ?? []).map((c) => [c.id, c.name])),
      imports: new Map((imports.data ?? []).map((i) => [i.id, importWords(i)])),
    },
  );
  if (chips.length === 0) return null;
  return (
    <>
      {/* Sets the chips (what is shown) apart from the menus (what can be chosen). */}
      <span className="facet-divider" aria-hidden="true" />
      {chips.map((c) => (
        <Chip key={c.key} chip={c} />
      ))}
    </>
  );
}
