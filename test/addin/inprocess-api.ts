import functions from '@azure/functions';
import { type ApiClient, ApiError } from '../../addin/src/api.js';
import type { Endpoint } from '../../functions/http/endpoint.js';

const { HttpRequest, HttpResponse, InvocationContext } = functions;

/**
 * An API client that hands each call to the endpoint's own handler in-process, with the library's
 * own request and context objects: the pane's task code against the real handlers, before (or
 * without) the local host registering them.
 */
export function inProcessApi(endpoints: readonly Endpoint[], lang = 'nl'): ApiClient {
  const call = async (route: string, body: unknown): Promise<InstanceType<typeof HttpResponse>> => {
    const endpoint = endpoints.find((e) => e.route === route);
    if (!endpoint) throw new ApiError('unreachable', `no endpoint ${route}`);
    const request = new HttpRequest({
      method: 'POST',
      url: `http://localhost/api/${route}`,
      headers: { 'content-type': 'application/json', 'accept-language': lang },
      body: { string: JSON.stringify(body) },
    });
    const init = await endpoint.handler(request, new InvocationContext({ functionName: endpoint.name }));
    const response = init instanceof HttpResponse ? init : new HttpResponse(init);
    if (response.status >= 400) {
      const problem = (await response.json()) as { title?: string };
      throw new ApiError('problem', problem.title ?? String(response.status), response.status, problem);
    }
    return response;
  };
  return {
    base: 'in-process',
    postJson: async <T>(route: string, body: unknown) => (await (await call(route, body)).json()) as T,
    postText: async (route: string, body: unknown) => (await call(route, body)).text(),
  };
}
