/**
 * The handle between two panes: drag it, or focus it and use Left/Right (Shift: bigger steps), Home
 * and End; Enter collapses or restores the pane. Sizes are saved with the window prefs.
 */
import { useRef } from 'react';

interface Props {
  label: string;
  /** The pane's width now (px). */
  width: () => number;
  min: number;
  max: number;
  /** +1 when dragging right grows the pane (the sidebar), -1 when it shrinks it (the detail pane). */
  direction: 1 | -1;
  onResize(width: number): void;
  onToggle(): void;
  controls: string;
}

export function PaneResizer({ label, width, min, max, direction, onResize, onToggle, controls }: Props) {
  const ref = useRef<HTMLDivElement>(null);
  const clamp = (w: number) => Math.round(Math.max(min, Math.min(max, w)));
  const now = Math.round(width());
  return (
    <div
      ref={ref}
      role="separator"
      aria-orientation="vertical"
      aria-label={label}
      aria-controls={controls}
      aria-valuenow={now}
      aria-valuemin={min}
      aria-valuemax={max}
      tabIndex={0}
      className={direction === 1 ? 'pane-resizer' : 'pane-resizer is-end'}
      title={`${label}: drag, or use the arrow keys; Enter hides or shows the pane`}
      onPointerDown={(e) => {
        e.preventDefault();
        const startX = e.clientX;
        const start = width();
        const el = e.currentTarget;
        el.setPointerCapture(e.pointerId);
        el.classList.add('is-dragging');
        const move = (ev: PointerEvent) => onResize(clamp(start + direction * (ev.clientX - startX)));
        const up = () => {
          el.classList.remove('is-dragging');
          el.removeEventListener('pointermove', move);
          el.removeEventListener('pointerup', up);
        };
        el.addEventListener('pointermove', move);
        el.addEventListener('pointerup', up);
      }}
      onDoubleClick={onToggle}
      onKeyDown={(e) => {
        const step = e.shiftKey ? 48 : 16;
        if (e.key === 'ArrowLeft' || e.key === 'ArrowRight') {
          e.preventDefault();
          const sign = e.key === 'ArrowRight' ? 1 : -1;
          onResize(clamp(width() + sign * direction * step));
        } else if (e.key === 'Home') {
          e.preventDefault();
          onResize(min);
        } else if (e.key === 'End') {
          e.preventDefault();
          onResize(max);
        } else if (e.key === 'Enter') {
          e.preventDefault();
          onToggle();
        }
      }}
    />
  );
}
