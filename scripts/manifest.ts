/**
 * Writes a manifest for a deployed address: `tsx scripts/manifest.ts https://desk.example.org
 * [out.xml]` replaces the dev server's origin (`https://localhost:7071`) in every URL of
 * `manifest.xml` and writes `dist/manifest.xml` (or `out.xml`).
 */
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const DEV_ORIGIN = 'https://localhost:7071';
const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
export const MANIFEST_PATH = join(ROOT, 'manifest.xml');

/** A base URL fit for a manifest: `https://` (or `http://localhost` for local use), no path. */
export function checkOrigin(url: string): string {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new Error(`Not a URL: ${url}`);
  }
  const local = parsed.hostname === 'localhost' || parsed.hostname === '127.0.0.1';
  if (parsed.protocol !== 'https:' && !(local && parsed.protocol === 'http:')) {
    throw new Error(`Office loads add-ins over HTTPS only: ${url}`);
  }
  if (parsed.pathname !== '/' || parsed.search || parsed.hash || parsed.username) {
    throw new Error(`Give the origin only (scheme, host, port): ${url}`);
  }
  return parsed.origin;
}

/** The manifest with every dev URL moved to `origin`. */
export function manifestFor(origin: string, template: string): string {
  const base = checkOrigin(origin);
  const escaped = base.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');
  return template.split(DEV_ORIGIN).join(escaped);
}

export async function writeManifest(
  origin: string,
  out = join(ROOT, 'dist', 'manifest.xml'),
): Promise<string> {
  const xml = manifestFor(origin, await readFile(MANIFEST_PATH, 'utf8'));
  await mkdir(dirname(out), { recursive: true });
  await writeFile(out, xml);
  return out;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const [origin, out] = process.argv.slice(2);
  if (!origin) {
    console.error('Usage: tsx scripts/manifest.ts <https://origin> [out.xml]');
    process.exit(2);
  }
  try {
    console.log(`Manifest for ${checkOrigin(origin)}: ${await writeManifest(origin, out)}`);
  } catch (error) {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  }
}
