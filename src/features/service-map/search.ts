import { z } from 'zod';

/**
 * URL state of /map. Selection lives here so a runbook link reopens the same node or edge, the
 * same neighbourhood and the same filters. Each field is parsed on its own (`.catch`), so one
 * stale parameter is dropped and the rest of the link still works.
 */
export const mapSearchSchema = z.object({
  /** Selected node id (`${Type}::${Name}`, see src/ui/service-graph/node-id.ts). */
  node: z.string().max(600).optional().catch(undefined),
  /** Selected edge id (`${sourceId} -> ${targetId}`). */
  edge: z.string().max(1200).optional().catch(undefined),
  /** Node whose neighbourhood is focused, and how many hops around it (default 1). */
  focus: z.string().max(600).optional().catch(undefined),
  hops: z.coerce.number().int().min(1).max(5).optional().catch(undefined),
  /** What colours the map; health when absent. */
  color: z.enum(['health', 'latency']).optional().catch(undefined),
  /** Outcome picked from a ring slice or the legend: emphasised, and carried to "view traces". */
  status: z.enum(['ok', 'error', 'throttle', 'fault']).optional().catch(undefined),
  /** Hide nodes whose name matches (comma-separated terms, `*` wildcards). */
  hide: z.string().max(200).optional().catch(undefined),
  /** Show only unhealthy nodes and their callers. */
  unhealthy: z.boolean().optional().catch(undefined),
});
export type MapSearch = z.infer<typeof mapSearchSchema>;
