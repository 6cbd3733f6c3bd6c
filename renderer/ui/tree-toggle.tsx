/** The expand/collapse chevron of a sidebar tree row, or an empty slot of the same width for a leaf. */
export function TreeToggle({ hasChildren, open, name, onToggle }: { hasChildren: boolean; open: boolean; name: string; onToggle(): void }) {
  if (!hasChildren) return <span className="tree-toggle" aria-hidden="true" />;
  return (
    <button type="button" className="tree-toggle" aria-expanded={open} aria-label={`${open ? 'Collapse' : 'Expand'} ${name}`} onClick={onToggle}>
      <svg aria-hidden="true" viewBox="0 0 16 16" width="10" height="10">
        <path d={open ? 'm4 6 4 4 4-4' : 'm6 4 4 4-4 4'} fill="none" stroke="currentColor" strokeWidth="1.6" strokeLinecap="round" />
      </svg>
    </button>
  );
}
