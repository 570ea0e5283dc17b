/**
 * The keyword catalogue of the X-Ray filter-expression language (reference §2): names, value
 * types, where each keyword may be used, and a one-line description the console shows as help.
 * Parser, evaluator, highlighter and completer all read these tables, so adding a keyword here
 * is the first step of supporting it everywhere.
 */

export type ValueType = 'boolean' | 'number' | 'string';

/**
 * Where a filter is being evaluated. `trace` is the top level; the others are the inside of a
 * `{ … }` sub-filter. Root-cause entity scopes differ only in `coverage`, which exists on
 * response-time entities alone.
 */
export type FilterScope =
  | 'trace'
  | 'service'
  | 'edge'
  | 'rootcause.service'
  | 'rootcause.entity'
  | 'rootcause.responsetime.entity'
  | 'rootcause.exception';

export type SimpleKeyword =
  | 'ok'
  | 'error'
  | 'throttle'
  | 'fault'
  | 'partial'
  | 'inferred'
  | 'first'
  | 'last'
  | 'remote'
  | 'root'
  | 'responsetime'
  | 'duration'
  | 'http.status'
  | 'index'
  | 'coverage'
  | 'http.url'
  | 'http.method'
  | 'http.useragent'
  | 'http.clientip'
  | 'user'
  | 'name'
  | 'type'
  | 'message'
  | 'availabilityzone'
  | 'instance.id'
  | 'resource.arn';

export interface KeywordInfo {
  name: SimpleKeyword;
  type: ValueType;
  description: string;
  scopes: readonly FilterScope[];
}

const CALL_SCOPES: readonly FilterScope[] = ['trace', 'service', 'edge'];
const RC_ALL: readonly FilterScope[] = [
  'rootcause.service',
  'rootcause.entity',
  'rootcause.responsetime.entity',
  'rootcause.exception',
];
const RC_ENTITY: readonly FilterScope[] = ['rootcause.entity', 'rootcause.responsetime.entity'];

const kw = (
  name: SimpleKeyword,
  type: ValueType,
  scopes: readonly FilterScope[],
  description: string,
): KeywordInfo => ({ name, type, scopes, description });

/**
 * Every simple keyword, in the order the reference lists them (§2.1–§2.3). Decision (§7):
 * undocumented fields such as `http.contentlength` are not keywords (rejected as unknown).
 */
export const KEYWORDS: readonly KeywordInfo[] = [
  kw('ok', 'boolean', CALL_SCOPES, 'Response status was 2XX (no error, throttle or fault)'),
  kw('error', 'boolean', CALL_SCOPES, 'Response status was 4XX (client error)'),
  kw('throttle', 'boolean', CALL_SCOPES, 'Response status was 429 (too many requests)'),
  kw('fault', 'boolean', CALL_SCOPES, 'Response status was 5XX (server fault)'),
  kw('partial', 'boolean', CALL_SCOPES, 'The request has incomplete (in-progress) segments'),
  kw(
    'inferred',
    'boolean',
    ['trace', 'service', 'rootcause.service'],
    'The request has inferred segments; inside a scope: that service is inferred',
  ),
  kw('first', 'boolean', RC_ALL, 'Element is the first of its root-cause list'),
  kw('last', 'boolean', RC_ALL, 'Element is the last of its root-cause list'),
  kw('remote', 'boolean', RC_ENTITY, 'Root-cause entity is remote'),
  kw('root', 'boolean', ['service'], 'Service is the entry point of the trace'),
  kw('responsetime', 'number', CALL_SCOPES, 'Time the server took to send the response (seconds)'),
  kw('duration', 'number', CALL_SCOPES, 'Total duration incl. all downstream calls (seconds)'),
  kw('http.status', 'number', CALL_SCOPES, 'HTTP response status code'),
  kw('index', 'number', RC_ALL, 'Position of the element in its root-cause list (0-based)'),
  kw(
    'coverage',
    'number',
    ['rootcause.responsetime.entity'],
    'Entity response time ÷ root segment response time (0–1)',
  ),
  kw('http.url', 'string', CALL_SCOPES, 'Request URL'),
  kw('http.method', 'string', CALL_SCOPES, 'Request method (GET, POST, …)'),
  kw('http.useragent', 'string', CALL_SCOPES, 'Request user-agent string'),
  kw('http.clientip', 'string', CALL_SCOPES, "Requester's IP address"),
  kw('user', 'string', ['trace'], 'User id set on any segment of the trace'),
  kw(
    'name',
    'string',
    [
      'service',
      'rootcause.service',
      'rootcause.entity',
      'rootcause.responsetime.entity',
      'rootcause.exception',
    ],
    'Name of the service, entity or exception (type of an exception)',
  ),
  kw('type', 'string', ['service', 'rootcause.service'], 'Service type, e.g. "AWS::DynamoDB"'),
  kw('message', 'string', ['rootcause.exception'], 'Exception message'),
  kw('availabilityzone', 'string', ['trace'], 'Availability zone recorded on any segment'),
  kw('instance.id', 'string', ['trace'], 'EC2 instance id recorded on any segment'),
  kw('resource.arn', 'string', ['trace'], 'Resource ARN recorded on any segment'),
];

