import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BudgetResponseSchema } from '../../shared/budget/schema.js';
import { fixture } from '../support/fixtures.js';
import { type RunningHost, startHost } from '../support/host.js';

let host: RunningHost;
beforeAll(async () => {
  host = await startHost();
});
afterAll(() => host.close());

const pilot = fixture<{ address: string; values: unknown[][] }>('pilot-budget.grid.json');

async function problemOf(response: Response) {
  expect(response.headers.get('content-type')).toMatch(/^application\/problem\+json/);
  const body = (await response.json()) as {
    type: string;
    title: string;
    status: number;
    detail: string;
    errors: { path: string; message: string }[];
  };
  expect(body.status).toBe(response.status);
  expect(body.type).toMatch(/^urn:programme-desk:problem:/);
  expect(JSON.stringify(body)).not.toMatch(/\bat .+\.(ts|js):\d+/);
  return body;
}

describe('POST /api/budget/validate over HTTP', () => {
  it('answers the pilot table with one error and the recomputed totals', async () => {
    const response = await host.post('budget/validate', { grid: pilot, participants: { min: 24, max: 30 } });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^application\/json/);
    const body = BudgetResponseSchema.parse(await response.json());
    expect(body.findings.filter((f) => f.severity === 'error').map((f) => [f.code, f.ref])).toEqual([
      ['LINE_TOTAL_MISMATCH', 'Begroting!H6'],
    ]);
    expect(body.totals.recomputed).toEqual({
      subtotal: '18837.50',
      contingency: '1883.75',
      total: '20721.25',
    });
    expect(body.perParticipant).toEqual({ min: '690.71', max: '863.39' });
  });

  it('answers the contract example with its own figures', async () => {
    const response = await host.post('budget/validate', {
      locale: 'nl-NL',
      vatRates: ['0.21', '0.09', '0'],
      vatBasis: 'unit',
      contingencyRate: '0.10',
      tolerance: '0.00',
      lines: [
        {
          item: 'Selfcare',
          provider: 'Bureau X',
          unitCost: '€ 1.875,00',
          vat: '€ 393,75',
          vatRate: null,
          travel: null,
          units: 2,
          total: '€ 2.662,50',
        },
      ],
      stated: { subtotal: '€ 2.662,50', contingency: '€ 266,25', total: '€ 2.928,75' },
    });
    const body = BudgetResponseSchema.parse(await response.json());
    expect(body.lines[0]).toMatchObject({
      row: 0,
      computedTotal: '4537.50',
      statedTotal: '2662.50',
      vatRate: '0.21',
    });
    expect(body.valid).toBe(false);
  });

  it('refuses broken JSON with 400 problem+json', async () => {
    const response = await host.post('budget/validate', '{"lines": [');
    expect(response.status).toBe(400);
    const problem = await problemOf(response);
    expect(problem.errors[0]?.path).toBe('');
  });

  it('refuses a body that is not an object', async () => {
    for (const body of ['[]', '"lines"', 'null', '42']) {
      const response = await host.post('budget/validate', body);
      expect(response.status).toBe(400);
      await problemOf(response);
    }
  });

  it('names the path of every bad field, in Dutch by default and in English on request', async () => {
    const response = await host.post('budget/validate', {
      lines: [{}, {}, {}, { total: { a: 1 } }],
      vatBasis: 'per',
    });
    expect(response.status).toBe(400);
    const problem = await problemOf(response);
    expect(problem.errors.map((e) => e.path).sort()).toEqual(['lines.3.total', 'vatBasis']);
    expect(problem.title).toBe('Het verzoek klopt niet');
    const english = await problemOf(
      await host.post('budget/validate', { language: 'en', lines: [{ units: [] }] }),
    );
    expect(english.title).toBe('The request is not valid');
    expect(english.errors[0]?.path).toBe('lines.0.units');
  });

  it('asks for lines or a grid', async () => {
    const problem = await problemOf(await host.post('budget/validate', {}));
    expect(problem.errors[0]?.path).toBe('lines');
  });

  it('refuses a column override outside the grid with its path', async () => {
    const problem = await problemOf(
      await host.post('budget/validate', { grid: { ...pilot, columns: { total: 'Z' } } }),
    );
    expect(problem.errors[0]?.path).toBe('grid.columns.total');
  });

  it('refuses a grid that runs past the edge of the sheet', async () => {
    const problem = await problemOf(
      await host.post('budget/validate', {
        grid: { address: 'XFB1', values: [['Omschrijving', 'Prijs', 'Aantal', 'Totaal']] },
      }),
    );
    expect(problem.errors[0]?.path).toBe('grid.values');
  });

  it('answers 415 for a body that is not JSON', async () => {
    const response = await fetch(`${host.url}/api/budget/validate`, {
      method: 'POST',
      headers: { 'content-type': 'text/plain' },
      body: '{}',
    });
    expect(response.status).toBe(415);
    await problemOf(response);
  });

  it('accepts a 6 MB body and refuses one over 10 MiB with 413', async () => {
    const filler = 'x'.repeat(1000);
    const lines = (n: number) =>
      Array.from({ length: n }, () => ({ item: filler, unitCost: 1, units: 1, total: 1 }));
    const accepted = await host.post('budget/validate', { lines: lines(6_000) });
    expect(accepted.status).toBe(200);
    const refused = await host.post('budget/validate', { lines: lines(11_000) });
    expect(refused.status).toBe(413);
    await problemOf(refused);
  });

  it('answers 422 for work over the documented limits', async () => {
    const response = await host.post('budget/validate', {
      lines: Array.from({ length: 50_001 }, () => ({})),
    });
    expect(response.status).toBe(422);
    const problem = await problemOf(response);
    expect(problem.errors[0]?.path).toBe('lines');
  });

  it('answers 404 and 405 as problems', async () => {
    expect((await host.post('budget/nope', {})).status).toBe(404);
    const get = await fetch(`${host.url}/api/budget/validate`);
    expect(get.status).toBe(405);
    expect(get.headers.get('allow')).toBe('POST');
    await problemOf(get);
  });
});

