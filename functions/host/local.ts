import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { HttpFunctionOptions, HttpResponseInit, LogHandler } from '@azure/functions';
import functions from '@azure/functions';
import { registerFunctions } from '../app.js';
import { languageFromHeader, problem } from '../http/problem.js';

/** The Functions host's own body limit; the endpoints enforce their smaller one themselves. */
// The package is CommonJS: Node's ES module loader sees its classes only on the default export.
const { HttpRequest, HttpResponse, InvocationContext } = functions;
type HttpResponse = InstanceType<typeof HttpResponse>;

const HOST_BODY_LIMIT = 100 * 1024 * 1024;

export interface LocalHostOptions {
  /** Serves requests outside `/api` (the task pane), when given. */
  fallback?: (request: IncomingMessage, response: ServerResponse) => void;
  /** Where the endpoints' context logs go; errors to stderr by default. */
  log?: LogHandler;
}

/** The routes that `registerFunctions` registers, recorded by a stand-in for `app`. */
export function registeredRoutes(): Map<string, { name: string; options: HttpFunctionOptions }> {
  const routes = new Map<string, { name: string; options: HttpFunctionOptions }>();
  registerFunctions({
    http: (name, options) => routes.set(`/api/${options.route ?? name}`, { name, options }),
  });
  return routes;
}

const defaultLog: LogHandler = (level, ...args) => {
  if (level === 'error' || level === 'critical') console.error(...args);
};

function send(response: ServerResponse, init: HttpResponseInit | HttpResponse): Promise<void> {
  const reply = init instanceof HttpResponse ? init : new HttpResponse(init);
  return reply.arrayBuffer().then((body) => {
    response.statusCode = reply.status;
    for (const [name, value] of reply.headers) response.setHeader(name, value);
    response.end(Buffer.from(body));
  });
}

/** Reads a Node request body into bytes, or undefined when it exceeds the host's limit. */
function readBytes(request: IncomingMessage): Promise<Uint8Array | undefined> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    request.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > HOST_BODY_LIMIT) {
        request.removeAllListeners('data');
        request.resume();
        resolve(undefined);
      } else chunks.push(chunk);
    });
    request.on('end', () => resolve(Buffer.concat(chunks)));
    request.on('error', reject);
  });
}

function headersOf(request: IncomingMessage): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(request.headers)) {
    if (value !== undefined) headers[name] = Array.isArray(value) ? value.join(', ') : value;
  }
  return headers;
}

/**
 * A plain Node HTTP server that serves the handlers registered with `app.http` under `/api`,
 * turning each request into the library's own `HttpRequest` and `InvocationContext`, as the
 * Functions host does, so that everything runs without Azure Functions Core Tools.
 */
export function createLocalHost(options: LocalHostOptions = {}): Server {
  const routes = registeredRoutes();
  return createServer((request, response) => {
    const url = new URL(request.url ?? '/', 'http://localhost');
    const lang = languageFromHeader(request.headers['accept-language'] ?? null);
    if (!url.pathname.startsWith('/api/') && options.fallback) {
      options.fallback(request, response);
      return;
    }
    const route = routes.get(url.pathname);
    const method = request.method ?? 'GET';
    const answer = async (): Promise<HttpResponseInit | HttpResponse> => {
      if (!route) return problem('not-found', lang, url.pathname);
      const methods = route.options.methods ?? ['GET', 'POST'];
      if (!methods.includes(method as (typeof methods)[number])) {
        request.resume();
        return problem('method-not-allowed', lang, method, [], { Allow: methods.join(', ') });
      }
      const announced = Number(request.headers['content-length'] ?? '0');
      const bytes = announced > HOST_BODY_LIMIT ? undefined : await readBytes(request);
      if (!bytes) return problem('payload-too-large', lang, `> ${HOST_BODY_LIMIT} bytes`);
      const httpRequest = new HttpRequest({
        method,
        url: `http://${request.headers.host ?? 'localhost'}${request.url ?? '/'}`,
        headers: headersOf(request),
        query: Object.fromEntries(url.searchParams),
        body: { bytes },
      });
      const context = new InvocationContext({
        invocationId: randomUUID(),
        functionName: route.name,
        logHandler: options.log ?? defaultLog,
      });
      return route.options.handler(httpRequest, context);
    };
    answer()
      .catch((error: unknown) => {
        defaultLog('error', 'local host', error);
        return problem('internal', lang, '');
      })
      .then((reply) => send(response, reply))
      .catch(() => response.destroy());
  });
}
