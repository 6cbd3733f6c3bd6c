/**
 * Sidebar entries show exactly their group of papers: clicking one replaces every filter (the search box
 * too), so the entry clicked is the one the sidebar highlights (sidebar-scope.ts) and the filter bar's
 * chips name it. The paper open in the detail pane stays open.
 */
import { useUi, type FacetFilters } from '../../stores/ui-store';

/** Show the whole library narrowed by `patch` alone (`{}`: everything), in the papers view. */
export function showInLibrary(patch: Partial<FacetFilters>): void {
  const ui = useUi.getState();
  ui.showOnly({ facets: patch });
  if (ui.view === 'authors') ui.setView('papers');
}

/** Show one author's papers alone, with their card in the detail pane (the open paper stays on its tab). */
export function showAuthor(id: number): void {
  const ui = useUi.getState();
  ui.showOnly({ authorId: id });
  if (ui.view === 'authors') ui.setView('papers');
}
