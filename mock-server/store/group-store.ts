import { randomBytes } from 'node:crypto';
import type { FilterNode } from '../../src/xray/filter/index.ts';
import type { Group, InsightsConfiguration } from '../../src/xray/types.ts';
import { compile, parse, type TracePredicate } from '../domain/filter.ts';

export const ACCOUNT = '000000000000';
export const REGION = 'us-east-1';
const NAME = /^[A-Za-z0-9-]{1,32}$/;
const DEFAULT = 'Default';
const DEFAULT_GROUP: Group = {
  GroupName: DEFAULT,
  GroupARN: `arn:aws:xray:${REGION}:${ACCOUNT}:group/${DEFAULT}`,
  InsightsConfiguration: { InsightsEnabled: false, NotificationsEnabled: false },
};

export type GroupResult = { ok: true; group: Group } | { ok: false; message: string };
export interface GroupRef {
  GroupName?: string;
  GroupARN?: string;
}

/**
 * Groups: a name, an ARN and a filter expression validated by the shared filter parser. The
 * built-in `Default` group (no filter: every trace) is listed but can't be changed. `onChange`
 * persists the full list after each change (see DataDir.writeJson).
 */
export class GroupStore {
  private readonly groups = new Map<string, Group>();
  private readonly predicates = new Map<string, TracePredicate>();
  /** Bumped on every change so caches keyed by group filter know to rebuild. */
  version = 0;

  constructor(private readonly onChange: (groups: Group[]) => void = () => {}) {}

  /** Loads persisted groups, skipping any that no longer parse. Returns problems found. */
  load(saved: unknown): string[] {
    const problems: string[] = [];
    const list = Array.isArray(saved) ? saved : [];
    for (const g of list as Group[]) {
      if (typeof g?.GroupName !== 'string' || typeof g.GroupARN !== 'string') continue;
      this.groups.set(g.GroupName, g);
      const compiled = this.compile(g);
      if (typeof compiled === 'string') problems.push(`group ${g.GroupName}: ${compiled}`);
    }
    this.version++;
    return problems;
  }

  list(): Group[] {
    return [
      DEFAULT_GROUP,
      ...[...this.groups.values()].sort((a, b) => cmp(a.GroupName, b.GroupName)),
    ];
  }

  /** Resolves by name or ARN; when both are given they must name the same group. */
  find(ref: GroupRef): GroupResult {
    if (ref.GroupName === undefined && ref.GroupARN === undefined) {
      return { ok: false, message: 'GroupName or GroupARN is required' };
    }
    const byName = ref.GroupName === undefined ? undefined : this.byName(ref.GroupName);
    const byArn = ref.GroupARN === undefined ? undefined : this.byArn(ref.GroupARN);
    const group = byName ?? byArn;
    if (!group || (ref.GroupName !== undefined && ref.GroupARN !== undefined && byName !== byArn)) {
      return { ok: false, message: `Group not found: ${ref.GroupName ?? ref.GroupARN}` };
    }
    return { ok: true, group };
  }

  create(name: string, filter: string | undefined, insights?: InsightsConfiguration): GroupResult {
    if (!NAME.test(name)) {
      return {
        ok: false,
        message: `Invalid group name "${name}": use 1 to 32 letters, digits or '-'`,
      };
    }
    if (name === DEFAULT) return { ok: false, message: 'The group name "Default" is reserved' };
    if (this.groups.has(name)) return { ok: false, message: `Group "${name}" already exists` };
    const group: Group = {
      GroupName: name,
      GroupARN: `arn:aws:xray:${REGION}:${ACCOUNT}:group/${name}/${uniqueId()}`,
      ...(filter !== undefined ? { FilterExpression: filter } : {}),
      InsightsConfiguration: { InsightsEnabled: false, NotificationsEnabled: false, ...insights },
    };
    const compiled = this.compile(group);
    if (typeof compiled === 'string') return { ok: false, message: compiled };
    this.groups.set(name, group);
    this.changed(() => this.groups.delete(name));
    return { ok: true, group };
  }

  /** Omitted fields stay as they are (the natural reading of UpdateGroup). */
  update(ref: GroupRef, filter: string | undefined, insights?: InsightsConfiguration): GroupResult {
    const found = this.find(ref);
    if (!found.ok) return found;
    if (found.group.GroupName === DEFAULT)
      return { ok: false, message: 'The Default group cannot be updated' };
    const group: Group = {
      ...found.group,
      ...(filter !== undefined ? { FilterExpression: filter } : {}),
      InsightsConfiguration: { ...found.group.InsightsConfiguration, ...insights },
    };
    const compiled = this.compile(group);
    if (typeof compiled === 'string') {
      this.compile(found.group);
      return { ok: false, message: compiled };
    }
    this.groups.set(group.GroupName as string, group);
    this.changed(() => this.groups.set(found.group.GroupName as string, found.group));
    return { ok: true, group };
  }

  delete(ref: GroupRef): GroupResult {
    const found = this.find(ref);
    if (!found.ok) return found;
    if (found.group.GroupName === DEFAULT)
      return { ok: false, message: 'The Default group cannot be deleted' };
    this.groups.delete(found.group.GroupName as string);
    this.predicates.delete(found.group.GroupName as string);
    this.changed(() => this.groups.set(found.group.GroupName as string, found.group));
    return found;
  }

  /** The trace predicate of a group; undefined means "every trace" (Default or no filter). */
  predicate(group: Group): TracePredicate | undefined {
    return this.predicates.get(group.GroupName as string);
  }

  /** A group's parsed filter for `group.name`/`group.arn` terms (null: no filter; undefined: no group). */
  resolve = (ref: { name?: string; arn?: string }): FilterNode | null | undefined => {
    const g =
      ref.name !== undefined
        ? this.byName(ref.name)
        : ref.arn !== undefined
          ? this.byArn(ref.arn)
          : undefined;
    if (!g) return undefined;
    const parsed = parse(g.FilterExpression ?? '');
    return parsed.ok ? parsed.ast : undefined;
  };

  private byName(name: string): Group | undefined {
    return name === DEFAULT ? DEFAULT_GROUP : this.groups.get(name);
  }

  private byArn(arn: string): Group | undefined {
    if (arn === DEFAULT_GROUP.GroupARN) return DEFAULT_GROUP;
    for (const g of this.groups.values()) if (g.GroupARN === arn) return g;
    return undefined;
  }

  /** Compiles and caches a group's predicate; returns the parser's message when invalid. */
  private compile(group: Group): string | undefined {
    const name = group.GroupName as string;
    const text = group.FilterExpression ?? '';
    if (text.trim() === '') {
      this.predicates.delete(name);
      return undefined;
    }
    const compiled = compile(text, this.resolve);
    if (!compiled.ok) return compiled.message;
    this.predicates.set(name, compiled.predicate);
    return undefined;
  }

  /**
   * Persists the new state; if that fails (disk full, dir gone) the change is undone and the
   * error goes to the caller, so memory never holds a group the disk doesn't.
   */
  private changed(undo: () => void): void {
    try {
      this.onChange([...this.groups.values()]);
    } catch (e) {
      undo();
      throw e;
    } finally {
      this.version++;
      // `group.name = …` terms are resolved at compile time: recompile so they see the change.
      for (const g of this.groups.values()) this.compile(g);
    }
  }
}

function uniqueId(): string {
  return randomBytes(15)
    .toString('base64url')
    .toUpperCase()
    .replace(/[^A-Z0-9]/g, 'X')
    .slice(0, 20);
}

const cmp = (a?: string, b?: string) => (a ?? '').localeCompare(b ?? '');
