/** The heading of a sidebar section that can add entries (Collections, Tags, Saved searches): title, extras, "+". */
import type { ReactNode } from 'react';

export function NavSectionHeading({ id, title, addLabel, addTitle, onAdd, children }: { id: string; title: string; addLabel: string; addTitle?: string; onAdd(): void; children?: ReactNode }) {
  return (
    <div className="nav-heading-row">
      <h2 className="nav-heading" id={id}>
        {title}
      </h2>
      {children}
      <button type="button" className="icon-button icon-button-sm" aria-label={addLabel} title={addTitle ?? addLabel} onClick={onAdd}>
        <svg aria-hidden="true" viewBox="0 0 16 16" width="12" height="12">
          <path d="M8 3v10M3 8h10" stroke="currentColor" strokeWidth="1.6" strokeLinecap="round" />
        </svg>
      </button>
    </div>
  );
}
