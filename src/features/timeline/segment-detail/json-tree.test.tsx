import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { JsonTree } from './json-tree.tsx';

describe('JsonTree', () => {
  it('renders 50-deep metadata lazily: only the first level is open', () => {
    let deep: Record<string, unknown> = { leaf: 'bottom' };
    for (let i = 49; i >= 0; i--) deep = { [`level${i}`]: deep };
    const html = renderToStaticMarkup(<JsonTree label="debug" value={deep} />);
    expect(html).toContain('level0');
    expect(html).not.toContain('level2');
    expect(html).not.toContain('bottom');
  });

  it('cuts huge strings and big containers, with the rest one click away', () => {
    const html = renderToStaticMarkup(
      <JsonTree
        label="debug"
        value={{ blob: 'x'.repeat(1_000_000), list: Array.from({ length: 1000 }, (_, i) => i) }}
      />,
    );
    expect(html.length).toBeLessThan(5_000);
    expect(html).toContain('show all (1,000,000 characters)');
  });

  it('shows markup in data as text, never as HTML', () => {
    const html = renderToStaticMarkup(
      <JsonTree label="debug" value={{ x: '<img src=x onerror=alert(1)>' }} />,
    );
    expect(html).not.toContain('<img');
    expect(html).toContain('&lt;img');
  });
});
