import { readdir } from 'node:fs/promises';
import path from 'node:path';

const DOCUMENT_EXTENSIONS = new Set(['.txt', '.md']);
/** README files describe a corpus folder; they are not documents in it. */
const isReadme = (name: string) => /^readme(\.[a-z]+)?$/i.test(name);

/** The .txt/.md document files of a corpus folder and its subfolders (hidden ones and READMEs left out), sorted by path: the same order on every machine. */
export async function listDocumentFiles(dir: string): Promise<string[]> {
  const out: string[] = [];
  const walk = async (d: string): Promise<void> => {
    for (const e of await readdir(d, { withFileTypes: true })) {
      const p = path.join(d, e.name);
      if (e.isDirectory()) {
        if (!e.name.startsWith('.')) await walk(p);
      } else if (DOCUMENT_EXTENSIONS.has(path.extname(e.name).toLowerCase()) && !isReadme(e.name) && !e.name.startsWith('.')) out.push(p);
    }
  };
  await walk(dir);
  return out.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}
