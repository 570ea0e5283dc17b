import { useLocation } from '@tanstack/react-router';
import { useState } from 'react';
import { absoluteHref } from '../../lib/links.ts';

/**
 * "Copy link" pins the time range (the link shows the same data tomorrow); "relative" keeps
 * "last 1h" for dashboards. The text is also shown, for browsers that refuse the clipboard.
 */
export function CopyLinkButtons() {
  const href = useLocation({ select: (l) => l.href });
  const [copied, setCopied] = useState<string>();
  const copy = async (url: string) => {
    setCopied(url);
    try {
      await navigator.clipboard.writeText(url);
    } catch {
      // The link stays visible in the output below for manual copying.
    }
  };
  const origin = window.location.origin;
  return (
    <div className="copy-link">
      <button type="button" onClick={() => void copy(absoluteHref(origin, href, Date.now()))}>
        Copy link
      </button>
      <button type="button" className="secondary" onClick={() => void copy(origin + href)}>
        Copy relative link
      </button>
      {copied && (
        <output className="copied-link" aria-label="Copied link">
          {copied}
        </output>
      )}
    </div>
  );
}
