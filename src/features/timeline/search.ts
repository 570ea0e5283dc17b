import { z } from 'zod';

/** URL state of /trace/$traceId (the id itself is the path, so a trace link needs nothing else). */
export const timelineSearchSchema = z.object({
  segment: z.string().max(64).optional().catch(undefined),
  tab: z.string().max(20).optional().catch(undefined),
  /** Zoom window in ms relative to the trace start: "120-480". */
  zoom: z
    .string()
    .regex(/^\d+(\.\d+)?-\d+(\.\d+)?$/)
    .optional()
    .catch(undefined),
  q: z.string().max(200).optional().catch(undefined),
  critical: z.boolean().optional().catch(undefined),
});
export type TimelineSearch = z.infer<typeof timelineSearchSchema>;
