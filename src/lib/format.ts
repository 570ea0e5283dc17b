/** Display helpers shared by every view. Pure; time zone is passed in, never read globally. */

export type TimeZonePref = 'local' | 'utc';

/** "412 ms", "2.35 s", "1 min 12 s" from seconds. */
export function formatDuration(sec: number | undefined): string {
  if (sec === undefined || !Number.isFinite(sec)) return '—';
  // Clock skew between hosts can make an end precede its start; show the sign, not nonsense.
  if (sec < 0) return `−${formatDuration(-sec)}`;
  if (sec < 0.000_999_5) return `${(sec * 1e6).toFixed(0)} µs`;
  if (sec < 0.999_5) return `${(sec * 1000).toFixed(sec < 0.009_995 ? 1 : 0)} ms`;
  if (sec < 59.995) return `${sec.toFixed(2)} s`;
  const m = Math.floor(sec / 60);
  return `${m} min ${Math.round(sec - m * 60)} s`;
}

export function formatTime(
  epochSec: number | undefined,
  tz: TimeZonePref,
  withDate = true,
): string {
  if (epochSec === undefined) return '—';
  const d = new Date(epochSec * 1000);
  const opts: Intl.DateTimeFormatOptions = {
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
    fractionalSecondDigits: 3,
    hour12: false,
    timeZone: tz === 'utc' ? 'UTC' : undefined,
    ...(withDate ? { year: 'numeric', month: '2-digit', day: '2-digit' } : {}),
  };
  return `${new Intl.DateTimeFormat('sv-SE', opts).format(d)}${tz === 'utc' ? ' UTC' : ''}`;
}

export function formatCount(n: number | undefined): string {
  if (n === undefined) return '—';
  return n >= 10_000 ? `${(n / 1000).toFixed(n >= 100_000 ? 0 : 1)}k` : n.toLocaleString('en-US');
}

export function formatPercent(fraction: number): string {
  if (!Number.isFinite(fraction)) return '—';
  return `${(fraction * 100).toFixed(fraction > 0 && fraction < 0.01 ? 2 : 1)}%`;
}

/** Shortens long untrusted strings for display; the caller shows the full value on demand. */
export function truncate(s: string, max = 120): string {
  return s.length > max ? `${s.slice(0, max - 1)}…` : s;
}

/** Only http(s) URLs from trace data may become links. */
export function safeHref(url: string | undefined): string | undefined {
  if (!url) return undefined;
  try {
    const u = new URL(url);
    return u.protocol === 'http:' || u.protocol === 'https:' ? u.href : undefined;
  } catch {
    return undefined;
  }
}
