import type { IngestDoc, SegmentDoc } from '../types.ts';

/**
 * The four example traces of segment-document.md §11, verbatim, as documents in arrival order.
 * Shared by unit tests, benchmarks and anyone who needs a known-good trace.
 */

/** §11.1: Lambda function reading DynamoDB, (a)–(c) as received; (d) is what assembly must infer. */
export const LAMBDA_TRACE_ID = '1-665a6480-74f5d4ee4434dc19327d1cd4';
export const lambdaDocs: IngestDoc[] = [
  {
    id: '2ee38d92cfc069cd',
    name: 'orders-lookup',
    trace_id: LAMBDA_TRACE_ID,
    start_time: 1717200001.1,
    end_time: 1717200001.412,
    origin: 'AWS::Lambda',
    resource_arn: 'arn:aws:lambda:us-east-1:111122223333:function:orders-lookup',
    http: { response: { status: 200 } },
    aws: { request_id: '0b6e1c57-3f7b-4c2e-9a51-8d2f0c4e6a13' },
  },
  {
    id: '7b33398f047e4f42',
    name: 'orders-lookup',
    trace_id: LAMBDA_TRACE_ID,
    parent_id: '2ee38d92cfc069cd',
    start_time: 1717200001.152,
    end_time: 1717200001.398,
    origin: 'AWS::Lambda::Function',
    aws: {
      function_arn: 'arn:aws:lambda:us-east-1:111122223333:function:orders-lookup',
      account_id: '111122223333',
    },
  },
  {
    id: 'd4719f41cb7ccc6d',
    name: 'DynamoDB',
    trace_id: LAMBDA_TRACE_ID,
    parent_id: '7b33398f047e4f42',
    type: 'subsegment',
    start_time: 1717200001.203,
    end_time: 1717200001.241,
    namespace: 'aws',
    annotations: { order_id: 'A-10042', cache_hit: false },
    http: { response: { status: 200, content_length: 312 } },
    aws: {
      operation: 'GetItem',
      region: 'us-east-1',
      table_name: 'orders',
      request_id: 'R7K2M9Q4T1V8X3Z6B5N0C2D4F6G8H1JKEMVJF66Q9ASUAAJG',
      retries: 0,
      resource_names: ['orders'],
    },
  },
];

/** §11.1 (d) as the reference prints it (its id is illustrative; ours is derived). */
export const lambdaInferred: Omit<SegmentDoc, 'id'> = {
  name: 'DynamoDB',
  trace_id: LAMBDA_TRACE_ID,
  parent_id: 'd4719f41cb7ccc6d',
  inferred: true,
  origin: 'AWS::DynamoDB::Table',
  start_time: 1717200001.203,
  end_time: 1717200001.241,
  http: { response: { status: 200, content_length: 312 } },
  aws: {
    operation: 'GetItem',
    region: 'us-east-1',
    table_name: 'orders',
    resource_names: ['orders'],
  },
};

