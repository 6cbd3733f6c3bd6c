import type { PaperFilters } from '../../../shared/contract';

/** Metrics for whatever papers the filters (or a selection) pick (placeholder until the panel lands). */
export function SelectionMetricsPanel(_props: { filters: Partial<PaperFilters> }) {
  return <p className="pane-hint">Metrics for a selection are coming.</p>;
}
