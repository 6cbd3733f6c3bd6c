/**
 * Make a sidebar entry accept papers dragged from the table: it lights up while papers hover over it
 * and runs `onDrop` with their ids. Other drags (files, text) pass through untouched.
 */
import { useState, type DragEvent } from 'react';
import { draggedPaperIds, PAPERS_DRAG_TYPE } from './selection';

export function usePaperDrop(onDrop: (paperIds: number[]) => void) {
  const [over, setOver] = useState(false);
  const accepts = (e: DragEvent) => e.dataTransfer.types.includes(PAPERS_DRAG_TYPE);
  return {
    over,
    props: {
      onDragEnter: (e: DragEvent<HTMLElement>) => {
        if (!accepts(e)) return;
        e.preventDefault();
        setOver(true);
      },
      onDragOver: (e: DragEvent<HTMLElement>) => {
        if (!accepts(e)) return;
        e.preventDefault();
        e.dataTransfer.dropEffect = 'copy';
      },
      onDragLeave: () => setOver(false),
      onDrop: (e: DragEvent<HTMLElement>) => {
        setOver(false);
        const ids = draggedPaperIds(e.dataTransfer);
        if (!ids || ids.length === 0) return;
        e.preventDefault();
        onDrop(ids);
      },
    },
  };
}
