/** A row of named colour swatches (a radio group: arrow keys move, the name is the label). */
import { ANNOTATION_COLOURS } from './annotation-colours';

/** Named swatches as a radio group; `label` names the group for screen readers. */
export function ColourPicker({ value, onChange, label }: { value: string; onChange(colour: string): void; label: string }) {
  return (
    <div className="colour-picker" role="radiogroup" aria-label={label}>
      {ANNOTATION_COLOURS.map((c, i) => {
        const checked = c.value.toLowerCase() === value.toLowerCase();
        return (
          <button
            key={c.value}
            type="button"
            role="radio"
            aria-checked={checked}
            aria-label={c.name}
            title={c.name}
            tabIndex={checked || (i === 0 && !ANNOTATION_COLOURS.some((x) => x.value === value)) ? 0 : -1}
            className="colour-swatch"
            style={{ '--swatch': c.value } as React.CSSProperties}
            onClick={() => onChange(c.value)}
            onKeyDown={(e) => {
              const step = e.key === 'ArrowRight' || e.key === 'ArrowDown' ? 1 : e.key === 'ArrowLeft' || e.key === 'ArrowUp' ? -1 : 0;
              if (!step) return;
              e.preventDefault();
              const next = ANNOTATION_COLOURS[(i + step + ANNOTATION_COLOURS.length) % ANNOTATION_COLOURS.length]!;
              onChange(next.value);
              const group = e.currentTarget.parentElement;
              requestAnimationFrame(() => group?.querySelector<HTMLElement>('[aria-checked="true"]')?.focus());
            }}
          />
        );
      })}
    </div>
  );
}
