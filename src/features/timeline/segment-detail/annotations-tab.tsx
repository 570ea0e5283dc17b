import type { EntityDoc } from '../../../xray/types.ts';
import { LongText, Nothing, scalarText } from './fields.tsx';
import { JsonTree } from './json-tree.tsx';

/** Annotations (indexed key/value pairs) as a table. */
export function AnnotationsTab({ doc }: { doc: EntityDoc }) {
  const entries =
    doc.annotations && typeof doc.annotations === 'object' ? Object.entries(doc.annotations) : [];
  if (entries.length === 0) return <Nothing>No annotations on this piece.</Nothing>;
  return (
    <table className="sd-table">
      <thead>
        <tr>
          <th scope="col">Key</th>
          <th scope="col">Value</th>
          <th scope="col">Type</th>
        </tr>
      </thead>
      <tbody>
        {entries.map(([k, v]) => (
          <tr key={k}>
            <td>
              <LongText text={k} limit={80} />
            </td>
            <td>
              <LongText text={scalarText(v) ?? JSON.stringify(v) ?? ''} />
            </td>
            <td className="hint">{typeof v}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** Metadata namespaces, each a collapsible JSON tree. */
export function MetadataTab({ doc }: { doc: EntityDoc }) {
  const md = doc.metadata;
  if (!md || typeof md !== 'object' || Object.keys(md).length === 0)
    return <Nothing>No metadata on this piece.</Nothing>;
  return (
    <>
      {Object.entries(md).map(([ns, v]) => (
        <JsonTree key={ns} label={ns} value={v} />
      ))}
    </>
  );
}
