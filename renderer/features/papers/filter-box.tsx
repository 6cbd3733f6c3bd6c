/** The quick filter above the table; Ctrl/Cmd+F focuses it (see shell/use-shortcuts). */
import { useEffect, useState } from 'react';
import { FILTER_MAX_LENGTH } from '../../../shared/contract';
import { useUi } from '../../stores/ui-store';
import { formatCount } from '../../ui/format';
import { FIND_SHORTCUT, SearchField } from '../../ui/search-field';

// Long enough to skip the middle of a fast-typed word, short enough that one more letter feels immediate.
const DEBOUNCE_MS = 40;
export const FILTER_INPUT_ID = 'papers-filter';
const FILTER_NOTE_ID = 'papers-filter-note';

export function FilterBox() {
  const filter = useUi((s) => s.filter);
  const setFilter = useUi((s) => s.setFilter);
  const openImport = useUi((s) => s.openImport);
  const [text, setText] = useState(filter);
  // The pasted text when a paste was longer than the filter takes (the input keeps only its start).
  const [cutPaste, setCutPaste] = useState<string | null>(null);
  const cut = cutPaste !== null;

  // Follow outside changes (e.g. "Clear filter" under an empty result).
  useEffect(() => setText(filter), [filter]);

  useEffect(() => {
    if (text === useUi.getState().filter) return;
    const timer = setTimeout(() => setFilter(text), DEBOUNCE_MS);
    return () => clearTimeout(timer);
  }, [text, setFilter]);

  return (
    <div className="filter-box">
      <SearchField
        id={FILTER_INPUT_ID}
        label="Filter papers by title, author or abstract"
        placeholder={`Filter papers  (${FIND_SHORTCUT})`}
        value={text}
        maxLength={FILTER_MAX_LENGTH}
        aria-describedby={cut ? FILTER_NOTE_ID : undefined}
        onChange={(e) => {
          setText(e.target.value);
          if (e.target.value.length < FILTER_MAX_LENGTH) setCutPaste(null);
        }}
        onPaste={(e) => {
          const pasted = e.clipboardData.getData('text/plain');
          const input = e.currentTarget;
          const kept = input.value.length - ((input.selectionEnd ?? 0) - (input.selectionStart ?? 0));
          setCutPaste(kept + pasted.length > FILTER_MAX_LENGTH ? pasted : null);
        }}
        onKeyDown={(e) => {
          if (e.key === 'Escape' && text) {
            e.preventDefault();
            setText('');
            setFilter('');
            setCutPaste(null);
          }
        }}
      />
      {cut ? (
        <p id={FILTER_NOTE_ID} className="filter-note" role="status">
          Only the first {formatCount(FILTER_MAX_LENGTH)} characters are used to filter.{' '}
          <button
            type="button"
            className="link-button filter-note-action"
            onClick={() => {
              // A whole page pasted here was most likely meant for the import box: move it there.
              openImport(cutPaste);
              setText('');
              setFilter('');
              setCutPaste(null);
            }}
          >
            Import the pasted text instead
          </button>
        </p>
      ) : null}
    </div>
  );
}
