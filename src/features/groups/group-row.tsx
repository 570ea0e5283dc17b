import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Link, useNavigate } from '@tanstack/react-router';
import { useState } from 'react';
import { groupTrafficQuery } from '../../api/group-stats.ts';
import { deleteGroup } from '../../api/groups.ts';
import { xrayKeys } from '../../api/keys.ts';
import { formatCount, formatPercent } from '../../lib/format.ts';
import { useTimeWindow } from '../../ui/use-global-search.ts';
import type { Group } from '../../xray/types.ts';

export function GroupRow({ group }: { group: Group }) {
  const name = group.GroupName!;
  const { range, refetchInterval } = useTimeWindow();
  const traffic = useQuery({ ...groupTrafficQuery(name, range), refetchInterval });
  const navigate = useNavigate({ from: '/groups' });
  const queryClient = useQueryClient();
  const [confirming, setConfirming] = useState(false);
  const remove = useMutation({
    mutationFn: () => deleteGroup(name),
    onSuccess: async () => {
      setConfirming(false);
      await queryClient.invalidateQueries({ queryKey: xrayKeys.groups() });
      // A deleted group must not stay selected in the URL.
      void navigate({ search: (s) => ({ ...s, group: s.group === name ? undefined : s.group }) });
    },
  });

  return (
    <tr aria-label={`Group ${name}`}>
      <th scope="row" className="group-name">
        {name}
      </th>
      <td>
        <code className="group-filter" title={group.FilterExpression}>
          {group.FilterExpression || '(all traces)'}
        </code>
      </td>
      <td className="group-traffic">
        {traffic.isPending && (
          <span className="spinner" role="status" aria-label="Loading traffic" />
        )}
        {traffic.isError && <span className="field-error">{traffic.error.message}</span>}
        {traffic.data && <TrafficSummary {...traffic.data} />}
      </td>
      <td className="group-actions">
        <Link to="/map" search={(s) => ({ ...s, group: name })}>
          Map
        </Link>
        <Link to="/traces" search={(s) => ({ ...s, group: name })}>
          Traces
        </Link>
        <button
          type="button"
          onClick={() =>
            void navigate({ search: (s) => ({ ...s, edit: name, create: undefined }) })
          }
        >
          Edit
        </button>
        {confirming ? (
          <span role="alertdialog" aria-label={`Delete group ${name}?`} className="confirm">
            Delete “{name}”?{' '}
            <button
              type="button"
              className="danger"
              onClick={() => remove.mutate()}
              disabled={remove.isPending}
            >
              Delete
            </button>
            <button type="button" onClick={() => setConfirming(false)}>
              Cancel
            </button>
            {remove.isError && <span className="field-error">{remove.error.message}</span>}
          </span>
        ) : (
          <button type="button" onClick={() => setConfirming(true)}>
            Delete
          </button>
        )}
      </td>
    </tr>
  );
}

function TrafficSummary({
  total,
  fault,
  error,
  throttle,
}: {
  total: number;
  fault: number;
  error: number;
  throttle: number;
}) {
  if (total === 0) return <span className="hint">no traffic</span>;
  const parts = [
    { label: 'fault', n: fault },
    { label: 'error', n: error },
    { label: 'throttle', n: throttle },
  ];
  return (
    <span className="traffic">
      <span>{formatCount(total)} requests</span>
      <span className="share-bar" aria-hidden="true">
        {parts.map((p) => (
          <span
            key={p.label}
            className={`share share-${p.label}`}
            style={{ width: `${(p.n / total) * 100}%` }}
          />
        ))}
      </span>
      {parts
        .filter((p) => p.n > 0)
        .map((p) => (
          <span key={p.label} className={`status status-${p.label}`}>
            {formatPercent(p.n / total)} {p.label}
          </span>
        ))}
    </span>
  );
}
