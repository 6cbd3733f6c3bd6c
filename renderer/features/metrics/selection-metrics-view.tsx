/**
 * Metrics for any set of papers: whatever the table's filters show, or a selection (`{ paperIds }`).
 * Papers per year and per category, the share with code, top co-authors and affiliations, and, where
 * the papers carry citation counts, the citation indices. The server computes every figure
 * (shared/metrics/citation-indices.ts); this view only shows them, each with its definition and
 * source on hover and on keyboard focus.
 */
import { useId } from 'react';
import type { PaperFilters, SelectionMetrics } from '../../../shared/contract';
import { useChannel } from '../../api/use-channel';
import { ReadProblem } from '../../ui/read-problem';
import { useUi } from '../../stores/ui-store';
import { formatCount, plural } from '../../ui/format';
import { CodeShare, NameCountList, PapersPerCategory, PapersPerYear } from './charts';
import '../../styles/metrics.css';

const decimals = new Intl.NumberFormat('en-US', { minimumFractionDigits: 1, maximumFractionDigits: 1 });

/** "1,234.5": one decimal, thousands separators, the same on every machine. */
export function formatDecimal(value: number): string {
  return decimals.format(value);
}

interface FigureDefinition {
  label: string;
  definition: string;
  source: string;
}

/** What each citation figure means and where the definition comes from (shown in its tooltip). */
export const CITATION_DEFINITIONS = {
  hIndex: {
    label: 'h-index',
    definition: 'The largest h such that h papers have at least h citations each.',
    source: 'Hirsch 2005, “An index to quantify an individual’s scientific research output”, PNAS 102(46)',
  },
  gIndex: {
    label: 'g-index',
    definition: 'The largest g such that the top g papers together have at least g² citations.',
    source: 'Egghe 2006, “Theory and practise of the g-index”, Scientometrics 69(1)',
  },
  i10Index: {
    label: 'i10-index',
    definition: 'Papers with at least 10 citations.',
    source: 'Google Scholar Citations',
  },
  totalCitations: {
    label: 'Total citations',
    definition: 'The citation counts of the papers counted, added up.',
    source: 'the citation count stored on each paper',
  },
  meanCitations: {
    label: 'Mean citations',
    definition: 'Total citations divided by the number of papers counted.',
    source: 'the citation count stored on each paper',
  },
  citationsPerYear: {
    label: 'Citations per year',
    definition: 'Total citations divided by the years since the first counted paper (its year and this one included).',
    source: 'Hirsch 2005 divides by the same span for his m quotient',
  },
} satisfies Record<string, FigureDefinition>;

/** One figure: label, value, and a tooltip with its definition and source on hover or focus. */
function CitationFigure({ def, value, testId }: { def: FigureDefinition; value: string; testId: string }) {
  const tipId = useId();
  return (
    <div className="citation-figure" tabIndex={0} aria-describedby={tipId} data-testid={testId}>
      <dt className="metric-label">{def.label}</dt>
      <dd className="metric-value">{value}</dd>
      <span role="tooltip" id={tipId} className="figure-tip">
        <span className="figure-tip-definition">{def.definition}</span> <span className="figure-tip-source">Source: {def.source}.</span>
      </span>
    </div>
  );
}

export function CitationFigures({ citations, papers }: { citations: SelectionMetrics['citations']; papers: number }) {
  if (citations === null) {
    return (
      <figure className="chart-figure" data-testid="citation-figures">
        <figcaption className="section-title">Citations</figcaption>
        <p className="metric-note" data-testid="no-citations">
          None of {papers === 1 ? 'this paper' : `these ${formatCount(papers)} papers`} carries a citation count (profile pages such as Scholarfeed’s list none per paper),
          so h-index, g-index and i10-index cannot be worked out for them.
        </p>
      </figure>
    );
  }
  const d = CITATION_DEFINITIONS;
  const dash = (v: number | null, f: (n: number) => string) => (v === null ? '–' : f(v));
  return (
    <figure className="chart-figure" data-testid="citation-figures">
      <figcaption className="section-title">Citations</figcaption>
      <dl className="metric-grid citation-grid">
        <CitationFigure def={d.hIndex} value={formatCount(citations.hIndex)} testId="figure-h-index" />
        <CitationFigure def={d.gIndex} value={formatCount(citations.gIndex)} testId="figure-g-index" />
        <CitationFigure def={d.i10Index} value={formatCount(citations.i10Index)} testId="figure-i10-index" />
        <CitationFigure def={d.totalCitations} value={formatCount(citations.totalCitations)} testId="figure-total-citations" />
        <CitationFigure def={d.meanCitations} value={dash(citations.meanCitations, formatDecimal)} testId="figure-mean-citations" />
        <CitationFigure def={d.citationsPerYear} value={dash(citations.citationsPerYear, formatDecimal)} testId="figure-citations-per-year" />
      </dl>
      <p className="metric-note" data-testid="citations-counted">
        Over the {formatCount(citations.papersCounted)} of {plural(papers, 'paper')} with a citation count. Hover over or focus a figure for its definition.
      </p>
    </figure>
  );
}

/** The panel's content for one answer of `metrics.selection` (no fetching: tests render it directly). */
export function SelectionMetricsContent({ metrics, onOpenAuthor }: { metrics: SelectionMetrics; onOpenAuthor?: (id: number) => void }) {
  if (metrics.papers === 0) {
    return <p className="pane-hint">No papers here, so there is nothing to measure. Clear a filter or pick other papers.</p>;
  }
  const share = metrics.papersWithCode / metrics.papers;
  return (
    <div className="selection-metrics-grid">
      <p className="selection-metrics-count" data-testid="selection-papers">
        {plural(metrics.papers, 'paper')}
      </p>
      {metrics.citations ? <CitationFigures citations={metrics.citations} papers={metrics.papers} /> : null}
      {metrics.papersPerYear.length > 0 ? <PapersPerYear data={metrics.papersPerYear} /> : null}
      {metrics.papersPerCategory.length > 0 ? <PapersPerCategory data={metrics.papersPerCategory} /> : null}
      <CodeShare withCode={metrics.papersWithCode} total={metrics.papers} share={share} />
      <NameCountList title={metrics.coAuthorsOf === null ? 'Top authors' : 'Top co-authors'} items={metrics.topAuthors} unit="paper" onOpen={onOpenAuthor} testId="selection-coauthors" />
      <NameCountList title="Top affiliations" items={metrics.affiliations} unit="paper" testId="selection-affiliations" />
      {/* Without counts the block only says why there are no indices: last, not first. */}
      {metrics.citations ? null : <CitationFigures citations={null} papers={metrics.papers} />}
    </div>
  );
}

/** `filters`: the table's current filters, or `{ paperIds }` for a selection. */
export function SelectionMetricsPanel({ filters }: { filters: Partial<PaperFilters> }) {
  const metrics = useChannel('metrics.selection', filters);
  const selectAuthor = useUi((s) => s.selectAuthor);
  const revealDetail = useUi((s) => s.revealDetail);
  const open = (id: number) => {
    selectAuthor(id);
    revealDetail();
  };
  return (
    <section className="selection-metrics" aria-label="Metrics for these papers" aria-busy={metrics.loading} data-testid="selection-metrics">
      <ReadProblem error={metrics.error} what="the metrics" kept={metrics.data ? 'The figures below are from the last answer.' : ''} onRetry={metrics.reload} />
      {metrics.data ? <SelectionMetricsContent metrics={metrics.data} onOpenAuthor={open} /> : metrics.error ? null : <p className="pane-hint">Working out the metrics…</p>}
    </section>
  );
}
