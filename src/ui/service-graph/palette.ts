/**
 * The colours the map draws with. Canvas cannot read CSS variables, so the host reads the theme's
 * tokens once per theme change (`readPalette`) and hands the renderer plain colours.
 */
export interface MapPalette {
  ok: string;
  error: string;
  throttle: string;
  fault: string;
  text: string;
  textMuted: string;
  surface: string;
  bg: string;
  border: string;
  accent: string;
  /** Low → high response time. Lightness changes monotonically, so the ramp survives greyscale. */
  latency: readonly [string, string, string];
}

export const LIGHT_PALETTE: MapPalette = {
  ok: '#009e73',
  error: '#e69f00',
  throttle: '#cc79a7',
  fault: '#d55e00',
  text: '#1b1f24',
  textMuted: '#5b6470',
  surface: '#ffffff',
  bg: '#f7f8fa',
  border: '#b9c0ca',
  accent: '#0b63ce',
  latency: ['#bfe3f5', '#e69f00', '#8c1c03'],
};

export const DARK_PALETTE: MapPalette = {
  ok: '#2fc59b',
  error: '#f2b134',
  throttle: '#e69ac6',
  fault: '#ff7b3a',
  text: '#e6e9ee',
  textMuted: '#9aa4b1',
  surface: '#181c22',
  bg: '#111418',
  border: '#4a5361',
  accent: '#5aa2ff',
  latency: ['#1f4e6b', '#d99a1c', '#ffd9c7'],
};

const TOKENS: Partial<Record<keyof MapPalette, string>> = {
  ok: '--ok',
  error: '--error',
  throttle: '--throttle',
  fault: '--fault',
  text: '--text',
  textMuted: '--text-muted',
  surface: '--surface',
  bg: '--bg',
  border: '--border',
  accent: '--accent',
};

/** The palette of the current theme, from the CSS tokens on `el`, falling back to the defaults. */
export function readPalette(el: Element, theme: 'light' | 'dark'): MapPalette {
  const base = theme === 'dark' ? DARK_PALETTE : LIGHT_PALETTE;
  const css = getComputedStyle(el);
  const out = { ...base };
  for (const [key, token] of Object.entries(TOKENS) as [keyof MapPalette, string][]) {
    const v = css.getPropertyValue(token).trim();
    if (v && key !== 'latency') (out as Record<string, unknown>)[key] = v;
  }
  return out;
}
