import { ACCOUNT, REGION } from './group-store.ts';

/** The SamplingRule wire shape (xray-api.md §4.8). */
export interface SamplingRule {
  RuleName: string;
  RuleARN: string;
  ResourceARN: string;
  Priority: number;
  FixedRate: number;
  ReservoirSize: number;
  ServiceName: string;
  ServiceType: string;
  Host: string;
  HTTPMethod: string;
  URLPath: string;
  Version: number;
  Attributes: Record<string, string>;
}
export interface SamplingRuleRecord {
  SamplingRule: SamplingRule;
  CreatedAt: number;
  ModifiedAt: number;
}
export type RuleResult =
  | { ok: true; record: SamplingRuleRecord }
  | { ok: false; code?: 'RuleLimitExceededException'; message: string };

const arnOf = (name: string) => `arn:aws:xray:${REGION}:${ACCOUNT}:sampling-rule/${name}`;
/** X-Ray allows 25 rules per account besides the default. */
export const MAX_RULES = 25;

/** The built-in rule every account has (xray-api.md §4.8). */
function defaultRule(): SamplingRuleRecord {
  return {
    SamplingRule: {
      RuleName: 'Default',
      RuleARN: arnOf('Default'),
      ResourceARN: '*',
      Priority: 10000,
      FixedRate: 0.05,
      ReservoirSize: 1,
      ServiceName: '*',
      ServiceType: '*',
      Host: '*',
      HTTPMethod: '*',
      URLPath: '*',
      Version: 1,
      Attributes: {},
    },
    CreatedAt: 0,
    ModifiedAt: 0,
  };
}

/** Sampling rules: the Default rule plus created ones, persisted through `onChange`. */
export class SamplingStore {
  private readonly rules = new Map<string, SamplingRuleRecord>([['Default', defaultRule()]]);

  constructor(private readonly onChange: (rules: SamplingRuleRecord[]) => void = () => {}) {}

  load(saved: unknown): void {
    for (const r of Array.isArray(saved) ? (saved as SamplingRuleRecord[]) : []) {
      if (typeof r?.SamplingRule?.RuleName === 'string') this.rules.set(r.SamplingRule.RuleName, r);
    }
  }

  /** Ordered as SDKs evaluate them: by priority, then name. */
  list(): SamplingRuleRecord[] {
    return [...this.rules.values()].sort(
      (a, b) =>
        a.SamplingRule.Priority - b.SamplingRule.Priority ||
        a.SamplingRule.RuleName.localeCompare(b.SamplingRule.RuleName),
    );
  }

  find(name?: string, arn?: string): SamplingRuleRecord | undefined {
    if (name !== undefined) return this.rules.get(name);
    for (const r of this.rules.values()) if (r.SamplingRule.RuleARN === arn) return r;
    return undefined;
  }

  get lastModification(): number {
    let last = 0;
    for (const r of this.rules.values()) last = Math.max(last, r.ModifiedAt);
    return last;
  }

  create(rule: Omit<SamplingRule, 'RuleARN'>): RuleResult {
    if (this.rules.has(rule.RuleName)) {
      return { ok: false, message: `Sampling rule "${rule.RuleName}" already exists` };
    }
    if (this.rules.size - 1 >= MAX_RULES) {
      return {
        ok: false,
        code: 'RuleLimitExceededException',
        message: `At most ${MAX_RULES} sampling rules are allowed`,
      };
    }
    const now = Date.now() / 1000;
    const record = {
      SamplingRule: { ...rule, RuleARN: arnOf(rule.RuleName) },
      CreatedAt: now,
      ModifiedAt: now,
    };
    this.rules.set(rule.RuleName, record);
    this.changed(() => this.rules.delete(rule.RuleName));
    return { ok: true, record };
  }

  update(
    name: string | undefined,
    arn: string | undefined,
    patch: Partial<SamplingRule>,
  ): RuleResult {
    const found = this.find(name, arn);
    if (!found) return { ok: false, message: `Sampling rule not found: ${name ?? arn}` };
    const isDefault = found.SamplingRule.RuleName === 'Default';
    const allowed = isDefault
      ? { FixedRate: patch.FixedRate, ReservoirSize: patch.ReservoirSize }
      : patch;
    const clean = Object.fromEntries(Object.entries(allowed).filter(([, v]) => v !== undefined));
    const record = {
      ...found,
      SamplingRule: { ...found.SamplingRule, ...clean },
      ModifiedAt: Date.now() / 1000,
    };
    this.rules.set(found.SamplingRule.RuleName, record);
    this.changed(() => this.rules.set(found.SamplingRule.RuleName, found));
    return { ok: true, record };
  }

  delete(name: string | undefined, arn: string | undefined): RuleResult {
    const found = this.find(name, arn);
    if (!found) return { ok: false, message: `Sampling rule not found: ${name ?? arn}` };
    if (found.SamplingRule.RuleName === 'Default')
      return { ok: false, message: 'The Default sampling rule cannot be deleted' };
    this.rules.delete(found.SamplingRule.RuleName);
    this.changed(() => this.rules.set(found.SamplingRule.RuleName, found));
    return { ok: true, record: found };
  }

  /** Persists the new state, undoing the change if that fails (see GroupStore.changed). */
  private changed(undo: () => void): void {
    try {
      this.onChange(
        [...this.rules.values()].filter(
          (r) => r.SamplingRule.RuleName !== 'Default' || r.ModifiedAt > 0,
        ),
      );
    } catch (e) {
      undo();
      throw e;
    }
  }
}
