/** The state of one record form (Edit mode, New paper): the draft, which boxes were left, the messages. */
import { useMemo, useState } from 'react';
import type { CslType } from '../../../shared/record/csl-types';
import { draftMessages, type AuthorRow, type Draft } from './record-draft';

export function useRecordDraft(initial: () => Draft) {
  const [draft, setDraft] = useState<Draft>(initial);
  const [touched, setTouched] = useState<ReadonlySet<string>>(new Set());
  const [showAll, setShowAll] = useState(false);
  const messages = useMemo(() => draftMessages(draft), [draft]);
  return {
    draft,
    messages,
    touched,
    showAll,
    /** After a Save attempt: show every message, also of boxes not visited. */
    revealAll: () => setShowAll(true),
    replace: (d: Draft) => setDraft(d),
    onText: (field: string, value: string) => setDraft((d) => ({ ...d, text: { ...d.text, [field]: value } })),
    onType: (itemType: CslType) => setDraft((d) => ({ ...d, itemType })),
    onKeywords: (keywords: string) => setDraft((d) => ({ ...d, keywords })),
    onAuthors: (authors: AuthorRow[]) => setDraft((d) => ({ ...d, authors })),
    onBlur: (field: string) => setTouched((t) => (t.has(field) ? t : new Set([...t, field]))),
  };
}
