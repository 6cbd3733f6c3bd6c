/** What importing a reference file would do: what was read, the counts, the first records, every problem. */
import { formatCount } from '../../ui/format';
import { TexText } from '../../ui/tex-text';
import { shortAuthors } from '../../ui/format';
import { ProblemList } from './problem-list';
import { readSummary } from './reference-report-text';
import type { ReferencePreviewData } from './use-reference-preview';
import { WouldImportCounts } from '../import/would-import-counts';

export function ReferencePreview({ preview }: { preview: ReferencePreviewData }) {
  const { file, wouldImport, firstRecords } = preview;
  return (
    <div className="preview" data-testid="reference-preview">
      <p className="preview-source" data-testid="reference-read">
        {readSummary(file)} from <strong>{file.fileName}</strong>
      </p>
      <div className="preview-counts">
        <div className="preview-count-main">
          <span className="big-number">{formatCount(file.recordsRead)}</span> {file.recordsRead === 1 ? 'reference' : 'references'} to import
        </div>
        <WouldImportCounts counts={wouldImport} />
      </div>
      <ProblemList file={file} />
      {firstRecords.length > 0 ? (
        <div className="detail-section">
          <h3 className="section-title">{file.recordsRead > firstRecords.length ? `First ${firstRecords.length} references` : 'References'}</h3>
          <ol className="preview-papers">
            {firstRecords.map((r, i) => (
              <li key={i}>
                <span className="preview-paper-title">
                  <TexText text={r.title || '(no title)'} />
                </span>
                <span className="muted">{[r.citationKey, r.year, shortAuthors(r.authors, false, r.surnames)].filter((x) => x !== null && x !== '').join(' · ')}</span>
              </li>
            ))}
          </ol>
        </div>
      ) : null}
    </div>
  );
}
