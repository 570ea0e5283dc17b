import { useNavigate } from '@tanstack/react-router';
import { REFRESH_INTERVALS, type RefreshInterval } from '../../lib/global-search.ts';
import { useGlobalSearch } from '../../ui/use-global-search.ts';

export function RefreshSelect() {
  const { refresh } = useGlobalSearch();
  const navigate = useNavigate();
  return (
    <label className="control">
      <span>Auto-refresh</span>
      <select
        aria-label="Auto-refresh"
        value={refresh ?? 'off'}
        onChange={(e) => {
          const v = e.target.value as RefreshInterval;
          void navigate({
            to: '.',
            search: (s) => ({ ...s, refresh: v === 'off' ? undefined : v }),
            replace: true,
          });
        }}
      >
        {REFRESH_INTERVALS.map((r) => (
          <option key={r} value={r}>
            {r === 'off' ? 'Off' : r}
          </option>
        ))}
      </select>
    </label>
  );
}
