/**
 * Plain-text rendering of library data for the terminal.
 */
import { shortAuthors } from '../../shared/author-names';
import { pageLabel } from '../../shared/paste/formats';
import type { AuthorCard, AuthorMetrics, AuthorSummary, ImportReport, PaperRow } from '../../shared/contract';

const number = new Intl.NumberFormat('en-US');

function truncate(text: string, width: number): string {
  return text.length <= width ? text : `${text.slice(0, width - 1)}…`;
}

function table(header: string[], rows: string[][]): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]) => cells.map((c, i) => (i === cells.length - 1 ? c : c.padEnd(widths[i]!))).join('  ');
  return [line(header), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)].join('\n');
}

export function formatPapers(rows: readonly PaperRow[], total: number): string {
  const body = rows.map((r) => [
    r.date ?? (r.year === null ? '' : String(r.year)),
    r.categories.join(' '),
    r.hasCode ? 'code' : '',
    truncate(r.title, 80),
    truncate(shortAuthors(r.authors, r.authorsTruncated, r.surnames), 40),
  ]);
  const papers = `${number.format(total)} ${total === 1 ? 'paper' : 'papers'}`;
  const shown = rows.length < total ? `${rows.length} of ${papers}` : papers;
  return `${table(['date', 'cat', 'code', 'title', 'authors'], body)}\n${shown}`;
}

export function formatAuthors(authors: readonly AuthorSummary[]): string {
  if (authors.length === 0) return 'No author profiles in the library yet. Import one with `lectern import FILE`.';
  return table(
    ['name', 'category', 'papers', 'h-index', 'citations'],
    authors.map((a) => [
      a.name,
      a.primaryCategory ?? '',
      String(a.papersInLibrary),
      a.hIndex === null ? '' : String(a.hIndex),
      a.citations === null ? '' : number.format(a.citations),
    ]),
  );
}

export function formatCard(card: AuthorCard): string {
  const m = card.metrics;
  const lines = [`${card.name}${card.primaryCategory ? ` (${card.primaryCategory})` : ''}`];
  if (m) {
    const figures: Array<[string, number | null, string?]> = [
      ['h-index', m.hIndex],
      ['citations', m.citations],
      ['papers', m.paperCount],
      ['i10-index', m.i10Index],
      ['novelty', m.noveltyPct, '%'],
      ['AI score', m.aiScore],
    ];
    lines.push(
      figures
        .filter(([, v]) => v !== null)
        .map(([label, v, unit]) => `${label} ${number.format(v!)}${unit ?? ''}`)
        .join(' · '),
      `metrics from ${m.source}, captured ${m.capturedAt.slice(0, 10)}`,
    );
  } else {
    lines.push('no profile metrics in the library for this author');
  }
  lines.push(`papers in library: ${card.papersInLibrary}`);
  if (card.paperAffiliations.length) lines.push(`on papers with: ${card.paperAffiliations.map((a) => `${a.name} (${a.count})`).join(', ')}`);
  if (card.coAuthors.length) lines.push(`top co-authors: ${card.coAuthors.map((a) => `${a.name} (${a.count})`).join(', ')}`);
  return lines.join('\n');
}

export function formatMetrics(m: AuthorMetrics): string {
  const lines = [m.name];
  for (const s of m.snapshots) {
    lines.push(
      `${s.capturedAt.slice(0, 10)} ${s.source}: h-index ${s.hIndex ?? '–'}, citations ${s.citations === null ? '–' : number.format(s.citations)}, papers ${s.paperCount ?? '–'}`,
    );
  }
  lines.push(`papers per year: ${m.papersPerYear.map((y) => `${y.year}: ${y.count}`).join(', ') || 'none'}`);
  lines.push(`papers per category: ${m.papersPerCategory.map((c) => `${c.category}: ${c.count}`).join(', ') || 'none'}`);
  lines.push(
    `with code: ${m.papersWithCode} of ${m.papersInLibrary}${m.codeShare === null ? '' : ` (${Math.round(m.codeShare * 100)}%)`}`,
  );
  return lines.join('\n');
}

export function formatImport(r: ImportReport): string {
  if (r.alreadyImported) {
    return `This ${pageLabel(r.format)}${r.author ? ` of ${r.author.name}` : ''} was imported before (import ${r.importId}) and changes nothing: ${r.unchanged} ${r.unchanged === 1 ? 'paper' : 'papers'} already in the library; nothing stored.`;
  }
  const lines = [
    `Imported the ${pageLabel(r.format)}${r.author ? ` of ${r.author.name}` : ''}: ${r.added} added, ${r.updated} updated, ${r.unchanged} unchanged.`,
  ];
  if (r.snapshotAdded) lines.push('Metrics snapshot added.');
  else if (r.author) lines.push('No new metrics snapshot: the page showed no metrics, or the same figures as the last import.');
  for (const s of r.skipped) lines.push(`skipped line ${s.line} (${s.reason}): ${truncate(s.text, 70)}`);
  if (r.incompleteTail) lines.push(formatIncompleteTail(r.incompleteTail));
  for (const w of r.warnings) lines.push(`warning: ${w}`);
  return lines.join('\n');
}

/** The paper the paste was cut in, which was not imported. */
export function formatIncompleteTail(tail: NonNullable<ImportReport['incompleteTail']>): string {
  return `incomplete last paper at line ${tail.line} (missing ${tail.missing}), not imported: ${truncate(tail.text, 70)}`;
}