/** §11.2: HTTP API answering 500 because a downstream call failed. */
export const FAULT_TRACE_ID = '1-665a6480-75ed1faa09214d2e66193645';
export const faultDocs: IngestDoc[] = [
  {
    id: '5b79c484be4cad27',
    name: 'orders-api',
    trace_id: FAULT_TRACE_ID,
    start_time: 1717200000.012,
    end_time: 1717200000.313,
    origin: 'AWS::EC2::Instance',
    user: 'alice',
    service: { version: '2.4.1' },
    fault: true,
    http: {
      request: {
        method: 'POST',
        url: 'https://api.example.com/orders',
        user_agent: 'curl/8.5.0',
        client_ip: '203.0.113.7',
        x_forwarded_for: true,
      },
      response: { status: 500, content_length: 58 },
    },
    aws: {
      ec2: { instance_id: 'i-0a1b2c3d4e5f67890', availability_zone: 'us-east-1a' },
      xray: { sdk: 'X-Ray for Node.js', sdk_version: '3.12.0' },
    },
    annotations: { customer_tier: 'gold', items: 3 },
    metadata: { default: { cart: { skus: ['SKU-1', 'SKU-7'], total: 41.5 } } },
    cause: {
      working_directory: '/srv/orders-api',
      exceptions: [
        {
          id: 'f093a751a7c10e75',
          type: 'PaymentError',
          message: 'payment provider unavailable',
          cause: '07898de0cd223bc2',
          stack: [
            { path: 'src/routes/orders.js', line: 88, label: 'createOrder' },
            { path: 'src/app.js', line: 41, label: 'handle' },
          ],
        },
      ],
    },
    subsegments: [
      {
        id: '8b3694f9ba4e1908',
        name: 'payments.example.com',
        start_time: 1717200000.02,
        end_time: 1717200000.305,
        namespace: 'remote',
        fault: true,
        http: {
          request: {
            method: 'POST',
            url: 'https://payments.example.com/v1/charges',
            traced: false,
          },
          response: { status: 503, content_length: 19 },
        },
        cause: {
          working_directory: '/srv/orders-api',
          exceptions: [
            {
              id: '07898de0cd223bc2',
              type: 'HttpError',
              message: '503 Service Unavailable',
              remote: true,
              truncated: 12,
              stack: [
                { path: 'node_modules/undici/lib/fetch.js', line: 1041, label: 'fetchFinale' },
              ],
            },
          ],
        },
      },
    ],
  },
];

/** §11.3: throttled DynamoDB call turned into a 429. */
export const THROTTLE_TRACE_ID = '1-665a64fb-4e6ae24c9dbd20e2b05f4fa6';
export const throttleDocs: IngestDoc[] = [
  {
    id: 'e116c72177ef88c5',
    name: 'inventory-svc',
    trace_id: THROTTLE_TRACE_ID,
    start_time: 1717200123.5,
    end_time: 1717200123.587,
    origin: 'AWS::ECS::Container',
    error: true,
    throttle: true,
    http: {
      request: { method: 'GET', url: 'http://inventory.internal/items/42', client_ip: '10.0.3.17' },
      response: { status: 429 },
    },
    aws: { ecs: { container: 'inventory-svc-7f9c', container_id: '3c1e9a7b5d2f' } },
    subsegments: [
      {
        id: '7dab2e344d9db3fc',
        name: 'DynamoDB',
        start_time: 1717200123.503,
        end_time: 1717200123.584,
        namespace: 'aws',
        error: true,
        throttle: true,
        http: { response: { status: 400 } },
        aws: {
          operation: 'Query',
          region: 'us-east-1',
          table_name: 'inventory',
          retries: 3,
          request_id: 'Q0M2S5P8U1W4Y7A0C3E6G9I2K5M8O1Q4S7U0W3Y6A9C2E5G8',
        },
        cause: {
          working_directory: '/app',
          exceptions: [
            {
              id: '0343826f92299ee5',
              type: 'ProvisionedThroughputExceededException',
              message: 'The level of configured provisioned throughput for the table was exceeded.',
              remote: true,
            },
          ],
        },
      },
    ],
  },
];

/** §11.4: in-progress segment, an independent subsegment, then the completed segment. */
export const LONG_TRACE_ID = '1-665a6480-3c6248187c8a90d75aa7629c';
export const longDocs: IngestDoc[] = [
  {
    id: '4d264abb0f1861b1',
    name: 'report-worker',
    trace_id: LONG_TRACE_ID,
    start_time: 1717200030.0,
    in_progress: true,
  },
  {
    id: 'b8c86f5873bc33c0',
    name: 'render-pdf',
    trace_id: LONG_TRACE_ID,
    parent_id: '4d264abb0f1861b1',
    type: 'subsegment',
    start_time: 1717200030.01,
    end_time: 1717200042.75,
    metadata: { default: { pages: 37 } },
  },
  {
    id: '4d264abb0f1861b1',
    name: 'report-worker',
    trace_id: LONG_TRACE_ID,
    start_time: 1717200030.0,
    end_time: 1717200043.02,
    http: {
      request: { method: 'POST', url: 'https://reports.example.com/jobs' },
      response: { status: 202 },
    },
  },
];
