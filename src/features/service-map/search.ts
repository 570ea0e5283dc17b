import { z } from 'zod';

/** URL state of /map. Selection lives here so a runbook link reopens the same node or edge. */
export const mapSearchSchema = z.object({
  /** Selected node id (see the map feature's node-id helper). */
  node: z.string().max(600).optional().catch(undefined),
  /** Selected edge id. */
  edge: z.string().max(1200).optional().catch(undefined),
  /** Node whose neighbourhood is focused, and how many hops around it. */
  focus: z.string().max(600).optional().catch(undefined),
  hops: z.coerce.number().int().min(1).max(5).optional().catch(undefined),
  color: z.enum(['health', 'latency']).optional().catch(undefined),
});
export type MapSearch = z.infer<typeof mapSearchSchema>;
