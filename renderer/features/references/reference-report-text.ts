/** A reference file's problems and import report as text: shown in the dialog and copied by its Copy buttons. */
import type { FileProblem, ReferenceFileSummary, ReferenceImportReport } from '../../../shared/contract';
import { formatCount, plural } from '../../ui/format';

const ENCODING_WORDS: Record<ReferenceFileSummary['encoding'], string> = {
  'utf-8': 'UTF-8',
  'utf-8-bom': 'UTF-8 with a byte order mark',
  'utf-16le': 'UTF-16 (little-endian)',
  'utf-16be': 'UTF-16 (big-endian)',
  'latin-1': 'Latin-1 (not UTF-8: read as ISO-8859-1)',
};

const FORMAT_WORDS: Record<ReferenceFileSummary['format'], string> = {
  bibtex: 'BibTeX',
  biblatex: 'BibLaTeX',
  ris: 'RIS',
  'csl-json': 'CSL-JSON',
};

/** `BibTeX`, `RIS`... for a file format id. */
export function formatWords(format: ReferenceFileSummary['format']): string {
  return FORMAT_WORDS[format];
}

/** How the file's bytes were decoded, in words. */
export function encodingWords(encoding: ReferenceFileSummary['encoding']): string {
  return ENCODING_WORDS[encoding];
}

/** One problem as compilers print it: `refs.bib:214:3: message` (warnings say so). */
export function problemText(fileName: string, p: FileProblem): string {
  return `${fileName}:${p.line}:${p.column}: ${p.severity === 'warning' ? 'warning: ' : ''}${p.message}`;
}

/** Every problem, one line each, in file order. */
export function problemsText(file: Pick<ReferenceFileSummary, 'fileName' | 'problems'>): string {
  return [...file.problems]
    .sort((a, b) => a.line - b.line || a.column - b.column)
    .map((p) => problemText(file.fileName, p))
    .join('\n');
}

/** "Read 498 of 500 entries (BibTeX, UTF-8)". */
export function readSummary(file: ReferenceFileSummary): string {
  const of = file.entriesSeen === file.recordsRead ? plural(file.recordsRead, 'entry', 'entries') : `${formatCount(file.recordsRead)} of ${plural(file.entriesSeen, 'entry', 'entries')}`;
  return `Read ${of} (${formatWords(file.format)}, ${encodingWords(file.encoding)})`;
}

/**
 * The report's warnings other than the problems it also lists (the library repeats each problem as a
 * `FILE:LINE:COLUMN: message` warning; the problem list already shows those).
 */
export function otherWarnings(report: Pick<ReferenceImportReport, 'warnings' | 'file'>): string[] {
  const prefix = `${report.file.fileName}:`;
  return report.warnings.filter((w) => !(w.startsWith(prefix) && /^\d+:\d+: /.test(w.slice(prefix.length))));
}

/**
 * The whole report of an import as text: the file, what was read, what the import did, every problem.
 * @returns lines joined with "\n"
 */
export function referenceReportText(report: ReferenceImportReport): string {
  const lines = [`Import of ${report.file.fileName}`, readSummary(report.file), `Added ${formatCount(report.added)}, updated ${formatCount(report.updated)}, unchanged ${formatCount(report.unchanged)}`];
  if (report.file.problems.length > 0) lines.push('', `Problems (${formatCount(report.file.problems.length)})`, problemsText(report.file));
  const warnings = otherWarnings(report);
  if (warnings.length > 0) lines.push('', 'Warnings', ...warnings);
  return lines.join('\n');
}
