import type { EntityDoc, SubsegmentDoc } from '../../src/xray/types.ts';

/** Appends `child` to `parent.subsegments`, creating the list on first use. */
export function addSubsegment(parent: EntityDoc, child: SubsegmentDoc): void {
  if (parent.subsegments) parent.subsegments.push(child);
  else parent.subsegments = [child];
}
