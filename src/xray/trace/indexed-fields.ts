import type {
  AnnotationValueUnion,
  SegmentDoc,
  ServiceId,
  TraceSummary,
  ValueWithServiceIds,
} from '../types.ts';
import type { Piece } from './pieces.ts';

/**
 * The summary fields X-Ray collects from every piece of a trace: Annotations, Users,
 * ResourceARNs, InstanceIds, AvailabilityZones (xray-api.md §5, segment-document.md §9).
 *
 * Annotations: only keys matching `^[A-Za-z0-9_]+$` are indexed (the rest stay in the documents),
 * at most MAX_ANNOTATION_KEYS keys per trace, first come in pre-order; values must be strings,
 * finite numbers or booleans. Each distinct value (by type and value) lists the services that
 * recorded it.
 */
export const MAX_ANNOTATION_KEYS = 50;
const ANNOTATION_KEY = /^[A-Za-z0-9_]+$/;

type Indexed = Required<
  Pick<TraceSummary, 'Annotations' | 'Users' | 'ResourceARNs' | 'InstanceIds' | 'AvailabilityZones'>
>;

function unionOf(v: unknown): AnnotationValueUnion | undefined {
  if (typeof v === 'string') return { StringValue: v };
  if (typeof v === 'boolean') return { BooleanValue: v };
  if (typeof v === 'number' && Number.isFinite(v)) return { NumberValue: v };
  return undefined;
}

function addOnce(set: Map<string, Set<number>>, key: string, node: number) {
  let s = set.get(key);
  if (s === undefined) {
    s = new Set();
    set.set(key, s);
  }
  s.add(node);
}

function ec2Field(seg: SegmentDoc, field: 'instance_id' | 'availability_zone'): string | undefined {
  const ec2 = seg.aws?.ec2;
  if (typeof ec2 !== 'object' || ec2 === null) return undefined;
  const v = (ec2 as Record<string, unknown>)[field];
  return typeof v === 'string' && v !== '' ? v : undefined;
}

/**
 * @param nodeOf node index of each piece (index into `serviceIds`)
 * @param serviceIds wire ServiceId of each node
 */
export function collectIndexedFields(
  pieces: readonly Piece[],
  nodeOf: ArrayLike<number>,
  serviceIds: readonly ServiceId[],
): Indexed {
  const annotations = new Map<
    string,
    Map<string, { value: AnnotationValueUnion; nodes: Set<number> }>
  >();
  const users = new Map<string, Set<number>>();
  const arns = new Set<string>();
  const instances = new Set<string>();
  const zones = new Set<string>();
  for (let i = 0; i < pieces.length; i++) {
    const p = pieces[i] as Piece;
    const node = nodeOf[i] as number;
    const ann = p.doc.annotations;
    if (ann !== undefined && ann !== null && typeof ann === 'object') {
      for (const key in ann) {
        if (!ANNOTATION_KEY.test(key)) continue;
        const value = unionOf(ann[key]);
        if (value === undefined) continue;
        let values = annotations.get(key);
        if (values === undefined) {
          if (annotations.size >= MAX_ANNOTATION_KEYS) continue;
          values = new Map();
          annotations.set(key, values);
        }
        const vkey = `${typeof ann[key]}:${String(ann[key])}`;
        let entry = values.get(vkey);
        if (entry === undefined) {
          entry = { value, nodes: new Set() };
          values.set(vkey, entry);
        }
        entry.nodes.add(node);
      }
    }
    if (p.kind !== 'segment') continue;
    const seg = p.doc as SegmentDoc;
    if (typeof seg.user === 'string' && seg.user !== '') addOnce(users, seg.user, node);
    if (typeof seg.resource_arn === 'string' && seg.resource_arn !== '') arns.add(seg.resource_arn);
    const instance = ec2Field(seg, 'instance_id');
    if (instance !== undefined) instances.add(instance);
    const zone = ec2Field(seg, 'availability_zone');
    if (zone !== undefined) zones.add(zone);
  }
  const ids = (nodes: Set<number>) => [...nodes].map((n) => serviceIds[n] as ServiceId);
  const Annotations: Record<string, ValueWithServiceIds[]> = {};
  for (const [key, values] of annotations) {
    Annotations[key] = [...values.values()].map((v) => ({
      AnnotationValue: v.value,
      ServiceIds: ids(v.nodes),
    }));
  }
  return {
    Annotations,
    Users: [...users].map(([UserName, nodes]) => ({ UserName, ServiceIds: ids(nodes) })),
    ResourceARNs: [...arns].map((ARN) => ({ ARN })),
    InstanceIds: [...instances].map((Id) => ({ Id })),
    AvailabilityZones: [...zones].map((Name) => ({ Name })),
  };
}
