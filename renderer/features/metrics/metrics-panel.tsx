/**
 * Charts for the selected author: papers per year and per category, the share with code, and the
 * profile metrics over time once there are several snapshots. Colours come from tokens.css through
 * CSS classes (see metrics.css), so the charts follow the theme without re-rendering.
 */
import { useId } from 'react';
import { Bar, BarChart, CartesianGrid, Line, LineChart, Tooltip, XAxis, YAxis } from 'recharts';
import type { AuthorMetrics } from '../../../shared/contract';
import { formatCount, formatDay, formatDayTime, formatPercent, plural } from '../../ui/format';
import { ChartTooltip } from './chart-tooltip';

const AXIS_TICK = { fontSize: 11 };

/**
 * A titled chart with its data also as a sentence: recharts' keyboard layer lets arrow keys walk the
 * points, and the description gives screen readers every value at once.
 */
function ChartFigure({ title, summary, className, children }: { title: string; summary: string; className?: string; children: React.ReactNode }) {
  const id = useId();
  return (
    <figure className={className ? `chart-figure ${className}` : 'chart-figure'} aria-labelledby={`${id}-title`} aria-describedby={`${id}-summary`}>
      <figcaption id={`${id}-title`} className="section-title">
        {title}
      </figcaption>
      <p id={`${id}-summary`} className="visually-hidden">
        {summary}
      </p>
      <div className="chart-frame">{children}</div>
    </figure>
  );
}

function PapersPerYear({ data }: { data: AuthorMetrics['papersPerYear'] }) {
  const summary = data.map((d) => `${d.year}: ${plural(d.count, 'paper')}`).join(', ');
  return (
    <ChartFigure title="Papers per year" summary={summary} className="papers-per-year">
      <BarChart responsive style={{ width: '100%', height: 150 }} data={data} margin={{ top: 8, right: 8, bottom: 16, left: 0 }}>
        <CartesianGrid vertical={false} className="chart-grid" />
        <XAxis dataKey="year" tick={AXIS_TICK} tickLine={false} label={{ value: 'Year', position: 'insideBottom', offset: -10, className: 'chart-axis-label' }} />
        <YAxis allowDecimals={false} tick={AXIS_TICK} tickLine={false} axisLine={false} width={36} label={{ value: 'Papers', angle: -90, position: 'insideLeft', offset: 10, className: 'chart-axis-label' }} />
        <Tooltip cursor={{ className: 'chart-cursor' }} content={(p) => <ChartTooltip {...p} unit={(v) => plural(v, 'paper')} />} isAnimationActive={false} />
        <Bar dataKey="count" name="Papers" className="chart-bar-primary" maxBarSize={36} radius={[3, 3, 0, 0]} isAnimationActive={false} />
      </BarChart>
    </ChartFigure>
  );
}

function PapersPerCategory({ data }: { data: AuthorMetrics['papersPerCategory'] }) {
  const summary = data.map((d) => `${d.category}: ${plural(d.count, 'paper')}`).join(', ');
  const height = Math.max(90, data.length * 24 + 40);
  return (
    <ChartFigure title="Papers per category" summary={summary}>
      <BarChart responsive layout="vertical" style={{ width: '100%', height }} data={data} margin={{ top: 4, right: 12, bottom: 16, left: 0 }}>
        <CartesianGrid horizontal={false} className="chart-grid" />
        <XAxis type="number" allowDecimals={false} tick={AXIS_TICK} tickLine={false} label={{ value: 'Papers', position: 'insideBottom', offset: -10, className: 'chart-axis-label' }} />
        <YAxis type="category" dataKey="category" interval={0} tick={AXIS_TICK} tickLine={false} axisLine={false} width={44} />
        <Tooltip cursor={{ className: 'chart-cursor' }} content={(p) => <ChartTooltip {...p} unit={(v) => plural(v, 'paper')} />} isAnimationActive={false} />
        <Bar dataKey="count" name="Papers" className="chart-bar-primary" maxBarSize={16} radius={[0, 3, 3, 0]} isAnimationActive={false} />
      </BarChart>
    </ChartFigure>
  );
}

