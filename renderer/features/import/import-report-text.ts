/** The kept report of an import as plain text, for the report dialog's Copy button. */
import type { ImportReportView } from '../../../shared/contract';
import { detectionWords } from './detection-words';
import { formatDayTime, plural, sourceName } from '../../ui/format';

/**
 * The report as text: a heading, how the source was read, then each list with its entries.
 * @returns lines joined with "\n"; lists that are empty are left out
 */
export function importReportText(r: ImportReportView): string {
  const lines: string[] = [`Import of ${formatDayTime(r.createdAt, true)}: ${r.author ? r.author.name : sourceName(r.format)}`];
  if (r.detection) lines.push(`Source: ${detectionWords(r.detection)}`);
  const list = (title: string, items: string[]) => {
    if (items.length === 0) return;
    lines.push('', `${title} (${items.length})`, ...items.map((i) => `  ${i}`));
  };
  list('Added', r.papers.added.map((p) => p.title));
  list('Updated', r.papers.updated.map((p) => p.title));
  list('Unchanged', r.papers.unchanged.map((p) => p.title));
  list('Skipped lines', r.skipped.map((s) => `line ${s.line}: ${s.reason}: "${s.text}"`));
  list('Guessed fields', r.guessed.map((g) => `${g.title}: ${g.fields.join(', ')}`));
  if (r.incompleteTail) lines.push('', `Cut off at the end (line ${r.incompleteTail.line}, its ${r.incompleteTail.missing} missing): "${r.incompleteTail.text}"`);
  list('Warnings', r.warnings);
  if (!r.complete) lines.push('', `This import was made before Lectern kept whole reports: ${plural(r.papers.added.length + r.papers.updated.length + r.papers.unchanged.length, 'paper')} listed as the library has them now.`);
  return lines.join('\n');
}
