import { describe, expect, it } from 'vitest';
import {
  findNode,
  namePattern,
  neighbourhood,
  type QueryGraph,
  shortestPath,
  unhealthyAndCallers,
} from './graph-query.ts';

const n = (id: string, errorRate = 0) => ({ id, name: id, errorRate });
const e = (source: string, target: string) => ({ id: `${source}>${target}`, source, target });
// client → web → api → db ; api → cache ; web → auth ; batch → db
const g: QueryGraph = {
  nodes: [n('client'), n('web'), n('api'), n('db', 0.2), n('cache'), n('auth'), n('batch')],
  edges: [
    e('client', 'web'),
    e('web', 'api'),
    e('api', 'db'),
    e('api', 'cache'),
    e('web', 'auth'),
    e('batch', 'db'),
  ],
};

describe('graph queries', () => {
  it('neighbourhood: n hops in both directions, with the edges among them', () => {
    const one = neighbourhood(g, 'api', 1);
    expect([...one.nodes].sort()).toEqual(['api', 'cache', 'db', 'web']);
    expect([...one.edges].sort()).toEqual(['api>cache', 'api>db', 'web>api']);
    const two = neighbourhood(g, 'api', 2);
    expect([...two.nodes].sort()).toEqual(['api', 'auth', 'batch', 'cache', 'client', 'db', 'web']);
    expect(neighbourhood(g, 'nope', 2).nodes.size).toBe(0);
  });

  it('shortestPath follows call direction, else ignores it', () => {
    expect(shortestPath(g, 'client', 'db')).toEqual({
      nodes: ['client', 'web', 'api', 'db'],
      edges: ['client>web', 'web>api', 'api>db'],
    });
    // cache and auth are siblings: no call chain, but they are connected.
    expect(shortestPath(g, 'cache', 'auth')!.nodes).toEqual(['cache', 'api', 'web', 'auth']);
    expect(shortestPath({ nodes: [n('a'), n('b')], edges: [] }, 'a', 'b')).toBeUndefined();
  });

  it('unhealthyAndCallers: the failing node and everyone upstream of it', () => {
    expect([...unhealthyAndCallers(g)].sort()).toEqual(['api', 'batch', 'client', 'db', 'web']);
    expect(unhealthyAndCallers(g, 0.5).size).toBe(0);
  });

  it('namePattern: comma-separated substrings or * wildcards, case-insensitive', () => {
    const m = namePattern(' Health ,*.amazonaws.com')!;
    expect(m('healthcheck')).toBe(true);
    expect(m('dynamodb.us-east-1.amazonaws.com')).toBe(true);
    expect(m('amazonaws.com.evil')).toBe(false);
    expect(m('orders')).toBe(false);
    expect(namePattern(' , ')).toBeUndefined();
    expect(namePattern('a(b')!('xa(bx')).toBe(true);
    expect(namePattern('[*')!('[x')).toBe(true);
  });

  it('findNode prefers an exact name, then a substring', () => {
    const nodes = [n('orders-api'), n('orders')];
    expect(findNode(nodes, 'ORDERS')!.id).toBe('orders');
    expect(findNode(nodes, 'api')!.id).toBe('orders-api');
    expect(findNode(nodes, '  ')).toBeUndefined();
  });
});
