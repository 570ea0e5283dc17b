import { describe, expect, it } from 'vitest';
import type { TraceFacts } from '../trace/facts.ts';
import { compileFilter } from './compile.ts';
import { parseFilter } from './parser.ts';
import { printFilter } from './print.ts';
import { annotations, facts, users } from './test-fixtures.ts';

/**
 * Every documented example of reference §5, with the doc typos corrected as §7 says (#18 gets its
 * missing `}`; in #30–#32 the placeholder `filter` becomes `fault`, and #30 is wrapped in
 * service(…) because a bare id(…) is only a selector). Each one must parse to the canonical form
 * shown, and — where it has a meaning over data — match a trace it describes and miss one it
 * doesn't.
 */

const fault = (extra: Partial<TraceFacts['summary']> = {}) => ({ HasFault: true, ...extra });
const rtCause = (services: object[]) => ({ ResponseTimeRootCauses: [{ Services: services }] });
const faultCause = (services: object[]) => ({ FaultRootCauses: [{ Services: services }] });

interface Example {
  n: number;
  text: string;
  printed: string;
  yes?: TraceFacts;
  no?: TraceFacts;
}

const EXAMPLES: Example[] = [
  {
    n: 1,
    text: 'responsetime > 5',
    printed: 'responsetime > 5',
    yes: facts({ summary: { ResponseTime: 5.5 } }),
    no: facts({ summary: { ResponseTime: 5 } }),
  },
  {
    n: 2,
    text: 'duration >= 5 AND duration <= 8',
    printed: 'duration >= 5 AND duration <= 8',
    yes: facts({ summary: { Duration: 8 } }),
    no: facts({ summary: { Duration: 8.1 } }),
  },
  { n: 3, text: 'ok', printed: 'ok', yes: facts(), no: facts({ summary: { HasError: true } }) },
  { n: 4, text: '!ok', printed: '!ok', yes: facts({ summary: fault() }), no: facts() },
  {
    n: 5,
    text: 'ok = false',
    printed: 'ok = false',
    yes: facts({ summary: { HasThrottle: true, HasError: true } }),
    no: facts(),
  },
  {
    n: 6,
    text: 'rootcause.fault.entity { last and name = "deserialize" }',
    printed: 'rootcause.fault.entity { last AND name = "deserialize" }',
    yes: facts({
      summary: faultCause([
        { Name: 'api', EntityPath: [{ Name: 'api' }, { Name: 'deserialize' }] },
      ]),
    }),
    no: facts({
      summary: faultCause([
        { Name: 'api', EntityPath: [{ Name: 'deserialize' }, { Name: 'api' }] },
      ]),
    }),
  },
  {
    n: 7,
    text: 'rootcause.responsetime.entity { remote and coverage > 0.7 and name = "traces" }',
    printed: 'rootcause.responsetime.entity { remote AND coverage > 0.7 AND name = "traces" }',
    yes: facts({
      summary: rtCause([
        { Name: 'a', EntityPath: [{ Name: 'traces', Remote: true, Coverage: 0.8 }] },
      ]),
    }),
    no: facts({
      summary: rtCause([
        { Name: 'a', EntityPath: [{ Name: 'traces', Remote: false, Coverage: 0.8 }] },
      ]),
    }),
  },
  {
    n: 8,
    text: 'rootcause.fault.service { inferred and name = traces and type = "AWS::DynamoDB" }',
    printed: 'rootcause.fault.service { inferred AND name = "traces" AND type = "AWS::DynamoDB" }',
    yes: facts({
      summary: faultCause([{ Name: 'traces', Type: 'AWS::DynamoDB', Inferred: true }]),
    }),
    no: facts({ summary: faultCause([{ Name: 'traces', Type: 'AWS:DynamoDB', Inferred: true }]) }),
  },
  {
    n: 9,
    text: 'service("data-plane") {root = true and fault = true}',
    printed: 'service("data-plane") { root = true AND fault = true }',
    yes: facts({ nodes: [{ name: 'data-plane', calls: [{ status: 502 }] }] }),
    no: facts({
      nodes: [{ name: 'edge' }, { name: 'data-plane', root: false, calls: [{ status: 502 }] }],
    }),
  },
  {
    n: 10,
    text: 'http.status != 200',
    printed: 'http.status != 200',
    yes: facts({ summary: { Http: { HttpStatus: 404 } } }),
    no: facts({ summary: { Http: { HttpStatus: 200 } } }),
  },
  {
    n: 11,
    text: 'ok !partial duration <3',
    printed: 'ok AND !partial AND duration < 3',
    yes: facts({ summary: { Duration: 2 } }),
    no: facts({ summary: { Duration: 2, IsPartial: true } }),
  },
  {
    n: 12,
    text: 'rootcause.fault.service { index > 5 }',
    printed: 'rootcause.fault.service { index > 5 }',
    yes: facts({ summary: faultCause(Array.from({ length: 7 }, (_, i) => ({ Name: `s${i}` }))) }),
    no: facts({ summary: faultCause(Array.from({ length: 6 }, (_, i) => ({ Name: `s${i}` }))) }),
  },
  {
    n: 13,
    text: 'rootcause.responsetime.entity { last and coverage > 0.8 }',
    printed: 'rootcause.responsetime.entity { last AND coverage > 0.8 }',
    yes: facts({ summary: rtCause([{ EntityPath: [{ Coverage: 1 }, { Coverage: 0.9 }] }]) }),
    no: facts({ summary: rtCause([{ EntityPath: [{ Coverage: 0.9 }, { Coverage: 0.5 }] }]) }),
  },
  {
    n: 14,
    text: 'http.url CONTAINS "/api/game/"',
    printed: 'http.url CONTAINS "/api/game/"',
    yes: facts({ summary: { Http: { HttpURL: 'https://x.com/api/game/42' } } }),
    no: facts({ summary: { Http: { HttpURL: 'https://x.com/api/Game/42' } } }),
  },
  {
    n: 15,
    text: 'user CONTAINS ""',
    printed: 'user CONTAINS ""',
    yes: facts({ summary: { Users: users('bob') } }),
    no: facts(),
  },
  {
    n: 16,
    text: 'rootcause.fault.service { name = "Auth" }',
    printed: 'rootcause.fault.service { name = "Auth" }',
    yes: facts({ summary: faultCause([{ Name: 'api' }, { Name: 'Auth' }]) }),
    no: facts({ summary: faultCause([{ Name: 'auth' }]) }),
  },
  {
    n: 17,
    text: 'rootcause.responsetime.service { last and type = "AWS::DynamoDB" }',
    printed: 'rootcause.responsetime.service { last AND type = "AWS::DynamoDB" }',
    yes: facts({ summary: rtCause([{ Name: 'api' }, { Name: 'db', Type: 'AWS::DynamoDB' }]) }),
    no: facts({ summary: rtCause([{ Name: 'db', Type: 'AWS::DynamoDB' }, { Name: 'api' }]) }),
  },
  {
    // Doc typo: the printed example lacks its closing `}` (§7); tested corrected.
    n: 18,
    text: 'rootcause.fault.exception { last and message = "Access Denied for account_id: 1234567890" }',
    printed:
      'rootcause.fault.exception { last AND message = "Access Denied for account_id: 1234567890" }',
    yes: facts({
      summary: faultCause([
        {
          EntityPath: [
            {
              Exceptions: [
                { Name: 'X', Message: 'other' },
                { Name: 'Y', Message: 'Access Denied for account_id: 1234567890' },
              ],
            },
          ],
        },
      ]),
    }),
    // The caption's lower-case message must not match: comparisons are case-sensitive (§6.8).
    no: facts({
      summary: faultCause([
        { EntityPath: [{ Exceptions: [{ Message: 'access denied for account_id: 1234567890' }] }] },
      ]),
    }),
  },
  {
    n: 19,
    text: 'service("api.example.com") { fault }',
    printed: 'service("api.example.com") { fault }',
    yes: facts({ nodes: [{ name: 'web' }, { name: 'api.example.com', calls: [{ status: 500 }] }] }),
    no: facts({ nodes: [{ name: 'web', calls: [{ status: 500 }] }, { name: 'api.example.com' }] }),
  },
  {
    n: 20,
    text: 'service() { fault }',
    printed: 'service() { fault }',
    yes: facts({ nodes: [{ name: 'web' }, { name: 'db', calls: [{ status: 503 }] }] }),
    no: facts({ nodes: [{ name: 'web' }, { name: 'db', calls: [{ status: 404 }] }] }),
  },
  {
    n: 21,
    text: 'edge("api.example.com", "backend.example.com") { error }',
    printed: 'edge("api.example.com", "backend.example.com") { error }',
    yes: facts({
      nodes: [{ name: 'api.example.com' }, { name: 'backend.example.com' }],
      edges: [{ from: 'api.example.com', to: 'backend.example.com', calls: [{ status: 403 }] }],
    }),
    no: facts({
      nodes: [{ name: 'api.example.com' }, { name: 'backend.example.com' }],
      edges: [{ from: 'backend.example.com', to: 'api.example.com', calls: [{ status: 403 }] }],
    }),
  },
  {
    n: 22,
    text: 'http.url BEGINSWITH "http://api.example.com/" AND http.url CONTAINS "/v2/" AND !service("api.example.com")',
    printed:
      'http.url BEGINSWITH "http://api.example.com/" AND http.url CONTAINS "/v2/" AND !service("api.example.com")',
    yes: facts({
      summary: { Http: { HttpURL: 'http://api.example.com/v2/x' } },
      nodes: [{ name: 'gateway' }],
    }),
    no: facts({
      summary: { Http: { HttpURL: 'http://api.example.com/v2/x' } },
      nodes: [{ name: 'api.example.com' }],
    }),
  },
  {
    n: 23,
    text: 'http.url AND responseTime > 2',
    printed: 'http.url AND responsetime > 2',
    yes: facts({ summary: { Http: { HttpURL: '/x' }, ResponseTime: 3 } }),
    no: facts({ summary: { ResponseTime: 3 } }),
  },
  {
    n: 24,
    text: 'annotation.gameid = "817DL6VO"',
    printed: 'annotation.gameid = "817DL6VO"',
    yes: facts({ summary: { Annotations: annotations({ gameid: '817DL6VO' }) } }),
    no: facts({ summary: { Annotations: annotations({ gameid: '817dl6vo' }) } }),
  },
  {
    n: 25,
    text: 'annotation.age',
    printed: 'annotation.age',
    yes: facts({ summary: { Annotations: annotations({ age: 30 }) } }),
    no: facts({ summary: { Annotations: annotations({ other: 30 }) } }),
  },
  {
    n: 26,
    text: '!annotation.age',
    printed: '!annotation.age',
    yes: facts(),
    no: facts({ summary: { Annotations: annotations({ age: 30 }) } }),
  },
  {
    n: 27,
    text: 'annotation.age > 29',
    printed: 'annotation.age > 29',
    yes: facts({ summary: { Annotations: annotations({ age: 30 }) } }),
    no: facts({ summary: { Annotations: annotations({ age: '30' }) } }),
  },
  {
    n: 28,
    text: 'group.name = "high_response_time" AND user = "alice"',
    printed: 'group.name = "high_response_time" AND user = "alice"',
    yes: facts({ summary: { ResponseTime: 4, Users: users('alice') } }),
    no: facts({ summary: { ResponseTime: 2, Users: users('alice') } }),
  },
  {
    n: 29,
    text: 'rootcause.json = #[{ "Services": [ { "Name": "GetWeatherData", "EntityPath": [{ "Name": "GetWeatherData" }, { "Name": "get_temperature" } ] }, { "Name": "GetTemperature", "EntityPath": [ { "Name": "GetTemperature" } ] } ] }]',
    printed:
      'rootcause.json = #[{"Services":[{"Name":"GetWeatherData","EntityPath":[{"Name":"GetWeatherData"},{"Name":"get_temperature"}]},{"Name":"GetTemperature","EntityPath":[{"Name":"GetTemperature"}]}]}]',
    yes: facts({
      summary: {
        ResponseTimeRootCauses: [
          {
            ClientImpacting: true,
            Services: [
              {
                Name: 'GetWeatherData',
                Type: 'AWS::Lambda',
                EntityPath: [{ Name: 'GetWeatherData', Coverage: 1 }, { Name: 'get_temperature' }],
              },
              { Name: 'GetTemperature', EntityPath: [{ Name: 'GetTemperature', Remote: false }] },
            ],
          },
        ],
      },
    }),
    no: facts({
      summary: rtCause([
        { Name: 'GetWeatherData', EntityPath: [{ Name: 'GetWeatherData' }] },
        { Name: 'GetTemperature', EntityPath: [{ Name: 'GetTemperature' }] },
      ]),
    }),
  },
  {
    n: 30,
    text: 'service(id(name: "service-name", type:"service::type", account.id:"account-ID"))',
    printed: 'service(id(name: "service-name", type: "service::type", account.id: "account-ID"))',
    yes: facts({ nodes: [{ name: 'service-name', type: 'service::type', account: 'account-ID' }] }),
    no: facts({ nodes: [{ name: 'service-name', type: 'service::type', account: 'other' }] }),
  },
  {
    n: 31,
    text: 'service(id(name: "service-name", type:"service::type")) { fault }',
    printed: 'service(id(name: "service-name", type: "service::type")) { fault }',
    yes: facts({
      nodes: [{ name: 'service-name', type: 'service::type', calls: [{ status: 500 }] }],
    }),
    no: facts({ nodes: [{ name: 'service-name', type: 'other::type', calls: [{ status: 500 }] }] }),
  },
  {
    n: 32,
    text: 'edge(id(name: "service-one", type:"service::type"), id(name: "service-two", type:"service::type")) { fault }',
    printed:
      'edge(id(name: "service-one", type: "service::type"), id(name: "service-two", type: "service::type")) { fault }',
    yes: facts({
      nodes: [
        { name: 'service-one', type: 'service::type' },
        { name: 'service-two', type: 'service::type' },
      ],
      edges: [{ from: 'service-one', to: 'service-two', calls: [{ status: 500 }] }],
    }),
    no: facts({
      nodes: [
        { name: 'service-one', type: 'service::type' },
        { name: 'service-two', type: 'service::type' },
      ],
      edges: [{ from: 'service-one', to: 'service-two', calls: [{ status: 200 }] }],
    }),
  },
  {
    n: 33,
    text: 'service("function-name") { error }',
    printed: 'service("function-name") { error }',
    yes: facts({
      nodes: [
        { name: 'function-name', type: 'AWS::Lambda' },
        { name: 'function-name', type: 'AWS::Lambda::Function', calls: [{ status: 400 }] },
      ],
    }),
    no: facts({
      nodes: [{ name: 'function-name', type: 'AWS::Lambda', calls: [{ status: 500 }] }],
    }),
  },
  {
    // Only the function node, not the Lambda service node with the same name (§3).
    n: 34,
    text: 'service(id(name: "random-name", type: "AWS::Lambda::Function")) { error }',
    printed: 'service(id(name: "random-name", type: "AWS::Lambda::Function")) { error }',
    yes: facts({
      nodes: [
        { name: 'random-name', type: 'AWS::Lambda' },
        { name: 'random-name', type: 'AWS::Lambda::Function', calls: [{ status: 400 }] },
      ],
    }),
    no: facts({
      nodes: [
        { name: 'random-name', type: 'AWS::Lambda', calls: [{ status: 400 }] },
        { name: 'random-name', type: 'AWS::Lambda::Function' },
      ],
    }),
  },
  {
    n: 35,
    text: 'service(id(type: "AWS::Lambda::Function")) { error }',
    printed: 'service(id(type: "AWS::Lambda::Function")) { error }',
    yes: facts({ nodes: [{ name: 'f', type: 'AWS::Lambda::Function', calls: [{ status: 429 }] }] }),
    no: facts({ nodes: [{ name: 'f', type: 'AWS::Lambda', calls: [{ status: 429 }] }] }),
  },
  {
    n: 36,
    text: 'service(id(account.id: "account-id"))',
    printed: 'service(id(account.id: "account-id"))',
    yes: facts({ nodes: [{ name: 'a' }, { name: 'b', account: 'account-id' }] }),
    no: facts({ nodes: [{ name: 'a', account: 'other' }] }),
  },
  {
    n: 37,
    text: 'service("api.example.com") { fault = true OR responsetime > 2.5 } AND annotation.account = "12345"',
    printed:
      'service("api.example.com") { fault = true OR responsetime > 2.5 } AND annotation.account = "12345"',
    yes: facts({
      nodes: [{ name: 'api.example.com', calls: [{ responseTime: 3 }] }],
      summary: { Annotations: annotations({ account: '12345' }) },
    }),
    no: facts({
      nodes: [{ name: 'api.example.com', calls: [{ responseTime: 3 }] }],
      summary: { Annotations: annotations({ account: 12345 }) },
    }),
  },
  {
    n: 38,
    text: 'edge("api.example.com", "backend.example.com") { fault = true }',
    printed: 'edge("api.example.com", "backend.example.com") { fault = true }',
    yes: facts({
      nodes: [{ name: 'api.example.com' }, { name: 'backend.example.com' }],
      edges: [{ from: 'api.example.com', to: 'backend.example.com', calls: [{}, { status: 504 }] }],
    }),
    no: facts({
      nodes: [
        { name: 'api.example.com' },
        { name: 'backend.example.com', calls: [{ status: 500 }] },
      ],
      edges: [{ from: 'api.example.com', to: 'backend.example.com', calls: [{ status: 200 }] }],
    }),
  },
  {
    n: 39,
    text: 'service("api.example.com")',
    printed: 'service("api.example.com")',
    yes: facts({ nodes: [{ name: 'web' }, { name: 'api.example.com' }] }),
    no: facts({ nodes: [{ name: 'web' }, { name: 'API.example.com' }] }),
  },
  {
    n: 40,
    text: 'annotation.account = "12345"',
    printed: 'annotation.account = "12345"',
    yes: facts({ summary: { Annotations: annotations({ account: ['999', '12345'] }) } }),
    no: facts({ summary: { Annotations: annotations({ account: '999' }) } }),
  },
  {
    n: 41,
    text: 'fault = true AND http.url CONTAINS "example/game" AND responsetime >= 5',
    printed: 'fault = true AND http.url CONTAINS "example/game" AND responsetime >= 5',
    yes: facts({
      summary: fault({ Http: { HttpURL: 'https://example/game/1' }, ResponseTime: 5 }),
    }),
    no: facts({ summary: { Http: { HttpURL: 'https://example/game/1' }, ResponseTime: 5 } }),
  },
  {
    n: 42,
    text: 'service("example.com") {fault}',
    printed: 'service("example.com") { fault }',
    yes: facts({ nodes: [{ name: 'example.com', calls: [{}, { status: 500 }] }] }),
    no: facts({ nodes: [{ name: 'example.com', calls: [{ status: 404 }] }] }),
  },
  {
    n: 43,
    text: 'service("example.com") {fault OR error}',
    printed: 'service("example.com") { fault OR error }',
    yes: facts({ nodes: [{ name: 'example.com', calls: [{ status: 404 }] }] }),
    no: facts({ nodes: [{ name: 'example.com', calls: [{ status: 201 }] }] }),
  },
  {
    n: 44,
    text: 'responsetime > 2',
    printed: 'responsetime > 2',
    yes: facts({ summary: { ResponseTime: 2.01 } }),
    no: facts({ summary: { ResponseTime: 2 } }),
  },
  {
    n: 45,
    text: 'responseTime > 3',
    printed: 'responsetime > 3',
    yes: facts({ summary: { ResponseTime: 3.5 } }),
    no: facts({ summary: { ResponseTime: 1 } }),
  },
];

