import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/**
 * A worker thread's bundled file beside the CLI (dist/<name>.js, found from
 * dist/ or dist/chunks/), or null when running from sources, where the
 * caller does the work on its own thread.
 */
export function bundledWorker(name: string, from: string): URL | null {
  for (const rel of [`./${name}.js`, `../${name}.js`]) {
    const url = new URL(rel, from);
    if (url.protocol === 'file:' && existsSync(fileURLToPath(url)) && !from.endsWith('.ts')) return url;
  }
  return null;
}
