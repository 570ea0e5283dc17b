import type { SegmentDoc } from '../../../xray/types.ts';
import { Field, Fields, LongText, Nothing, scalarText } from './fields.tsx';
import { JsonTree } from './json-tree.tsx';

/**
 * Where the piece ran and what it called: resource ARN, app (service) version, the X-Ray SDK, and
 * every `aws` field (scalars as rows, nested objects such as `ec2`/`ecs` as JSON trees).
 */
export function ResourcesTab({ doc }: { doc: SegmentDoc }) {
  const aws = doc.aws && typeof doc.aws === 'object' ? doc.aws : undefined;
  const xray = aws?.xray as Record<string, unknown> | undefined;
  const service = doc.service && typeof doc.service === 'object' ? doc.service : undefined;
  const scalars = aws ? Object.entries(aws).filter(([, v]) => scalarText(v) !== undefined) : [];
  const nested = aws
    ? Object.entries(aws).filter(([k, v]) => k !== 'xray' && typeof v === 'object' && v !== null)
    : [];
  if (!aws && !service && !doc.resource_arn)
    return <Nothing>No AWS resource, service or SDK information on this piece.</Nothing>;
  return (
    <>
      <Fields label="Resource">
        <Field
          name="Resource ARN"
          value={
            typeof doc.resource_arn === 'string' ? <LongText text={doc.resource_arn} /> : undefined
          }
        />
        <Field name="Service version" value={scalarText(service?.version)} />
        {service &&
          Object.entries(service)
            .filter(([k, v]) => k !== 'version' && scalarText(v) !== undefined)
            .map(([k, v]) => (
              <Field
                key={k}
                name={`Service ${k}`}
                value={<LongText text={scalarText(v) as string} />}
              />
            ))}
        <Field name="SDK" value={scalarText(xray?.sdk)} />
        <Field name="SDK version" value={scalarText(xray?.sdk_version)} />
        <Field name="Auto-instrumentation" value={scalarText(xray?.auto_instrumentation)} />
      </Fields>
      {scalars.length > 0 && (
        <>
          <h3>AWS</h3>
          <Fields label="AWS">
            {scalars.map(([k, v]) => (
              <Field key={k} name={k} value={<LongText text={scalarText(v) as string} />} />
            ))}
          </Fields>
        </>
      )}
      {nested.map(([k, v]) => (
        <JsonTree key={k} label={`aws.${k}`} value={v} />
      ))}
    </>
  );
}
