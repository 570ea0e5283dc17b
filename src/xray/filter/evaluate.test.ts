import { describe, expect, it } from 'vitest';
import type { FilterNode } from './ast.ts';
import { compileFilter, evaluateFilter, type FilterContext } from './compile.ts';
import { parseFilter } from './parser.ts';
import { annotations, facts, users } from './test-fixtures.ts';

function ast(text: string): FilterNode | null {
  const r = parseFilter(text);
  if (!r.ok) throw new Error(`${text}: ${JSON.stringify(r.errors)}`);
  return r.ast;
}

/** A small shop: web (root) → api → payments, api → DynamoDB (inferred), with root causes. */
const shop = facts({
  summary: {
    ResponseTime: 2.4,
    Duration: 3.1,
    HasError: false,
    HasFault: true,
    HasThrottle: false,
    IsPartial: false,
    Http: {
      HttpURL: 'https://shop.example.com/api/checkout?cart=7',
      HttpMethod: 'POST',
      HttpStatus: 502,
      UserAgent: 'Mozilla/5.0 (X11)',
      ClientIp: '10.0.0.7',
    },
    Users: users('alice', 'bob'),
    AvailabilityZones: [{ Name: 'us-east-1a' }],
    InstanceIds: [{ Id: 'i-0abc' }],
    ResourceARNs: [{ ARN: 'arn:aws:lambda:us-east-1:111122223333:function:pay' }],
    Annotations: {
      ...annotations({ tenant: 'acme', items: 3, premium: true, retried: false, 'otel.attr': 'x' }),
    },
    FaultRootCauses: [
      {
        Services: [
          {
            Name: 'api',
            Names: ['api'],
            Type: 'AWS::EC2::Instance',
            EntityPath: [{ Name: 'api' }],
          },
          {
            Name: 'payments',
            Names: ['payments', 'payments-alias'],
            Type: 'AWS::Lambda::Function',
            EntityPath: [
              { Name: 'payments' },
              {
                Name: 'charge',
                Remote: true,
                Exceptions: [
                  { Name: 'TimeoutError', Message: 'provider timed out' },
                  { Name: 'PaymentError', Message: 'payment provider unavailable' },
                ],
              },
            ],
          },
        ],
      },
    ],
    ErrorRootCauses: [
      {
        Services: [
          { Name: 'auth', Type: 'remote', Inferred: true, EntityPath: [{ Name: 'auth' }] },
        ],
      },
    ],
    ResponseTimeRootCauses: [
      {
        Services: [
          {
            Name: 'DynamoDB',
            Type: 'AWS::DynamoDB',
            Inferred: true,
            EntityPath: [
              { Name: 'DynamoDB', Coverage: 0.2 },
              { Name: 'GetItem', Coverage: 0.75, Remote: true },
            ],
          },
        ],
      },
    ],
  },
  nodes: [
    { name: 'web', root: true, calls: [{ status: 502, responseTime: 2.4, duration: 3.1 }] },
    {
      name: 'api',
      calls: [
        { status: 200, responseTime: 0.3 },
        {
          status: 500,
          responseTime: 1.9,
          http: { HttpStatus: 500, HttpMethod: 'POST', HttpURL: 'http://api/charge' },
        },
      ],
    },
    {
      name: 'payments',
      names: ['payments', 'payments-alias'],
      type: 'AWS::Lambda::Function',
      account: '111122223333',
      calls: [{ status: 429, responseTime: 0.05 }],
    },
    {
      name: 'DynamoDB',
      type: 'AWS::DynamoDB',
      inferred: true,
      calls: [{ status: 200, responseTime: 1.2, inProgress: true }],
    },
  ],
  edges: [
    { from: 'web', to: 'api', calls: [{ status: 500, responseTime: 2.2 }] },
    { from: 'api', to: 'payments', calls: [{ status: 429, responseTime: 0.06 }] },
    { from: 'api', to: 'DynamoDB', calls: [{ status: 200, responseTime: 1.3 }] },
  ],
});

/** An uneventful trace: one OK root, nothing set. */
const quiet = facts({ nodes: [{ name: 'web' }], summary: { Duration: 0.2, ResponseTime: 0.1 } });

