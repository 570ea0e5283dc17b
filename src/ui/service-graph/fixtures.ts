import type { Service } from '../../xray/types.ts';

/**
 * A small graph in the shape of X-Ray's documented GetServiceGraph answer: a client node, an
 * instrumented root service, and inferred DynamoDB, SNS and remote nodes. Shared by the tests.
 */
export function sampleServices(): Service[] {
  const stats = (ok: number, err: number, thr: number, fault: number, rt: number) => ({
    OkCount: ok,
    ErrorStatistics: { ThrottleCount: thr, OtherCount: err, TotalCount: err + thr },
    FaultStatistics: { OtherCount: fault, TotalCount: fault },
    TotalCount: ok + err + thr + fault,
    TotalResponseTime: rt,
  });
  return [
    {
      ReferenceId: 0,
      Name: 'checkout-api',
      Type: 'client',
      State: 'unknown',
      Edges: [{ ReferenceId: 1, SummaryStatistics: stats(90, 5, 0, 5, 30) }],
    },
    {
      ReferenceId: 1,
      Name: 'checkout-api',
      Names: ['checkout-api'],
      Root: true,
      Type: 'AWS::ECS::Container',
      State: 'active',
      SummaryStatistics: stats(90, 5, 0, 5, 30),
      ResponseTimeHistogram: [
        { Value: 0.1, Count: 60 },
        { Value: 0.5, Count: 40 },
      ],
      Edges: [
        {
          ReferenceId: 2,
          SummaryStatistics: stats(150, 0, 10, 0, 4),
          ResponseTimeHistogram: [{ Value: 0.025, Count: 160 }],
        },
        { ReferenceId: 3, SummaryStatistics: stats(20, 0, 0, 0, 1), EdgeType: 'link' },
        { ReferenceId: 4, SummaryStatistics: stats(0, 0, 0, 12, 12) },
      ],
    },
    {
      ReferenceId: 2,
      Name: 'orders',
      Type: 'AWS::DynamoDB::Table',
      State: 'unknown',
      SummaryStatistics: stats(150, 0, 10, 0, 4),
      Edges: [],
    },
    { ReferenceId: 3, Name: 'SNS', Type: 'AWS::SNS', State: 'unknown', Edges: [] },
    {
      ReferenceId: 4,
      Name: 'payments.example.com',
      Type: 'remote',
      State: 'unknown',
      SummaryStatistics: stats(0, 0, 0, 12, 12),
      Edges: [],
    },
  ];
}
