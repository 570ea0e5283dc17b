import { useMemo, useState } from 'react';
import type { SubsegmentDoc } from '../../../xray/types.ts';
import { Field, Fields, LongText, Nothing, scalarText } from './fields.tsx';

/** The SQL call: URL or connection string, query, database and driver. */
export function SqlTab({ doc }: { doc: SubsegmentDoc }) {
  const sql = doc.sql && typeof doc.sql === 'object' ? doc.sql : undefined;
  if (!sql) return <Nothing>This piece made no SQL call.</Nothing>;
  const text = (v: unknown) => {
    const s = scalarText(v);
    return s === undefined ? undefined : <LongText text={s} />;
  };
  return (
    <>
      <Fields label="SQL">
        <Field name="URL" value={text(sql.url)} />
        <Field name="Connection string" value={text(sql.connection_string)} />
        <Field name="Database type" value={text(sql.database_type)} />
        <Field name="Database version" value={text(sql.database_version)} />
        <Field name="Driver version" value={text(sql.driver_version)} />
        <Field name="User" value={text(sql.user)} />
        <Field name="Preparation" value={text(sql.preparation)} />
      </Fields>
      {typeof sql.sanitized_query === 'string' && (
        <>
          <h3>Query</h3>
          <pre className="sd-pre">{sql.sanitized_query}</pre>
        </>
      )}
    </>
  );
}

/** Above this many characters the raw view shows the start; Copy still copies everything. */
const RAW_DISPLAY_LIMIT = 200_000;

/** The piece's document as X-Ray returned it, pretty-printed and copyable. */
export function RawTab({ doc }: { doc: unknown }) {
  const json = useMemo(() => JSON.stringify(doc, null, 2), [doc]);
  const [copied, setCopied] = useState<'yes' | 'failed' | undefined>();
  return (
    <>
      <div className="sd-raw-bar">
        <button
          type="button"
          onClick={() =>
            navigator.clipboard
              .writeText(json)
              .then(() => setCopied('yes'))
              .catch(() => setCopied('failed'))
          }
        >
          Copy JSON
        </button>
        <span role="status" className="hint">
          {copied === 'yes'
            ? 'Copied.'
            : copied === 'failed'
              ? 'Copy failed: select the text instead.'
              : ''}
        </span>
      </div>
      <pre className="sd-pre">
        {json.length > RAW_DISPLAY_LIMIT
          ? `${json.slice(0, RAW_DISPLAY_LIMIT)}\n… ${(json.length - RAW_DISPLAY_LIMIT).toLocaleString('en-US')} more characters (Copy JSON copies all)`
          : json}
      </pre>
    </>
  );
}
