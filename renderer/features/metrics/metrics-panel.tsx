/**
 * Charts for the selected author: the pages' figures beside the library's own, citations per year where
 * a page shows them, papers per year and per category, the share with code, and the profile metrics
 * over time once there are several snapshots. Colours come from tokens.css through
 * CSS classes (see metrics.css), so the charts follow the theme without re-rendering.
 */
import { CartesianGrid, Line, LineChart, Tooltip, XAxis, YAxis } from 'recharts';
import type { AuthorMetrics } from '../../../shared/contract';
import { formatCount, formatDay, formatDayTime } from '../../ui/format';
import { AXIS_TICK, ChartFigure, CodeShare, PapersPerCategory, PapersPerYear } from './charts';
import { ChartTooltip } from './chart-tooltip';
import { CitationsPerYearCharts, PageVsLibrary } from './page-vs-library';

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
  // Figures of different sites are not comparable over time: the chart follows the latest capture's source.
  const latest = metrics.snapshots.at(-1);
  const sameSource = latest ? metrics.snapshots.filter((s) => s.source === latest.source) : [];
  return (
    <section className="metrics-panel" aria-label={`Metrics for ${metrics.name}`}>
      <PageVsLibrary metrics={metrics} />
      <CitationsPerYearCharts metrics={metrics} />
      {sameSource.length > 1 ? <Snapshots snapshots={sameSource} /> : null}
      {metrics.papersPerYear.length > 0 ? <PapersPerYear data={metrics.papersPerYear} /> : null}
      {metrics.papersPerCategory.length > 0 ? <PapersPerCategory data={metrics.papersPerCategory} /> : null}
      <CodeShare withCode={metrics.papersWithCode} total={metrics.papersInLibrary} share={metrics.codeShare} />
    </section>
  );
}
