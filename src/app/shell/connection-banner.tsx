import { useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { callXRay } from '../../api/client.ts';
import { useConnection } from '../../api/connection.ts';

/** Shown while the API is unreachable; probes every few seconds and clears itself on recovery. */
export function ConnectionBanner() {
  const lost = useConnection((c) => c.lost);
  const queryClient = useQueryClient();
  useEffect(() => {
    if (!lost) return;
    const timer = setInterval(() => {
      callXRay('GetGroups', {})
        .then(() => queryClient.invalidateQueries())
        .catch(() => undefined);
    }, 3000);
    return () => clearInterval(timer);
  }, [lost, queryClient]);
  if (!lost) return null;
  return (
    <div role="alert" className="banner banner-error">
      Lost connection to the X-Ray API. Retrying… the view will update when the server is back.
    </div>
  );
}
