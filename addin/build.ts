/**
 * Builds the task pane with esbuild: `addin/src/main.ts` → `taskpane.js` (one minified IIFE),
 * with the HTML, CSS and icons beside it. In memory for `npm start` and the tests; written to
 * `dist/addin/` when run as a script (`tsx addin/build.ts`).
 */
import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { contentType, type StaticFile } from './serve.js';

const here = dirname(fileURLToPath(import.meta.url));
export const ROOT = join(here, '..');
export const DIST = join(ROOT, 'dist', 'addin');

const STATIC = ['taskpane.html', 'taskpane.css', 'commands.html'];

export interface BuildResult {
  files: Map<string, StaticFile>;
  /** Bytes of `taskpane.js`, and gzip-compressed. */
  scriptBytes: number;
}

export async function buildAddin(
  options: { minify?: boolean; sourcemap?: boolean } = {},
): Promise<BuildResult> {
  const result = await build({
    entryPoints: [join(here, 'src', 'main.ts')],
    bundle: true,
    format: 'iife',
    platform: 'browser',
    target: 'es2020',
    minify: options.minify ?? true,
    sourcemap: options.sourcemap ? 'linked' : false,
    write: false,
    outdir: here,
    entryNames: 'taskpane',
    legalComments: 'none',
    logLevel: 'silent',
  });
  const files = new Map<string, StaticFile>();
  let scriptBytes = 0;
  for (const output of result.outputFiles) {
    const name = relative(here, output.path).replace(/\\/g, '/');
    files.set(name, { body: output.contents, type: contentType(name) });
    if (name === 'taskpane.js') scriptBytes = output.contents.byteLength;
  }
  for (const name of STATIC) {
    files.set(name, { body: await readFile(join(here, name)), type: contentType(name) });
  }
  for (const name of await readdir(join(here, 'assets'))) {
    files.set(`assets/${name}`, {
      body: await readFile(join(here, 'assets', name)),
      type: contentType(name),
    });
  }
  return { files, scriptBytes };
}

export async function writeBuild(files: ReadonlyMap<string, StaticFile>, outdir = DIST): Promise<void> {
  for (const [name, file] of files) {
    const path = join(outdir, name);
    await mkdir(dirname(path), { recursive: true });
    await writeFile(path, file.body);
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const { files, scriptBytes } = await buildAddin({ sourcemap: process.argv.includes('--sourcemap') });
  await writeBuild(files);
  console.log(
    `Task pane built in ${relative(process.cwd(), DIST)} (taskpane.js ${(scriptBytes / 1024).toFixed(1)} KB)`,
  );
}
