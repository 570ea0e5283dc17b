import type { ServiceId } from '../types.ts';
import type { ServiceSelector } from './ast.ts';

/**
 * Does a service (node, summary ServiceId, root-cause service…) match a selector? By name: any
 * of its names equals it (plain `service("name")` matches every node with that name, e.g. both
 * the AWS::Lambda and AWS::Lambda::Function nodes). By id(…): every given field must equal
 * (reference §3). A null selector (`service()`) matches everything. Case-sensitive.
 */
export function matchesServiceSelector(sel: ServiceSelector | null, id: ServiceId): boolean {
  if (!sel) return true;
  if (sel.kind === 'name') return hasName(id, sel.name);
  if (sel.name !== undefined && !hasName(id, sel.name)) return false;
  if (sel.type !== undefined && id.Type !== sel.type) return false;
  if (sel.accountId !== undefined && id.AccountId !== sel.accountId) return false;
  return true;
}

/** The same test compiled once, for evaluating one selector against many services. */
export function serviceSelectorPredicate(sel: ServiceSelector | null): (id: ServiceId) => boolean {
  if (!sel) return () => true;
  if (sel.kind === 'name') {
    const name = sel.name;
    return (id) => id.Name === name || (id.Names?.includes(name) ?? false);
  }
  const { name, type, accountId } = sel;
  return (id) =>
    (type === undefined || id.Type === type) &&
    (accountId === undefined || id.AccountId === accountId) &&
    (name === undefined || hasName(id, name));
}

function hasName(id: ServiceId, name: string): boolean {
  return id.Name === name || (id.Names?.includes(name) ?? false);
}
