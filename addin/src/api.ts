/**
 * Calls to the functions: JSON in, JSON out, cancellable, and every way a call can fail turned
 * into an {@link ApiError} the pane can explain in the user's language.
 */

export interface ProblemDetails {
  type?: string;
  title?: string;
  status?: number;
  detail?: string;
  errors?: { path: string; message: string }[];
}

export type ApiFailure = 'unreachable' | 'problem' | 'bad-response' | 'cancelled' | 'timeout';

export class ApiError extends Error {
  constructor(
    readonly kind: ApiFailure,
    message: string,
    readonly status?: number,
    readonly problem?: ProblemDetails,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

export interface ApiClient {
  readonly base: string;
  postJson<T>(route: string, body: unknown, signal?: AbortSignal): Promise<T>;
  postText(route: string, body: unknown, signal?: AbortSignal): Promise<string>;
}

const TIMEOUT_MS = 120_000;

/** The API's address: the page's own origin unless the workbook says otherwise. */
export function apiBase(setting: unknown, origin: string): string {
  if (typeof setting === 'string' && /^https?:\/\/[^\s]+$/i.test(setting.trim())) {
    return setting.trim().replace(/\/+$/, '');
  }
  return origin;
}

export function createApiClient(
  base: string,
  language: () => string,
  fetchImpl: typeof fetch = fetch,
  functionKey: () => string | null = () => null,
): ApiClient {
  const call = async (
    route: string,
    body: unknown,
    accept: string,
    signal?: AbortSignal,
  ): Promise<Response> => {
    const timeout = new AbortController();
    const timer = setTimeout(() => timeout.abort(), TIMEOUT_MS);
    const abort = () => timeout.abort();
    signal?.addEventListener('abort', abort);
    let response: Response;
    try {
      response = await fetchImpl(`${base}/api/${route}`, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          accept,
          'accept-language': language(),
          // Azure Functions' key for a deployed API; the local host needs none.
          ...(functionKey() && { 'x-functions-key': functionKey() ?? '' }),
        },
        body: JSON.stringify(body),
        signal: timeout.signal,
      });
    } catch (error) {
      if (signal?.aborted) throw new ApiError('cancelled', 'cancelled');
      if (timeout.signal.aborted) throw new ApiError('timeout', 'timeout');
      throw new ApiError('unreachable', error instanceof Error ? error.message : String(error));
    } finally {
      clearTimeout(timer);
      signal?.removeEventListener('abort', abort);
    }
    if (!response.ok) {
      let problem: ProblemDetails | undefined;
      const type = response.headers.get('content-type') ?? '';
      if (type.includes('json')) {
        try {
          problem = (await response.json()) as ProblemDetails;
        } catch {
          problem = undefined;
        }
      }
      throw new ApiError('problem', problem?.title ?? `HTTP ${response.status}`, response.status, problem);
    }
    return response;
  };
  return {
    base,
    async postJson<T>(route: string, body: unknown, signal?: AbortSignal): Promise<T> {
      const response = await call(route, body, 'application/json', signal);
      try {
        return (await response.json()) as T;
      } catch (error) {
        if (signal?.aborted) throw new ApiError('cancelled', 'cancelled');
        throw new ApiError('bad-response', error instanceof Error ? error.message : String(error));
      }
    },
    async postText(route: string, body: unknown, signal?: AbortSignal): Promise<string> {
      const response = await call(route, body, 'text/calendar, text/plain', signal);
      return response.text();
    },
  };
}
