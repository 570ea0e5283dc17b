import { describe, expect, it } from 'vitest';
import type { TraceFacts } from '../trace/facts.ts';
import type { Group } from '../types.ts';
import { type CompileOptions, compileFilterText } from './evaluate.ts';
import { call, edge, facts, node } from './test-support.ts';

function matches(text: string, f: TraceFacts, options?: CompileOptions): boolean {
  const compiled = compileFilterText(text, options);
  if (!compiled.ok) throw new Error(`${text}: ${JSON.stringify(compiled.errors)}`);
  return compiled.test(f);
}

describe('top-level keywords read the trace summary', () => {
  const okTrace = facts({ summary: { Http: { HttpStatus: 200 } } });
  const faultTrace = facts({ summary: { HasFault: true, Http: { HttpStatus: 502 } } });
  const throttled = facts({ summary: { HasError: true, HasThrottle: true } });

  it('classifies ok / error / throttle / fault', () => {
    expect(['ok', '!ok', 'ok = false', 'fault', 'error'].map((e) => matches(e, okTrace))).toEqual([
      true,
      false,
      false,
      false,
      false,
    ]);
    expect(['ok', 'fault', 'fault = true', 'error'].map((e) => matches(e, faultTrace))).toEqual([
      false,
      true,
      true,
      false,
    ]);
    expect(['ok', 'error', 'throttle', 'fault'].map((e) => matches(e, throttled))).toEqual([
      false,
      true,
      true,
      false,
    ]);
  });

  it('lets every trace through a blank filter', () => {
    expect(matches('', okTrace)).toBe(true);
    expect(matches('   ', faultTrace)).toBe(true);
  });

  it('reads partial and inferred', () => {
    const partial = facts({ summary: { IsPartial: true }, nodes: [node('a', { inferred: true })] });
    expect(matches('partial', partial)).toBe(true);
    expect(matches('ok !partial', partial)).toBe(false);
    expect(matches('inferred', partial)).toBe(true);
    expect(matches('inferred', okTrace)).toBe(false);
  });

  it('compares numbers', () => {
    const f = facts({ summary: { ResponseTime: 2.5, Duration: 4, Http: { HttpStatus: 404 } } });
    expect(matches('responsetime > 2', f)).toBe(true);
    expect(matches('responsetime > 2.5', f)).toBe(false);
    expect(matches('responsetime >= 2.5', f)).toBe(true);
    expect(matches('duration >= 5 AND duration <= 8', f)).toBe(false);
    expect(matches('duration < 5 duration > 3', f)).toBe(true);
    expect(matches('http.status != 200', f)).toBe(true);
    expect(matches('http.status = 404', f)).toBe(true);
  });

  it('treats an unset value as matching no comparison, != included', () => {
    expect(matches('http.status != 200', facts())).toBe(false);
    expect(matches('!http.status = 200', facts())).toBe(true);
  });

  it('matches strings with =, CONTAINS, BEGINSWITH, ENDSWITH, case-sensitively', () => {
    const f = facts({
      summary: { Http: { HttpURL: 'http://api.example.com/v2/Game', HttpMethod: 'GET' } },
    });
    expect(matches('http.url BEGINSWITH "http://api.example.com/"', f)).toBe(true);
    expect(matches('http.url CONTAINS "/v2/"', f)).toBe(true);
    expect(matches('http.url ENDSWITH "/Game"', f)).toBe(true);
    expect(matches('http.url ENDSWITH "/game"', f)).toBe(false);
    expect(matches('http.method = "GET"', f)).toBe(true);
    expect(matches('http.method != "GET"', f)).toBe(false);
  });

  it('reads a bare string keyword as "set and non-empty"', () => {
    expect(
      matches('http.url AND responseTime > 0.5', facts({ summary: { Http: { HttpURL: '/x' } } })),
    ).toBe(true);
    expect(matches('http.url', facts({ summary: { Http: { HttpURL: '' } } }))).toBe(false);
    expect(matches('http.url', facts())).toBe(false);
  });

  it('matches multi-valued keywords when any value does', () => {
    const f = facts({
      summary: {
        Users: [{ UserName: 'bob' }, { UserName: 'alice' }],
        AvailabilityZones: [{ Name: 'us-east-1a' }],
        InstanceIds: [{ Id: 'i-123' }],
        ResourceARNs: [{ ARN: 'arn:aws:lambda:us-east-1:1:function:f' }],
      },
    });
    expect(matches('user = "alice"', f)).toBe(true);
    expect(matches('user CONTAINS ""', f)).toBe(true);
    expect(matches('user CONTAINS ""', facts())).toBe(false);
    expect(matches('availabilityzone = "us-east-1a"', f)).toBe(true);
    expect(matches('instance.id BEGINSWITH "i-"', f)).toBe(true);
    expect(matches('resource.arn CONTAINS ":function:"', f)).toBe(true);
  });
});

