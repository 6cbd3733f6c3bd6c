/** Sidebar entries of the organise sections narrow the whole library to one group, like Categories and Years do. */
import { NO_FACETS, useUi, type FacetFilters } from '../../stores/ui-store';

/** Show the whole library (no author, no quick filter kept by the group) narrowed by `patch`, in the papers view. */
export function showInLibrary(patch: Partial<FacetFilters>): void {
  const ui = useUi.getState();
  ui.selectAuthor(null);
  ui.setFacets({ ...NO_FACETS, ...patch });
  if (ui.view === 'authors') ui.setView('papers');
}
