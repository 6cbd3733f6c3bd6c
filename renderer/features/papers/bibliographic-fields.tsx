/**
 * A paper's bibliographic record in the detail pane, read-only: type, venue with volume, issue, pages and
 * number, publisher, event, identifiers (DOI, arXiv and URL as links that open in the system browser),
 * keywords, language, and each source's citation count ("cited by 12 (Google Scholar, 2026-12-07)").
 * Links are plain target=_blank anchors: the desktop app routes them through its external-link policy
 * (electron/main/external-links.ts), browser mode opens a new tab.
 */
import type { ReactNode } from 'react';
import type { PaperDetail } from '../../../shared/contract';
import { CSL_TYPE_LABELS } from '../../../shared/record/csl-types';
import { arxivLink, codeLink, doiLink, httpsLink } from '../../../shared/record/record-links';
import { CodeMarker } from '../../ui/badge';
import { formatCount } from '../../ui/format';

function ExternalLink({ href, children }: { href: string | null; children: ReactNode }) {
  if (!href) return <>{children}</>;
  return (
    <a href={href} target="_blank" rel="noopener noreferrer" className="record-link" title={`Open ${href} in your browser`}>
      {children}
    </a>
  );
}

/** `59 (11), pp. 713-726, no. 112`: the parts of the venue the record holds, in citation order. */
export function venueDetails(p: Pick<PaperDetail, 'volume' | 'issue' | 'page' | 'number'>): string {
  const parts: string[] = [];
  if (p.volume) parts.push(p.issue ? `${p.volume} (${p.issue})` : p.volume);
  else if (p.issue) parts.push(`issue ${p.issue}`);
  if (p.number) parts.push(`article ${p.number}`);
  if (p.page) parts.push(/[-–]/.test(p.page) ? `pp. ${p.page}` : `p. ${p.page}`);
  return parts.join(', ');
}

/** The Code flag, a link to the code when the page gave one. */
export function CodeFlag({ extra }: { extra: Record<string, unknown> }) {
  const href = codeLink(extra);
  if (!href) return <CodeMarker />;
  return (
    <a href={href} target="_blank" rel="noopener noreferrer" className="code-link" title={`Open the code (${href}) in your browser`} data-testid="code-link">
      <CodeMarker />
    </a>
  );
}

export function BibliographicFields({ paper: p }: { paper: PaperDetail }) {
  const details = venueDetails(p);
  const rows: Array<[string, ReactNode, string]> = [];
  const add = (label: string, value: ReactNode, testId: string) => rows.push([label, value, testId]);
  add('Type', CSL_TYPE_LABELS[p.itemType], 'record-type');
  if (p.venue || details) add('Published in', [p.venue, details].filter(Boolean).join(', '), 'record-venue');
  if (p.event) add('Event', p.event, 'record-event');
  if (p.publisher || p.publisherPlace) add('Publisher', [p.publisher, p.publisherPlace].filter(Boolean).join(', '), 'record-publisher');
  if (p.doi) add('DOI', <ExternalLink href={doiLink(p.doi)}>{p.doi}</ExternalLink>, 'record-doi');
  if (p.arxivId) {
    const shown = `${p.arxivId}${p.arxivVersion ? `v${p.arxivVersion}` : ''}`;
    add('arXiv', <ExternalLink href={arxivLink(p.arxivId, p.arxivVersion)}>{shown}</ExternalLink>, 'record-arxiv');
  }
  if (p.url) add('URL', <ExternalLink href={httpsLink(p.url)}>{p.url}</ExternalLink>, 'record-url');
  if (p.isbn) add('ISBN', p.isbn, 'record-isbn');
  if (p.issn) add('ISSN', p.issn, 'record-issn');
  if (p.pmid) add('PMID', p.pmid, 'record-pmid');
  if (p.pmcid) add('PMCID', p.pmcid, 'record-pmcid');
  if (p.keywords.length > 0) add('Keywords', p.keywords.join(', '), 'record-keywords');
  if (p.language) add('Language', p.language, 'record-language');
  if (p.citationCounts.length > 0) {
    add(
      'Citations',
      <ul className="record-citations">
        {p.citationCounts.map((c) => (
          <li key={c.source}>
            cited by {formatCount(c.count)} <span className="muted">({c.site}, {c.readOn})</span>
          </li>
        ))}
      </ul>,
      'record-citations',
    );
  }

  return (
    <section className="detail-section" aria-labelledby="paper-record-h">
      <h3 id="paper-record-h" className="section-title">
        Publication
      </h3>
      <dl className="record-fields" data-testid="record-fields">
        {rows.map(([label, value, testId]) => (
          <div key={label} className="record-field" data-testid={testId}>
            <dt>{label}</dt>
            <dd>{value}</dd>
          </div>
        ))}
      </dl>
    </section>
  );
}