const BY_NAME = new Map<string, KeywordInfo>(KEYWORDS.map((k) => [k.name, k]));

/** Looks a simple keyword up case-insensitively (keywords are case-insensitive, reference §2.2). */
export function keywordInfo(word: string): KeywordInfo | undefined {
  return BY_NAME.get(word.toLowerCase());
}

export type RootCauseCategory = 'fault' | 'error' | 'responsetime';
export type RootCauseLevel = 'service' | 'entity' | 'exception';

/** Complex keywords (reference §2.4, §2.5, §3), for help and completion. */
export interface ComplexKeywordInfo {
  name: string;
  syntax: string;
  description: string;
}

export const COMPLEX_KEYWORDS: readonly ComplexKeywordInfo[] = [
  {
    name: 'service',
    syntax: 'service("name") { filter }',
    description: 'The trace passed through a service; the optional filter applies to its calls',
  },
  {
    name: 'edge',
    syntax: 'edge("source", "destination") { filter }',
    description: 'The trace contains a call between two services; filter applies to those calls',
  },
  {
    name: 'id',
    syntax: 'id(name: "…", type: "…", account.id: "…")',
    description: 'Selects a service by name, type and/or account (inside service() or edge())',
  },
  {
    name: 'annotation',
    syntax: 'annotation.key = value',
    description: 'Annotation value on any segment (string, number or boolean)',
  },
  {
    name: 'group.name',
    syntax: 'group.name = "group"',
    description: "The trace matches that group's filter expression",
  },
  {
    name: 'group.arn',
    syntax: 'group.arn = "arn"',
    description: "The trace matches that group's filter expression",
  },
  ...(['fault', 'error', 'responsetime'] as const).flatMap((category) =>
    (['service', 'entity', 'exception'] as const)
      .filter((level) => !(category === 'responsetime' && level === 'exception'))
      .map((level) => ({
        name: `rootcause.${category}.${level}`,
        syntax: `rootcause.${category}.${level} { filter }`,
        description: `Some ${category === 'responsetime' ? 'response-time' : category} root-cause ${level} satisfies the filter`,
      })),
  ),
  {
    name: 'rootcause.json',
    syntax: 'rootcause.json = #[{ … }]',
    description: 'A root cause matching a JSON pattern (fields left out are wildcards)',
  },
];

export type ComparisonOperator =
  | '='
  | '!='
  | '<'
  | '<='
  | '>'
  | '>='
  | 'CONTAINS'
  | 'BEGINSWITH'
  | 'ENDSWITH';

/**
 * Operators usable with each value type (reference §2.1–§2.3). Decision (§7): no regex, LIKE,
 * IN or MATCHES operator — AWS documents none; such words get "unknown operator" errors.
 */
export const OPERATORS_BY_TYPE: Readonly<Record<ValueType, readonly ComparisonOperator[]>> = {
  boolean: ['=', '!='],
  number: ['=', '!=', '<', '<=', '>', '>='],
  string: ['=', '!=', 'CONTAINS', 'BEGINSWITH', 'ENDSWITH'],
};

export const ALL_OPERATORS: readonly ComparisonOperator[] = [
  '=',
  '!=',
  '<',
  '<=',
  '>',
  '>=',
  'CONTAINS',
  'BEGINSWITH',
  'ENDSWITH',
];

/** Human names of scopes, for error messages ("… can only be used inside service() { … }"). */
export const SCOPE_LABEL: Readonly<Record<FilterScope, string>> = {
  trace: 'the top level',
  service: 'service() { … }',
  edge: 'edge() { … }',
  'rootcause.service': 'rootcause.*.service { … }',
  'rootcause.entity': 'rootcause.*.entity { … }',
  'rootcause.responsetime.entity': 'rootcause.responsetime.entity { … }',
  'rootcause.exception': 'rootcause.*.exception { … }',
};
