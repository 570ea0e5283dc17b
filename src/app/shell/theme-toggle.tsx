import { usePreferences } from '../../ui/preferences.ts';

export function ThemeToggle() {
  const theme = usePreferences((p) => p.theme);
  const setTheme = usePreferences((p) => p.setTheme);
  const next = theme === 'dark' ? 'light' : 'dark';
  return (
    <button
      type="button"
      className="icon-button"
      aria-label={`Switch to ${next} theme`}
      onClick={() => setTheme(next)}
    >
      {theme === 'dark' ? '☀' : '☾'}
    </button>
  );
}
