/**
 * End-to-end support: the built pane and the real local host in-process on a free port, Debian's
 * headless Chromium driven by playwright-core, and Microsoft's hosted `office.js` replaced at the
 * network boundary by a bundle of the fake Excel (test/addin/browser-entry.ts).
 */
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { type BrowserContext, chromium, type Page } from 'playwright-core';
import { buildAddin } from '../../addin/build.js';
import { staticHandler } from '../../addin/serve.js';
import { createLocalHost } from '../../functions/host/local.js';
import type { FakeOffice, FakeWorkbookOptions } from '../addin/fake-excel.js';

export const CHROMIUM = '/usr/bin/chromium';
export const chromiumAvailable = existsSync(CHROMIUM);
export const SKIP_REASON = `${CHROMIUM} is absent: install it with \`apt-get install -y chromium\` to run the e2e tests`;
export const OFFICE_JS = 'https://appsforoffice.microsoft.com/lib/1/hosted/office.js';

const here = dirname(fileURLToPath(import.meta.url));
export const RESULTS = join(here, '..', '..', 'test-results', 'addin');

export interface PaneHarness {
  url: string;
  context: BrowserContext;
  open(options?: FakeWorkbookOptions): Promise<Page>;
  close(): Promise<void>;
}

async function fakeOfficeScript(): Promise<string> {
  const result = await build({
    entryPoints: [join(here, '..', 'addin', 'browser-entry.ts')],
    bundle: true,
    format: 'iife',
    platform: 'browser',
    target: 'es2020',
    write: false,
    logLevel: 'silent',
  });
  return result.outputFiles[0]?.text ?? '';
}

export async function startHarness(): Promise<PaneHarness> {
  const [{ files }, fake] = await Promise.all([buildAddin(), fakeOfficeScript()]);
  const server: Server = createLocalHost({ fallback: staticHandler(files), log: () => {} });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const url = `http://127.0.0.1:${port}`;
  const profile = await mkdtemp(join(tmpdir(), 'pd-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
    viewport: { width: 380, height: 900 },
    locale: 'nl-NL',
    timezoneId: 'Europe/Amsterdam',
    acceptDownloads: true,
  });
  // Offline: the hosted Office.js becomes the fake; anything else outside the local host is refused.
  await context.route('**/*', async (route) => {
    const requested = route.request().url();
    if (requested === OFFICE_JS) {
      await route.fulfill({ status: 200, contentType: 'text/javascript; charset=utf-8', body: fake });
    } else if (requested.startsWith(url)) {
      await route.continue();
    } else {
      await route.abort('blockedbyclient');
    }
  });
  await mkdir(RESULTS, { recursive: true });
  return {
    url,
    context,
    async open(options: FakeWorkbookOptions = {}) {
      const page = await context.newPage();
      await page.addInitScript((opts) => {
        (globalThis as unknown as { __PD_FAKE_OPTIONS__: unknown }).__PD_FAKE_OPTIONS__ = opts;
        try {
          globalThis.localStorage?.clear();
        } catch {
          // no storage: fine
        }
      }, options);
      await page.goto(`${url}/taskpane.html`);
      await page.waitForSelector('body[data-ready="true"]');
      return page;
    },
    async close() {
      await context.close();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await rm(profile, { recursive: true, force: true });
    },
  };
}

type Workbook = FakeOffice['workbook'];

/** Runs a function on the fake workbook inside the page (set-up and assertions). */
export function onWorkbook<A, R>(page: Page, fn: (workbook: Workbook, arg: A) => R, arg: A): Promise<R> {
  return page.evaluate(
    ({ source, arg: a }) => {
      const workbook = (globalThis as unknown as { __fakeOffice: FakeOffice }).__fakeOffice.workbook;
      // The function comes from this test file, not from data; `new Function` keeps it out of local scope.
      const run = new Function(`return (${source});`)() as (w: Workbook, x: A) => R;
      return run(workbook, a as A);
    },
    { source: fn.toString(), arg },
  );
}

export async function screenshot(page: Page, name: string): Promise<string> {
  const path = join(RESULTS, `${name}.png`);
  await page.screenshot({ path, fullPage: true });
  return path;
}
