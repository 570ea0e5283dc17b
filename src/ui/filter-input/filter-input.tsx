import { useEffect, useId, useLayoutEffect, useMemo, useRef, useState } from 'react';
import { CompletionList } from './completion-list.tsx';
import {
  applyCompletion,
  type CompletionResult,
  decideSubmit,
  type FilterDiagnostic,
  mirrorPieces,
  moveActive,
  positionLabel,
} from './filter-input-model.ts';
import { completeFilter, type FilterContext, highlightFilter, parseForBox } from './language.ts';
import './filter-input.css';

export type { FilterContext } from './language.ts';

export interface FilterInputProps {
  value: string;
  onChange: (text: string) => void;
  /** A valid expression (trimmed), or '' to clear. Never called with an invalid expression. */
  onSubmit: (text: string) => void;
  /** When set, a trace id typed or pasted into the box opens that trace on Enter. */
  onTraceId?: (traceId: string) => void;
  context: FilterContext;
  label?: string;
  placeholder?: string;
}

/** Errors appear once typing pauses, so a half-typed expression isn't shouted at. */
const ERROR_DELAY_MS = 350;

/**
 * The X-Ray filter-expression box: a transparent textarea over a mirror of highlighted spans
 * (React text nodes, never innerHTML), completions in a listbox, and errors squiggled at the
 * parser's exact range with its message. Enter submits only a valid expression.
 */
export function FilterInput(props: FilterInputProps) {
  const { value, onChange, context } = props;
  const inputRef = useRef<HTMLTextAreaElement>(null);
  const pendingCaret = useRef<number | undefined>(undefined);
  const [completion, setCompletion] = useState<{ result: CompletionResult; active: number }>();
  const [settled, setSettled] = useState(value);
  const [forced, setForced] = useState<FilterDiagnostic[] | undefined>();
  const ids = { list: useId(), error: useId() };

  useEffect(() => {
    const t = setTimeout(() => setSettled(value), ERROR_DELAY_MS);
    return () => clearTimeout(t);
  }, [value]);
  // biome-ignore lint/correctness/useExhaustiveDependencies: the caret can only be placed once the new value is in the DOM.
  useLayoutEffect(() => {
    const caret = pendingCaret.current;
    if (caret === undefined) return;
    pendingCaret.current = undefined;
    inputRef.current?.setSelectionRange(caret, caret);
  }, [value]);

  const spans = useMemo(() => highlightFilter(value), [value]);
  const parsed = useMemo(
    () => (value.trim() ? parseForBox(value) : { ok: true as const }),
    [value],
  );
  const errors: FilterDiagnostic[] =
    forced ??
    (settled === value && !parsed.ok && !looksLikeTraceId(props, value) ? parsed.errors : []);
  const pieces = useMemo(() => mirrorPieces(value, spans, errors), [value, spans, errors]);

  const suggest = (text: string, cursor: number) => {
    const result = completeFilter(text, cursor, context);
    setCompletion(result.items.length > 0 ? { result, active: -1 } : undefined);
  };
  const accept = (index: number) => {
    const item = completion?.result.items[index];
    if (!completion || !item) return;
    const next = applyCompletion(value, completion.result, item);
    pendingCaret.current = next.cursor;
    onChange(next.text);
    suggest(next.text, next.cursor);
  };
  const submit = () => {
    setCompletion(undefined);
    const d = decideSubmit(value, parseForBox, props.onTraceId !== undefined);
    if (d.kind === 'invalid') return setForced(d.errors);
    if (d.kind === 'trace') return props.onTraceId?.(d.traceId);
    props.onSubmit(d.kind === 'filter' ? d.text : '');
  };

  const open = completion !== undefined;
  const activeId = open && completion.active >= 0 ? `${ids.list}-${completion.active}` : undefined;
  return (
    <div className="filter-input">
      <div className="fi-box" data-invalid={errors.length > 0 || undefined}>
        <div className="fi-mirror" aria-hidden="true">
          {pieces.map((p, i) => (
            <span
              // biome-ignore lint/suspicious/noArrayIndexKey: pieces are positional by nature.
              key={i}
              className={`${p.kind ? `fi-tok-${p.kind}` : ''}${p.error ? ' fi-error' : ''}`}
            >
              {p.text}
            </span>
          ))}
          {'\u200b'}
        </div>
        <textarea
          ref={inputRef}
          className="fi-input"
          rows={1}
          role="combobox"
          aria-label={props.label ?? 'Filter expression'}
          aria-expanded={open}
          aria-controls={ids.list}
          aria-autocomplete="list"
          aria-activedescendant={activeId}
          aria-invalid={errors.length > 0 || undefined}
          aria-describedby={errors.length > 0 ? ids.error : undefined}
          placeholder={props.placeholder ?? 'Filter expression, e.g. service("checkout") { fault }'}
          spellCheck={false}
          autoCapitalize="off"
          autoCorrect="off"
          autoComplete="off"
          value={value}
          onChange={(e) => {
            setForced(undefined);
            onChange(e.target.value);
            suggest(e.target.value, e.target.selectionStart);
          }}
          onBlur={() => setCompletion(undefined)}
          onKeyDown={(e) => {
            const items = completion?.result.items ?? [];
            if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
              e.preventDefault();
              if (!completion) return suggest(value, e.currentTarget.selectionStart);
              const delta = e.key === 'ArrowDown' ? 1 : -1;
              setCompletion({
                ...completion,
                active: moveActive(completion.active, items.length, delta),
              });
            } else if (e.key === 'Enter') {
              e.preventDefault();
              if (completion && completion.active >= 0) accept(completion.active);
              else submit();
            } else if (e.key === 'Tab' && completion && items.length > 0) {
              e.preventDefault();
              accept(Math.max(0, completion.active));
            } else if (e.key === 'Escape' && completion) {
              e.preventDefault();
              e.stopPropagation();
              setCompletion(undefined);
            } else if (e.key === ' ' && e.ctrlKey) {
              e.preventDefault();
              suggest(value, e.currentTarget.selectionStart);
            }
          }}
        />
        {open && (
          <CompletionList
            id={ids.list}
            items={completion.result.items}
            active={completion.active}
            onPick={accept}
          />
        )}
      </div>
      {errors.length > 0 && (
        <div id={ids.error} className="fi-errors" role="alert">
          {errors.map((err) => (
            <p key={`${err.from}:${err.to}:${err.message}`} className="field-error">
              {positionLabel(value, err.from)}: {err.message}
            </p>
          ))}
        </div>
      )}
    </div>
  );
}

function looksLikeTraceId(props: FilterInputProps, value: string): boolean {
  return (
    props.onTraceId !== undefined &&
    decideSubmit(value, () => ({ ok: true }), true).kind === 'trace'
  );
}