describe('annotations', () => {
  const f = facts({
    summary: {
      Annotations: {
        gameid: [{ AnnotationValue: { StringValue: '817DL6VO' } }],
        age: [{ AnnotationValue: { NumberValue: 30 } }, { AnnotationValue: { NumberValue: 12 } }],
        flag: [{ AnnotationValue: { BooleanValue: false } }],
        'http.route': [{ AnnotationValue: { StringValue: '/x' } }],
      },
    },
  });

  it('compares by the value type, and a type mismatch never matches', () => {
    expect(matches('annotation.gameid = "817DL6VO"', f)).toBe(true);
    expect(matches('annotation.age > 29', f)).toBe(true);
    expect(matches('annotation.age < 13', f)).toBe(true);
    expect(matches('annotation.age > 30', f)).toBe(false);
    expect(matches('annotation.gameid > 1', f)).toBe(false);
    expect(matches('annotation.age = "30"', f)).toBe(false);
    expect(matches('annotation.age != "30"', f)).toBe(false);
    expect(matches('annotation.gameid CONTAINS "DL"', f)).toBe(true);
  });

  it('reads a bare annotation as "set", or as its value when boolean', () => {
    expect(matches('annotation.age', f)).toBe(true);
    expect(matches('!annotation.age', f)).toBe(false);
    expect(matches('annotation.missing', f)).toBe(false);
    expect(matches('!annotation.missing', f)).toBe(true);
    expect(matches('annotation.flag', f)).toBe(false);
    expect(matches('!annotation.flag', f)).toBe(true);
    expect(matches('annotation.flag = false', f)).toBe(true);
  });

  it('finds keys with dots through the bracket form', () => {
    expect(matches('annotation["http.route"] = "/x"', f)).toBe(true);
  });

  it('does not read inherited object properties as annotations', () => {
    expect(matches('annotation.constructor', f)).toBe(false);
    expect(matches('annotation.__proto__', f)).toBe(false);
    expect(matches('annotation.toString = "x"', f)).toBe(false);
  });
});

