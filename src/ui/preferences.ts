import { create } from 'zustand';
import type { TimeZonePref } from '../lib/format.ts';
import { readStored, writeStored } from '../lib/storage.ts';

/** Per-person display preferences: not worth a link, persisted across visits. */
interface Preferences {
  theme: 'light' | 'dark';
  timeZone: TimeZonePref;
  setTheme(theme: 'light' | 'dark'): void;
  setTimeZone(tz: TimeZonePref): void;
}

const KEY = 'trace-console:prefs';
const stored = readStored<Partial<Pick<Preferences, 'theme' | 'timeZone'>>>(KEY, {});
const prefersDark = globalThis.matchMedia?.('(prefers-color-scheme: dark)').matches ?? false;

export const usePreferences = create<Preferences>((set, get) => ({
  theme: stored.theme ?? (prefersDark ? 'dark' : 'light'),
  timeZone: stored.timeZone ?? 'local',
  setTheme: (theme) => {
    set({ theme });
    writeStored(KEY, { theme, timeZone: get().timeZone });
  },
  setTimeZone: (timeZone) => {
    set({ timeZone });
    writeStored(KEY, { theme: get().theme, timeZone });
  },
}));
