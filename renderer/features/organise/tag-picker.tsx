/**
 * The type-ahead tag picker (T on the selection, or "Tags…" in the row menu): type to narrow the
 * tags, Up/Down to move, Enter to put the highlighted tag on every selected paper (or take it off
 * when they all carry it), and Enter on "Create …" to make a new tag from what was typed. It stays
 * open so several tags can be toggled in a row; Escape closes it.
 */
import { useCallback, useEffect, useId, useMemo, useRef, useState } from 'react';
import { create } from 'zustand';
import type { Tag } from '../../../shared/contract';
import { useChannel } from '../../api/use-channel';
import { plural } from '../../ui/format';
import { assignTags, removeTags } from './curation-actions';
import { TagDot } from './tag-chip';
import { useFocusReturn } from '../../ui/focus-return';

export const useTagPicker = create<{ paperIds: number[] | null; open(paperIds: number[]): void; close(): void }>()((set) => ({
  paperIds: null,
  open: (paperIds) => set({ paperIds: paperIds.length > 0 ? paperIds : null }),
  close: () => set({ paperIds: null }),
}));

/** Tags whose name holds the typed text, names starting with it first. */
export function matchTags(tags: Tag[], typed: string): Tag[] {
  const q = typed.trim().toLowerCase();
  if (!q) return tags;
  const hits = tags.filter((t) => t.name.toLowerCase().includes(q));
  const starts = (t: Tag) => (t.name.toLowerCase().startsWith(q) || t.name.toLowerCase().includes(`/${q}`) ? 0 : 1);
  return [...hits].sort((a, b) => starts(a) - starts(b) || a.name.localeCompare(b.name));
}

type Option = { kind: 'tag'; tag: Tag } | { kind: 'create'; name: string };

/** How many of the papers carry each tag (by id), from the library (the rows on screen may not all be loaded). */
function useSelectionTags(paperIds: number[]): Map<number, number> | null {
  const input = useMemo(() => ({ paperIds: paperIds.slice(0, 1000), limit: 1000, trash: 'include' as const }), [paperIds]);
  const { data, error } = useChannel('papers.list', input);
  return useMemo(() => {
    if (error && !data) return new Map<number, number>();
    if (!data) return null;
    const m = new Map<number, number>();
    for (const row of data.rows) for (const t of row.tags) m.set(t.id, (m.get(t.id) ?? 0) + 1);
    return m;
  }, [data, error]);
}

function Picker({ paperIds, onClose }: { paperIds: number[]; onClose: () => void }) {
  const tags = useChannel('tags.list', {});
  const carried = useSelectionTags(paperIds);
  const [typed, setTyped] = useState('');
  const [active, setActive] = useState(0);
  const [busy, setBusy] = useState(false);
  const listId = useId();
  const input = useRef<HTMLInputElement>(null);
  const total = Math.min(paperIds.length, 1000);

  const options = useMemo<Option[]>(() => {
    const list: Option[] = matchTags(tags.data ?? [], typed).map((tag) => ({ kind: 'tag', tag }));
    const name = typed.trim();
    if (name && !(tags.data ?? []).some((t) => t.name.toLowerCase() === name.toLowerCase())) list.push({ kind: 'create', name });
    return list;
  }, [tags.data, typed]);
  const current = Math.min(active, Math.max(0, options.length - 1));

  useEffect(() => input.current?.focus(), []);
  useEffect(() => {
    document.getElementById(`${listId}-${current}`)?.scrollIntoView({ block: 'nearest' });
  }, [current, listId]);

  const toggle = useCallback(
    async (option: Option | undefined) => {
      if (!option || busy) return;
      setBusy(true);
      if (option.kind === 'create') {
        if (await assignTags(paperIds, [], [option.name])) setTyped('');
      } else if ((carried?.get(option.tag.id) ?? 0) >= total) {
        await removeTags(paperIds, [option.tag]);
      } else {
        await assignTags(paperIds, [option.tag.id]);
      }
      setBusy(false);
      input.current?.focus();
    },
    [busy, carried, paperIds, total],
  );

  return (
    <div
      className="popover tag-picker"
      role="dialog"
      aria-label="Tag papers"
      onKeyDown={(e) => {
        if (e.key === 'Escape') {
          e.preventDefault();
          e.stopPropagation();
          onClose();
        }
      }}
    >
      <p className="popover-title">Tag {plural(paperIds.length, 'paper')}</p>
      <input
        ref={input}
        className="input tag-picker-input"
        role="combobox"
        aria-expanded="true"
        aria-controls={listId}
        aria-autocomplete="list"
        aria-activedescendant={options.length > 0 ? `${listId}-${current}` : undefined}
        aria-label="Tag name"
        placeholder="Type to find or create a tag…"
        maxLength={100}
        value={typed}
        onChange={(e) => {
          setTyped(e.target.value);
          setActive(0);
        }}
        onKeyDown={(e) => {
          if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
            e.preventDefault();
            const step = e.key === 'ArrowDown' ? 1 : -1;
            setActive((current + step + options.length) % Math.max(1, options.length));
          } else if (e.key === 'Enter') {
            e.preventDefault();
            void toggle(options[current]);
          }
        }}
      />
      <ul className="tag-picker-list" id={listId} role="listbox" aria-label="Tags" aria-multiselectable="true">
        {options.map((o, i) => {
          const on = o.kind === 'tag' ? (carried?.get(o.tag.id) ?? 0) : 0;
          const state = o.kind === 'create' ? 'none' : on >= total ? 'all' : on > 0 ? 'some' : 'none';
          return (
            <li
              key={o.kind === 'tag' ? o.tag.id : 'create'}
              id={`${listId}-${i}`}
              role="option"
              aria-selected={state === 'all'}
              className={`tag-picker-option${i === current ? ' is-active' : ''}`}
              onMouseEnter={() => setActive(i)}
              onMouseDown={(e) => e.preventDefault()}
              onClick={() => void toggle(o)}
            >
              <span className="tag-picker-check" aria-hidden="true">
                {state === 'all' ? '✓' : state === 'some' ? '–' : ''}
              </span>
              {o.kind === 'tag' ? (
                <>
                  <TagDot colour={o.tag.colour} />
                  <span className="tag-picker-name">{o.tag.name}</span>
                  {state === 'some' ? <span className="muted tag-picker-note">on {on} of {total}</span> : null}
                </>
              ) : (
                <span className="tag-picker-name">
                  Create tag “<strong>{o.name}</strong>”
                </span>
              )}
            </li>
          );
        })}
        {options.length === 0 ? <li className="popover-hint">{tags.data ? 'No tags yet: type a name to create one.' : 'Loading tags…'}</li> : null}
      </ul>
      <p className="tag-picker-help muted">Enter adds or removes the highlighted tag · Esc closes</p>
    </div>
  );
}

/** Mount once; shows while useTagPicker has papers, and gives focus back (to the row or button that opened it) on close. */
export function TagPicker() {
  const paperIds = useTagPicker((s) => s.paperIds);
  const close = useTagPicker((s) => s.close);
  const ref = useRef<HTMLDivElement>(null);
  useFocusReturn(paperIds !== null);
  useEffect(() => {
    if (!paperIds) return;
    const onDown = (e: PointerEvent) => {
      if (ref.current && !ref.current.contains(e.target as Node)) close();
    };
    document.addEventListener('pointerdown', onDown, true);
    return () => document.removeEventListener('pointerdown', onDown, true);
  }, [paperIds, close]);
  if (!paperIds) return null;
  return (
    <div className="tag-picker-layer" ref={ref}>
      <Picker paperIds={paperIds} onClose={close} />
    </div>
  );
}