/** A throttled, partial trace with an inferred segment document but no inferred node. */
const throttled = facts({
  summary: { HasError: true, HasThrottle: true, IsPartial: true, Http: { HttpStatus: 429 } },
  nodes: [{ name: 'web', calls: [{ status: 429 }] }],
  segments: [{ id: 's1', name: 'x', trace_id: 't', start_time: 1, inferred: true }],
});

const groups: Record<string, string> = {
  slow: 'responsetime > 2',
  fast: 'responsetime < 1',
  'slow-and-faulty': 'group.name = "slow" AND fault',
  loop: 'group.name = "loop2"',
  loop2: 'group.name = "loop"',
  everything: '',
};
const ctx: FilterContext = {
  resolveGroup: (ref) => {
    if (ref.arn === 'arn:aws:xray:us-east-1:1:group/slow/X') return ast(groups.slow!);
    const text =
      ref.name !== undefined && Object.hasOwn(groups, ref.name) ? groups[ref.name] : undefined;
    return text === undefined ? undefined : ast(text);
  },
};

type Case = [expression: string, trace: 'shop' | 'quiet' | 'throttled', expected: boolean];

const CASES: Case[] = [
  // Boolean keywords at the top level (trace as a whole: the summary flags).
  ['fault', 'shop', true],
  ['fault', 'quiet', false],
  ['error', 'shop', false],
  ['error', 'throttled', true],
  ['throttle', 'throttled', true],
  ['throttle', 'shop', false],
  ['ok', 'quiet', true],
  ['ok', 'shop', false],
  ['ok', 'throttled', false],
  ['!ok', 'shop', true],
  ['ok = true', 'quiet', true],
  ['ok != true', 'quiet', false],
  ['fault = false', 'quiet', true],
  ['partial', 'throttled', true],
  ['partial', 'shop', false],
  ['inferred', 'shop', true],
  ['inferred', 'throttled', true], // from the inferred segment document
  ['inferred', 'quiet', false],
  // Number keywords.
  ['responsetime > 2', 'shop', true],
  ['responsetime > 2.4', 'shop', false],
  ['responsetime >= 2.4', 'shop', true],
  ['responsetime < 1', 'quiet', true],
  ['responsetime <= 0.1', 'quiet', true],
  ['responsetime = 0.1', 'quiet', true],
  ['responsetime != 0.1', 'quiet', false],
  ['duration > 3', 'shop', true],
  ['duration > 3', 'quiet', false],
  ['http.status = 502', 'shop', true],
  ['http.status >= 500', 'throttled', false],
  ['http.status != 200', 'quiet', false], // no status recorded: nothing to compare
  ['http.status', 'shop', true],
  ['http.status', 'quiet', false],
  ['responsetime > -1', 'quiet', true],
  ['duration < 1e1', 'shop', true],
  // String keywords.
  ['http.url = "https://shop.example.com/api/checkout?cart=7"', 'shop', true],
  ['http.url CONTAINS "/checkout"', 'shop', true],
  ['http.url CONTAINS "/Checkout"', 'shop', false], // case-sensitive (§6.8)
  ['http.url BEGINSWITH "https://shop."', 'shop', true],
  ['http.url ENDSWITH "cart=7"', 'shop', true],
  ['http.url ENDSWITH "cart"', 'shop', false],
  ['http.url != "x"', 'shop', true],
  ['http.url != "x"', 'quiet', false],
  ['http.method = "POST"', 'shop', true],
  ['http.method = post', 'shop', false], // unquoted value, still case-sensitive
  ['http.useragent CONTAINS "X11"', 'shop', true],
  ['http.clientip BEGINSWITH "10."', 'shop', true],
  ['http.url', 'shop', true],
  ['http.url', 'quiet', false],
  ['user = "bob"', 'shop', true], // any user of the trace
  ['user = "carol"', 'shop', false],
  ['user CONTAINS ""', 'quiet', false],
  ['user != "alice"', 'shop', true], // ∃ user ≠ alice (bob)
  ['availabilityzone = "us-east-1a"', 'shop', true],
  ['availabilityzone BEGINSWITH "eu-"', 'shop', false],
  ['instance.id = "i-0abc"', 'shop', true],
  ['resource.arn ENDSWITH ":function:pay"', 'shop', true],
  ['resource.arn', 'quiet', false],
  // Annotations.
  ['annotation.tenant = "acme"', 'shop', true],
  ['annotation[tenant] = "acme"', 'shop', true],
  ['annotation["tenant"] = acme', 'shop', true],
  ['annotation.Tenant = "acme"', 'shop', false], // keys are case-sensitive
  ['annotation.items = 3', 'shop', true],
  ['annotation.items >= 4', 'shop', false],
  ['annotation.items = "3"', 'shop', false], // type mismatch ⇒ false (§6.7)
  ['annotation.tenant > 2', 'shop', false],
  ['annotation.premium', 'shop', true], // boolean annotation alone = its value
  ['annotation.retried', 'shop', false],
  ['!annotation.retried', 'shop', true],
  ['annotation.retried = false', 'shop', true],
  ['annotation.premium != true', 'shop', false],
  ['annotation.items', 'shop', true],
  ['annotation.missing', 'shop', false],
  ['annotation["otel.attr"] = "x"', 'shop', true],
  ['annotation.otel.attr = "x"', 'shop', true],
  ['annotation.tenant CONTAINS "cm"', 'shop', true],
  ['annotation.constructor', 'shop', false], // not a prototype property
  // service(…) { … }
  ['service("api")', 'shop', true],
  ['service("nope")', 'shop', false],
  ['service("payments-alias")', 'shop', true], // any of the node's names
  ['service("api") { fault }', 'shop', true],
  ['service("api") { ok }', 'shop', true], // ∃ call that is ok
  ['service("api") { fault AND responsetime < 1 }', 'shop', false], // on the same call
  ['service("api") { fault AND http.url CONTAINS "charge" }', 'shop', true],
  ['service("web") { root }', 'shop', true],
  ['service("api") { root }', 'shop', false],
  ['service("payments") { throttle }', 'shop', true],
  ['service("payments") { name = "payments-alias" }', 'shop', true],
  ['service() { type = "AWS::DynamoDB" AND inferred }', 'shop', true],
  ['service() { partial }', 'shop', true],
  ['service("DynamoDB") { !partial }', 'shop', false],
  ['service() { error }', 'shop', true],
  ['service() { error }', 'quiet', false],
  ['!service("payments")', 'shop', false],
  ['service(id(name: "payments", type: "AWS::Lambda::Function"))', 'shop', true],
  ['service(id(name: "payments", type: "AWS::Lambda"))', 'shop', false],
  ['service(id(account.id: "111122223333")) { throttle }', 'shop', true],
  ['service(api) { duration > 1 }', 'shop', true], // unquoted service name
  // edge(…, …) { … }
  ['edge("web", "api")', 'shop', true],
  ['edge("api", "web")', 'shop', false],
  ['edge("web", "api") { fault }', 'shop', true],
  ['edge("api", "payments") { throttle AND error }', 'shop', true],
  ['edge("api", "DynamoDB") { fault }', 'shop', false],
  ['edge("api", id(type: "AWS::DynamoDB")) { responsetime > 1 }', 'shop', true],
  // rootcause.*
  ['rootcause.fault.service { name = "payments" }', 'shop', true],
  ['rootcause.fault.service { name = "payments-alias" AND last }', 'shop', true],
  ['rootcause.fault.service { first AND type = "AWS::EC2::Instance" }', 'shop', true],
  ['rootcause.fault.service { index = 1 }', 'shop', true], // 0-based (§7 decision)
  ['rootcause.fault.service { index = 2 }', 'shop', false],
  ['rootcause.fault.service { inferred }', 'shop', false],
  ['rootcause.fault.entity { remote AND name = "charge" AND last }', 'shop', true],
  ['rootcause.fault.entity { first AND remote }', 'shop', false],
  ['rootcause.fault.exception { name = "PaymentError" AND last }', 'shop', true],
  ['rootcause.fault.exception { message CONTAINS "timed out" AND index = 0 }', 'shop', true],
  ['rootcause.fault.exception { message CONTAINS "timed out" AND last }', 'shop', false],
  ['rootcause.error.service { inferred AND type = "remote" }', 'shop', true],
  ['rootcause.error.entity { name = "auth" }', 'shop', true],
  ['rootcause.error.exception { first }', 'shop', false],
  ['rootcause.responsetime.service { inferred AND name = "DynamoDB" }', 'shop', true],
  ['rootcause.responsetime.entity { coverage > 0.7 AND remote AND last }', 'shop', true],
  ['rootcause.responsetime.entity { coverage > 0.8 }', 'shop', false],
  ['rootcause.fault.service { name = "api" }', 'quiet', false],
  ['rootcause.json = #[{"Services":[{"Name":"DynamoDB"}]}]', 'shop', true],
  ['rootcause.json = #[{"Services":[{"Name":"api"},{"Name":"payments"}]}]', 'shop', true],
  ['rootcause.json = #[{"Services":[{"Name":"payments"}]}]', 'shop', false], // exact list
  ['rootcause.json = #[{"Services":[{"Name":"auth","Inferred":true}]}]', 'shop', true], // error family
  ['rootcause.json = #[{"ClientImpacting":true}]', 'shop', false],
  // group.name / group.arn (resolved by the caller, recursion-safe)
  ['group.name = "slow"', 'shop', true],
  ['group.name = "slow"', 'quiet', false],
  ['group.name != "slow"', 'quiet', true],
  ['group.name = "fast" OR fault', 'quiet', true],
  ['group.name = "slow-and-faulty"', 'shop', true],
  ['group.name = "nope"', 'shop', false], // unknown group
  ['group.name = "loop"', 'shop', false], // cycle
  ['group.name = "everything"', 'quiet', true], // group without a filter
  ['group.arn = "arn:aws:xray:us-east-1:1:group/slow/X"', 'shop', true],
  // Logic: precedence, implicit AND, NOT, && ||, parentheses, case.
  ['fault OR ok AND user = "nobody"', 'shop', true], // AND binds tighter than OR
  ['(fault OR ok) AND user = "nobody"', 'shop', false],
  ['fault user = "alice"', 'shop', true], // implicit AND
  ['fault user = "nobody"', 'shop', false],
  ['NOT fault', 'quiet', true],
  ['not fault and ok', 'quiet', true],
  ['!responsetime > 2', 'shop', false], // ! applies to the whole comparison
  ['fault && !error || throttle', 'shop', true],
  ['!(fault || error)', 'quiet', true],
  ['FAULT and ResponseTime > 1 Or ok', 'shop', true],
  ['', 'quiet', true], // empty = every trace
  ['   ', 'shop', true],
];

