/**
 * The words a search matched, for highlighting: the table gets them with its rows (papers.list
 * `terms`) and hands them down through a context (so memoised cells re-render only when they change);
 * the detail pane asks search.parse for the query it shows.
 */
import { createContext, useContext, useMemo } from 'react';
import type { HighlightTerm } from '../../../shared/contract';
import { highlightRanges } from '../../../shared/search/highlight';
import { useChannel } from '../../api/use-channel';
import { hitMarks } from '../../ui/marked-text';
import type { TextMark } from '../../ui/marked-segments';

const NO_TERMS: HighlightTerm[] = [];

/** Terms of the list the table shows (empty without a text query). */
export const HighlightTermsContext = createContext<readonly HighlightTerm[]>(NO_TERMS);

/** The highlight terms of the table's list. */
export function useHighlightTerms(): readonly HighlightTerm[] {
  return useContext(HighlightTermsContext);
}

/** Terms of `query` by search.parse (none for an empty or malformed query). */
export function useQueryTerms(query: string): readonly HighlightTerm[] {
  const q = query.trim();
  const parsed = useChannel('search.parse', q === '' ? null : { query: q });
  const data = parsed.data;
  return useMemo(() => (q !== '' && data && data.ok ? data.terms : NO_TERMS), [q, data]);
}

/**
 * Hit marks for `text` (accents and case folded, see highlightRanges).
 * @param field which part of the paper `text` is (`title`, `abstract` ...)
 */
export function useHitMarks(text: string, terms: readonly HighlightTerm[], field: HighlightTerm['field']): TextMark[] {
  return useMemo(() => (terms.length === 0 ? [] : hitMarks(highlightRanges(text, terms, field))), [text, terms, field]);
}
