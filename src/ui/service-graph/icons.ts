import { KIND_GLYPH, type NodeKind } from './node-kind.ts';

/**
 * The icon inside a node: the kind's short glyph ("λ", "DDB", "SQS") drawn as an SVG image, in
 * the theme's text colour. Text rather than vendor artwork: it reads at any zoom, costs nothing
 * to ship, and says the same thing to everyone.
 */
export function kindIcon(kind: NodeKind, color: string): string {
  const glyph = KIND_GLYPH[kind];
  const size = glyph.length <= 1 ? 34 : glyph.length <= 2 ? 24 : glyph.length === 3 ? 19 : 15;
  const svg =
    `<svg xmlns="http://www.w3.org/2000/svg" width="64" height="64" viewBox="0 0 64 64">` +
    `<text x="32" y="32" dominant-baseline="central" text-anchor="middle" ` +
    `font-family="system-ui,-apple-system,Segoe UI,Roboto,sans-serif" font-weight="700" ` +
    `font-size="${size}" fill="${escapeAttr(color)}">${glyph}</text></svg>`;
  return `data:image/svg+xml;utf8,${encodeURIComponent(svg)}`;
}

function escapeAttr(s: string): string {
  return s.replace(/[^#a-zA-Z0-9(),.% -]/g, '');
}