const ok = {
  item: 'Selfcare',
  provider: 'Bureau X',
  unitCost: '€ 1.875,00',
  vat: '€ 393,75',
  units: 2,
  total: '€ 4.537,50',
};

/** One request per finding code of the contract that makes the code appear. */
const EVERY_CODE: [string, Record<string, unknown>][] = [
  ['LINE_TOTAL_MISMATCH', { lines: [{ ...ok, total: '€ 2.662,50' }] }],
  ['VAT_RATE_UNKNOWN', { lines: [{ ...ok, vat: '€ 300,00', total: null }] }],
  ['VAT_MISMATCH', { lines: [{ ...ok, vatRate: '0.09', total: null }] }],
  ['UNITS_INVALID', { lines: [{ ...ok, units: 0 }] }],
  ['AMOUNT_UNPARSEABLE', { lines: [{ ...ok, travel: 'twintig euro' }] }],
  ['AMOUNT_NEGATIVE', { lines: [{ ...ok, travel: '-€ 50,00', total: '€ 4.487,50' }] }],
  ['AMOUNT_PENDING', { lines: [{ ...ok, travel: 'nntb' }] }],
  ['AMOUNT_INCLUDED', { lines: [{ ...ok, travel: 'incl' }] }],
  ['UNITS_ASSUMED', { lines: [{ ...ok, units: null, total: '€ 2.268,75' }] }],
  ['SUBTOTAL_MISMATCH', { lines: [ok], stated: { subtotal: '€ 4.000,00' } }],
  ['CONTINGENCY_MISMATCH', { lines: [ok], contingencyRate: '0.10', stated: { contingency: '€ 400,00' } }],
  ['CONTINGENCY_RATE', { lines: [ok], stated: { subtotal: '€ 4.537,50', contingency: '€ 453,75' } }],
  ['TOTAL_MISMATCH', { lines: [ok], stated: { subtotal: '€ 4.537,50', total: '€ 5.000,00' } }],
  ['CEILING_EXCEEDED', { lines: [ok], ceiling: '€ 4.000,00' }],
  ['DUPLICATE_LINE', { lines: [ok, { ...ok, item: 'SELFCARE' }] }],
  ['ITEM_NOT_IN_PROGRAMME', { lines: [ok], programmeItems: ['Selfcare training'] }],
  ['PROGRAMME_ITEM_NOT_BUDGETED', { lines: [ok], programmeItems: ['Selfcare', 'Netwerken'] }],
];

describe('every finding code of the contract, over HTTP', () => {
  it.each(EVERY_CODE)('%s', async (code, request) => {
    const response = await host.post('budget/validate', request);
    expect(response.status).toBe(200);
    const body = BudgetResponseSchema.parse(await response.json());
    const finding = body.findings.find((f) => f.code === code);
    expect(finding, JSON.stringify(body.findings)).toBeDefined();
    expect(finding?.message.length).toBeGreaterThan(10);
    expect(body.valid).toBe(!body.findings.some((f) => f.severity === 'error'));
  });
});
