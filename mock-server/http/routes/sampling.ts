import type { FastifyInstance } from 'fastify';
import type { SamplingRule, SamplingStore } from '../../store/sampling-store.ts';
import { operation, type RouteContext } from '../context.ts';
import { invalid, XRayError } from '../errors.ts';
import {
  asBody,
  type Body,
  checkTags,
  optArray,
  optInt,
  optNumber,
  optObject,
  optString,
  reqObject,
  reqString,
} from '../fields.ts';

/** Sampling operations; also served on the daemon's TCP port, where SDKs poll them. */
export function samplingRoutes(app: FastifyInstance, { backend }: RouteContext): void {
  const store = backend.sampling;

  operation(app, 'GetSamplingRules', (body) => {
    if (optString(body, 'NextToken') !== undefined)
      throw invalid('NextToken is not valid: there are no further pages');
    return { SamplingRuleRecords: store.list() };
  });

  operation(app, 'GetSamplingTargets', (body) => targets(store, body));

  operation(app, 'CreateSamplingRule', (body) => {
    const rule = readRule(reqObject(body, 'SamplingRule'), true) as Omit<SamplingRule, 'RuleARN'>;
    checkTags(body);
    const result = store.create(rule);
    if (!result.ok) throw new XRayError(result.code ?? 'InvalidRequestException', result.message);
    return { SamplingRuleRecord: result.record };
  });

  operation(app, 'UpdateSamplingRule', (body) => {
    const update = reqObject(body, 'SamplingRuleUpdate');
    const patch = readRule(update, false);
    const name = optString(update, 'RuleName', 1, 32);
    const arn = optString(update, 'RuleARN');
    if (name === undefined && arn === undefined)
      throw invalid('SamplingRuleUpdate needs RuleName or RuleARN');
    const result = store.update(name, arn, patch);
    if (!result.ok) throw invalid(result.message);
    return { SamplingRuleRecord: result.record };
  });

  operation(app, 'DeleteSamplingRule', (body) => {
    const name = optString(body, 'RuleName', 1, 32);
    const arn = optString(body, 'RuleARN');
    if (name === undefined && arn === undefined) throw invalid('RuleName or RuleARN is required');
    const result = store.delete(name, arn);
    if (!result.ok) throw invalid(result.message);
    return { SamplingRuleRecord: result.record };
  });
}

/** Field rules from xray-api.md §4.8; `full` = CreateSamplingRule, where most are required. */
function readRule(r: Body, full: boolean): Partial<SamplingRule> {
  const str = (name: string, min: number, max: number) =>
    full && name !== 'RuleARN' ? reqString(r, name, min, max) : optString(r, name, min, max);
  const out: Partial<SamplingRule> = {};
  const set = <K extends keyof SamplingRule>(k: K, v: SamplingRule[K] | undefined) => {
    if (v !== undefined) out[k] = v;
  };
  set('RuleName', str('RuleName', 1, 32));
  set('ResourceARN', str('ResourceARN', 0, 500));
  set('ServiceName', str('ServiceName', 0, 64));
  set('ServiceType', str('ServiceType', 0, 64));
  set('Host', str('Host', 0, 64));
  set('HTTPMethod', str('HTTPMethod', 0, 10));
  set('URLPath', str('URLPath', 0, 128));
  set('Priority', optInt(r, 'Priority', 1, 9999));
  set('FixedRate', optNumber(r, 'FixedRate', 0, 1));
  set('ReservoirSize', optInt(r, 'ReservoirSize', 0));
  set('Version', optInt(r, 'Version', 1, 1));
  if (full) {
    for (const k of ['Priority', 'FixedRate', 'ReservoirSize', 'Version'] as const) {
      if (out[k] === undefined) throw invalid(`SamplingRule.${k} is required`);
    }
  }
  const attrs = optObject(r, 'Attributes');
  if (attrs) {
    const entries = Object.entries(attrs);
    if (entries.length > 5) throw invalid('Attributes may hold at most 5 entries');
    for (const [k, v] of entries) {
      if (k.length < 1 || k.length > 32 || typeof v !== 'string' || v.length < 1 || v.length > 32) {
        throw invalid(
          `Attribute "${k.slice(0, 40)}" must map a 1..32 character key to a 1..32 character string`,
        );
      }
    }
    out.Attributes = attrs as Record<string, string>;
  } else if (full) {
    out.Attributes = {};
  }
  return out;
}

/** One target per reported rule; the mock has one client's worth of reservoir per rule. */
function targets(store: SamplingStore, body: Body) {
  const docs = optArray(body, 'SamplingStatisticsDocuments', 25);
  if (docs === undefined) throw invalid('SamplingStatisticsDocuments is required');
  optArray(body, 'SamplingBoostStatisticsDocuments');
  const now = Date.now() / 1000;
  const SamplingTargetDocuments = [];
  const UnprocessedStatistics = [];
  for (const [i, raw] of docs.entries()) {
    const d = asBody(raw);
    const name = reqString(d, 'RuleName', 1, 32);
    reqString(d, 'ClientID', 24, 24);
    if (optNumber(d, 'Timestamp') === undefined)
      throw invalid(`SamplingStatisticsDocuments[${i}].Timestamp is required`);
    optInt(d, 'RequestCount', 0);
    optInt(d, 'SampledCount', 0);
    optInt(d, 'BorrowCount', 0);
    const rule = store.find(name);
    if (!rule) {
      UnprocessedStatistics.push({
        RuleName: name,
        ErrorCode: '400',
        Message: `Unknown sampling rule "${name}"`,
      });
      continue;
    }
    SamplingTargetDocuments.push({
      RuleName: name,
      FixedRate: rule.SamplingRule.FixedRate,
      ReservoirQuota: rule.SamplingRule.ReservoirSize,
      ReservoirQuotaTTL: Math.floor(now) + 10,
      Interval: 10,
    });
  }
  return {
    SamplingTargetDocuments,
    LastRuleModification: store.lastModification,
    UnprocessedStatistics,
  };
}