describe('service() and edge()', () => {
  // api → fn (Lambda service node) → fn (function node) → table
  const f = facts({
    nodes: [
      node('api', {
        root: true,
        calls: [call({ ok: false, fault: true, responseTime: 3, http: { HttpStatus: 500 } })],
      }),
      node('fn', { type: 'AWS::Lambda', calls: [call({ responseTime: 1 })] }),
      node('fn', {
        type: 'AWS::Lambda::Function',
        accountId: '111',
        calls: [call({ ok: false, error: true, responseTime: 0.5 }), call({ responseTime: 4 })],
      }),
      node('table', { type: 'AWS::DynamoDB::Table', inferred: true }),
    ],
    edges: [
      edge(0, 1, [call({ ok: false, fault: true })]),
      edge(1, 2),
      edge(2, 3, [call({ ok: false, error: true, throttle: true })]),
    ],
  });

  it('finds nodes by any name, by id() fields, or any node', () => {
    expect(matches('service("fn")', f)).toBe(true);
    expect(matches('service("nope")', f)).toBe(false);
    expect(matches('service(id(name: "fn", type: "AWS::Lambda::Function"))', f)).toBe(true);
    expect(matches('service(id(name: "api", type: "AWS::Lambda::Function"))', f)).toBe(false);
    expect(matches('service(id(account.id: "111"))', f)).toBe(true);
    expect(matches('service(id(account.id: "222"))', f)).toBe(false);
    expect(matches('service() { fault }', f)).toBe(true);
    expect(matches('!service("api")', f)).toBe(false);
    expect(matches('!service("nope")', f)).toBe(true);
  });

  it("evaluates the braces against the node's calls", () => {
    expect(matches('service("fn") { error }', f)).toBe(true);
    // The Lambda service node has no error; only the function node does.
    expect(matches('service(id(name: "fn", type: "AWS::Lambda")) { error }', f)).toBe(false);
    expect(matches('service(id(type: "AWS::Lambda::Function")) { error }', f)).toBe(true);
    expect(matches('service("api") {root = true and fault = true}', f)).toBe(true);
    expect(matches('service("fn") { root }', f)).toBe(false);
    expect(matches('service("api") { http.status = 500 }', f)).toBe(true);
  });

  it('needs one call to satisfy the whole braced filter', () => {
    // One fn call errored (fast), another was slow (ok): no single call is both.
    expect(
      matches('service(id(type: "AWS::Lambda::Function")) { error and responsetime > 2 }', f),
    ).toBe(false);
    expect(
      matches('service(id(type: "AWS::Lambda::Function")) { error or responsetime > 2 }', f),
    ).toBe(true);
  });

  it('reads node facts (inferred, name, type) inside service braces', () => {
    expect(matches('service() { inferred and type = "AWS::DynamoDB::Table" }', f)).toBe(true);
    expect(matches('service("fn") { inferred }', f)).toBe(false);
  });

  it('finds edges by direction and evaluates the braces against the calls on them', () => {
    expect(matches('edge("api", "fn") { fault }', f)).toBe(true);
    expect(matches('edge("fn", "api")', f)).toBe(false);
    expect(matches('edge("api", "fn") { error }', f)).toBe(false);
    expect(matches('edge(id(type: "AWS::Lambda::Function"), "table") { throttle }', f)).toBe(true);
    expect(matches('edge("fn", "table")', f)).toBe(true);
    expect(matches('edge("fn", id(name: "fn", type: "AWS::Lambda::Function")) { ok }', f)).toBe(
      true,
    );
  });
});

describe('root causes', () => {
  const f = facts({
    summary: {
      FaultRootCauses: [
        {
          Services: [
            {
              Name: 'api',
              Type: 'AWS::EC2::Instance',
              EntityPath: [{ Name: 'api' }, { Name: 'deserialize', Remote: false }],
            },
            {
              Name: 'traces',
              Type: 'AWS::DynamoDB',
              Inferred: true,
              EntityPath: [
                {
                  Name: 'traces',
                  Remote: true,
                  Exceptions: [
                    { Name: 'Throttled', Message: 'slow down' },
                    { Name: 'AccessDenied', Message: 'Access Denied for account_id: 1234567890' },
                  ],
                },
              ],
            },
          ],
        },
      ],
      ResponseTimeRootCauses: [
        {
          Services: [
            {
              Name: 'api',
              EntityPath: [
                { Name: 'api', Coverage: 1 },
                { Name: 'traces', Coverage: 0.75, Remote: true },
              ],
            },
          ],
        },
      ],
    },
  });

  it('evaluates rootcause.<category>.<level> per element', () => {
    expect(matches('rootcause.fault.entity { last and name = "deserialize" }', f)).toBe(true);
    expect(matches('rootcause.fault.entity { first and name = "deserialize" }', f)).toBe(false);
    expect(
      matches(
        'rootcause.fault.service { inferred and name = traces and type = "AWS::DynamoDB" }',
        f,
      ),
    ).toBe(true);
    expect(matches('rootcause.fault.service { index = 1 and name = "traces" }', f)).toBe(true);
    expect(matches('rootcause.fault.service { index > 1 }', f)).toBe(false);
    expect(
      matches(
        'rootcause.fault.exception { last and message = "Access Denied for account_id: 1234567890" }',
        f,
      ),
    ).toBe(true);
    expect(matches('rootcause.fault.exception { first and name = "AccessDenied" }', f)).toBe(false);
    expect(
      matches('rootcause.responsetime.entity { remote and coverage > 0.7 and name = "traces" }', f),
    ).toBe(true);
    expect(matches('rootcause.responsetime.entity { last and coverage > 0.8 }', f)).toBe(false);
    expect(matches('rootcause.error.service { name = "api" }', f)).toBe(false);
  });

  it('matches rootcause.json patterns: given fields exactly, missing fields as wildcards', () => {
    const exact =
      '#[{"Services":[{"Name":"api","EntityPath":[{"Name":"api"},{"Name":"traces"}]}]}]';
    expect(matches(`rootcause.json = ${exact}`, f)).toBe(true);
    // Fault root cause has two services and the response-time one has "api": neither is this.
    const wrongLength = '#[{"Services":[{"Name":"traces"}]}]';
    expect(matches(`rootcause.json = ${wrongLength}`, f)).toBe(false);
    // Matches the response-time family's single service.
    expect(matches('rootcause.json = #[{"Services":[{"Name":"api"}]}]', f)).toBe(true);
    const twoServices = '#[{"Services":[{"Name":"api"},{"Name":"traces","Inferred":true}]}]';
    expect(matches(`rootcause.json = ${twoServices}`, f)).toBe(true);
    const wrongValue = '#[{"Services":[{"Name":"api"},{"Name":"traces","Inferred":false}]}]';
    expect(matches(`rootcause.json = ${wrongValue}`, f)).toBe(false);
    expect(matches('rootcause.json = #[]', f)).toBe(true);
    expect(matches('rootcause.json = #[]', facts())).toBe(false);
  });
});

