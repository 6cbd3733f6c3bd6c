/**
 * Window prefs (pane sizes and collapse, sort, columns with order and widths, the last view and the
 * author it was scoped to, or none) live in
 * the library file through settings.get/set: they belong to the library, not to the page's origin (in
 * browser mode the origin is the port, which changes when the kept one is taken). Read once at start;
 * written a moment after each change.
 */
import { request } from '../api/client';
import { DEFAULT_COLUMNS, DEFAULT_PANES, useUi, type ColumnPref, type MainView, type PaneLayout, type SortLevel } from './ui-store';

export const PREFS_KEY = 'window.layout';
const SAVE_DELAY_MS = 250;

interface SavedPrefs {
  panes?: Partial<PaneLayout>;
  detailOpen?: boolean;
  sorting?: SortLevel[];
  columns?: ColumnPref[];
  view?: MainView;
  /** The author the library was scoped to (sidebar, card), or null for the whole library. */
  authorId?: number | null;
}

let scopeSaved = false;

/** Whether the saved prefs said which author (or none) the window was on: then nothing picks one on load. */
export function savedScopeKnown(): boolean {
  return scopeSaved;
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** Saved columns merged with today's: unknown ids dropped, new columns added (hidden) at the end. */
function mergeColumns(saved: unknown): ColumnPref[] {
  if (!Array.isArray(saved)) return DEFAULT_COLUMNS;
  const known = new Map(DEFAULT_COLUMNS.map((c) => [c.id, c]));
  const out: ColumnPref[] = [];
  for (const item of saved) {
    if (!isRecord(item) || typeof item.id !== 'string' || !known.has(item.id) || out.some((c) => c.id === item.id)) continue;
    out.push({ id: item.id, visible: item.id === 'title' || item.visible === true, width: typeof item.width === 'number' && item.width > 0 ? item.width : null });
  }
  for (const c of DEFAULT_COLUMNS) if (!out.some((o) => o.id === c.id)) out.push({ ...c, visible: false });
  return out;
}

function apply(saved: unknown): void {
  if (!isRecord(saved)) return;
  const s = saved as SavedPrefs;
  const patch: Partial<ReturnType<typeof useUi.getState>> = {};
  if (isRecord(s.panes)) {
    const p = s.panes;
    patch.panes = {
      sidebarWidth: typeof p.sidebarWidth === 'number' ? p.sidebarWidth : DEFAULT_PANES.sidebarWidth,
      detailWidth: typeof p.detailWidth === 'number' ? p.detailWidth : DEFAULT_PANES.detailWidth,
      sidebarCollapsed: p.sidebarCollapsed === true,
    };
  }
  if (Array.isArray(s.sorting)) patch.sorting = s.sorting.filter((l) => isRecord(l) && typeof l.id === 'string').map((l) => ({ id: l.id, desc: l.desc === true }));
  if (s.columns) patch.columns = mergeColumns(s.columns);
  if (s.view === 'papers' || s.view === 'authors' || s.view === 'metrics') patch.view = s.view;
  if (typeof s.detailOpen === 'boolean') patch.detailOpen = { ...useUi.getState().detailOpen, wide: s.detailOpen };
  if (s.authorId === null || (typeof s.authorId === 'number' && Number.isInteger(s.authorId) && s.authorId > 0)) {
    scopeSaved = true;
    if (useUi.getState().selectedAuthorId === null) patch.selectedAuthorId = s.authorId;
  }
  useUi.setState(patch);
}

function snapshot(): SavedPrefs {
  const s = useUi.getState();
  return { panes: s.panes, detailOpen: s.detailOpen.wide, sorting: s.sorting, columns: s.columns, view: s.view, authorId: s.selectedAuthorId };
}

let started = false;

/** Read the prefs, then save every later change. Safe to call more than once. */
export async function loadPrefs(): Promise<void> {
  if (started) return;
  started = true;
  try {
    const { value } = await request('settings.get', { key: PREFS_KEY });
    apply(value);
  } catch {
    // An unreadable library is reported by the views that load from it; the window opens with defaults.
  }
  useUi.setState({ prefsLoaded: true });
  let last = JSON.stringify(snapshot());
  let lastShape = JSON.stringify(withoutWidths(snapshot()));
  let timer: ReturnType<typeof setTimeout> | null = null;
  const save = () => {
    timer = null;
    request('settings.set', { key: PREFS_KEY, value: JSON.parse(last) as unknown }).catch(() => undefined);
  };
  useUi.subscribe(() => {
    const prefs = snapshot();
    const next = JSON.stringify(prefs);
    if (next === last) return;
    last = next;
    const shape = JSON.stringify(withoutWidths(prefs));
    const onlyWidths = shape === lastShape;
    lastShape = shape;
    if (timer) clearTimeout(timer);
    // A drag moves widths many times a second: save when it settles. Anything else at once, so a
    // window closed right after a click still finds it next time.
    if (onlyWidths) timer = setTimeout(save, SAVE_DELAY_MS);
    else save();
  });
  // A reload or close right after a drag must not lose the last widths still waiting to be saved.
  window.addEventListener('pagehide', () => {
    if (timer) {
      clearTimeout(timer);
      save();
    }
  });
}

function withoutWidths(p: SavedPrefs): SavedPrefs {
  return { ...p, panes: p.panes ? { ...p.panes, sidebarWidth: null, detailWidth: null } : undefined, columns: p.columns?.map((c) => ({ ...c, width: null })) };
}