function CodeShare({ withCode, total, share }: { withCode: number; total: number; share: number | null }) {
  if (total === 0 || share === null) return null;
  const text = `${formatCount(withCode)} of ${formatCount(total)} (${formatPercent(share)})`;
  return (
    <figure className="chart-figure">
      <figcaption className="section-title">Papers with code</figcaption>
      <p className="code-share-text" data-testid="code-share">
        {text}
      </p>
      <div className="meter" role="meter" aria-valuemin={0} aria-valuemax={total} aria-valuenow={withCode} aria-label={`Papers with code: ${text}`}>
        <div className="meter-fill" style={{ width: `${share * 100}%` }} />
      </div>
    </figure>
  );
}

function Snapshots({ snapshots }: { snapshots: AuthorMetrics['snapshots'] }) {
  const days = snapshots.map((s) => formatDay(s.capturedAt));
  // Two imports on one day would share a label; add the time only then.
  const sameDay = new Set(days).size < days.length;
  const times = snapshots.map((s) => formatDayTime(s.capturedAt));
  const sameMinute = new Set(times).size < times.length;
  const data = snapshots.map((s, i) => ({ day: sameMinute ? formatDayTime(s.capturedAt, true) : sameDay ? times[i] : days[i], citations: s.citations, hIndex: s.hIndex }));
  const summary = data.map((d) => `${d.day}: ${d.citations ?? 'no'} citations, h-index ${d.hIndex ?? 'not shown'}`).join('; ');
  return (
    <ChartFigure title="Profile metrics over time" summary={summary}>
      {/* Axis names sit above each axis: rotated labels would collide with five-digit ticks. The
          domains hug the data because the change between captures is the point of this chart. */}
      <LineChart responsive style={{ width: '100%', height: 180 }} data={data} margin={{ top: 22, right: 4, bottom: 16, left: 0 }}>
        <CartesianGrid vertical={false} className="chart-grid" />
        <XAxis dataKey="day" tick={AXIS_TICK} tickLine={false} padding={{ left: 16, right: 16 }} label={{ value: 'Captured', position: 'insideBottom', offset: -10, className: 'chart-axis-label' }} />
        <YAxis yAxisId="citations" domain={['auto', 'auto']} tick={AXIS_TICK} tickLine={false} axisLine={false} width={52} tickFormatter={(v: number) => formatCount(v)} label={{ value: 'Citations', position: 'top', offset: 10, className: 'chart-axis-label' }} />
        <YAxis yAxisId="h" orientation="right" domain={['auto', 'auto']} allowDecimals={false} tick={AXIS_TICK} tickLine={false} axisLine={false} width={40} label={{ value: 'h-index', position: 'top', offset: 10, className: 'chart-axis-label' }} />
        <Tooltip content={(p) => <ChartTooltip {...p} unit={(v, name) => `${name}: ${formatCount(v)}`} />} isAnimationActive={false} />
        <Line yAxisId="citations" dataKey="citations" name="Citations" className="chart-line-primary" dot={{ r: 3 }} isAnimationActive={false} connectNulls />
        <Line yAxisId="h" dataKey="hIndex" name="h-index" className="chart-line-secondary" dot={{ r: 3, strokeDasharray: "0" }} strokeDasharray="4 3" isAnimationActive={false} connectNulls />
      </LineChart>
      <p className="chart-legend">
        <span className="legend-swatch legend-primary" aria-hidden="true" /> Citations (left axis)
        <span className="legend-swatch legend-secondary" aria-hidden="true" /> h-index (right axis, dashed)
      </p>
    </ChartFigure>
  );
}

export function MetricsPanel({ metrics }: { metrics: AuthorMetrics }) {
  if (metrics.papersInLibrary === 0 && metrics.snapshots.length === 0) return null;
  return (
    <section className="metrics-panel" aria-label={`Metrics for ${metrics.name}`}>
      {metrics.snapshots.length > 1 ? <Snapshots snapshots={metrics.snapshots} /> : null}
      {metrics.papersPerYear.length > 0 ? <PapersPerYear data={metrics.papersPerYear} /> : null}
      {metrics.papersPerCategory.length > 0 ? <PapersPerCategory data={metrics.papersPerCategory} /> : null}
      <CodeShare withCode={metrics.papersWithCode} total={metrics.papersInLibrary} share={metrics.codeShare} />
    </section>
  );
}
