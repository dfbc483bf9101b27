// Bundles the CLI into dist/ with esbuild. Commands are split into lazily
// loaded chunks so `qcode --help` does not pay for zod, yaml or the CSV parsers.
import { build } from 'esbuild';
import { readFile, readdir, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { buildInputsHash, buildStampPath } from './build-inputs.mjs';
import { buildWasm } from './build-wasm.mjs';

const pkg = JSON.parse(await readFile(new URL('../package.json', import.meta.url), 'utf8'));
const workers = (await readdir(new URL('../src/io', import.meta.url)).catch(() => [])).filter((f) => f.endsWith('-worker.ts'));
const entryPoints = { qcode: 'src/cli/bin.ts' };
for (const w of workers) entryPoints[w.replace(/\.ts$/, '')] = `src/io/${w}`;
// First the scan kernel's WebAssembly, as a module esbuild bundles like any other (and the tests import), so the inputs hashed include it.
await buildWasm();
const inputs = buildInputsHash();
/**
 * zod's namespace export carries its 60-odd message locales (some 370 kB of
 * source every command that validates would compile at start); qcode words
 * its own messages and uses none, so the bundle keeps English only (the
 * default, which zod's schemas import directly).
 */
const zodEnglishOnly = {
  name: 'zod-english-only',
  setup(b) {
    b.onLoad({ filter: /[\\/]zod[\\/]v4[\\/]locales[\\/]index\.js$/ }, (args) => ({
      contents: 'export { default as en } from "./en.js";\n',
      loader: 'js',
      resolveDir: path.dirname(args.path),
    }));
  },
};
await rm(new URL('../dist', import.meta.url), { recursive: true, force: true });
await build({
  entryPoints,
  outdir: 'dist',
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  sourcemap: false,
  logLevel: 'warning',
  chunkNames: 'chunks/[name]-[hash]',
  // Chart libraries stay in node_modules: a native binary (resvg), data files
  // read beside their modules (PDFKit, the font), and size; plot and report load them.
  external: ['vega', 'vega-lite', '@resvg/resvg-js', 'pdfkit', 'svg-to-pdfkit', 'fontkit', 'playwright-core'],
  define: { __QCODE_VERSION__: JSON.stringify(pkg.version) },
  plugins: [zodEnglishOnly],
  banner: {
    js: "import { createRequire as __qcodeCreateRequire } from 'node:module'; const require = __qcodeCreateRequire(import.meta.url);",
  },
});
// Last, after a successful build: what it was built from.
await writeFile(buildStampPath, `${inputs}\n`);
