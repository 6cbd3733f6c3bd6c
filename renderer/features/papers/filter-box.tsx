/** The quick filter above the table; Ctrl/Cmd+F focuses it (see shell/use-shortcuts). */
import { useEffect, useState } from 'react';
import { useUi } from '../../stores/ui-store';

const DEBOUNCE_MS = 200;
export const FILTER_INPUT_ID = 'papers-filter';

export function FilterBox() {
  const filter = useUi((s) => s.filter);
  const setFilter = useUi((s) => s.setFilter);
  const [text, setText] = useState(filter);

  // Follow outside changes (e.g. "Clear filter" under an empty result).
  useEffect(() => setText(filter), [filter]);

  useEffect(() => {
    if (text === useUi.getState().filter) return;
    const timer = setTimeout(() => setFilter(text), DEBOUNCE_MS);
    return () => clearTimeout(timer);
  }, [text, setFilter]);

  const shortcut = navigator.platform.startsWith('Mac') ? '⌘F' : 'Ctrl+F';
  return (
    <div className="filter-box">
      <label htmlFor={FILTER_INPUT_ID} className="visually-hidden">
        Filter papers by title, author or abstract
      </label>
      <svg className="filter-icon" aria-hidden="true" viewBox="0 0 16 16" width="14" height="14">
        <circle cx="7" cy="7" r="4.5" fill="none" stroke="currentColor" strokeWidth="1.5" />
        <path d="m10.5 10.5 3.5 3.5" stroke="currentColor" strokeWidth="1.5" strokeLinecap="round" />
      </svg>
      <input
        id={FILTER_INPUT_ID}
        type="search"
        className="input filter-input"
        placeholder={`Filter papers  (${shortcut})`}
        value={text}
        onChange={(e) => setText(e.target.value)}
        onKeyDown={(e) => {
          if (e.key === 'Escape' && text) {
            e.preventDefault();
            setText('');
            setFilter('');
          }
        }}
        autoComplete="off"
        spellCheck={false}
      />
    </div>
  );
}
