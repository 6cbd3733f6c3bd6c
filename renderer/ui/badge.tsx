import type { ReactNode } from 'react';

export function Badge({ children, title }: { children: ReactNode; title?: string }) {
  return (
    <span className="badge" title={title}>
      {children}
    </span>
  );
}

/**
 * "Code" in words plus a glyph, so the marker never depends on colour alone. `compact` (the table's
 * Code column, whose header already says it) shows the glyph only; the word stays for screen readers.
 */
export function CodeMarker({ compact = false }: { compact?: boolean }) {
  return (
    <span className={compact ? 'code-marker code-marker-compact' : 'code-marker'} title="Code is available for this paper">
      <svg aria-hidden="true" viewBox="0 0 16 16" width="11" height="11">
        <path d="M5.5 4 1.5 8l4 4M10.5 4l4 4-4 4" fill="none" stroke="currentColor" strokeWidth="1.6" strokeLinecap="round" strokeLinejoin="round" />
      </svg>
      <span className={compact ? 'visually-hidden' : undefined}>Code</span>
    </span>
  );
}
