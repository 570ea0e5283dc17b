import { type ReactNode, useState } from 'react';
import { safeHref } from '../../../lib/format.ts';
import { visibleText } from '../text.ts';

/** Shared bits of the detail tabs: a definition list and text that is safe to show untrusted. */

export function Fields({ children, label }: { children: ReactNode; label?: string }) {
  return (
    <dl className="sd-fields" aria-label={label}>
      {children}
    </dl>
  );
}

/** One row of a definition list; skipped when the value is absent. */
export function Field({ name, value }: { name: string; value: ReactNode }) {
  if (value === undefined || value === null || value === '') return null;
  return (
    <>
      <dt>{name}</dt>
      <dd>{typeof value === 'boolean' ? String(value) : value}</dd>
    </>
  );
}

const LIMIT = 400;

/** Untrusted text: rendered as text, long values cut with the full value one click away. */
export function LongText({ text: raw, limit = LIMIT }: { text: string; limit?: number }) {
  const [all, setAll] = useState(false);
  const text = visibleText(raw);
  if (text.length <= limit || all) return <span className="sd-text">{text}</span>;
  return (
    <span className="sd-text">
      {text.slice(0, limit)}…{' '}
      <button type="button" className="link-button" onClick={() => setAll(true)}>
        show all ({text.length.toLocaleString('en-US')} characters)
      </button>
    </span>
  );
}

/** A URL from trace data: a link only for http(s), plain text otherwise. */
export function UrlText({ url }: { url: string | undefined }) {
  if (url === undefined) return null;
  const href = safeHref(url);
  if (!href) return <LongText text={url} />;
  return (
    <a href={href} target="_blank" rel="noopener noreferrer nofollow">
      <LongText text={url} limit={200} />
    </a>
  );
}

/** Shown by tabs with nothing to show. */
export function Nothing({ children }: { children: ReactNode }) {
  return <p className="hint sd-nothing">{children}</p>;
}

/** Scalar values from untrusted JSON as text. */
export function scalarText(v: unknown): string | undefined {
  if (typeof v === 'string') return v;
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  return undefined;
}
