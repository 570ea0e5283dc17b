import { z } from 'zod';

/** URL state of /groups: `create` pre-fills a new group's filter ("save as group" from Traces). */
export const groupsSearchSchema = z.object({
  create: z.string().max(4000).optional().catch(undefined),
  edit: z.string().max(32).optional().catch(undefined),
});
export type GroupsSearch = z.infer<typeof groupsSearchSchema>;
