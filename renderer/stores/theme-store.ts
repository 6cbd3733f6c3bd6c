/**
 * The theme choice: follow the OS, or a fixed light/dark the user picked. The choice is kept in the
 * library (setting `window.theme`, through settings.get/set), not in the page origin's storage: browser
 * mode's origin is its port, and every window on the library (desktop, any tab) shares one choice.
 * Applied as data-theme on <html>, which tokens.css turns into `color-scheme`. Until the library has
 * answered, the window follows the OS.
 */
import { create } from 'zustand';
import { request } from '../api/client';

export type ThemeChoice = 'system' | 'light' | 'dark';
export const THEME_KEY = 'window.theme';

function asChoice(value: unknown): ThemeChoice {
  return value === 'light' || value === 'dark' ? value : 'system';
}

export function applyTheme(choice: ThemeChoice): void {
  if (choice === 'system') delete document.documentElement.dataset.theme;
  else document.documentElement.dataset.theme = choice;
}

interface ThemeState {
  theme: ThemeChoice;
  setTheme(theme: ThemeChoice): void;
}

/** Where earlier versions kept the choice (per origin); moved into the library once. */
const OLD_STORAGE_KEY = 'lectern.theme';

/** A choice an earlier version kept in this origin's localStorage, taken out of it (null when none). */
function takeOldChoice(): ThemeChoice | null {
  try {
    const old = asChoice(localStorage.getItem(OLD_STORAGE_KEY));
    localStorage.removeItem(OLD_STORAGE_KEY);
    return old === 'system' ? null : old;
  } catch {
    return null;
  }
}

/** Counts choices made in this window, so an older read of the setting never undoes a newer click. */
let chosen = 0;

export const useTheme = create<ThemeState>()((set) => ({
  theme: 'system',
  setTheme: (theme) => {
    chosen++;
    applyTheme(theme);
    set({ theme });
    // Not saved (the library refused): the theme still applies to this window.
    request('settings.set', { key: THEME_KEY, value: theme === 'system' ? null : theme }).catch(() => undefined);
  },
}));

/** Read the saved choice from the library and apply it (at start, and when another window changed it). Never rejects. */
export async function loadTheme(): Promise<void> {
  const before = chosen;
  try {
    const { value } = await request('settings.get', { key: THEME_KEY });
    if (chosen !== before) return;
    const old = value === null ? takeOldChoice() : null;
    if (old) {
      useTheme.getState().setTheme(old);
      return;
    }
    const theme = asChoice(value);
    applyTheme(theme);
    if (useTheme.getState().theme !== theme) useTheme.setState({ theme });
  } catch {
    // An unreadable library is reported by the views; the OS's theme is the safe default.
  }
}
