/**
 * Where keyboard focus goes when a dialog, popover, menu or editor closes, or when an action removes
 * the control that had focus: back where the user was, never the page's body (from there it takes
 * dozens of Tabs to get back; WAI-ARIA Authoring Practices, "Dialog (Modal) Pattern": on close, focus
 * returns to the element that opened it, or to a logical place when that element is gone).
 *
 * `captureFocus` notes the focused element and how to find it again when it is drawn anew (its id, or
 * a data key such as a row's paper id); `restoreFocus` puts focus back, trying in order: a `prefer`red
 * target (waited for while it is still being drawn, e.g. a renamed sidebar entry after the refetch),
 * the element itself, the element drawn anew under the same key, a `fallback`, the first control of the
 * nearest part of the page that is still there, the table's current row, and the main view.
 * `useFocusReturn` does both around anything that opens and closes.
 */
import { useEffect, useRef } from 'react';

/** A CSS selector, or a function finding the element when focus moves (so it sees the DOM of that moment). */
export type FocusTarget = string | (() => Element | null | undefined);

export interface FocusOrigin {
  element: HTMLElement | null;
  /** Finds the same control when it has been drawn anew (null: it has no stable key). */
  selector: string | null;
  /** Its ancestors, nearest first, for a nearby control when it is gone. */
  ancestors: HTMLElement[];
}

export interface ReturnOptions {
  /** Where focus should go rather than back to the origin; waited for up to `waitMs` while it is not drawn yet. */
  prefer?: FocusTarget;
  /** Where to go when neither `prefer` nor the origin can take focus. */
  fallback?: FocusTarget;
  /** Move focus even when it is not lost (the caller knows it sits in something about to close). */
  force?: boolean;
  /** How long to wait for `prefer` (ms). */
  waitMs?: number;
}

/** Controls reachable with Tab. */
const TABBABLE = 'a[href], button:not([disabled]), input:not([disabled]):not([type="hidden"]), select:not([disabled]), textarea:not([disabled]), [tabindex]:not([tabindex="-1"])';
/** Attributes that name the same thing across a redraw, most specific first. */
const KEY_ATTRIBUTES = ['data-focus-key', 'data-paper-id', 'data-author-id', 'data-note-id', 'data-tag', 'data-collection', 'id'];
/** Last places to go: the table's current row, then the main view (tabIndex -1 in shell/app.tsx). */
const LAST_RESORTS = ['.papers-table tbody tr[tabindex="0"][data-paper-id]', 'main'];
const DEFAULT_WAIT_MS = 2000;
const POLL_MS = 25;

function quoteAttr(value: string): string {
  return `"${value.replace(/["\\]/g, '\\$&')}"`;
}

/** A selector for `tag` elements whose `attr` is `value` (any text, quoted safely). */
export function attrSelector(tag: string, attr: string, value: string): string {
  return `${tag}[${attr}=${quoteAttr(value)}]`;
}

function keySelector(el: HTMLElement): string | null {
  for (const attr of KEY_ATTRIBUTES) {
    const value = el.getAttribute(attr);
    if (value) return attrSelector(el.tagName.toLowerCase(), attr, value);
  }
  return null;
}

/**
 * Note where focus is now (or `element`), to come back to it later.
 * @returns the origin; its element is null when nothing but the page's body had focus
 */
export function captureFocus(element: Element | null = document.activeElement): FocusOrigin {
  const el = element instanceof HTMLElement && element !== document.body && element !== document.documentElement ? element : null;
  const ancestors: HTMLElement[] = [];
  for (let p = el?.parentElement ?? null; p && p !== document.body; p = p.parentElement) ancestors.push(p);
  return { element: el, selector: el ? keySelector(el) : null, ancestors };
}

/** True when focus has fallen to the page itself (its control was removed, hidden or disabled). */
export function focusLost(): boolean {
  const a = document.activeElement;
  return a === null || a === document.body || a === document.documentElement || !a.isConnected || (a as HTMLButtonElement).disabled === true;
}

