import type { AddressInfo } from 'node:net';
import { createLocalHost } from '../functions/host/local.js';
import { validateBudget } from '../shared/budget/engine.js';
import { BudgetRequestSchema } from '../shared/budget/schema.js';
import { type BenchRow, bestOf } from './support.js';

const LINES = 20_000;

/** A 20,000-line budget as finance types it: Dutch amounts as text, placeholders, some numbers. */
export function bigBudget(lines = LINES) {
  return {
    locale: 'nl-NL',
    contingencyRate: '0.10',
    lines: Array.from({ length: lines }, (_, i) => ({
      item: `Interventie ${i + 1} – begeleiding en intervisie`,
      provider: `Bureau ${i % 97}`,
      unitCost: i % 3 === 0 ? 1875 : `€ ${(1000 + (i % 500)).toLocaleString('nl-NL')},00`,
      vat: i % 3 === 0 ? '€ 393,75' : '€ 0,00',
      travel: i % 7 === 0 ? 'incl' : '€ 25,50',
      units: (i % 4) + 1,
      total:
        i % 3 === 0
          ? `€ ${((1875 + 393.75) * ((i % 4) + 1) + (i % 7 === 0 ? 0 : 25.5)).toFixed(2).replace('.', ',')}`
          : null,
    })),
  };
}

export async function benchBudget(): Promise<BenchRow[]> {
  const body = JSON.stringify(bigBudget());
  const parseMs = await bestOf(5, () => JSON.parse(body));
  const request = BudgetRequestSchema.parse(JSON.parse(body));
  const engineMs = await bestOf(5, () => validateBudget(request));

  const server = createLocalHost({ log: () => {} });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  let valid = false;
  const roundTripMs = await bestOf(5, async () => {
    const response = await fetch(`http://127.0.0.1:${port}/api/budget/validate`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body,
    });
    valid =
      response.status === 200 && ((await response.json()) as { lines: unknown[] }).lines.length === LINES;
  });
  server.close();
  const baseline = { baselineMs: parseMs, baselineName: 'JSON.parse of the body' };
  return [
    {
      name: `budget engine, ${LINES} lines`,
      ms: engineMs,
      ...baseline,
      target: '≥ 100,000 lines/s',
      note: `${Math.round(LINES / (engineMs / 1000)).toLocaleString('en-US')} lines/s`,
    },
    {
      name: `POST /api/budget/validate, ${LINES} lines (${(body.length / 1e6).toFixed(2)} MB)`,
      ms: roundTripMs,
      ...baseline,
      target: '< 500 ms',
      note: valid ? 'answered 200 with every line' : 'NOT answered with every line',
    },
  ];
}
