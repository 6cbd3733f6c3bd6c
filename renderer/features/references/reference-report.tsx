/** After a reference import: what it added, updated and left unchanged, and every problem, copyable. */
import type { ReferenceImportReport } from '../../../shared/contract';
import { formatCount } from '../../ui/format';
import { ProblemList } from './problem-list';
import { otherWarnings, readSummary } from './reference-report-text';

export function ReferenceReport({ report }: { report: ReferenceImportReport }) {
  const warnings = otherWarnings(report);
  return (
    <div className="preview" data-testid="reference-report">
      <p className="preview-source">
        {readSummary(report.file)} from <strong>{report.file.fileName}</strong>
      </p>
      <ul className="would-import" aria-label="What the import did">
        <li>
          <strong>{formatCount(report.added)}</strong> added
        </li>
        <li>
          <strong>{formatCount(report.updated)}</strong> updated
        </li>
        <li>
          <strong>{formatCount(report.unchanged)}</strong> unchanged
        </li>
      </ul>
      {warnings.length > 0 ? (
        <ul className="callout callout-warning warnings">
          {warnings.map((w, i) => (
            <li key={i}>{w}</li>
          ))}
        </ul>
      ) : null}
      <ProblemList file={report.file} done />
    </div>
  );
}