/** Example #28's group, as the caption describes it. */
const groups: Record<string, string> = { high_response_time: 'responseTime > 3' };
const ctx = {
  resolveGroup: (ref: { name?: string }) => {
    const text = ref.name !== undefined ? groups[ref.name] : undefined;
    if (text === undefined) return undefined;
    const r = parseFilter(text);
    return r.ok ? r.ast : undefined;
  },
};

describe('the 45 documented examples (reference §5)', () => {
  it('are all here', () => {
    expect(EXAMPLES.map((e) => e.n)).toEqual(Array.from({ length: 45 }, (_, i) => i + 1));
  });

  for (const ex of EXAMPLES) {
    describe(`#${ex.n} ${ex.text}`, () => {
      const parsed = parseFilter(ex.text);
      it('parses to the canonical form', () => {
        expect(parsed).toMatchObject({ ok: true });
        if (parsed.ok && parsed.ast) expect(printFilter(parsed.ast)).toBe(ex.printed);
      });
      if (ex.yes && ex.no) {
        const yes = ex.yes;
        const no = ex.no;
        it('matches a trace it describes and misses one it does not', () => {
          if (!parsed.ok) throw new Error('did not parse');
          const test = compileFilter(parsed.ast, ctx);
          expect(test(yes)).toBe(true);
          expect(test(no)).toBe(false);
        });
      }
    });
  }

  it('#30 as printed (a bare id(…)) is a selector, not a filter', () => {
    const r = parseFilter(
      'id(name: "service-name", type:"service::type", account.id:"account-ID")',
    );
    expect(r).toEqual({
      ok: false,
      errors: [
        {
          from: 0,
          to: 2,
          message: '`id(…)` only selects a service — use it inside service(…) or edge(…)',
        },
      ],
    });
  });

  it('#18 as printed (missing `}`) is rejected at the end', () => {
    const text =
      'rootcause.fault.exception { last and message = "Access Denied for account_id: 1234567890" ';
    const r = parseFilter(text);
    expect(r).toEqual({
      ok: false,
      errors: [
        {
          from: text.length,
          to: text.length,
          message: 'expected `}` to close the `{` at character 26, found the end of the filter',
        },
      ],
    });
  });
});
