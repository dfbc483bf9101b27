// What dist/ is built from, as one sha256: the sources, the package files and
// the build script. scripts/build.mjs records it in dist/.build-inputs; the
// test set-up rebuilds only when it differs, so `npm test` right after
// `npm install` (which builds) does not build again.
import { createHash } from 'node:crypto';
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

function filesUnder(dir) {
  return readdirSync(path.join(root, dir), { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => path.relative(root, path.join(e.parentPath ?? e.path, e.name)));
}

export function buildInputsHash() {
  const files = [...filesUnder('src'), ...filesUnder('assembly'), 'package.json', 'package-lock.json', 'scripts/build.mjs', 'scripts/build-wasm.mjs'].sort();
  const hash = createHash('sha256');
  for (const f of files) {
    let bytes;
    try {
      bytes = readFileSync(path.join(root, f));
    } catch {
      bytes = Buffer.alloc(0); // no lock file: hashed as empty
    }
    hash.update(`${f}\0${bytes.length}\0`).update(bytes);
  }
  return hash.digest('hex');
}

export const buildStampPath = path.join(root, 'dist', '.build-inputs');
