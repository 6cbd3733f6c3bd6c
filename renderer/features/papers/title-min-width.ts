/**
 * Keep the Title column readable however many columns are shown. The table lays out with fixed
 * widths and gives the title what is left, so with many columns it could shrink to nothing; this sets
 * the table's min-width to the other shown columns' widths plus the title's minimum (--col-title-min),
 * so past that the table scrolls sideways instead. Measured from the header cells, which under fixed
 * layout keep their set widths (columns hidden by the narrow-window rules measure 0).
 */
import { useLayoutEffect, type RefObject } from 'react';

export function useTitleMinWidth(table: RefObject<HTMLTableElement | null>, scroller: HTMLElement | null, layoutKey: string): void {
  useLayoutEffect(() => {
    const el = table.current;
    if (!el || !scroller) return;
    const measure = () => {
      const cells = el.tHead?.rows[0]?.cells;
      if (!cells) return;
      let others = 0;
      for (const cell of Array.from(cells)) if (!cell.classList.contains('col-title')) others += cell.getBoundingClientRect().width;
      const titleMin = parseFloat(getComputedStyle(el).getPropertyValue('--col-title-min')) || 240;
      const minWidth = `${Math.ceil(others + titleMin)}px`;
      if (el.style.minWidth !== minWidth) el.style.minWidth = minWidth;
    };
    measure();
    // The narrow-window rules show and hide columns as the pane resizes.
    const observer = new ResizeObserver(measure);
    observer.observe(scroller);
    return () => observer.disconnect();
  }, [table, scroller, layoutKey]);
}
