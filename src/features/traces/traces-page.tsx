import { useQuery } from '@tanstack/react-query';
import { useNavigate, useSearch } from '@tanstack/react-router';
import { useDeferredValue, useMemo } from 'react';
import { serviceNamesQuery } from '../../api/trace-summaries.ts';
import { usePreferences } from '../../ui/preferences.ts';
import { useTimeWindow } from '../../ui/use-global-search.ts';
import { parseFilter } from '../../xray/filter/index.ts';
import { BreakdownsPanel } from './breakdowns-panel.tsx';
import { ColumnPicker } from './column-picker.tsx';
import { annotationColumn, BASE_COLUMNS } from './columns.tsx';
import { FilterBar } from './filter-bar.tsx';
import { completionContext } from './filter-context.ts';
import { andFilters, withResponseTimeRange } from './filter-text.ts';
import { ResponseHistogram } from './response-histogram.tsx';
import { ScanStatus } from './scan-status.tsx';
import { nextSort, sortFromSearch } from './sort.ts';
import { TraceList } from './trace-list.tsx';
import { sortRows } from './trace-rows.ts';
import { useTracesUi } from './traces-store.ts';
import { useTraceList } from './use-trace-list.ts';
import './traces.css';

const isValid = (text: string) => parseFilter(text).ok;

/** /traces: filter box, response-time histogram, refine-by breakdowns and the trace list. */
export function TracesPage() {
  const search = useSearch({ from: '/traces' });
  const navigate = useNavigate({ from: '/traces' });
  const tz = usePreferences((s) => s.timeZone);
  const remember = useTracesUi((s) => s.remember);
  const extraColumns = useTracesUi((s) => s.annotationColumns);
  const { range, group } = useTimeWindow();
  const list = useTraceList();
  // The map's own query and cache: opening the traces view after the map costs no request.
  const services = useQuery(serviceNamesQuery({ range, group }));

  // The list paints first; breakdowns, histogram and completions follow in a deferred render.
  const summaryRows = useDeferredValue(list.rows);
  const ctx = useMemo(() => completionContext(summaryRows), [summaryRows]);
  const context = useMemo(
    () => ({
      ...ctx,
      services: [...new Set([...(services.data ?? []), ...ctx.services])].sort(),
    }),
    [ctx, services.data],
  );
  const sort = sortFromSearch(search);
  const rows = useMemo(
    () => sortRows(list.rows, sort.key, sort.desc),
    [list.rows, sort.key, sort.desc],
  );
  const columns = useMemo(
    () => [...BASE_COLUMNS, ...extraColumns.map(annotationColumn)],
    [extraColumns],
  );

  const setFilter = (filter: string | undefined) => {
    if (filter) remember(filter);
    void navigate({ search: (s) => ({ ...s, filter }) });
  };

  return (
    <section className="page traces-page" aria-label="Traces">
      <FilterBar filter={search.filter} context={context} onSubmit={setFilter} />
      {list.group && (
        <p className="hint">
          Group <strong>{list.group}</strong>
          {list.groupMissing
            ? ' was not found: showing all traces.'
            : ': its filter is combined with yours (GetTraceSummaries has no group parameter).'}
        </p>
      )}
      {list.filterErrors && (
        <p className="banner banner-error" role="alert">
          The filter in this link is not valid ({list.filterErrors[0]?.message}), so nothing was
          searched. Fix it in the box above and press Enter.
        </p>
      )}
      <ScanStatus
        fetching={list.query.isFetching}
        pending={list.query.isPending}
        matched={list.rows.length}
        scanned={list.scanned}
        window={list.window}
        reachedBack={list.reachedBack}
        hasMore={list.query.hasNextPage}
        refreshPaused={list.refreshPaused}
        tz={tz}
        onRefresh={() => void list.query.refetch()}
      />
      <ResponseHistogram
        rows={summaryRows}
        filter={search.filter}
        onBrush={(range) => setFilter(withResponseTimeRange(search.filter, range, isValid))}
      />
      <div className="traces-body">
        <BreakdownsPanel
          rows={summaryRows}
          onRefine={(clause) => setFilter(andFilters(search.filter, clause))}
        />
        <div className="traces-main">
          <div className="traces-toolbar">
            {sort.key !== 'time' && list.query.hasNextPage && (
              <span className="hint">Sorted among the loaded traces only; more remain.</span>
            )}
            <ColumnPicker keys={ctx.annotationKeys} />
          </div>
          {!list.filterErrors && (
            <TraceList
              query={list.query}
              rows={rows}
              columns={columns}
              tz={tz}
              sort={sort}
              onSort={(key) =>
                void navigate({ search: (s) => ({ ...s, ...nextSort(sort, key) }), replace: true })
              }
              scrollKey={JSON.stringify([range, list.sent ?? '', sort])}
            />
          )}
        </div>
      </div>
    </section>
  );
}
