/**
 * What a service-graph node is, from its X-Ray type: decides the node's shape and icon. X-Ray's
 * types are open-ended (`AWS::<Service>::<Resource>`, `client`, `remote`, custom origins), so
 * unknown AWS types fall back to `aws` and anything else to `service`.
 */
export type NodeKind =
  | 'client'
  | 'apigateway'
  | 'lambda'
  | 'compute'
  | 'dynamodb'
  | 'sqs'
  | 'sns'
  | 's3'
  | 'sql'
  | 'remote'
  | 'aws'
  | 'service';

const BY_PREFIX: readonly [RegExp, NodeKind][] = [
  [/^client$/i, 'client'],
  [/^AWS::ApiGateway\b/i, 'apigateway'],
  [/^AWS::Lambda\b/i, 'lambda'],
  [/^AWS::(EC2|ECS|EKS|ElasticBeanstalk|AppRunner|Fargate)\b/i, 'compute'],
  [/^AWS::DynamoDB\b/i, 'dynamodb'],
  [/^AWS::SQS\b/i, 'sqs'],
  [/^AWS::SNS\b/i, 'sns'],
  [/^AWS::S3\b/i, 's3'],
  [/^(Database::SQL|AWS::RDS\b)|::SQL$/i, 'sql'],
  [/^remote$/i, 'remote'],
  [/^AWS::/i, 'aws'],
];

export function nodeKind(type: string | undefined): NodeKind {
  if (!type) return 'service';
  for (const [re, kind] of BY_PREFIX) if (re.test(type)) return kind;
  return 'service';
}

/** Short text shown inside the node (the icon) and in the accessible table. */
export const KIND_GLYPH: Readonly<Record<NodeKind, string>> = {
  client: 'USR',
  apigateway: 'API',
  lambda: 'λ',
  compute: 'SVC',
  dynamodb: 'DDB',
  sqs: 'SQS',
  sns: 'SNS',
  s3: 'S3',
  sql: 'SQL',
  remote: 'HTTP',
  aws: 'AWS',
  service: 'SVC',
};

/** Human name of the kind, for the legend and screen readers. */
export const KIND_LABEL: Readonly<Record<NodeKind, string>> = {
  client: 'Client',
  apigateway: 'API Gateway',
  lambda: 'Lambda',
  compute: 'EC2 / ECS service',
  dynamodb: 'DynamoDB',
  sqs: 'SQS queue',
  sns: 'SNS topic',
  s3: 'S3 bucket',
  sql: 'SQL database',
  remote: 'Remote host',
  aws: 'Other AWS service',
  service: 'Service',
};

/** Cytoscape node shape per kind: storage is a barrel, queues and topics tags, Lambda a hexagon. */
export const KIND_SHAPE: Readonly<Record<NodeKind, string>> = {
  client: 'round-rectangle',
  apigateway: 'round-octagon',
  lambda: 'round-hexagon',
  compute: 'ellipse',
  dynamodb: 'barrel',
  sqs: 'round-tag',
  sns: 'round-tag',
  s3: 'barrel',
  sql: 'barrel',
  remote: 'round-diamond',
  aws: 'round-pentagon',
  service: 'ellipse',
};
