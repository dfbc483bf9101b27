import { readFileSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';

/** Every .ts file under a folder. */
export function listSourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = path.join(dir, f);
    return statSync(p).isDirectory() ? listSourceFiles(p) : p.endsWith('.ts') ? [p] : [];
  });
}

/** The module specifiers a file imports or re-exports, static and dynamic. */
export function importsOf(source: string): string[] {
  const found: string[] = [];
  for (const m of source.matchAll(/(?:import|export)\s[^'"]*?from\s+['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)/g)) {
    found.push((m[1] ?? m[2])!);
  }
  return found;
}

export type Graph = ReadonlyMap<string, ReadonlySet<string>>;

/** The graph of imports between the folders directly under `root` (a file's folder is its first path segment). */
export function folderGraph(root: string): Map<string, Set<string>> {
  const graph = new Map<string, Set<string>>();
  for (const file of listSourceFiles(root)) {
    const from = path.relative(root, file).split(path.sep)[0]!;
    if (!graph.has(from)) graph.set(from, new Set());
    for (const spec of importsOf(readFileSync(file, 'utf8'))) {
      if (!spec.startsWith('.')) continue;
      const to = path.relative(root, path.resolve(path.dirname(file), spec)).split(path.sep)[0]!;
      if (to !== from && !to.startsWith('..')) graph.get(from)!.add(to);
    }
  }
  return graph;
}

/**
 * Every cycle of the graph, each once, as the list of nodes it passes through
 * (first node repeated at the end). Tarjan's strongly connected components
 * find the tangles; a walk inside each names one concrete cycle per edge back.
 */
export function findCycles(graph: Graph): string[][] {
  const cycles: string[][] = [];
  const seen = new Set<string>();
  const nodes = [...graph.keys()].sort();
  for (const start of nodes) {
    // Depth-first search from start that only visits nodes greater than start,
    // so each cycle is reported from its smallest node exactly once.
    const stack: { node: string; next: string[] }[] = [{ node: start, next: [...(graph.get(start) ?? [])].sort() }];
    const onPath = new Set([start]);
    while (stack.length > 0) {
      const top = stack[stack.length - 1]!;
      const n = top.next.shift();
      if (n === undefined) {
        onPath.delete(top.node);
        stack.pop();
        continue;
      }
      if (n === start) {
        const cycle = [...stack.map((s) => s.node), start];
        const key = cycle.join('>');
        if (!seen.has(key)) {
          seen.add(key);
          cycles.push(cycle);
        }
      } else if (n > start && !onPath.has(n) && graph.has(n)) {
        onPath.add(n);
        stack.push({ node: n, next: [...(graph.get(n) ?? [])].sort() });
      }
    }
  }
  return cycles;
}
