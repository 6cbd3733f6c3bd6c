/**
 * The selected paper in the detail pane: full author list (each opens that author), abstract with its
 * annotations and the search's hits, notes, Markdown export, provenance.
 */
import { useEffect, useRef } from 'react';
import { useChannel } from '../../api/use-channel';
import { useGoneElsewhere } from '../../api/live-library';
import { useUi } from '../../stores/ui-store';
import { returnFocusAfterRender } from '../../ui/focus-return';
import { Badge } from '../../ui/badge';
import { formatDay, formatDayTime, formatPaperDate, sourceName } from '../../ui/format';

import { MarkedText } from '../../ui/marked-text';
import { AnnotatedAbstract } from '../annotations/annotated-abstract';
import { AnnotationList } from '../annotations/annotation-list';
import { NotesExport } from '../notes/notes-export';
import { NotesSection } from '../notes/notes-section';
import { useHitMarks, useQueryTerms } from '../search/search-terms';

const ACTION_WORDS = { added: 'Added', updated: 'Updated', unchanged: 'Seen again, unchanged' } as const;
import { TexText } from '../../ui/tex-text';
import { PaperCuration } from '../organise/paper-curation';
import { BibliographicFields, CodeFlag } from './bibliographic-fields';
import { useEditing } from './edit-store';
import { PaperEditButton, PaperEditor } from './paper-editor';
import { CitationKeyField } from '../references/citation-key-field';
import { FILE_SOURCE_LABELS, isFileImportSource, type ImportSource } from '../../../shared/import-source';
const NO_ANNOTATIONS: never[] = [];

/** "a BibTeX file" for a file import, "a pasted Google Scholar page" for a paste. */
export function importedFrom(format: ImportSource): string {
  return isFileImportSource(format) ? sourceName(format) : `a pasted ${sourceName(format)} page`;
}

export function PaperDetail() {
  const paperId = useUi((s) => s.selectedPaperId);
  const selectAuthor = useUi((s) => s.selectAuthor);
  const paper = useChannel('papers.get', paperId === null ? null : { id: paperId });
  const focusPending = useUi((s) => s.detailFocusPending);
  const annotations = useChannel('annotations.list', paperId === null ? null : { paperId });
  const article = useRef<HTMLElement>(null);
  const shown = paper.data !== null && paper.data.id === paperId;
  // The words of the table's search, marked in the title and the abstract.
  const terms = useQueryTerms(useUi((s) => s.filter));
  const titleMarks = useHitMarks(paper.data?.title ?? '', terms, 'title');
  const gone = useGoneElsewhere(paperId, paper.data, paper.error as (Error & { code?: string }) | null);
  const editing = useEditing((s) => s.editingId !== null && s.editingId === paperId);

  // Enter on a row: focus the paper as soon as it is drawn (the pane may have just opened).
  useEffect(() => {
    if (focusPending && shown && article.current) {
      article.current.focus();
      useUi.getState().detailFocused();
    }
  }, [focusPending, shown]);

  if (paperId === null) {
    return <p className="pane-hint">Select a paper in the table to see its abstract and authors here.</p>;
  }
  if (gone) {
    return (
      <p className="pane-hint" role="status" data-testid="paper-gone">
        This paper was deleted elsewhere.{gone === 'trashed' ? ' It is in the trash, where it can be restored.' : ''}
      </p>
    );
  }
  if (paper.error && !paper.data) return <p className="pane-error">{paper.error.message}</p>;
  const p = paper.data;
  if (!p || p.id !== paperId) return <p className="pane-hint" aria-busy="true">Loading the paper…</p>;

  if (editing) return <PaperEditor paperId={p.id} />;
  const date = formatPaperDate(p.date, p.year);
  const firstImport = p.imports[0];
  const annotationList = annotations.data && annotations.dataInput?.paperId === p.id ? annotations.data : NO_ANNOTATIONS;

  return (
    <article ref={article} id="paper-detail" className="paper-detail" tabIndex={-1} aria-labelledby="paper-detail-title">
      <h2 id="paper-detail-title" className="paper-detail-title">
        <MarkedText text={p.title} marks={titleMarks} />
      </h2>
      <div className="paper-detail-meta">
        {date ? <span className="cell-date">{date}</span> : null}
        {p.categories.map((c) => (
          <Badge key={c}>{c}</Badge>
        ))}
        {p.hasCode ? <CodeFlag extra={p.extra} /> : null}
        {p.venue ? <span className="muted">{p.venue}</span> : null}
        <PaperEditButton paperId={p.id} />
      </div>
      <PaperCuration paper={p} />
      <BibliographicFields paper={p} />
      <CitationKeyField paperId={p.id} current={p.citationKey ?? null} />

      <section className="detail-section" aria-labelledby="paper-authors-h">
        <h3 id="paper-authors-h" className="section-title">
          Authors
        </h3>
        <ul className="author-chips">
          {p.authorLinks.map((link) => (
            <li key={link.position}>
              <button
                type="button"
                className="chip"
                onClick={() => {
                  selectAuthor(link.authorId);
                  // The paper tab (and this chip) goes: focus moves to the Author tab now shown.
                  returnFocusAfterRender({ prefer: '#tab-author' });
                }}
                title={`Show ${link.printedName}'s card and papers`}
              >
                {link.printedName}
              </button>
            </li>
          ))}
          {p.authorsTruncated ? <li className="muted">and others not listed on the page</li> : null}
        </ul>
      </section>

      {p.affiliations.length > 0 ? (
        <section className="detail-section" aria-labelledby="paper-aff-h">
          <h3 id="paper-aff-h" className="section-title">
            Affiliations
          </h3>
          <p className="muted">{p.affiliations.join(', ')}</p>
        </section>
      ) : null}

      <section className="detail-section" aria-labelledby="paper-abstract-h">
        <h3 id="paper-abstract-h" className="section-title">
          Abstract
        </h3>
        {p.abstract ? (
          <AnnotatedAbstract paperId={p.id} abstract={p.abstract} annotations={annotationList} terms={terms} />
        ) : (
          <p className="muted">No abstract.</p>
        )}
      </section>

      {p.abstract || annotationList.length > 0 ? <AnnotationList annotations={annotationList} /> : null}

      <NotesSection paperId={p.id} paperTitle={p.title} />
      <NotesExport paperId={p.id} title={p.title} />

      {firstImport ? (
        <p className="provenance muted">
          Added {formatDay(firstImport.createdAt)} from {importedFrom(firstImport.format)}
          {p.imports.length > 1 ? `; seen in ${p.imports.length} imports` : ''}.
        </p>
      ) : null}

      {p.imports.length > 0 ? (
        <section className="detail-section" aria-labelledby="paper-imports-h">
          <h3 id="paper-imports-h" className="section-title">
            Import history
          </h3>
          <ol className="import-history" data-testid="import-history">
            {p.imports.map((imp) => (
              <li key={`${imp.importId}-${imp.action}`}>
                <span className="cell-date">{formatDayTime(imp.createdAt)}</span>
                <span>{ACTION_WORDS[imp.action]}</span>
                <span className="muted">{isFileImportSource(imp.format) ? FILE_SOURCE_LABELS[imp.format] : `${sourceName(imp.format)} page`}</span>
              </li>
            ))}
          </ol>
        </section>
      ) : null}
    </article>
  );
}
