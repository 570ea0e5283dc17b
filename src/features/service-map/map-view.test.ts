import { describe, expect, it } from 'vitest';
import { sampleServices } from '../../ui/service-graph/fixtures.ts';
import { buildMapGraph } from '../../ui/service-graph/graph-elements.ts';
import { mapView } from './map-view.ts';

const graph = buildMapGraph(sampleServices(), { windowSeconds: 600 });
const API = 'AWS::ECS::Container::checkout-api';
const CLIENT = 'client::checkout-api';
const DDB = 'AWS::DynamoDB::Table::orders';
const SNS = 'AWS::SNS::SNS';
const REMOTE = 'remote::payments.example.com';

describe('mapView', () => {
  it('shows everything when nothing filters', () => {
    const v = mapView(graph, {});
    expect(v.visible).toBeUndefined();
    expect(v.emphasis).toBeUndefined();
    expect(v.shown).toBe(5);
  });

  it('unhealthy: failing nodes and their callers only', () => {
    const v = mapView(graph, { unhealthy: true });
    expect([...v.visible!].sort()).toEqual([API, DDB, REMOTE, CLIENT].sort());
  });

  it('hides nodes by name pattern', () => {
    const v = mapView(graph, { hide: '*.example.com, sns' });
    expect([...v.visible!].sort()).toEqual([API, CLIENT, DDB].sort());
    expect(v.visible!.has(SNS)).toBe(false);
  });

  it('focuses on an n-hop neighbourhood; an unknown focus is ignored', () => {
    expect(mapView(graph, { focus: DDB, hops: 1 }).visible).toEqual(new Set([DDB, API]));
    expect(mapView(graph, { focus: DDB, hops: 2 }).shown).toBe(5);
    expect(mapView(graph, { focus: 'nope' }).visible).toBeUndefined();
  });

  it('emphasises the path between two nodes and keeps it visible', () => {
    const v = mapView(graph, { path: [CLIENT, REMOTE], hide: 'checkout' });
    expect(v.path!.nodes).toEqual([CLIENT, API, REMOTE]);
    expect(v.emphasis!.edges.size).toBe(2);
    expect(v.visible!.has(API)).toBe(true);
  });

  it('emphasises the nodes and edges that have the picked status', () => {
    const v = mapView(graph, { status: 'throttle' });
    expect([...v.emphasis!.nodes]).toEqual([DDB]);
    expect(v.emphasis!.edges.size).toBe(1);
    expect(mapView(graph, { status: 'ok' }).emphasis).toBeUndefined();
  });
});
