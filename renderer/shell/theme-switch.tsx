/** System / Light / Dark as a labelled radio group; the choice persists (stores/theme-store). */
import { useTheme, type ThemeChoice } from '../stores/theme-store';

const CHOICES: { value: ThemeChoice; label: string }[] = [
  { value: 'system', label: 'System' },
  { value: 'light', label: 'Light' },
  { value: 'dark', label: 'Dark' },
];

export function ThemeSwitch() {
  const theme = useTheme((s) => s.theme);
  const setTheme = useTheme((s) => s.setTheme);
  return (
    <fieldset className="segmented" aria-label="Theme">
      <legend className="visually-hidden">Theme</legend>
      {CHOICES.map((c) => (
        <label key={c.value} className={`segment${theme === c.value ? ' is-on' : ''}`}>
          <input type="radio" name="theme" value={c.value} checked={theme === c.value} onChange={() => setTheme(c.value)} className="visually-hidden" />
          {c.label}
        </label>
      ))}
    </fieldset>
  );
}
