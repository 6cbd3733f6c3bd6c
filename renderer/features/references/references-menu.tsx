/**
 * The toolbar's "References" menu: Import file…, Export…, Copy citation…, Citation key settings…,
 * each with its key. Up/Down move, Enter runs, Escape closes; focus goes back to the button.
 */
import { useEffect, useRef, useState } from 'react';
import { chooseReferenceFile } from './file-intake';
import { openCite, openExport, openSettings } from './reference-actions';

const MOD = typeof navigator !== 'undefined' && /Mac/.test(navigator.platform) ? '⌘' : 'Ctrl+';

const ITEMS: { label: string; keys?: string; run(): void }[] = [
  { label: 'Import file…', run: chooseReferenceFile },
  { label: 'Export…', keys: `${MOD}Shift+E`, run: openExport },
  { label: 'Copy citation…', keys: `${MOD}Shift+C`, run: () => openCite() },
  { label: 'Citation key settings…', keys: `${MOD},`, run: openSettings },
];

export function ReferencesMenu() {
  const [open, setOpen] = useState(false);
  const button = useRef<HTMLButtonElement>(null);
  const menu = useRef<HTMLUListElement>(null);
  useEffect(() => {
    if (!open) return;
    menu.current?.querySelector<HTMLElement>('[role="menuitem"]')?.focus();
    const onDown = (e: PointerEvent) => {
      if (!menu.current?.contains(e.target as Node) && !button.current?.contains(e.target as Node)) setOpen(false);
    };
    document.addEventListener('pointerdown', onDown, true);
    return () => document.removeEventListener('pointerdown', onDown, true);
  }, [open]);
  const close = () => {
    setOpen(false);
    button.current?.focus();
  };
  const box = button.current?.getBoundingClientRect();
  return (
    <>
      <button
        ref={button}
        type="button"
        className="button references-button"
        aria-haspopup="menu"
        aria-expanded={open}
        aria-label="References"
        title="References: import a .bib, .ris or CSL-JSON file; export; copy a citation"
        onClick={() => setOpen((o) => !o)}
      >
        {/* Narrow windows show the quote mark alone (styles/cite.css), as New paper shows its +. */}
        <svg aria-hidden="true" viewBox="0 0 16 16" width="13" height="13">
          <path d="M3 9.5c0-2.6 1.2-4.3 3.4-5.2l.5.9C5.6 5.9 5 6.9 4.9 8H7v4H3zm6 0c0-2.6 1.2-4.3 3.4-5.2l.5.9c-1.3.7-1.9 1.7-2 2.8H13v4H9z" fill="currentColor" />
        </svg>
        <span className="references-label">References</span>
        <svg aria-hidden="true" className="references-caret" viewBox="0 0 16 16" width="10" height="10">
          <path d="m4 6 4 4 4-4" fill="none" stroke="currentColor" strokeWidth="1.6" strokeLinecap="round" />
        </svg>
      </button>
      {open && box ? (
        <ul
          ref={menu}
          role="menu"
          aria-label="References"
          className="popover paper-menu references-menu"
          style={{ top: box.bottom + 4, left: Math.max(4, Math.min(box.left, window.innerWidth - 264)) }}
          onKeyDown={(e) => {
            const items = [...(menu.current?.querySelectorAll<HTMLElement>('[role="menuitem"]') ?? [])];
            const at = items.indexOf(document.activeElement as HTMLElement);
            if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
              e.preventDefault();
              items[(at + (e.key === 'ArrowDown' ? 1 : -1) + items.length) % items.length]?.focus();
            } else if (e.key === 'Escape' || e.key === 'Tab') {
              e.preventDefault();
              e.stopPropagation();
              close();
            }
          }}
        >
          {ITEMS.map((item) => (
            <li key={item.label} role="none">
              <button
                type="button"
                role="menuitem"
                tabIndex={-1}
                className="menu-item"
                onClick={() => {
                  close();
                  item.run();
                }}
              >
                <span className="menu-label">{item.label}</span>
                {item.keys ? <kbd className="menu-keys">{item.keys}</kbd> : null}
              </button>
            </li>
          ))}
        </ul>
      ) : null}
    </>
  );
}
