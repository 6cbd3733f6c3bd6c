/** A labelled search input with the magnifier icon, used by the papers filter and the authors filter. */
import type { InputHTMLAttributes } from 'react';

/** How the find shortcut is written on this platform. */
export const FIND_SHORTCUT = navigator.platform.startsWith('Mac') ? '⌘F' : 'Ctrl+F';

export function SearchField({ id, label, ...input }: { id: string; label: string } & Omit<InputHTMLAttributes<HTMLInputElement>, 'id' | 'type'>) {
  return (
    <>
      <label htmlFor={id} className="visually-hidden">
        {label}
      </label>
      <svg className="filter-icon" aria-hidden="true" viewBox="0 0 16 16" width="14" height="14">
        <circle cx="7" cy="7" r="4.5" fill="none" stroke="currentColor" strokeWidth="1.5" />
        <path d="m10.5 10.5 3.5 3.5" stroke="currentColor" strokeWidth="1.5" strokeLinecap="round" />
      </svg>
      <input id={id} type="search" className="input filter-input" autoComplete="off" spellCheck={false} {...input} />
    </>
  );
}
