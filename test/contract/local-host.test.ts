import { spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { describe, expect, it } from 'vitest';
import { registeredRoutes } from '../../functions/host/local.js';

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  await new Promise((resolve) => server.close(resolve));
  return typeof address === 'object' && address ? address.port : 0;
}

describe('the local host', () => {
  it('registers the routes of the contract, POST only, with function keys on Azure', () => {
    const routes = registeredRoutes();
    expect([...routes.keys()].sort()).toEqual([
      '/api/attendance/check',
      '/api/budget/validate',
      '/api/calendar/generate',
      '/api/calendar/ics',
      '/api/progress/tally',
    ]);
    for (const { options } of routes.values()) {
      expect(options.methods).toEqual(['POST']);
      expect(options.authLevel).toBe('function');
    }
  });

  it('`npm run api` starts on PORT, prints one line when ready, and serves the budget check', async () => {
    const port = await freePort();
    const started = Date.now();
    const child = spawn('npm', ['run', '--silent', 'api'], {
      env: { ...process.env, PORT: String(port) },
      stdio: ['ignore', 'pipe', 'pipe'],
      detached: true,
    });
    try {
      const line = await new Promise<string>((resolve, reject) => {
        let out = '';
        child.stdout.on('data', (chunk: Buffer) => {
          out += chunk.toString();
          if (out.includes('\n')) resolve(out.split('\n')[0] ?? '');
        });
        child.on('exit', (code) => reject(new Error(`exited with ${code}`)));
        setTimeout(() => reject(new Error('not ready within 20 s')), 20_000);
      });
      expect(Date.now() - started).toBeLessThan(20_000);
      expect(line).toContain(`http://localhost:${port}/api`);
      const response = await fetch(`http://127.0.0.1:${port}/api/budget/validate`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          lines: [{ item: 'Selfcare', unitCost: 1875, vat: 393.75, units: 2, total: 4537.5 }],
        }),
      });
      expect(response.status).toBe(200);
      expect(((await response.json()) as { valid: boolean }).valid).toBe(true);
    } finally {
      if (child.pid) process.kill(-child.pid, 'SIGTERM');
    }
  });
});
