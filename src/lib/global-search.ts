import { z } from 'zod';
import { isRelativeRange, RELATIVE_RANGES } from './time-range.ts';

/**
 * Search params every view shares (root route). Each field is parsed on its own with `.catch`, so
 * one bad parameter is dropped (and reported by the shell) while the rest of the link still works.
 */
export const REFRESH_INTERVALS = ['off', '10s', '30s', '1m'] as const;
export type RefreshInterval = (typeof REFRESH_INTERVALS)[number];

const isoOrEpoch = z
  .string()
  .refine((v) => /^\d{9,11}(\.\d+)?$/.test(v) || Number.isFinite(Date.parse(v)), 'not a time');

export const globalSearchSchema = z.object({
  last: z.enum(RELATIVE_RANGES).optional().catch(undefined),
  from: isoOrEpoch.optional().catch(undefined),
  to: isoOrEpoch.optional().catch(undefined),
  // Only what can be a group name (the server's rule): anything else from a link is reported and
  // dropped, never sent as GroupName.
  group: z
    .string()
    .regex(/^[A-Za-z0-9-]{1,32}$/)
    .optional()
    .catch(undefined),
  refresh: z.enum(REFRESH_INTERVALS).optional().catch(undefined),
  embed: z
    .union([z.boolean(), z.literal('1'), z.literal('true'), z.literal('')])
    .transform(() => true as const)
    .optional()
    .catch(undefined),
});

export type GlobalSearch = z.infer<typeof globalSearchSchema>;
export const GLOBAL_SEARCH_KEYS = Object.keys(globalSearchSchema.shape) as (keyof GlobalSearch)[];

export function refreshMs(r: RefreshInterval | undefined): number | false {
  switch (r) {
    case '10s':
      return 10_000;
    case '30s':
      return 30_000;
    case '1m':
      return 60_000;
    default:
      return false;
  }
}

/**
 * Names the raw params that a schema would drop or could not read, so the shell can say
 * "ignored `last=banana`" instead of silently showing defaults.
 */
export function invalidParams(
  raw: Record<string, unknown>,
  schema: z.ZodObject<z.ZodRawShape>,
): string[] {
  const bad: string[] = [];
  for (const [key, value] of Object.entries(raw)) {
    const field = schema.shape[key];
    if (!field) continue;
    if (value === undefined) continue;
    const strict = (field as z.ZodType).safeParse(value);
    // `.catch` hides failures; compare: a value that was supplied but parsed to undefined is bad.
    if (strict.success && strict.data === undefined)
      bad.push(`${key}=${String(value).slice(0, 40)}`);
  }
  return bad;
}

export { isRelativeRange };
