import type { AddressInfo } from 'node:net';
import { createLocalHost } from '../../functions/host/local.js';

/** A local host on a free port, for contract tests over real HTTP. */
export interface RunningHost {
  url: string;
  post(route: string, body: unknown, headers?: Record<string, string>): Promise<Response>;
  close(): Promise<void>;
}

export async function startHost(): Promise<RunningHost> {
  const server = createLocalHost({ log: () => {} });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const url = `http://127.0.0.1:${port}`;
  return {
    url,
    post: (route, body, headers = {}) =>
      fetch(`${url}/api/${route}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...headers },
        body: typeof body === 'string' ? body : JSON.stringify(body),
      }),
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