describe('groups', () => {
  const groups: Group[] = [
    { GroupName: 'slow', GroupARN: 'arn:slow', FilterExpression: 'responsetime > 3' },
    { GroupName: 'all', GroupARN: 'arn:all' },
    { GroupName: 'loop', GroupARN: 'arn:loop', FilterExpression: 'group.name = "loop2"' },
    { GroupName: 'loop2', GroupARN: 'arn:loop2', FilterExpression: 'group.arn = "arn:loop"' },
    { GroupName: 'broken', GroupARN: 'arn:broken', FilterExpression: 'duration >' },
  ];
  const options: CompileOptions = {
    resolveGroup: ({ by, value }) =>
      groups.find((g) => (by === 'name' ? g.GroupName : g.GroupARN) === value),
  };
  const slowAlice = facts({ summary: { ResponseTime: 5, Users: [{ UserName: 'alice' }] } });
  const fastAlice = facts({ summary: { ResponseTime: 1, Users: [{ UserName: 'alice' }] } });

  it("applies the referenced group's filter", () => {
    const text = 'group.name = "slow" AND user = "alice"';
    expect(matches(text, slowAlice, options)).toBe(true);
    expect(matches(text, fastAlice, options)).toBe(false);
    expect(matches('group.arn = "arn:slow"', slowAlice, options)).toBe(true);
    expect(matches('group.name != "slow"', fastAlice, options)).toBe(true);
    expect(matches('group.name = "all"', fastAlice, options)).toBe(true);
  });

  it('reports unknown, recursive and invalid groups at the reference', () => {
    const diag = (text: string) => {
      const r = compileFilterText(text, options);
      return r.ok ? undefined : r.errors[0];
    };
    expect(diag('ok AND group.name = "nope"')).toEqual({
      message: 'No group with name "nope"',
      from: 7,
      to: 26,
    });
    expect(diag('group.name = "loop"')?.message).toBe(
      'Groups refer to each other in a loop: loop → loop2 → loop',
    );
    expect(diag('group.name = "broken"')?.message).toBe(
      `Group "broken" has an invalid filter: Expected a value after '>'`,
    );
    expect(compileFilterText('group.name = "slow"').ok).toBe(false);
  });
});

describe('implicit AND, OR and NOT combine as written', () => {
  const f = facts({ summary: { HasFault: true, ResponseTime: 2 } });
  it.each([
    ['fault responsetime > 1', true],
    ['fault responsetime > 3', false],
    ['ok OR responsetime > 1', true],
    ['ok OR error OR partial', false],
    ['!(ok OR error)', true],
    ['NOT fault', false],
    ['(ok || fault) && responsetime = 2', true],
  ])('%s → %s', (text, expected) => {
    expect(matches(text, f)).toBe(expected);
  });
});
