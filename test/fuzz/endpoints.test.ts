import { readdirSync, readFileSync } from 'node:fs';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningHost, startHost } from '../support/host.js';

/**
 * Bad input, generated: for every endpoint with a sample body in `samples/` (named by its route,
 * `budget-validate.grid.json` is `budget/validate`), at least 1,000 random and mutated bodies.
 * The answer must always come, be a 200 or a problem+json 4xx, and never a 5xx.
 */

const RUNS = Number(process.env.FUZZ_RUNS ?? 500);
const samplesDir = new URL('./samples/', import.meta.url);
const samples = readdirSync(samplesDir)
  .filter((name) => name.endsWith('.json'))
  .map((name) => ({
    name,
    route: name.split('.')[0]!.replace('-', '/'),
    body: JSON.parse(readFileSync(new URL(name, samplesDir), 'utf8')) as unknown,
  }));

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/** Every path into a JSON value, so that a mutation can hit any field at any depth. */
function pathsOf(value: unknown, prefix: (string | number)[] = []): (string | number)[][] {
  const paths = [prefix];
  if (Array.isArray(value)) {
    for (const [i, item] of value.slice(0, 12).entries()) paths.push(...pathsOf(item, [...prefix, i]));
  } else if (value && typeof value === 'object') {
    for (const [key, item] of Object.entries(value)) paths.push(...pathsOf(item, [...prefix, key]));
  }
  return paths;
}

function setAt(root: Json, path: (string | number)[], replacement: Json): Json {
  if (path.length === 0) return replacement;
  const [head, ...rest] = path;
  const copy: Json = Array.isArray(root) ? [...root] : root && typeof root === 'object' ? { ...root } : {};
  const container = copy as Record<string | number, Json>;
  container[head as string] = setAt(container[head as string] ?? null, rest, replacement);
  return copy;
}

const deep = (depth: number): Json => {
  let value: Json = 1;
  for (let i = 0; i < depth; i++) value = [value];
  return value;
};

const hostile: fc.Arbitrary<Json> = fc.oneof(
  fc.constantFrom<Json>(
    null,
    true,
    false,
    0,
    -0,
    -1,
    1e308,
    -1e308,
    5e-324,
    9007199254740992,
    'NaN',
    'Infinity',
    '',
    ' ',
    '=HYPERLINK("http://x","y")',
    '+31 20 123 4567',
    '-€ 50',
    '@x',
    '\u0000',
    '﻿€ 1.000,00',
    'p.m.',
    '31 februari',
    'FREQ=SECONDLY',
    'FREQ=DAILY;COUNT=1000000000',
    'x'.repeat(100_000),
    '9'.repeat(400),
    [],
    {},
    { __proto__: { polluted: true } } as unknown as Json,
    JSON.parse('{"__proto__": {"polluted": true}, "constructor": {"prototype": {"polluted": true}}}') as Json,
    deep(2_000),
  ),
  fc.jsonValue({ maxDepth: 3 }) as fc.Arbitrary<Json>,
  fc.string({ maxLength: 40 }),
  fc.double(),
  fc.array(fc.constantFrom<Json>('', 1, 'x', null), { maxLength: 30 }),
);

async function expectWellAnswered(host: RunningHost, route: string, body: string): Promise<void> {
  const response = await fetch(`${host.url}/api/${route}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body,
    signal: AbortSignal.timeout(10_000),
  });
  const text = await response.text();
  expect(response.status, text.slice(0, 300)).toBeLessThan(500);
  expect([200, 400, 413, 422]).toContain(response.status);
  if (response.status !== 200) {
    expect(response.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    const problem = JSON.parse(text) as { status: number; errors: { path: string }[] };
    expect(problem.status).toBe(response.status);
    expect(Array.isArray(problem.errors)).toBe(true);
  }
  expect(text).not.toMatch(/\n\s+at .+:\d+:\d+/);
  expect(({} as Record<string, unknown>).polluted).toBeUndefined();
}

let host: RunningHost;
beforeAll(async () => {
  host = await startHost();
});
afterAll(() => host.close());

describe.each(samples)('generated bad input for $name', ({ route, body }) => {
  const paths = pathsOf(body);

  it(`the sample itself is answered with 200`, async () => {
    const response = await host.post(route, body);
    expect(response.status).toBe(200);
  });

  it('mutated bodies are answered with 200 or a problem, never a 5xx or a hang', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.tuple(fc.constantFrom(...paths), hostile), { minLength: 1, maxLength: 3 }),
        async (mutations) => {
          const mutated = mutations.reduce((json, [path, value]) => setAt(json, path, value), body as Json);
          await expectWellAnswered(host, route, JSON.stringify(mutated));
        },
      ),
      { numRuns: RUNS },
    );
  });

  it('random JSON and broken text are answered with a problem, never a 5xx or a hang', async () => {
    const sampleText = JSON.stringify(body);
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          fc.jsonValue().map((value) => JSON.stringify(value)),
          fc.string({ maxLength: 200 }),
          fc.nat({ max: sampleText.length }).map((cut) => sampleText.slice(0, cut)),
          fc.constant(`${'['.repeat(100_000)}${']'.repeat(100_000)}`),
          fc.constant(`{"lines":${'['.repeat(50_000)}`),
        ),
        async (text) => expectWellAnswered(host, route, text),
      ),
      { numRuns: RUNS },
    );
  });
});
