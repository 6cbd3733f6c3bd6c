/** A note's Markdown, rendered sanitised (ui/markdown.ts): nothing in it runs or loads. */
import { useMemo } from 'react';
import { renderMarkdown } from '../../ui/markdown';

/** A note rendered from Markdown (sanitised), or a muted placeholder when empty. */
export function MarkdownView({ source, className = '' }: { source: string; className?: string }) {
  const html = useMemo(() => renderMarkdown(source), [source]);
  if (source.trim() === '') return <p className={`note-body muted ${className}`}>Nothing written yet.</p>;
  return <div className={`note-body ${className}`} dangerouslySetInnerHTML={{ __html: html }} />;
}
