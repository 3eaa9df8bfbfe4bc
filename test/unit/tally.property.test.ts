import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { tallyProgress } from '../../shared/tally/engine.js';
import { TallyRequestSchema, type TallyResponse } from '../../shared/tally/schema.js';

const UNITS = [
  'Directie Wonen',
  'Stadsdeel Noord',
  'Facilitair Bureau',
  '(O)JZD',
  'Afval & Grondstoffen',
  'ICT',
];
const TEXTS = [
  'te weinig uren',
  'geen budget',
  'hoge werkdruk',
  'zie bijlage',
  'budget is geen probleem',
  '',
  'weerstand',
];
const CODES = ['K1', 'k4', 'K9', 'K2; K8', 'x'];

const reportArb = fc.record({
  unit: fc.constantFrom(...UNITS, ''),
  group: fc.constantFrom('Ruimte', 'Sociaal', null),
  period: fc.constantFrom('2023', '2024', '2025'),
  codes: fc.array(fc.constantFrom(...CODES), { maxLength: 3 }),
  text: fc.constantFrom(...TEXTS),
});
const requestArb = fc.record({
  reports: fc.array(reportArb, { maxLength: 25 }),
  expectedUnits: fc.subarray(UNITS),
});

const run = (body: unknown) => tallyProgress(TallyRequestSchema.parse(body));

/** The result without row numbers, which move when the rows move. */
function rowFree(response: TallyResponse) {
  const sortJson = <T>(list: T[]) => list.map((x) => JSON.stringify(x)).sort();
  return {
    periods: response.periods,
    trend: response.trend,
    missingUnits: response.missingUnits,
    unclassified: sortJson(response.unclassified.map(({ row: _row, ...rest }) => rest)),
    codes: response.findings.map((f) => f.code).sort(),
  };
}

describe('tally properties', () => {
  it('shares are in [0, 1] and equal count ÷ reporting; ranks are dense and follow the order', () => {
    fc.assert(
      fc.property(requestArb, (request) => {
        for (const period of run(request).periods) {
          let rank = 0;
          let previous: number | undefined;
          for (const tally of period.tallies) {
            const share = Number(tally.share);
            expect(share).toBeGreaterThanOrEqual(0);
            expect(share).toBeLessThanOrEqual(1);
            expect(Math.abs(share - tally.count / period.reporting)).toBeLessThanOrEqual(0.00005);
            expect(tally.units).toHaveLength(tally.count);
            if (previous !== undefined) expect(tally.count).toBeLessThanOrEqual(previous);
            if (tally.count !== previous) rank++;
            expect(tally.rank).toBe(rank);
            previous = tally.count;
          }
          const groups = period.byGroup.reduce((sum, g) => sum + g.reporting, 0);
          expect(groups).toBe(period.reporting);
        }
      }),
      { numRuns: 200 },
    );
  });

  it('re-ordering the rows does not change the result', () => {
    fc.assert(
      fc.property(
        requestArb.chain((request) =>
          fc.tuple(
            fc.constant(request),
            fc.shuffledSubarray(request.reports, { minLength: request.reports.length }),
          ),
        ),
        ([request, shuffled]) => {
          expect(rowFree(run({ ...request, reports: shuffled }))).toEqual(rowFree(run(request)));
        },
      ),
      { numRuns: 200 },
    );
  });

  it('every row is counted, a finding, or unclassified', () => {
    fc.assert(
      fc.property(requestArb, (request) => {
        const response = run(request);
        const rowsWithFinding = new Set(response.findings.map((f) => f.row));
        const unclassifiedRows = new Set(response.unclassified.map((u) => u.row));
        const reportingTotal = response.periods.reduce((sum, p) => sum + p.reporting, 0);
        const distinct = new Set(
          request.reports.filter((r) => r.unit !== '').map((r) => `${r.period}|${r.unit.toLowerCase()}`),
        );
        expect(reportingTotal).toBe(distinct.size);
        request.reports.forEach((report, row) => {
          const counted = report.unit !== '' && distinct.has(`${report.period}|${report.unit.toLowerCase()}`);
          expect(counted || rowsWithFinding.has(row) || unclassifiedRows.has(row)).toBe(true);
          if (report.unit === '') expect(rowsWithFinding.has(row)).toBe(true);
        });
      }),
      { numRuns: 200 },
    );
  });
});
