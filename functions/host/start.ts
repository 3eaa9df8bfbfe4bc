/**
 * `npm start`: builds the task pane (esbuild, in memory) and serves it and the API from one
 * origin, over HTTPS with office-addin-dev-certs' certificates when the user has installed them
 * (`npx office-addin-dev-certs install`), HTTP otherwise. `npm run api` (`--api-only`) serves
 * the API alone. Each prints one line when ready; `npm start` adds how to sideload the manifest.
 */
import { existsSync, readFileSync } from 'node:fs';
import type { Server } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import { homedir } from 'node:os';
import { join, relative } from 'node:path';
import { createLocalHost } from './local.js';

const apiOnly = process.argv.includes('--api-only');
const port = Number(process.env.PORT ?? 7071);

/** The dev certificates where office-addin-dev-certs installs them, when they are there. */
function devCertificates(): { key: Buffer; cert: Buffer; ca?: Buffer } | undefined {
  const dir = process.env.PD_CERT_DIR ?? join(homedir(), '.office-addin-dev-certs');
  const key = join(dir, 'localhost.key');
  const cert = join(dir, 'localhost.crt');
  if (!existsSync(key) || !existsSync(cert)) return undefined;
  const ca = join(dir, 'ca.crt');
  return {
    key: readFileSync(key),
    cert: readFileSync(cert),
    ...(existsSync(ca) ? { ca: readFileSync(ca) } : {}),
  };
}

function listen(server: Server | ReturnType<typeof createHttpsServer>): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, () => {
      const address = server.address();
      resolve(typeof address === 'object' && address ? address.port : port);
    });
  });
}

async function main(): Promise<void> {
  if (apiOnly) {
    const server = createLocalHost();
    const bound = await listen(server);
    console.log(`Programme Desk API klaar / ready: http://localhost:${bound}/api`);
    return;
  }
  const started = Date.now();
  const [{ buildAddin }, { staticHandler }, { DEV_ORIGIN, writeManifest }] = await Promise.all([
    import('../../addin/build.js'),
    import('../../addin/serve.js'),
    import('../../scripts/manifest.js'),
  ]);
  const { files } = await buildAddin();
  const local = createLocalHost({ fallback: staticHandler(files) });
  const certificates = devCertificates();
  let server: Server | ReturnType<typeof createHttpsServer> = local;
  if (certificates) {
    // The same request handler as the plain local host, behind TLS.
    const handler = local.listeners('request')[0] as Parameters<typeof createHttpsServer>[1];
    server = createHttpsServer(certificates, handler);
  }
  const bound = await listen(server);
  const origin = `${certificates ? 'https' : 'http'}://localhost:${bound}`;
  let manifest = 'manifest.xml';
  if (origin !== DEV_ORIGIN) manifest = relative(process.cwd(), await writeManifest(origin));
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  console.log(`Programme Desk klaar / ready: ${origin}/taskpane.html (API ${origin}/api, ${seconds} s)`);
  console.log(
    [
      'Sideload / laden in Excel:',
      `  desktop: npx office-addin-debugging start ${manifest} desktop`,
      `  web:     npx office-addin-debugging start ${manifest} web --document <url of a workbook in OneDrive/SharePoint>`,
      `  or by hand / of handmatig: Excel > Start > Invoegtoepassingen > Mijn invoegtoepassing uploaden > ${manifest}`,
      certificates
        ? ''
        : '  Note: no dev certificates found; Office needs HTTPS. Run `npx office-addin-dev-certs install` and restart.',
    ]
      .filter(Boolean)
      .join('\n'),
  );
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
