import { type RefObject, useId, useState } from 'react';
import type { MapGraph } from '../../ui/service-graph/graph-elements.ts';
import { findNode } from '../../ui/service-graph/graph-query.ts';
import type { MapRenderer } from '../../ui/service-graph/map-renderer.ts';
import { useMapStore } from './map-store.ts';
import type { MapSearch } from './search.ts';

interface Props {
  graph: MapGraph | undefined;
  search: MapSearch;
  setSearch(patch: Partial<MapSearch>, replace?: boolean): void;
  renderer: RefObject<MapRenderer | null>;
  /** Nodes currently shown. */
  shown: number;
  /** Whether the highlighted path exists; undefined with no path asked for. */
  pathFound: boolean | undefined;
  showTable: boolean;
  setShowTable(show: boolean): void;
}

/** Find, colour mode, filters, focus, path, fit and the table toggle. */
export function MapToolbar(p: Props) {
  const listId = useId();
  const nodes = p.graph?.nodes.map((n) => n.data) ?? [];
  const names = [...new Set(nodes.map((n) => n.name))].sort();
  const total = nodes.length;
  const filtered = p.shown < total;
  return (
    <div className="map-toolbar" role="toolbar" aria-label="Service map controls">
      <datalist id={listId}>
        {names.map((n) => (
          <option key={n} value={n} />
        ))}
      </datalist>
      <FindBox listId={listId} renderer={p.renderer} />
      <fieldset className="map-segmented">
        <legend className="visually-hidden">Colour by</legend>
        <span className="map-label" aria-hidden="true">
          Colour
        </span>
        {(['health', 'latency'] as const).map((mode) => (
          <button
            key={mode}
            type="button"
            aria-pressed={(p.search.color ?? 'health') === mode}
            onClick={() => p.setSearch({ color: mode === 'health' ? undefined : mode }, true)}
          >
            {mode === 'health' ? 'Health' : 'Latency'}
          </button>
        ))}
      </fieldset>
      <HideBox value={p.search.hide ?? ''} onCommit={(hide) => p.setSearch({ hide }, true)} />
      <label className="control">
        <input
          type="checkbox"
          checked={p.search.unhealthy === true}
          onChange={(e) => p.setSearch({ unhealthy: e.target.checked || undefined }, true)}
        />
        Unhealthy only
      </label>
      {p.search.focus && (
        <span className="map-chip">
          Focus:{' '}
          <strong>{nodes.find((n) => n.id === p.search.focus)?.name ?? p.search.focus}</strong>
          <label className="control">
            hops
            <select
              value={p.search.hops ?? 1}
              onChange={(e) => p.setSearch({ hops: Number(e.target.value) }, true)}
            >
              {[1, 2, 3, 4, 5].map((h) => (
                <option key={h}>{h}</option>
              ))}
            </select>
          </label>
          <button
            type="button"
            className="secondary"
            onClick={() => p.setSearch({ focus: undefined, hops: undefined })}
          >
            Clear focus
          </button>
        </span>
      )}
      <PathBox listId={listId} graph={p.graph} found={p.pathFound} />
      <span className="map-toolbar-end">
        {filtered && (
          <span className="hint" role="status">
            {p.shown} of {total} services shown
          </span>
        )}
        <button type="button" onClick={() => p.renderer.current?.fit()}>
          Fit
        </button>
        <button
          type="button"
          title="Forget node positions and lay the map out again"
          onClick={() => {
            useMapStore.getState().resetPositions();
            p.renderer.current?.relayout();
          }}
        >
          Re-layout
        </button>
        <button
          type="button"
          aria-pressed={p.showTable}
          onClick={() => p.setShowTable(!p.showTable)}
        >
          Table
        </button>
      </span>
    </div>
  );
}

function FindBox({
  listId,
  renderer,
}: {
  listId: string;
  renderer: RefObject<MapRenderer | null>;
}) {
  const [text, setText] = useState('');
  const [miss, setMiss] = useState(false);
  return (
    <form
      className="map-find"
      onSubmit={(e) => {
        e.preventDefault();
        const hit = renderer.current?.search(text);
        setMiss(text.trim() !== '' && hit === undefined);
      }}
    >
      <input
        type="search"
        aria-label="Find a service"
        placeholder="Find a service…"
        list={listId}
        value={text}
        aria-invalid={miss || undefined}
        onChange={(e) => {
          setText(e.target.value);
          setMiss(false);
        }}
      />
      {miss && (
        <span className="field-error" role="status">
          No shown service matches
        </span>
      )}
    </form>
  );
}

/** The hide pattern commits on Enter or blur, never per keystroke. */
function HideBox({ value, onCommit }: { value: string; onCommit(v: string | undefined): void }) {
  const [draft, setDraft] = useState(value);
  const [seen, setSeen] = useState(value);
  if (seen !== value) {
    setSeen(value);
    setDraft(value);
  }
  const commit = () => {
    if (draft.trim() !== value) onCommit(draft.trim() || undefined);
  };
  return (
    <input
      className="map-hide"
      type="text"
      aria-label="Hide services matching"
      placeholder="Hide: health*, *.internal"
      value={draft}
      onChange={(e) => setDraft(e.target.value)}
      onBlur={commit}
      onKeyDown={(e) => {
        if (e.key === 'Enter') commit();
      }}
    />
  );
}

function PathBox({
  listId,
  graph,
  found,
}: {
  listId: string;
  graph: MapGraph | undefined;
  found: boolean | undefined;
}) {
  const setPath = useMapStore((s) => s.setPath);
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [error, setError] = useState<string | undefined>();
  const nodes = graph?.nodes.map((n) => n.data) ?? [];
  return (
    <form
      className="map-path"
      aria-label="Highlight the path between two services"
      onSubmit={(e) => {
        e.preventDefault();
        const a = findNode(nodes, from);
        const b = findNode(nodes, to);
        if (!a || !b) {
          setError(`No service matches "${!a ? from : to}"`);
          return;
        }
        setError(undefined);
        setPath([a.id, b.id]);
      }}
    >
      <input
        aria-label="Path from"
        placeholder="Path from…"
        list={listId}
        value={from}
        onChange={(e) => setFrom(e.target.value)}
      />
      <input
        aria-label="Path to"
        placeholder="to…"
        list={listId}
        value={to}
        onChange={(e) => setTo(e.target.value)}
      />
      <button type="submit">Path</button>
      {found !== undefined && (
        <button
          type="button"
          className="secondary"
          onClick={() => {
            setPath(undefined);
            setError(undefined);
          }}
        >
          Clear path
        </button>
      )}
      {(error ?? found === false) && (
        <span className="field-error" role="status">
          {error ?? 'These services are not connected'}
        </span>
      )}
    </form>
  );
}
