import { useQuery } from '@tanstack/react-query';
import { useNavigate } from '@tanstack/react-router';
import { groupsQuery } from '../../api/groups.ts';
import { useGlobalSearch } from '../../ui/use-global-search.ts';

/** Scopes the map and the trace list to a saved group; the choice lives in the URL. */
export function GroupSelect() {
  const { group } = useGlobalSearch();
  const navigate = useNavigate();
  const groups = useQuery(groupsQuery());
  const names = (groups.data ?? [])
    .map((g) => g.GroupName ?? '')
    .filter((n) => n && n !== 'Default');
  const unknown = group && groups.isSuccess && !names.includes(group);
  return (
    <label className="control">
      <span>Group</span>
      <select
        aria-label="Group"
        value={group ?? ''}
        aria-invalid={unknown || undefined}
        title={groups.error ? `Could not load groups: ${groups.error.message}` : undefined}
        onChange={(e) => {
          const v = e.target.value || undefined;
          void navigate({ to: '.', search: (s) => ({ ...s, group: v }) });
        }}
      >
        <option value="">All traces (Default)</option>
        {group && !names.includes(group) && (
          <option value={group}>
            {group}
            {unknown ? ' (not found)' : ''}
          </option>
        )}
        {names.map((n) => (
          <option key={n} value={n}>
            {n}
          </option>
        ))}
      </select>
    </label>
  );
}
