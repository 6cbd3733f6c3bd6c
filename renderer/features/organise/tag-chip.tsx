/**
 * Tags as the table and the detail pane show them: a chip with the tag's colour as a dot and a tint,
 * and always its name (colour is never the only signal).
 */
import type { CSSProperties, ReactNode } from 'react';
import type { TagRef } from '../../../shared/contract';

/** The tag's colour as a dot (a hollow ring for a tag without one). */
export function TagDot({ colour }: { colour: string | null }) {
  return <span className={`tag-dot${colour ? '' : ' tag-dot-none'}`} style={colour ? ({ '--tag-colour': colour } as CSSProperties) : undefined} aria-hidden="true" />;
}

/** One tag; `children` adds a control inside the chip (the detail pane's remove button). */
export function TagChip({ tag, children }: { tag: TagRef; children?: ReactNode }) {
  return (
    <span className="tag-chip" style={tag.colour ? ({ '--tag-colour': tag.colour } as CSSProperties) : undefined} title={tag.name}>
      <TagDot colour={tag.colour} />
      <span className="tag-chip-name">{tag.name}</span>
      {children}
    </span>
  );
}

/** The tags of a table row, in one line. */
export function TagChips({ tags }: { tags: TagRef[] }) {
  return (
    <span className="cell-badges cell-tags" title={tags.map((t) => t.name).join(', ') || undefined}>
      {tags.map((t) => (
        <TagChip key={t.id} tag={t} />
      ))}
    </span>
  );
}
