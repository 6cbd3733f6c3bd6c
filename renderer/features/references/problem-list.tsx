/** A reference file's problems as `FILE:LINE:COLUMN: message` lines: scrollable, selectable, with Copy. */
import type { ReferenceFileSummary } from '../../../shared/contract';
import { formatCount, plural } from '../../ui/format';
import { copyText } from './clipboard';
import { problemsText, problemText } from './reference-report-text';

/** Lines listed in the window; Copy gives them all. */
const SHOWN = 500;

/** @param done the import has run ("was left out") rather than is about to ("will be left out") */
export function ProblemList({ file, done = false }: { file: Pick<ReferenceFileSummary, 'fileName' | 'problems'>; done?: boolean }) {
  if (file.problems.length === 0) return null;
  const errors = file.problems.filter((p) => p.severity === 'error').length;
  const warnings = file.problems.length - errors;
  const verb = done ? (errors === 1 ? 'was' : 'were') : 'will be';
  const sorted = [...file.problems].sort((a, b) => a.line - b.line || a.column - b.column);
  const what = [errors > 0 ? `${plural(errors, 'entry', 'entries')} could not be read and ${verb} left out` : '', warnings > 0 ? plural(warnings, 'warning') : ''].filter(Boolean).join('; ');
  return (
    <section className="problem-section" aria-label="Problems in the file" data-testid="reference-problems">
      <div className="problem-head">
        <span className={errors > 0 ? 'problem-title problem-title-error' : 'problem-title'}>{what}</span>
        <button type="button" className="button button-sm" onClick={() => void copyText(problemsText(file), 'the problems')}>
          Copy problems
        </button>
      </div>
      <pre className="problem-lines" tabIndex={0} aria-label={`${plural(file.problems.length, 'problem')}, one per line`}>
        {sorted.slice(0, SHOWN).map((p, i) => (
          <span key={i} className={p.severity === 'error' ? 'problem-line problem-error' : 'problem-line'}>
            {problemText(file.fileName, p)}
            {'\n'}
          </span>
        ))}
        {sorted.length > SHOWN ? `and ${formatCount(sorted.length - SHOWN)} more (Copy problems gives them all)\n` : ''}
      </pre>
    </section>
  );
}
