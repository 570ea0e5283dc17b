import { useMemo } from 'react';
import { usePreferences } from '../../../ui/preferences.ts';
import type { SegmentDoc, SubsegmentDoc } from '../../../xray/types.ts';
import { visibleText } from '../text.ts';
import type { TraceModel } from '../trace-model.ts';
import { DETAIL_TABS, type DetailTab } from '../use-timeline-url.ts';
import { AnnotationsTab, MetadataTab } from './annotations-tab.tsx';
import { ExceptionsTab } from './exceptions-tab.tsx';
import { OverviewTab } from './overview-tab.tsx';
import { resolveExceptions } from './resolve-exceptions.ts';
import { ResourcesTab } from './resources-tab.tsx';
import { RawTab, SqlTab } from './sql-raw-tabs.tsx';

const LABELS: Record<DetailTab, string> = {
  overview: 'Overview',
  resources: 'Resources',
  annotations: 'Annotations',
  metadata: 'Metadata',
  exceptions: 'Exceptions',
  sql: 'SQL',
  raw: 'Raw',
};

/** Details of the selected row, one tab at a time (selection and tab live in the URL). */
export function SegmentDetail({
  model,
  index,
  tab,
  exceptionIndex,
  onTab,
  onSelect,
  onClose,
}: {
  model: TraceModel;
  index: number;
  tab: DetailTab;
  exceptionIndex: () => import('./resolve-exceptions.ts').ExceptionIndex;
  onTab: (tab: DetailTab) => void;
  onSelect: (index: number) => void;
  onClose: () => void;
}) {
  const tz = usePreferences((s) => s.timeZone);
  const row = model.rows[index];
  const exceptions = useMemo(
    () => (row ? resolveExceptions(row.doc, index, exceptionIndex, model.rowOf, model.rows) : []),
    [row, index, exceptionIndex, model],
  );
  if (!row) return null;
  const doc = row.doc as SegmentDoc & SubsegmentDoc;
  const counts: Partial<Record<DetailTab, number>> = {
    annotations: doc.annotations ? Object.keys(doc.annotations).length : 0,
    exceptions: exceptions.length,
  };
  const rowName = (i: number) => {
    const r = model.rows[i];
    return r ? `${r.name} (${r.service})` : `row ${i}`;
  };
  const parent = model.rows[row.parentIndex];
  return (
    <aside className="sd" aria-label="Segment details">
      <header className="sd-header">
        <h2 title={visibleText(row.name)}>{visibleText(row.name)}</h2>
        <button type="button" className="icon-button" aria-label="Close details" onClick={onClose}>
          ✕
        </button>
      </header>
      <div role="tablist" aria-label="Detail tabs" className="sd-tabs">
        {DETAIL_TABS.map((t) => (
          <button
            key={t}
            type="button"
            role="tab"
            id={`sd-tab-${t}`}
            aria-selected={t === tab}
            aria-controls="sd-panel"
            tabIndex={t === tab ? 0 : -1}
            onClick={() => onTab(t)}
          >
            {LABELS[t]}
            {counts[t] ? <span className="sd-count"> {counts[t]}</span> : null}
          </button>
        ))}
      </div>
      <div role="tabpanel" id="sd-panel" aria-labelledby={`sd-tab-${tab}`} className="sd-panel">
        {tab === 'overview' && (
          <OverviewTab
            row={row}
            traceId={model.id}
            parentName={parent && rowName(row.parentIndex)}
            tz={tz}
          />
        )}
        {tab === 'resources' && <ResourcesTab doc={doc} />}
        {tab === 'annotations' && <AnnotationsTab doc={doc} />}
        {tab === 'metadata' && <MetadataTab doc={doc} />}
        {tab === 'exceptions' && (
          <ExceptionsTab
            cause={doc.cause}
            exceptions={exceptions}
            index={exceptionIndex}
            rowName={rowName}
            onGoto={onSelect}
          />
        )}
        {tab === 'sql' && <SqlTab doc={doc} />}
        {tab === 'raw' && <RawTab doc={doc} />}
      </div>
    </aside>
  );
}
