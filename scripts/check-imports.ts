/**
 * Enforces the import graph (STYLE.md §1): the domain imports nothing else in the project and no
 * React; features never import each other; mock-server imports only the domain. Perfetto-style:
 * a small script is easier to trust than a lint plugin's zone syntax.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';

const root = resolve(import.meta.dirname, '..');
const IMPORT_RE =
  /(?:import|export)\s[^'"]*?from\s+['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)/g;

function* files(dir: string): Generator<string> {
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) yield* files(p);
    else if (/\.(ts|tsx)$/.test(name)) yield p;
  }
}

/** Which zone a project file is in: 'xray', 'lib', 'api', 'ui', 'app', 'feature:<name>', 'mock-server'. */
function zoneOf(file: string): string {
  const rel = relative(root, file).split('\\').join('/');
  if (rel.startsWith('mock-server/')) return 'mock-server';
  const m = /^src\/(features\/([^/]+)|[^/]+)/.exec(rel);
  if (!m) return 'other';
  return m[2] ? `feature:${m[2]}` : m[1]!;
}

const allowed: Record<string, (target: string) => boolean> = {
  xray: (t) => t === 'xray',
  lib: (t) => t === 'xray' || t === 'lib',
  api: (t) => ['xray', 'lib', 'api'].includes(t),
  ui: (t) => ['xray', 'lib', 'ui', 'api'].includes(t),
  'mock-server': (t) => t === 'xray' || t === 'mock-server',
};
const bannedPackages: Record<string, RegExp> = {
  xray: /^(react|react-dom|zustand|@tanstack\/|cytoscape|d3-)/,
  'mock-server': /^(react|react-dom|zustand|@tanstack\/|cytoscape)/,
};

const problems: string[] = [];
for (const base of ['src', 'mock-server']) {
  for (const file of files(join(root, base))) {
    const zone = zoneOf(file);
    const text = readFileSync(file, 'utf8');
    for (const m of text.matchAll(IMPORT_RE)) {
      const spec = m[1] ?? m[2]!;
      const where = `${relative(root, file)} imports '${spec}'`;
      if (!spec.startsWith('.')) {
        if (bannedPackages[zone]?.test(spec))
          problems.push(`${where}: ${zone} must not depend on ${spec}`);
        continue;
      }
      const target = zoneOf(resolve(dirname(file), spec));
      if (zone.startsWith('feature:')) {
        if (target.startsWith('feature:') && target !== zone)
          problems.push(`${where}: features must not import each other`);
        if (target === 'app' || target === 'mock-server')
          problems.push(`${where}: features must not import ${target}`);
        continue;
      }
      const rule = allowed[zone];
      if (rule && !rule(target)) problems.push(`${where}: ${zone} may not import ${target}`);
    }
  }
}

if (problems.length) {
  console.error(`Import rules broken (${problems.length}):\n${problems.join('\n')}`);
  process.exit(1);
}
console.log('Import rules: ok');
