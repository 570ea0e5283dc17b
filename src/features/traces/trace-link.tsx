import { useNavigate, useRouter } from '@tanstack/react-router';
import { useMemo } from 'react';

const PLACEHOLDER = '__TRACE_ID__';

/**
 * Builds `/trace/<id>?…` hrefs for the list. A router `<Link>` per row costs a router
 * subscription and a location build on every mount, and scrolling mounts rows every frame; this
 * builds the location once and substitutes the id. The links stay real anchors: middle-click
 * and Ctrl-click open a new tab, a plain click navigates in the app.
 */
export function useTraceLinks(): { href(id: string): string; open(id: string): void } {
  const router = useRouter();
  const navigate = useNavigate();
  const template = router.buildLocation({
    to: '/trace/$traceId',
    params: { traceId: PLACEHOLDER },
    search: (s) => ({ ...s }),
  }).href;
  return useMemo(
    () => ({
      href: (id) => template.replace(PLACEHOLDER, encodeURIComponent(id)),
      open: (id) =>
        void navigate({
          to: '/trace/$traceId',
          params: { traceId: id },
          search: (s) => ({ ...s }),
        }),
    }),
    [template, navigate],
  );
}

export function TraceLink({
  id,
  links,
}: {
  id: string;
  links: { href(id: string): string; open(id: string): void };
}) {
  return (
    <a
      href={links.href(id)}
      className="mono"
      title={id}
      onClick={(e) => {
        if (e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
        e.preventDefault();
        links.open(id);
      }}
    >
      {id}
    </a>
  );
}
