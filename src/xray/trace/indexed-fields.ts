import type {
  AnnotationValueUnion,
  SegmentDoc,
  ServiceId,
  SubsegmentDoc,
  TraceSummary,
  ValueWithServiceIds,
} from '../types.ts';

/**
 * The summary fields X-Ray collects from every piece of a trace: Annotations, Users,
 * ResourceARNs, InstanceIds, AvailabilityZones (xray-api.md §5, segment-document.md §9).
 *
 * Annotations: only keys matching `^[A-Za-z0-9_]+$` are indexed (the rest stay in the documents),
 * at most MAX_ANNOTATION_KEYS keys per trace, first come in pre-order; values must be strings,
 * finite numbers or booleans. Each distinct value (by type and value) lists the services that
 * recorded it. Users/ARNs/instances/zones come from instrumented segments only.
 */
export const MAX_ANNOTATION_KEYS = 50;
const ANNOTATION_KEY = /^[A-Za-z0-9_]+$/;

export type IndexedFields = Required<
  Pick<TraceSummary, 'Annotations' | 'Users' | 'ResourceARNs' | 'InstanceIds' | 'AvailabilityZones'>
>;

function unionOf(v: unknown): AnnotationValueUnion | undefined {
  if (typeof v === 'string') return { StringValue: v };
  if (typeof v === 'boolean') return { BooleanValue: v };
  if (typeof v === 'number' && Number.isFinite(v)) return { NumberValue: v };
  return undefined;
}

function ec2Field(seg: SegmentDoc, field: 'instance_id' | 'availability_zone'): string | undefined {
  const ec2 = seg.aws?.ec2;
  if (typeof ec2 !== 'object' || ec2 === null) return undefined;
  const v = (ec2 as Record<string, unknown>)[field];
  return typeof v === 'string' && v !== '' ? v : undefined;
}

/** Feed it every piece once (with the node index of its segment), then read `result`. */
export class IndexedFieldsCollector {
  private readonly annotations = new Map<
    string,
    Map<string, { value: AnnotationValueUnion; nodes: Set<number> }>
  >();
  private readonly users = new Map<string, Set<number>>();
  private readonly arns = new Set<string>();
  private readonly instances = new Set<string>();
  private readonly zones = new Set<string>();

  piece(doc: SegmentDoc | SubsegmentDoc, instrumentedSegment: boolean, node: number): void {
    const ann = doc.annotations;
    if (ann !== undefined && ann !== null && typeof ann === 'object') this.annotate(ann, node);
    if (!instrumentedSegment) return;
    const seg = doc as SegmentDoc;
    if (typeof seg.user === 'string' && seg.user !== '') {
      let nodes = this.users.get(seg.user);
      if (nodes === undefined) {
        nodes = new Set();
        this.users.set(seg.user, nodes);
      }
      nodes.add(node);
    }
    if (typeof seg.resource_arn === 'string' && seg.resource_arn !== '')
      this.arns.add(seg.resource_arn);
    if (seg.aws === undefined) return;
    const instance = ec2Field(seg, 'instance_id');
    if (instance !== undefined) this.instances.add(instance);
    const zone = ec2Field(seg, 'availability_zone');
    if (zone !== undefined) this.zones.add(zone);
  }

  private annotate(ann: Record<string, unknown>, node: number) {
    for (const key in ann) {
      const raw = ann[key];
      const value = unionOf(raw);
      if (value === undefined) continue;
      let values = this.annotations.get(key);
      if (values === undefined) {
        if (this.annotations.size >= MAX_ANNOTATION_KEYS || !ANNOTATION_KEY.test(key)) continue;
        values = new Map();
        this.annotations.set(key, values);
      }
      const vkey = `${typeof raw}:${String(raw)}`;
      let entry = values.get(vkey);
      if (entry === undefined) {
        entry = { value, nodes: new Set() };
        values.set(vkey, entry);
      }
      entry.nodes.add(node);
    }
  }

  /** @param serviceIds wire ServiceId of each node index */
  result(serviceIds: readonly ServiceId[]): IndexedFields {
    const ids = (nodes: Set<number>) => [...nodes].map((n) => serviceIds[n] as ServiceId);
    const Annotations: Record<string, ValueWithServiceIds[]> = {};
    for (const [key, values] of this.annotations) {
      Annotations[key] = [...values.values()].map((v) => ({
        AnnotationValue: v.value,
        ServiceIds: ids(v.nodes),
      }));
    }
    return {
      Annotations,
      Users: [...this.users].map(([UserName, nodes]) => ({ UserName, ServiceIds: ids(nodes) })),
      ResourceARNs: [...this.arns].map((ARN) => ({ ARN })),
      InstanceIds: [...this.instances].map((Id) => ({ Id })),
      AvailabilityZones: [...this.zones].map((Name) => ({ Name })),
    };
  }
}