function resolve(target: FocusTarget | undefined): HTMLElement | null {
  if (target === undefined) return null;
  const el = typeof target === 'string' ? document.querySelector(target) : target();
  return el instanceof HTMLElement ? el : null;
}

/** Focus `el` if it can take it; true when it did. */
function tryFocus(el: HTMLElement | null): boolean {
  if (!el || !el.isConnected || el.closest('[hidden], [inert]') || (el as HTMLButtonElement).disabled) return false;
  el.focus({ preventScroll: false });
  return document.activeElement === el;
}

/** The first control of the nearest part of the page still drawn (the part itself when it takes focus). */
function nearestSurvivor(ancestors: HTMLElement[]): HTMLElement[] {
  const out: HTMLElement[] = [];
  for (const a of ancestors) {
    if (!a.isConnected) continue;
    out.push(...Array.from(a.querySelectorAll<HTMLElement>(TABBABLE)).slice(0, 5));
  }
  return out;
}

function candidates(origin: FocusOrigin | null, options: ReturnOptions): (() => HTMLElement | null)[] {
  const list: (() => HTMLElement | null)[] = [];
  if (origin?.element) {
    const { element, selector } = origin;
    // The same element, unless it now shows something else (a table row reused for another paper).
    list.push(() => (selector === null || element.matches(selector) ? element : null));
  }
  if (origin?.selector) {
    const selector = origin.selector;
    list.push(() => resolve(selector));
  }
  list.push(() => resolve(options.fallback));
  if (origin) for (const el of nearestSurvivor(origin.ancestors)) list.push(() => el);
  for (const s of LAST_RESORTS) list.push(() => resolve(s));
  return list;
}

let pendingWait: ReturnType<typeof setTimeout> | null = null;

// When Tab was last pressed (ms, performance clock): focus that follows it came from the keyboard.
let lastTab = -Infinity;
const TAB_WINDOW_MS = 500;
if (typeof document !== 'undefined') {
  document.addEventListener('keydown', (e) => {
    if (e.key === 'Tab') lastTab = performance.now();
  }, true);
  document.addEventListener('pointerdown', () => {
    lastTab = -Infinity;
  }, true);
}

/** True when the focus moving now follows a Tab (or Shift+Tab) press, not a click or a script. */
export function focusArrivedByTab(): boolean {
  return performance.now() - lastTab < TAB_WINDOW_MS;
}

/**
 * Put focus back where `origin` says (see the module comment for the order), unless the user has
 * already put it somewhere else: only when focus is lost, sits on the origin, or `force` is set.
 */
export function restoreFocus(origin: FocusOrigin | null, options: ReturnOptions = {}): void {
  if (pendingWait !== null) {
    clearTimeout(pendingWait);
    pendingWait = null;
  }
  const active = document.activeElement;
  const onOrigin = origin?.element != null && active === origin.element;
  if (!options.force && !focusLost() && !onOrigin) return;
  if (tryFocus(resolve(options.prefer))) return;
  const placeAnywhere = (): Element | null => {
    for (const find of candidates(origin, options)) if (tryFocus(find())) return document.activeElement;
    return null;
  };
  let placed = placeAnywhere();
  if (options.prefer === undefined) return;
  // The preferred control is still being drawn (a list refetching): move there once it shows, unless
  // the user has moved on by then.
  const deadline = Date.now() + (options.waitMs ?? DEFAULT_WAIT_MS);
  const poll = () => {
    pendingWait = null;
    if (document.activeElement !== placed && !focusLost()) return;
    if (tryFocus(resolve(options.prefer))) return;
    // The place taken meanwhile went too (the old entry of a renamed tag): take another.
    if (focusLost()) placed = placeAnywhere();
    if (Date.now() > deadline) return;
    pendingWait = setTimeout(poll, POLL_MS);
  };
  pendingWait = setTimeout(poll, POLL_MS);
}

// Until when (ms, performance clock) a control has said it takes focus itself once drawn.
let claimedUntil = -Infinity;
const CLAIM_MS = 2000;

/**
 * Say that focus is about to move to a control not drawn yet (the table row keyboard paging moves to,
 * while its page loads), so the guard does not send it elsewhere meanwhile.
 * @returns the release, to call once that control has focus (the claim lapses after 2 s anyway)
 */
