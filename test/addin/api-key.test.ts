import { describe, expect, it } from 'vitest';
import { createApiClient } from '../../addin/src/api.js';

/** A fetch that answers `{}` and remembers the headers it was sent. */
function recordingFetch() {
  const sent: Headers[] = [];
  const fetchImpl = (async (_url: string | URL | Request, init?: RequestInit) => {
    sent.push(new Headers(init?.headers));
    return new Response('{}', { headers: { 'content-type': 'application/json' } });
  }) as typeof fetch;
  return { sent, fetchImpl };
}

describe('the function key of a deployed API', () => {
  it('is sent as x-functions-key when the user has set one', async () => {
    const { sent, fetchImpl } = recordingFetch();
    await createApiClient(
      'https://desk.example.org',
      () => 'nl',
      fetchImpl,
      () => 'k3y',
    ).postJson('budget/validate', {});
    expect(sent[0]?.get('x-functions-key')).toBe('k3y');
    expect(sent[0]?.get('accept-language')).toBe('nl');
  });

  it('is not sent to the local host, which needs none', async () => {
    const { sent, fetchImpl } = recordingFetch();
    await createApiClient('http://localhost:7071', () => 'en', fetchImpl).postJson('budget/validate', {});
    expect(sent[0]?.has('x-functions-key')).toBe(false);
  });
});
