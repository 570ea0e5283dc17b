import type { FastifyInstance } from 'fastify';
import type { EntitySelector } from '../../../src/xray/service-graph/time-series.ts';
import { parseSelector } from '../../domain/filter.ts';
import { ALL_TRACES, type GraphScope } from '../../store/graph-buckets.ts';
import { operation, type RouteContext } from '../context.ts';
import { invalid } from '../errors.ts';
import { type Body, optBool, optInt, optString } from '../fields.ts';
import { readWindow } from '../time-window.ts';

/** Graph windows may reach back as far as traces are kept. */
const MAX_GRAPH_HOURS = 31 * 24;
const MAX_PERIODS = 10_000;

export function graphRoutes(app: FastifyInstance, ctx: RouteContext): void {
  const { backend } = ctx;

  /** The traces a GroupName/GroupARN selects; neither (or Default) means every trace. */
  const scopeOf = (body: Body): GraphScope => {
    const GroupName = optString(body, 'GroupName', 1, 32);
    const GroupARN = optString(body, 'GroupARN', 1, 400);
    if (GroupName === undefined && GroupARN === undefined) return ALL_TRACES;
    const found = backend.groups.find({
      ...(GroupName ? { GroupName } : {}),
      ...(GroupARN ? { GroupARN } : {}),
    });
    if (!found.ok) throw invalid(found.message);
    return backend.graphScope(found.group);
  };

  operation(app, 'GetServiceGraph', async (body) => {
    const { start, end } = readWindow(body, MAX_GRAPH_HOURS);
    const scope = scopeOf(body);
    optString(body, 'NextToken');
    const graph = await backend.graphs.graph(start, end, scope);
    return {
      StartTime: graph.start,
      EndTime: graph.end,
      Services: graph.services,
      ContainsOldGroupVersions: false,
    };
  });

  operation(app, 'GetTimeSeriesServiceStatistics', async (body) => {
    const { start, end } = readWindow(body, MAX_GRAPH_HOURS);
    const scope = scopeOf(body);
    const period = optInt(body, 'Period', 60, 86_400) ?? 60;
    if (period % 60 !== 0) throw invalid(`Period must be a multiple of 60 seconds, got ${period}`);
    if ((end - start) / period > MAX_PERIODS)
      throw invalid(`The window holds more than ${MAX_PERIODS} periods of ${period} s`);
    const text = optString(body, 'EntitySelectorExpression', 1, 500);
    let selector: EntitySelector = { kind: 'entry' };
    if (text !== undefined) {
      const parsed = parseSelector(text);
      if (!parsed.ok) throw invalid(parsed.message);
      selector = parsed.selector;
    }
    optBool(body, 'ForecastStatistics');
    optString(body, 'NextToken');
    return {
      TimeSeriesServiceStatistics: await backend.graphs.timeSeries(
        start,
        end,
        period,
        selector,
        scope,
      ),
      ContainsOldGroupVersions: false,
    };
  });
}
