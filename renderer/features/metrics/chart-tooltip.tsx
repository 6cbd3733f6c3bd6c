/** The hover box of every chart, drawn with the window's own tokens so it reads in both themes. */
interface TooltipEntry {
  value?: unknown;
  name?: unknown;
}

export interface ChartTooltipProps {
  active?: boolean;
  payload?: ReadonlyArray<TooltipEntry>;
  label?: unknown;
  unit: (value: number, name: string) => string;
}

export function ChartTooltip({ active, payload, label, unit }: ChartTooltipProps) {
  if (!active || !payload || payload.length === 0) return null;
  return (
    <div className="chart-tooltip">
      <div className="chart-tooltip-label">{String(label ?? '')}</div>
      {payload.map((entry, i) => (
        <div key={i}>{typeof entry.value === 'number' ? unit(entry.value, String(entry.name ?? '')) : ''}</div>
      ))}
    </div>
  );
}
