/** The papers the organise keys, menus and drags act on: the table's selection, in a stable order. */
import { useUi } from '../../stores/ui-store';

/** Selected paper ids (the lead first, so a one-paper action names the paper the user sees). */
export function selectedPaperIds(): number[] {
  const { selectedIds, selectedPaperId } = useUi.getState();
  const ids = [...selectedIds];
  if (selectedPaperId !== null && selectedIds.has(selectedPaperId)) return [selectedPaperId, ...ids.filter((id) => id !== selectedPaperId)];
  return ids;
}

/** The drag payload type of table rows (a JSON array of paper ids). */
export const PAPERS_DRAG_TYPE = 'application/x-lectern-papers';

/** Paper ids carried by a drag from the table, or null when the drag is something else. */
export function draggedPaperIds(data: DataTransfer | null): number[] | null {
  if (!data || !data.types.includes(PAPERS_DRAG_TYPE)) return null;
  try {
    const ids: unknown = JSON.parse(data.getData(PAPERS_DRAG_TYPE));
    return Array.isArray(ids) ? ids.filter((id): id is number => typeof id === 'number') : null;
  } catch {
    return null;
  }
}
