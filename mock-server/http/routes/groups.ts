import type { FastifyInstance } from 'fastify';
import type { InsightsConfiguration } from '../../../src/xray/types.ts';
import type { GroupRef, GroupResult } from '../../store/group-store.ts';
import { operation, type RouteContext } from '../context.ts';
import { invalid } from '../errors.ts';
import { type Body, checkTags, optBool, optObject, optString, reqString } from '../fields.ts';

/** Groups are few; one page always holds them all, but a NextToken is still validated. */
export function groupRoutes(app: FastifyInstance, { backend }: RouteContext): void {
  const groups = backend.groups;

  operation(app, 'GetGroups', (body) => {
    if (optString(body, 'NextToken', 1, 100) !== undefined)
      throw invalid('NextToken is not valid: there are no further pages');
    return { Groups: groups.list() };
  });

  operation(app, 'GetGroup', (body) => ({ Group: unwrap(groups.find(readRef(body))) }));

  operation(app, 'CreateGroup', (body) => {
    const name = reqString(body, 'GroupName', 1, 32);
    const filter = optString(body, 'FilterExpression');
    const insights = readInsights(body);
    checkTags(body);
    return { Group: unwrap(groups.create(name, filter, insights)) };
  });

  operation(app, 'UpdateGroup', (body) => {
    const ref = readRef(body);
    return {
      Group: unwrap(groups.update(ref, optString(body, 'FilterExpression'), readInsights(body))),
    };
  });

  operation(app, 'DeleteGroup', (body) => {
    unwrap(groups.delete(readRef(body)));
    return {};
  });
}

function readRef(body: Body): GroupRef {
  const GroupName = optString(body, 'GroupName', 1, 32);
  const GroupARN = optString(body, 'GroupARN', 1, 400);
  return {
    ...(GroupName !== undefined ? { GroupName } : {}),
    ...(GroupARN !== undefined ? { GroupARN } : {}),
  };
}

function readInsights(body: Body): InsightsConfiguration | undefined {
  const cfg = optObject(body, 'InsightsConfiguration');
  if (!cfg) return undefined;
  const InsightsEnabled = optBool(cfg, 'InsightsEnabled');
  const NotificationsEnabled = optBool(cfg, 'NotificationsEnabled');
  return {
    ...(InsightsEnabled !== undefined ? { InsightsEnabled } : {}),
    ...(NotificationsEnabled !== undefined ? { NotificationsEnabled } : {}),
  };
}

function unwrap(result: GroupResult) {
  if (!result.ok) throw invalid(result.message);
  return result.group;
}
