import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { request } from 'node:https';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateCertificates } from 'office-addin-dev-certs/lib/generate.js';
import { afterAll, describe, expect, it } from 'vitest';
import { apiBase } from '../../addin/src/api.js';

/** `npm start`: one origin for pane and API, HTTPS with the dev certificates, HTTP without. */
const children: ChildProcess[] = [];
afterAll(() => {
  for (const child of children) child.kill();
});

function start(env: Record<string, string>): Promise<{ origin: string; output: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'functions/host/start.ts'], {
      cwd: join(import.meta.dirname, '..', '..'),
      env: { ...process.env, PORT: '0', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    children.push(child);
    let output = '';
    const timer = setTimeout(() => reject(new Error(`not ready in 20 s: ${output}`)), 20_000);
    child.stdout?.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const ready = /ready: (https?:\/\/localhost:\d+)\/taskpane\.html/.exec(output);
      if (ready?.[1] && output.includes('Sideload')) {
        clearTimeout(timer);
        resolve({ origin: ready[1], output });
      }
    });
    child.stderr?.on('data', (chunk: Buffer) => {
      output += chunk.toString();
    });
    child.on('exit', (code) => reject(new Error(`exited ${code}: ${output}`)));
  });
}

function httpsGet(
  url: string,
  ca: Buffer,
  method = 'GET',
  body?: string,
): Promise<{ status: number; text: string }> {
  return new Promise((resolve, reject) => {
    const req = request(
      url,
      { method, ca, headers: body ? { 'content-type': 'application/json' } : {} },
      (res) => {
        let text = '';
        res.on('data', (chunk: Buffer) => {
          text += chunk.toString();
        });
        res.on('end', () => resolve({ status: res.statusCode ?? 0, text }));
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

describe('npm start', () => {
  it('serves pane and API over HTTP when no dev certificates are installed', async () => {
    const empty = await mkdtemp(join(tmpdir(), 'pd-nocerts-'));
    try {
      const { origin, output } = await start({ PD_CERT_DIR: empty });
      expect(origin).toMatch(/^http:\/\/localhost:\d+$/);
      expect(output).toContain('office-addin-dev-certs install');
      const page = await fetch(`${origin}/taskpane.html`);
      expect(page.status).toBe(200);
      expect(await page.text()).toContain('appsforoffice.microsoft.com/lib/1/hosted/office.js');
      const script = await fetch(`${origin}/taskpane.js`);
      expect(script.headers.get('content-type')).toContain('javascript');
      const api = await fetch(`${origin}/api/budget/validate`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ lines: [{ item: 'x', unitCost: 1, units: 1, total: 1 }] }),
      });
      expect(api.status).toBe(200);
      expect((await fetch(`${origin}/../../package.json`)).status).toBe(404);
      // The origin is not the manifest's dev URL: a manifest for it is written and named.
      const manifest = /start (\S+manifest\.xml) desktop/.exec(output)?.[1] ?? '';
      expect(await readFile(manifest, 'utf8')).toContain(`${origin}/taskpane.html`);
    } finally {
      await rm(empty, { recursive: true, force: true });
    }
  });

  it('serves over HTTPS with the office-addin-dev-certs certificates', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'pd-certs-'));
    try {
      await generateCertificates(
        join(dir, 'ca.crt'),
        join(dir, 'localhost.crt'),
        join(dir, 'localhost.key'),
        2,
      );
      const { origin } = await start({ PD_CERT_DIR: dir });
      expect(origin).toMatch(/^https:\/\/localhost:\d+$/);
      const ca = await readFile(join(dir, 'ca.crt'));
      expect((await httpsGet(`${origin}/taskpane.html`, ca)).status).toBe(200);
      const api = await httpsGet(`${origin}/api/budget/validate`, ca, 'POST', JSON.stringify({ lines: [] }));
      expect(api.status).toBe(200);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});

describe('the API address', () => {
  it("is the page's origin unless the workbook sets a valid one", () => {
    expect(apiBase(null, 'https://localhost:7071')).toBe('https://localhost:7071');
    expect(apiBase('https://desk.example.org/', 'https://localhost:7071')).toBe('https://desk.example.org');
    expect(apiBase('javascript:alert(1)', 'https://localhost:7071')).toBe('https://localhost:7071');
    expect(apiBase(42, 'https://localhost:7071')).toBe('https://localhost:7071');
  });
});
