import { z } from 'zod';

/** URL state of /traces. The filter is committed on Enter, never while typing. */
export const tracesSearchSchema = z.object({
  filter: z.string().max(4000).optional().catch(undefined),
  sort: z.string().max(40).optional().catch(undefined),
  desc: z.boolean().optional().catch(undefined),
});
export type TracesSearch = z.infer<typeof tracesSearchSchema>;
