import { useTracesUi } from './traces-store.ts';

/** Annotation columns on demand: one checkbox per annotation key seen in the loaded traces. */
export function ColumnPicker({ keys }: { keys: readonly string[] }) {
  const chosen = useTracesUi((s) => s.annotationColumns);
  const toggle = useTracesUi((s) => s.toggleColumn);
  const all = [...new Set([...chosen, ...keys])];
  return (
    <details className="column-picker">
      <summary>Columns</summary>
      <fieldset>
        <legend>Annotation columns</legend>
        {all.length === 0 && <p className="hint">No annotations on the loaded traces.</p>}
        {all.map((key) => (
          <label key={key}>
            <input type="checkbox" checked={chosen.includes(key)} onChange={() => toggle(key)} />{' '}
            {key}
          </label>
        ))}
      </fieldset>
    </details>
  );
}
