/**
 * The theme choice: follow the OS, or a fixed light/dark the user picked. The choice is kept in
 * localStorage and applied as data-theme on <html>, which tokens.css turns into `color-scheme`.
 */
import { create } from 'zustand';

export type ThemeChoice = 'system' | 'light' | 'dark';
const STORAGE_KEY = 'lectern.theme';

function readStored(): ThemeChoice {
  try {
    const value = localStorage.getItem(STORAGE_KEY);
    return value === 'light' || value === 'dark' ? value : 'system';
  } catch {
    // Storage can be unavailable (privacy modes); following the OS is the safe default.
    return 'system';
  }
}

export function applyTheme(choice: ThemeChoice): void {
  if (choice === 'system') delete document.documentElement.dataset.theme;
  else document.documentElement.dataset.theme = choice;
}

interface ThemeState {
  theme: ThemeChoice;
  setTheme(theme: ThemeChoice): void;
}

export const useTheme = create<ThemeState>()((set) => ({
  theme: readStored(),
  setTheme: (theme) => {
    try {
      if (theme === 'system') localStorage.removeItem(STORAGE_KEY);
      else localStorage.setItem(STORAGE_KEY, theme);
    } catch {
      // Not persisting is acceptable: the theme still applies to this session.
    }
    applyTheme(theme);
    set({ theme });
  },
}));