export function claimFocus(): () => void {
  const until = performance.now() + CLAIM_MS;
  claimedUntil = until;
  return () => {
    if (claimedUntil === until) claimedUntil = -Infinity;
  };
}

/** Whether `el` can no longer hold focus: removed, disabled or hidden. */
function gone(el: HTMLElement): boolean {
  return !el.isConnected || (el as HTMLButtonElement).disabled === true || el.closest('[hidden], [inert]') !== null;
}

/** How long the guard leaves a closing dialog or editor to give focus back itself (ms). */
const GUARD_DELAY_MS = 80;

/**
 * The catch-all: when the focused control is removed (a list redrawn without it, a button that
 * removes itself), disabled or hidden, and nothing gives focus a place within a moment, focus goes to
 * the same control drawn anew or the nearest one still there (see `restoreFocus`). Install once
 * (shell/app.tsx); returns the uninstall.
 */
export function guardFocus(root: Node = document.body): () => void {
  let last: FocusOrigin | null = null;
  let timer: ReturnType<typeof setTimeout> | null = null;
  const onFocusIn = (e: FocusEvent) => {
    if (e.target instanceof HTMLElement) last = captureFocus(e.target);
  };
  const observer = new MutationObserver(() => {
    const origin = last;
    if (timer !== null || !origin?.element || !gone(origin.element) || !focusLost()) return;
    timer = setTimeout(() => {
      timer = null;
      // A restore waiting for its preferred control handles the loss itself.
      if (last === origin && focusLost() && pendingWait === null && performance.now() > claimedUntil) restoreFocus(origin);
    }, GUARD_DELAY_MS);
  });
  document.addEventListener('focusin', onFocusIn, true);
  observer.observe(root, { subtree: true, childList: true, attributes: true, attributeFilter: ['disabled', 'hidden', 'inert'] });
  return () => {
    document.removeEventListener('focusin', onFocusIn, true);
    observer.disconnect();
    if (timer !== null) clearTimeout(timer);
  };
}

/**
 * For an action that removes or replaces the focused control (opening an author swaps the grid for
 * the table): note where focus is now and restore it once the window has drawn the change.
 */
export function returnFocusAfterRender(options: ReturnOptions = {}): void {
  const origin = captureFocus();
  setTimeout(() => restoreFocus(origin, options), 0);
}

/**
 * Remember the focused element when `open` becomes true and give focus back when it becomes false or
 * the component unmounts (for something mounted only while open, pass `true`). The element is noted
 * while rendering the opening, before what opens moves focus into itself (autoFocus, effects).
 * @param options evaluated when focus moves back (a function sees the state of that moment)
 * @returns a function that gives focus back now, for a closer that must move focus before acting
 *   (a menu item that opens another popover)
 */
export function useFocusReturn(open: boolean, options?: ReturnOptions | (() => ReturnOptions), from?: () => Element | null | undefined): () => void {
  const origin = useRef<FocusOrigin | null>(null);
  const shown = useRef(false);
  const alive = useRef(false);
  const latest = useRef(options);
  latest.current = options;
  if (open && !shown.current && origin.current === null) origin.current = captureFocus(from?.() ?? document.activeElement);

  const giveBack = useRef((force: boolean) => {
    if (!shown.current && origin.current === null) return;
    shown.current = false;
    const o = origin.current;
    origin.current = null;
    const opts = typeof latest.current === 'function' ? latest.current() : (latest.current ?? {});
    restoreFocus(o, force ? { ...opts, force: true } : opts);
  });

  useEffect(() => {
    if (open) shown.current = true;
    else if (shown.current) giveBack.current(false);
  }, [open]);

  useEffect(() => {
    alive.current = true;
    return () => {
      alive.current = false;
      // React may mount twice in development (StrictMode): give focus back only when really gone.
      queueMicrotask(() => {
        if (!alive.current && shown.current) giveBack.current(false);
      });
    };
  }, []);

  return () => giveBack.current(true);
}
