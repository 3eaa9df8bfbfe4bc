import functions from '@azure/functions';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { registeredRoutes } from '../../functions/host/local.js';
import { progressTally } from '../../functions/progressTally.js';
import { TallyResponseSchema } from '../../shared/tally/schema.js';
import { fixture } from '../support/fixtures.js';
import { type RunningHost, startHost } from '../support/host.js';

const { HttpRequest, InvocationContext } = functions;
const ROUTE = 'progress/tally';

interface Reply {
  status: number;
  contentType: string;
  json: unknown;
}

/**
 * Posts to the endpoint over real HTTP when the local host serves it (functions/app.ts lists
 * it), else straight to its handler with the same request, so the test runs either way.
 */
let host: RunningHost | undefined;
async function post(body: unknown, headers: Record<string, string> = {}): Promise<Reply> {
  const text = typeof body === 'string' ? body : JSON.stringify(body);
  if (host) {
    const response = await host.post(ROUTE, text, headers);
    return {
      status: response.status,
      contentType: response.headers.get('content-type') ?? '',
      json: await response.json(),
    };
  }
  const request = new HttpRequest({
    method: 'POST',
    url: `http://localhost/api/${ROUTE}`,
    headers: { 'content-type': 'application/json', ...headers },
    body: { string: text },
  });
  const init = await progressTally.handler(request, new InvocationContext());
  const reply = new functions.HttpResponse(init);
  return {
    status: reply.status,
    contentType: reply.headers.get('content-type') ?? '',
    json: JSON.parse(await reply.text()),
  };
}

beforeAll(async () => {
  if (registeredRoutes().has(`/api/${ROUTE}`)) host = await startHost();
});
afterAll(async () => {
  await host?.close();
});

const bottlenecks = fixture<{ categories: { id: string }[]; someUnits: string[] }>('bottlenecks.json');

describe('POST /api/progress/tally', () => {
  it('answers the contract example with tallies, findings and missing units', async () => {
    const reply = await post({
      locale: 'nl-NL',
      reports: [
        {
          unit: 'Stadsdeel Noord',
          group: 'Ruimte en Economie',
          period: '2024',
          codes: ['K1', 'K4'],
          text: 'te weinig uren; geen begroting',
        },
        { unit: 'Financiën en Inkoop', group: 'Bedrijfsvoering', period: '2024', codes: 'K6', text: '' },
      ],
      expectedUnits: ['Stadsdeel Noord', 'Directie Wonen', 'Financien en Inkoop'],
    });
    expect(reply.status).toBe(200);
    expect(reply.contentType).toMatch(/^application\/json/);
    const body = TallyResponseSchema.parse(reply.json);
    const [period] = body.periods;
    expect(period).toMatchObject({ period: '2024', reporting: 2 });
    expect(period!.tallies.slice(0, 3)).toMatchObject([
      { id: 'K1', count: 1, share: '0.5000', rank: 1, units: ['Stadsdeel Noord'] },
      { id: 'K4', count: 1, share: '0.5000', rank: 1 },
      { id: 'K6', count: 1, share: '0.5000', rank: 1, units: ['Financien en Inkoop'] },
    ]);
    expect(period!.byGroup).toEqual([
      { group: 'Bedrijfsvoering', reporting: 1, counts: { K6: 1 } },
      { group: 'Ruimte en Economie', reporting: 1, counts: { K1: 1, K4: 1 } },
    ]);
    expect(body.missingUnits).toEqual(['Directie Wonen']);
    expect(body.findings).toMatchObject([{ code: 'MISSING_REPORT', severity: 'warning' }]);
    expect(body.classified[0]!.matches).toEqual([{ id: 'K4', phrase: 'te weinig uren', keyword: 'uren' }]);
  });

  it('gives content problems as findings in a 200, with cells for a grid', async () => {
    const reply = await post({
      language: 'en',
      grid: {
        address: "'Voortgang 2024'!B2",
        values: [
          ['Eenheid', 'Cluster', 'Jaar', ...bottlenecks.categories.map((c) => c.id), 'Toelichting'],
          ['Directie Wonen', 'Ruimte', 2024, 'x', '', '', '', '', '', '', 'huh', ''],
          ['Directie Wonen', 'Ruimte', 2024, '', '', '', 'ja', '', '', '', '', 'Zie bijlage'],
        ],
      },
    });
    expect(reply.status).toBe(200);
    const body = TallyResponseSchema.parse(reply.json);
    expect(body.findings.map((f) => [f.code, f.ref])).toEqual([
      ['MARK_UNREADABLE', "'Voortgang 2024'!L3"],
      ['UNCLASSIFIED_TEXT', "'Voortgang 2024'!M4"],
      ['DUPLICATE_REPORT', "'Voortgang 2024'!B4"],
    ]);
    expect(body.findings[0]!.message).toMatch(/not counted/);
    expect(body.unclassified).toEqual([
      { row: 2, ref: "'Voortgang 2024'!M4", unit: 'Directie Wonen', period: '2024', text: 'Zie bijlage' },
    ]);
    expect(body.mapping).toMatchObject({ unit: 'B', group: 'C', period: 'D', K1: 'E', K8: 'L', text: 'M' });
    expect(body.periods[0]!.reporting).toBe(1);
    expect(body.periods[0]!.tallies[0]!.label).toBe('No long-term, strategic approach');
  });

  it.each([
    ['not JSON', '{"reports": [', 400, ''],
    ['not an object', '[1, 2]', 400, ''],
    ['neither reports nor grid', {}, 400, 'reports'],
    ['a report without a unit', { reports: [{ period: '2024' }] }, 400, 'reports.0.unit'],
    ['codes of the wrong type', { reports: [{ unit: 'A', codes: { K1: true } }] }, 400, 'reports.0.codes'],
    [
      'a column override for an unknown category',
      { grid: { address: 'A1', values: [['Directie']], columns: { K99: 'A' } } },
      400,
      'grid.columns.K99',
    ],
    [
      'a duplicate category id',
      { categories: [{ id: 'K1' }, { id: 'k1' }], reports: [] },
      400,
      'categories.1.id',
    ],
  ])('refuses %s with problem+json', async (_name, body, status, path) => {
    const reply = await post(body);
    expect(reply.status).toBe(status);
    expect(reply.contentType).toMatch(/^application\/problem\+json/);
    const problem = reply.json as { status: number; errors: { path: string }[] };
    expect(problem.status).toBe(status);
    if (path) expect(problem.errors.map((e) => e.path)).toContain(path);
  });

  it('refuses a wrong content type with 415', async () => {
    const reply = await post('{}', { 'content-type': 'text/plain' });
    expect(reply.status).toBe(415);
  });

  it.each([
    ['too long a text', { reports: [{ unit: 'A', text: 'x'.repeat(10_001) }] }, 'reports.0.text'],
    ['too many reports', { reports: Array.from({ length: 50_001 }, () => ({ unit: 'A' })) }, 'reports'],
    [
      'too many categories',
      { categories: Array.from({ length: 101 }, (_, i) => ({ id: `C${i}` })), reports: [] },
      'categories',
    ],
  ])('refuses %s with 422', async (_name, body, path) => {
    const reply = await post(body);
    expect(reply.status).toBe(422);
    expect(reply.contentType).toMatch(/^application\/problem\+json/);
    expect((reply.json as { errors: { path: string }[] }).errors[0]!.path).toBe(path);
  });
});
