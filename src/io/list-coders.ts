import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { CODINGS_DIR } from './coding-file.js';
import { manifestKey, readManifest } from './manifest.js';
import type { Project } from './read-project.js';

/** How a coder's file was made, by the qcode command the manifest records for it. */
export type CoderKind = 'human' | 'adjudicated' | 'auto' | 'unknown';

export interface CoderFile {
  coder: string;
  kind: CoderKind;
}

function kindOf(command: string | undefined): CoderKind {
  const verb = command?.split(' ')[1];
  if (verb === 'import' || verb === 'annotate') return 'human';
  if (verb === 'adjudicate') return 'adjudicated';
  if (verb === 'code') return 'auto';
  return 'unknown';
}

/** The coding files in `<out>/codings/`, by name, each with how it was made. */
export async function listCoders(project: Pick<Project, 'root' | 'outDir'>): Promise<CoderFile[]> {
  const dir = path.join(project.outDir, CODINGS_DIR);
  const names = await readdir(dir).catch(() => [] as string[]);
  const manifest = await readManifest(project.outDir);
  return names
    .filter((n) => n.endsWith('.csv') && !n.endsWith('.matches.csv'))
    .sort()
    .map((n) => ({ coder: n.slice(0, -4), kind: kindOf(manifest.outputs[manifestKey({ project }, path.join(dir, n))]?.command) }));
}
