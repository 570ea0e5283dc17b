import { queryOptions } from '@tanstack/react-query';
import type { Group } from '../xray/types.ts';
import { callXRay } from './client.ts';
import { xrayKeys } from './keys.ts';

/** All groups, following NextToken until the last page. */
export async function getAllGroups(signal?: AbortSignal): Promise<Group[]> {
  const groups: Group[] = [];
  let token: string | undefined;
  do {
    const page = await callXRay<{ Groups?: Group[]; NextToken?: string }>(
      'GetGroups',
      token ? { NextToken: token } : {},
      signal,
    );
    groups.push(...(page.Groups ?? []));
    token = page.NextToken ?? undefined;
  } while (token);
  return groups;
}

export const groupsQuery = () =>
  queryOptions({
    queryKey: xrayKeys.groups(),
    queryFn: ({ signal }) => getAllGroups(signal),
    staleTime: 30_000,
  });

export function createGroup(g: {
  GroupName: string;
  FilterExpression: string;
}): Promise<{ Group?: Group }> {
  return callXRay('CreateGroup', g);
}

export function updateGroup(g: {
  GroupName: string;
  FilterExpression: string;
}): Promise<{ Group?: Group }> {
  return callXRay('UpdateGroup', g);
}

export function deleteGroup(name: string): Promise<unknown> {
  return callXRay('DeleteGroup', { GroupName: name });
}
