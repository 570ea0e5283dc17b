/**
 * Stable element ids for the service map. A service is identified by its type and name (X-Ray
 * draws a Lambda function twice: `AWS::Lambda` and `AWS::Lambda::Function`), never by the
 * per-response ReferenceId, so ids survive refreshes, reloads and links in runbooks.
 */

/** `${Type}::${Name}` (Type may be empty), e.g. `AWS::DynamoDB::Table::orders` or `client::checkout-api`. */
export function nodeId(type: string | undefined, name: string): string {
  return `${type ?? ''}::${name}`;
}

/** Separator between the two node ids of an edge id; spaces keep it out of real type names. */
const EDGE_SEPARATOR = ' -> ';

/** `${sourceId} -> ${targetId}`: one edge per caller/callee pair. */
export function edgeId(sourceId: string, targetId: string): string {
  return `${sourceId}${EDGE_SEPARATOR}${targetId}`;
}
