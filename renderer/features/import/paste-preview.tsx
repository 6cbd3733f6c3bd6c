/** What Lectern recognised in the paste, before anything is written to the library. */
import type { PastePreview as Preview } from '../../../shared/contract';
import { Badge } from '../../ui/badge';
import { clip, formatCount, plural, shortAuthors } from '../../ui/format';
import { detectionWords } from './detection-words';
import { TexText } from '../../ui/tex-text';
import { AuthorAvatar } from '../authors/author-avatar';
import { WouldImportCounts } from './would-import-counts';

function AuthorMetricsLine({ metrics }: { metrics: NonNullable<Preview['author']>['metrics'] }) {
  const parts: string[] = [];
  if (metrics.h_index !== undefined) parts.push(`h-index ${formatCount(metrics.h_index)}`);
  if (metrics.citations !== undefined) parts.push(`${formatCount(metrics.citations)} citations`);
  if (metrics.paper_count !== undefined) parts.push(plural(metrics.paper_count, 'paper'));
  if (metrics.i10_index !== undefined) parts.push(`i10-index ${formatCount(metrics.i10_index)}`);
  if (metrics.novelty_pct !== undefined) parts.push(`novelty ${metrics.novelty_pct}%`);
  if (metrics.ai_score !== undefined) parts.push(`AI score ${metrics.ai_score}`);
  return parts.length > 0 ? <p className="muted">{parts.join(' · ')}</p> : null;
}

/** Whether importing records the profile's figures as a new snapshot; silent when the page shows none. */
function SnapshotLine({ wouldBeAdded, metrics }: { wouldBeAdded: boolean; metrics: NonNullable<Preview['author']>['metrics'] }) {
  if (wouldBeAdded) return <p className="muted" data-testid="preview-snapshot">New profile metrics will be recorded.</p>;
  const hasMetrics = Object.values(metrics).some((v) => v !== undefined);
  return hasMetrics ? <p className="muted" data-testid="preview-snapshot">Metrics unchanged since the last import.</p> : null;
}

/** Why importing would change nothing, when it would not (the confirm button says so too). */
function NothingNew({ preview }: { preview: Preview }) {
  const { wouldImport } = preview;
  if (!preview.alreadyImported && (wouldImport.added + wouldImport.updated > 0 || preview.snapshotWouldBeAdded)) return null;
  const papers = wouldImport.unchanged > 0 ? `${plural(wouldImport.unchanged, 'paper')} in it ${wouldImport.unchanged === 1 ? 'is' : 'are'} already in your library, unchanged` : 'it adds no papers';
  const metrics = preview.author && Object.values(preview.author.metrics).some((v) => v !== undefined) ? ", and the profile's metrics are the same" : '';
  return (
    <p className="callout callout-info" role="note" data-testid="preview-nothing-new">
      {preview.alreadyImported
        ? `You imported this exact page before: ${papers}${metrics}. Importing it again would change nothing.`
        : `Nothing in this paste is new: ${papers}${metrics}.`}
    </p>
  );
}

export function PastePreview({ preview }: { preview: Preview }) {
  const { author, report, wouldImport } = preview;
  const primaryCategory = typeof author?.extra.primary_category === 'string' ? author.extra.primary_category : null;
  return (
    <div className="preview" data-testid="paste-preview">
      <p className="preview-source" data-testid="preview-detection">
        Source: <strong>{detectionWords(preview.detection)}</strong>
      </p>
      {preview.makesAuthorCard ? null : (
        <p className="callout callout-info" role="note" data-testid="preview-no-author">
          This page lists papers; no author card is made.
        </p>
      )}

      {author && preview.makesAuthorCard ? (
        <div className="preview-author">
          <AuthorAvatar name={author.name} />
          <div>
            <div className="preview-author-name">
              {author.name} {primaryCategory ? <Badge title="Primary category">{primaryCategory}</Badge> : null}
            </div>
            {author.affiliation ? <p className="muted">{author.affiliation}</p> : null}
            <AuthorMetricsLine metrics={author.metrics} />
            <SnapshotLine wouldBeAdded={preview.snapshotWouldBeAdded} metrics={author.metrics} />
          </div>
        </div>
      ) : null}

      <div className="preview-counts" data-testid="preview-counts">
        <div className="preview-count-main">
          <span className="big-number">{formatCount(preview.paperCount)}</span> {preview.paperCount === 1 ? 'paper' : 'papers'} recognised
        </div>
        <WouldImportCounts counts={wouldImport} />
      </div>

      <NothingNew preview={preview} />

      {/* Problems before the paper list: they decide whether to import now or copy again. */}
      {report.incompleteTail ? (
        <div className="callout callout-warning" role="note">
          <strong>The paste ends in the middle of a paper</strong> (line {report.incompleteTail.line}; its {report.incompleteTail.missing} are missing). That paper will be
          left out; copy the whole page again to include it.
          <div className="callout-quote">“{clip(report.incompleteTail.text, 90)}”</div>
        </div>
      ) : null}

      {report.skipped.length > 0 ? (
        <details className="callout callout-warning">
          <summary>
            {plural(report.skipped.length, 'line')} could not be read and will be skipped (the full text is kept with the import)
          </summary>
          <ul className="skipped-lines">
            {report.skipped.slice(0, 50).map((s) => (
              <li key={s.line}>
                <span className="muted">Line {s.line}:</span> {s.reason} <span className="callout-quote">“{clip(s.text, 70)}”</span>
              </li>
            ))}
            {report.skipped.length > 50 ? <li className="muted">and {formatCount(report.skipped.length - 50)} more</li> : null}
          </ul>
        </details>
      ) : null}

      {report.warnings.length > 0 ? (
        <ul className="callout callout-warning warnings">
          {report.warnings.map((w, i) => (
            <li key={i}>{w}</li>
          ))}
        </ul>
      ) : null}
      {preview.firstPapers.length > 0 ? (
        <div className="detail-section">
          <h3 className="section-title">{preview.paperCount > preview.firstPapers.length ? `First ${preview.firstPapers.length} papers` : 'Papers'}</h3>
          <ol className="preview-papers">
            {preview.firstPapers.map((p, i) => (
              <li key={i}>
                <span className="preview-paper-title">
                  <TexText text={p.title} />
                </span>
                <span className="muted">
                  {[p.date, shortAuthors(p.authors, p.authorsTruncated)].filter(Boolean).join(' · ')}
                </span>
              </li>
            ))}
          </ol>
        </div>
      ) : null}

    </div>
  );
}
