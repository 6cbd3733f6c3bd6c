/**
 * The quick filter above the table; Ctrl/Cmd+F focuses it (see shell/use-shortcuts). It takes the full
 * query syntax (README "Curation and search"): each text is checked with search.parse as it is typed,
 * and only a query that parses reaches the table; a malformed one leaves the last list on screen and
 * says what is wrong and where, under the box.
 */
import { useEffect, useState } from 'react';
import { request } from '../../api/client';
import { FILTER_MAX_LENGTH } from '../../../shared/contract';
import { useUi } from '../../stores/ui-store';
import { formatCount } from '../../ui/format';
import { FIND_SHORTCUT, SearchField } from '../../ui/search-field';

// Long enough to skip the middle of a fast-typed word, short enough that one more letter feels immediate.
const DEBOUNCE_MS = 40;
export const FILTER_INPUT_ID = 'papers-filter';
const FILTER_NOTE_ID = 'papers-filter-note';
const QUERY_ERROR_ID = 'papers-filter-error';
const SYNTAX_HINT = 'Words, "phrases", OR, -word, author:, tag:, category:, year:2023..2025, has:notes, status:unread, rating:>=4';

/** A query the parser refused: its message and the 1-based column at fault. */
interface QueryProblem {
  message: string;
  column: number;
  length: number;
}

// Answers that arrive after a newer text was typed are dropped.
let checkTicket = 0;

/** The search box above the table (full query syntax, checked as typed). */
export function FilterBox() {
  const filter = useUi((s) => s.filter);
  const setFilter = useUi((s) => s.setFilter);
  const openImport = useUi((s) => s.openImport);
  const [text, setText] = useState(filter);
  // The pasted text when a paste was longer than the filter takes (the input keeps only its start).
  const [cutPaste, setCutPaste] = useState<string | null>(null);
  const cut = cutPaste !== null;
  const [problem, setProblem] = useState<QueryProblem | null>(null);

  // Follow outside changes (e.g. "Clear filter" under an empty result).
  useEffect(() => setText(filter), [filter]);

  useEffect(() => {
    const ticket = ++checkTicket;
    if (text.trim() === '') {
      setProblem(null);
      if (text !== useUi.getState().filter) setFilter(text);
      return;
    }
    const timer = setTimeout(() => {
      request('search.parse', { query: text }).then(
        (res) => {
          if (ticket !== checkTicket) return;
          if (res.ok) {
            setProblem(null);
            setFilter(text);
          } else {
            setProblem(res.error);
          }
        },
        // The library did not answer: let the table try (and report) the query itself.
        () => {
          if (ticket === checkTicket) setFilter(text);
        },
      );
    }, DEBOUNCE_MS);
    return () => clearTimeout(timer);
  }, [text, setFilter]);

  return (
    <div className="filter-box">
      <SearchField
        id={FILTER_INPUT_ID}
        label="Filter papers by title, author or abstract, or search notes, annotations and tags with fields such as author: or year:"
        placeholder={`Filter or search papers  (${FIND_SHORTCUT})`}
        title={SYNTAX_HINT}
        value={text}
        maxLength={FILTER_MAX_LENGTH}
        aria-invalid={problem !== null}
        aria-describedby={[cut ? FILTER_NOTE_ID : '', problem ? QUERY_ERROR_ID : ''].filter(Boolean).join(' ') || undefined}
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
            setProblem(null);
          }
        }}
      />
      {problem && !cut ? (
        <p id={QUERY_ERROR_ID} className="filter-note query-error" role="status" data-testid="query-error">
          {/[.!?]$/.test(problem.message) ? problem.message : `${problem.message}.`}{' '}
          <span className="query-error-where" aria-hidden="true">
            {text.slice(Math.max(0, problem.column - 11), problem.column - 1)}
            <span className="query-error-fault">{text.slice(problem.column - 1, problem.column - 1 + problem.length) || ' '}</span>
          </span>
          <span className="query-error-hint">The table still shows the last search that worked.</span>
        </p>
      ) : null}
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
