/**
 * True when the window is too narrow for the detail pane beside the table: the pane then becomes a
 * drawer over the table. The width matches `--narrow-window` in styles/layout.css (media queries
 * cannot read custom properties, so the number lives in both places).
 */
import { useSyncExternalStore } from 'react';

export const NARROW_WINDOW_QUERY = '(max-width: 1099px)';

function subscribe(onChange: () => void): () => void {
  const query = window.matchMedia(NARROW_WINDOW_QUERY);
  query.addEventListener('change', onChange);
  return () => query.removeEventListener('change', onChange);
}

export function useNarrowWindow(): boolean {
  return useSyncExternalStore(subscribe, () => window.matchMedia(NARROW_WINDOW_QUERY).matches);
}
