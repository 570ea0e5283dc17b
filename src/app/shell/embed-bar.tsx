import { useLocation } from '@tanstack/react-router';

/** In embed mode the chrome is gone; one link leads back to the full console. */
export function EmbedBar() {
  const href = useLocation({ select: (l) => l.href });
  const url = new URL(href, window.location.origin);
  url.searchParams.delete('embed');
  return (
    <div className="embed-bar">
      <a href={url.toString()} target="_blank" rel="noopener noreferrer">
        Open in Trace Console ↗
      </a>
    </div>
  );
}
