/**
 * The charts both metrics panels share (an author's, and any selection's): papers per year and per
 * category, the share with code, and ranked name lists. Colours come from tokens.css through CSS
 * classes (see metrics.css), so the charts follow the theme without re-rendering.
 */
import { useId } from 'react';
import { Bar, BarChart, CartesianGrid, Tooltip, XAxis, YAxis } from 'recharts';
import type { AuthorMetrics } from '../../../shared/contract';
import { formatCount, formatPercent, plural } from '../../ui/format';
import { ChartTooltip } from './chart-tooltip';

export const AXIS_TICK = { fontSize: 11 };

/** Axis ticks with thousands separators ("6,000"). */
export const countTick = (v: number) => formatCount(v);

/** Room for the longest count tick plus the rotated axis name beside it. */
function countAxisWidth(values: number[]): number {
  const longest = formatCount(Math.max(0, ...values)).length;
  return Math.max(36, 22 + Math.ceil(longest * 6.5));
}

/**
 * A titled chart with its data also as a sentence: recharts' keyboard layer lets arrow keys walk the
 * points, and the description gives screen readers every value at once.
 */
export function ChartFigure({ title, summary, className, children }: { title: string; summary: string; className?: string; children: React.ReactNode }) {
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

export function PapersPerYear({ data }: { data: AuthorMetrics['papersPerYear'] }) {
  const summary = data.map((d) => `${d.year}: ${plural(d.count, 'paper')}`).join(', ');
  return (
    <ChartFigure title="Papers per year" summary={summary} className="papers-per-year">
      <BarChart responsive style={{ width: '100%', height: 150 }} data={data} margin={{ top: 8, right: 8, bottom: 16, left: 0 }}>
        <CartesianGrid vertical={false} className="chart-grid" />
        <XAxis dataKey="year" tick={AXIS_TICK} tickLine={false} label={{ value: 'Year', position: 'insideBottom', offset: -10, className: 'chart-axis-label' }} />
        <YAxis allowDecimals={false} tick={AXIS_TICK} tickLine={false} axisLine={false} width={countAxisWidth(data.map((d) => d.count))} tickFormatter={countTick} label={{ value: 'Papers', angle: -90, position: 'insideLeft', offset: 10, className: 'chart-axis-label' }} />
        <Tooltip cursor={{ className: 'chart-cursor' }} content={(p) => <ChartTooltip {...p} unit={(v) => plural(v, 'paper')} />} isAnimationActive={false} />
        <Bar dataKey="count" name="Papers" className="chart-bar-primary" maxBarSize={36} radius={[3, 3, 0, 0]} isAnimationActive={false} />
      </BarChart>
    </ChartFigure>
  );
}

export function PapersPerCategory({ data }: { data: AuthorMetrics['papersPerCategory'] }) {
  const summary = data.map((d) => `${d.category}: ${plural(d.count, 'paper')}`).join(', ');
  const height = Math.max(90, data.length * 24 + 40);
  return (
    <ChartFigure title="Papers per category" summary={summary}>
      <BarChart responsive layout="vertical" style={{ width: '100%', height }} data={data} margin={{ top: 4, right: 12, bottom: 16, left: 0 }}>
        <CartesianGrid horizontal={false} className="chart-grid" />
        <XAxis type="number" allowDecimals={false} tick={AXIS_TICK} tickLine={false} tickFormatter={countTick} label={{ value: 'Papers', position: 'insideBottom', offset: -10, className: 'chart-axis-label' }} />
        <YAxis type="category" dataKey="category" interval={0} tick={AXIS_TICK} tickLine={false} axisLine={false} width={44} />
        <Tooltip cursor={{ className: 'chart-cursor' }} content={(p) => <ChartTooltip {...p} unit={(v) => plural(v, 'paper')} />} isAnimationActive={false} />
        <Bar dataKey="count" name="Papers" className="chart-bar-primary" maxBarSize={16} radius={[0, 3, 3, 0]} isAnimationActive={false} />
      </BarChart>
    </ChartFigure>
  );
}

export function CodeShare({ withCode, total, share }: { withCode: number; total: number; share: number | null }) {
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

/** A ranked list of names with counts (co-authors, affiliations); `onOpen` makes the names buttons. */
export function NameCountList({ title, items, unit, onOpen, testId }: { title: string; items: { name: string; count: number; id?: number }[]; unit: string; onOpen?: (id: number) => void; testId?: string }) {
  if (items.length === 0) return null;
  const max = Math.max(...items.map((i) => i.count), 1);
  return (
    <figure className="chart-figure" data-testid={testId}>
      <figcaption className="section-title">{title}</figcaption>
      <ol className="rank-list">
        {items.map((item) => (
          <li key={item.id ?? item.name}>
            {onOpen && item.id !== undefined ? (
              <button type="button" className="link-button rank-name" onClick={() => onOpen(item.id!)} title={`Open ${item.name}`}>
                <span>{item.name}</span>
              </button>
            ) : (
              <span className="rank-name">{item.name}</span>
            )}
            <span className="rank-bar" aria-hidden="true">
              <span className="rank-bar-fill" style={{ width: `${(item.count / max) * 100}%` }} />
            </span>
            <span className="rank-count" title={plural(item.count, unit)}>
              {formatCount(item.count)}
            </span>
          </li>
        ))}
      </ol>
    </figure>
  );
}
