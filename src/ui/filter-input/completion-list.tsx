import { useLayoutEffect, useRef } from 'react';
import type { CompletionItem } from './filter-input-model.ts';

/** The completion popup: a listbox owned by the textarea (combobox); focus never leaves the box. */
export function CompletionList({
  id,
  items,
  active,
  onPick,
}: {
  id: string;
  items: readonly CompletionItem[];
  active: number;
  onPick: (index: number) => void;
}) {
  const listRef = useRef<HTMLDivElement>(null);
  // biome-ignore lint/correctness/useExhaustiveDependencies: re-run when the active option moves; the DOM query reads it.
  useLayoutEffect(() => {
    listRef.current?.querySelector('[aria-selected="true"]')?.scrollIntoView({ block: 'nearest' });
  }, [active]);
  return (
    <div id={id} ref={listRef} role="listbox" aria-label="Suggestions" className="fi-popup">
      {items.map((item, i) => (
        <div
          key={`${item.kind}:${item.label}:${item.insert}`}
          id={`${id}-${i}`}
          role="option"
          tabIndex={-1}
          aria-selected={i === active}
          className="fi-option"
          // mousedown would blur the textarea and close the list before the click lands.
          onMouseDown={(e) => e.preventDefault()}
          onClick={() => onPick(i)}
          onKeyDown={undefined}
        >
          <span className={`fi-option-kind fi-kind-${item.kind}`}>{item.kind}</span>
          <span className="fi-option-label">{item.label}</span>
          {item.detail && <span className="fi-option-detail">{item.detail}</span>}
        </div>
      ))}
    </div>
  );
}