const traces = { shop, quiet, throttled };

describe('evaluation over hand-built traces', () => {
  it('has at least 80 cases', () => {
    expect(CASES.length).toBeGreaterThanOrEqual(80);
  });
  it.each(CASES)('%s on %s → %s', (expression, trace, expected) => {
    expect(compileFilter(ast(expression), ctx)(traces[trace])).toBe(expected);
  });
});

describe('compileFilter', () => {
  it('null matches everything; evaluateFilter agrees with compileFilter', () => {
    expect(compileFilter(null)(quiet)).toBe(true);
    expect(evaluateFilter(ast('fault'), shop)).toBe(true);
  });
  it('without a resolver every group is unknown (false)', () => {
    expect(evaluateFilter(ast('group.name = "slow"'), shop)).toBe(false);
  });
  it('resolves groups once, at compile time', () => {
    let calls = 0;
    const counting: FilterContext = {
      resolveGroup: (ref) => {
        calls++;
        return ctx.resolveGroup?.(ref);
      },
    };
    const test = compileFilter(ast('group.name = "slow"'), counting);
    test(shop);
    test(quiet);
    expect(calls).toBe(1);
  });
  it('a node without calls still answers node-level keywords', () => {
    const t = facts({ nodes: [{ name: 'web', calls: [] }] });
    expect(evaluateFilter(ast('service("web") { root }'), t)).toBe(true);
    expect(evaluateFilter(ast('service("web") { fault }'), t)).toBe(false);
  });
});
