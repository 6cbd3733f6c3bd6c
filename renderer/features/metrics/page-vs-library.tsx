/**
 * The author's figures as their profile pages showed them (latest capture per source, with its date)
 * beside the library's own (shared/metrics/citation-indices.ts over the papers' citation counts), in one
 * table; and each page's citations per year as a bar chart, paired by year.
 */
import { Bar, BarChart, CartesianGrid, Tooltip, XAxis, YAxis } from 'recharts';
import type { AuthorMetrics, PageFigures } from '../../../shared/contract';
import { formatCount, formatDay, plural } from '../../ui/format';
import { AXIS_TICK, ChartFigure, countTick } from './charts';
import { ChartTooltip } from './chart-tooltip';
import { comparisonRows, perYearSeries } from './page-vs-library-rows';

function cell(v: number | string | null): string {
  if (v === null) return '—';
  return typeof v === 'number' ? formatCount(v) : v;
}

/** The comparison table: a column per source's latest capture, then the library's; hidden when neither side has a figure. */
export function PageVsLibrary({ metrics }: { metrics: AuthorMetrics }) {
  const rows = comparisonRows(metrics);
  if (rows.length === 0 || (metrics.pageFigures.length === 0 && metrics.libraryFigures === null)) return null;
  const lib = metrics.libraryFigures;
  return (
    <figure className="chart-figure" data-testid="page-vs-library">
      <figcaption className="section-title">Profile pages and your library</figcaption>
      <table className="compare-table">
        <thead>
          <tr>
            <th scope="col">
              <span className="visually-hidden">Figure</span>
            </th>
            {metrics.pageFigures.map((p) => (
              <th scope="col" key={p.source} className="num" title={`As the ${p.site} page showed it on ${formatDay(p.capturedAt)}`}>
                {p.site}
                <span className="compare-date">{formatDay(p.capturedAt)}</span>
              </th>
            ))}
            <th scope="col" className="num" title="Computed by Lectern from the citation counts of the author's papers in your library">
              Library
              <span className="compare-date">{lib ? `${plural(lib.papersCounted, 'paper')} counted` : 'no citation counts'}</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.key}>
              <th scope="row">{r.label}</th>
              {r.page.map((v, i) => (
                <td key={i} className="num">
                  {cell(v)}
                </td>
              ))}
              <td className="num">{cell(r.library)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </figure>
  );
}

/** One page's "cited by" histogram: a bar per year from its first to its last, a missing year without a bar. */
export function CitationsPerYear({ figures }: { figures: PageFigures }) {
  const data = perYearSeries(figures.citationsPerYear);
  if (data.length === 0) return null;
  const summary = data.map((d) => `${d.year}: ${d.citations === null ? 'not shown' : plural(d.citations, 'citation')}`).join(', ');
  const width = Math.max(36, 22 + Math.ceil(formatCount(Math.max(0, ...data.map((d) => d.citations ?? 0))).length * 6.5));
  return (
    <ChartFigure title={`Citations per year (${figures.site}, ${formatDay(figures.capturedAt)})`} summary={summary} className="citations-per-year">
      <BarChart responsive style={{ width: '100%', height: 160 }} data={data} margin={{ top: 8, right: 8, bottom: 16, left: 0 }}>
        <CartesianGrid vertical={false} className="chart-grid" />
        <XAxis dataKey="year" tick={AXIS_TICK} tickLine={false} label={{ value: 'Year', position: 'insideBottom', offset: -10, className: 'chart-axis-label' }} />
        <YAxis allowDecimals={false} tick={AXIS_TICK} tickLine={false} axisLine={false} width={width} tickFormatter={countTick} label={{ value: 'Citations', angle: -90, position: 'insideLeft', offset: 10, className: 'chart-axis-label' }} />
        <Tooltip cursor={{ className: 'chart-cursor' }} content={(p) => <ChartTooltip {...p} unit={(v) => plural(v, 'citation')} />} isAnimationActive={false} />
        <Bar dataKey="citations" name="Citations" className="chart-bar-primary" maxBarSize={28} radius={[3, 3, 0, 0]} isAnimationActive={false} />
      </BarChart>
    </ChartFigure>
  );
}

/** Every page's histogram, newest capture first. */
export function CitationsPerYearCharts({ metrics }: { metrics: AuthorMetrics }) {
  return (
    <>
      {metrics.pageFigures.map((f) => (
        <CitationsPerYear key={f.source} figures={f} />
      ))}
    </>
  );
}
