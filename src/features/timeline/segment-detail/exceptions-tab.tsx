import type { CauseDoc, ExceptionDoc } from '../../../xray/types.ts';
import { Field, Fields, LongText, Nothing, scalarText } from './fields.tsx';
import {
  type ExceptionIndex,
  parentException,
  type ResolvedException,
} from './resolve-exceptions.ts';

/**
 * Exceptions of one piece (references resolved by the caller): type, message, remote flag, the
 * stack, and the exception that caused each one. `onGoto` selects the row that recorded an
 * exception shown here by reference.
 */
export function ExceptionsTab({
  cause,
  exceptions,
  index,
  rowName,
  onGoto,
}: {
  cause: unknown;
  exceptions: ResolvedException[];
  index: () => ExceptionIndex;
  rowName: (row: number) => string;
  onGoto: (row: number) => void;
}) {
  const c = cause && typeof cause === 'object' ? (cause as CauseDoc) : undefined;
  if (exceptions.length === 0)
    return (
      <Nothing>
        {typeof cause === 'string'
          ? `Caused by exception ${cause}, which is not in this trace.`
          : 'No exceptions recorded on this piece.'}
      </Nothing>
    );
  return (
    <>
      {c && (c.working_directory || c.paths) && (
        <Fields label="Cause">
          <Field name="Working directory" value={scalarText(c.working_directory)} />
          <Field
            name="Paths"
            value={Array.isArray(c.paths) ? <LongText text={c.paths.join(', ')} /> : undefined}
          />
        </Fields>
      )}
      <ol className="sd-exceptions" aria-label="Exceptions">
        {exceptions.map(({ exception: e, row, referenced }, i) => {
          const parent = parentException(e, index);
          return (
            <li
              // biome-ignore lint/suspicious/noArrayIndexKey: exception ids may repeat in bad data.
              key={`${e.id}-${i}`}
              className="sd-exception"
            >
              <h3>
                <span className="sd-exc-type">{scalarText(e.type) ?? 'Exception'}</span>
                {e.remote === true && <span className="wf-tag wf-tag-remote">remote</span>}
              </h3>
              {typeof e.message === 'string' && (
                <p className="sd-exc-message">
                  <LongText text={e.message} />
                </p>
              )}
              {referenced && (
                <p className="hint">
                  Recorded on{' '}
                  <button type="button" className="link-button" onClick={() => onGoto(row)}>
                    {rowName(row)}
                  </button>
                </p>
              )}
              {parent && (
                <p className="hint">
                  Caused by {scalarText(parent.exception.type) ?? 'exception'}
                  {parent.exception.message ? `: ${parent.exception.message.slice(0, 200)}` : ''}{' '}
                  (on{' '}
                  <button type="button" className="link-button" onClick={() => onGoto(parent.row)}>
                    {rowName(parent.row)}
                  </button>
                  )
                </p>
              )}
              {typeof e.cause === 'string' && !parent && (
                <p className="hint">Caused by exception {e.cause} (not in this trace)</p>
              )}
              <Stack e={e} />
            </li>
          );
        })}
      </ol>
    </>
  );
}

const MAX_FRAMES = 200;

function Stack({ e }: { e: ExceptionDoc }) {
  const frames = Array.isArray(e.stack) ? e.stack : [];
  if (frames.length === 0) return <p className="hint">No stack frames.</p>;
  return (
    <>
      <ol className="sd-stack" aria-label="Stack frames">
        {frames.slice(0, MAX_FRAMES).map((f, i) => (
          <li
            // biome-ignore lint/suspicious/noArrayIndexKey: frames have no identity besides order.
            key={i}
            className="mono"
          >
            {scalarText(f?.label) ?? '(anonymous)'}{' '}
            <span className="hint">
              {scalarText(f?.path) ?? '?'}
              {typeof f?.line === 'number' ? `:${f.line}` : ''}
            </span>
          </li>
        ))}
      </ol>
      {(frames.length > MAX_FRAMES || (e.truncated ?? 0) > 0) && (
        <p className="hint">
          {Math.max(0, frames.length - MAX_FRAMES) +
            (typeof e.truncated === 'number' ? e.truncated : 0)}{' '}
          more frames not shown
          {typeof e.truncated === 'number' && e.truncated > 0 ? ' (truncated by the SDK)' : ''}
        </p>
      )}
      {typeof e.skipped === 'number' && e.skipped > 0 && (
        <p className="hint">{e.skipped} exceptions skipped between this one and its cause.</p>
      )}
    </>
  );
}
