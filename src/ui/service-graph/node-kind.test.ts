import { describe, expect, it } from 'vitest';
import { edgeId, nodeId } from './node-id.ts';
import { nodeKind } from './node-kind.ts';

describe('nodeKind', () => {
  it.each([
    ['client', 'client'],
    ['AWS::ApiGateway::Stage', 'apigateway'],
    ['AWS::Lambda', 'lambda'],
    ['AWS::Lambda::Function', 'lambda'],
    ['AWS::ECS::Container', 'compute'],
    ['AWS::EC2::Instance', 'compute'],
    ['AWS::DynamoDB::Table', 'dynamodb'],
    ['AWS::SQS::Queue', 'sqs'],
    ['AWS::SNS', 'sns'],
    ['AWS::S3::Bucket', 's3'],
    ['Database::SQL', 'sql'],
    ['AWS::RDS::DBInstance', 'sql'],
    ['remote', 'remote'],
    ['AWS::Kinesis::Stream', 'aws'],
    ['my-custom-origin', 'service'],
    [undefined, 'service'],
  ] as const)('%s → %s', (type, kind) => {
    expect(nodeKind(type)).toBe(kind);
  });
});

describe('ids', () => {
  it('are stable strings of type and name', () => {
    expect(nodeId('AWS::DynamoDB::Table', 'orders')).toBe('AWS::DynamoDB::Table::orders');
    expect(edgeId('client::api', '::api')).toBe('client::api -> ::api');
    expect(nodeId('', 'api')).not.toBe(nodeId('client', 'api'));
  });
});
