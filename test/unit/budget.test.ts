import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { validateBudget } from '../../shared/budget/engine.js';
import {
  BudgetRequestSchema,
  type BudgetResponse,
  BudgetResponseSchema,
} from '../../shared/budget/schema.js';
import { Decimal, formatAmount } from '../../shared/money/decimal.js';
import { fixture } from '../support/fixtures.js';

interface GridFixture {
  address: string;
  values: (string | number)[][];
}
const pilot = fixture<GridFixture>('pilot-budget.grid.json');
const programme = fixture<{ items: { item: string }[] }>('pilot-interventions.json').items.map((i) => i.item);

function check(request: unknown): BudgetResponse {
  const response = validateBudget(BudgetRequestSchema.parse(request));
  return BudgetResponseSchema.parse(response);
}

const codes = (response: BudgetResponse) => response.findings.map((f) => f.code);
const find = (response: BudgetResponse, code: string) => response.findings.filter((f) => f.code === code);

describe('the pilot budget table', () => {
  const response = check({ grid: pilot, participants: { min: 24, max: 30 } });

  it('has exactly one error: the Selfcare line total', () => {
    const errors = response.findings.filter((f) => f.severity === 'error');
    expect(errors).toEqual([
      expect.objectContaining({
        code: 'LINE_TOTAL_MISMATCH',
        row: 5,
        field: 'total',
        ref: 'Begroting!H6',
        expected: '4537.50',
        actual: '2662.50',
      }),
    ]);
    expect(response.valid).toBe(false);
  });

  it('states and recomputes the totals', () => {
    expect(response.totals.stated).toEqual({
      subtotal: '16962.50',
      contingency: '1696.25',
      total: '18658.75',
    });
    expect(response.totals.recomputed).toEqual({
      subtotal: '18837.50',
      contingency: '1883.75',
      total: '20721.25',
    });
    expect(response.totals.contingencyRate).toBe('0.10');
    expect(response.perParticipant).toEqual({ min: '690.71', max: '863.39' });
  });

  it('maps every column and reads placeholders', () => {
    expect(response.mapping).toEqual({
      nr: 'A',
      item: 'B',
      provider: 'C',
      unitCost: 'D',
      vat: 'E',
      travel: 'F',
      units: 'G',
      total: 'H',
    });
    expect(response.lines).toHaveLength(7);
    expect(find(response, 'AMOUNT_INCLUDED')).toEqual([expect.objectContaining({ ref: 'Begroting!F4' })]);
    expect(find(response, 'UNITS_ASSUMED').map((f) => f.ref)).toEqual([
      'Begroting!G2',
      'Begroting!G5',
      'Begroting!G8',
    ]);
    expect(response.lines[4]).toMatchObject({
      computedTotal: '4537.50',
      statedTotal: '2662.50',
      vatRate: '0.21',
    });
  });

  it('points at the exact cell wherever the table stands', () => {
    const moved = check({ grid: { ...pilot, address: "'Offerte 2024'!C4" } });
    expect(find(moved, 'LINE_TOTAL_MISMATCH')[0]?.ref).toBe("'Offerte 2024'!J9");
    expect(moved.mapping?.total).toBe('J');
  });

  it('checks the programme: a similar name is no match', () => {
    const withProgramme = check({ grid: pilot, programmeItems: programme });
    expect(find(withProgramme, 'ITEM_NOT_IN_PROGRAMME')[0]).toMatchObject({
      severity: 'warning',
      actual: 'Begeleide intervisie',
      expected: 'Begeleide interviews',
      ref: 'Begroting!B7',
    });
    expect(find(withProgramme, 'PROGRAMME_ITEM_NOT_BUDGETED')).toEqual([
      expect.objectContaining({ expected: 'Begeleide interviews' }),
    ]);
    expect(withProgramme.findings.filter((f) => f.severity === 'error')).toHaveLength(1);
  });

  it('speaks English when asked', () => {
    const english = check({ grid: pilot, language: 'en' });
    expect(find(english, 'LINE_TOTAL_MISMATCH')[0]?.message).toBe(
      'Line total €2,662.50 does not add up: computed €4,537.50.',
    );
    expect(find(response, 'LINE_TOTAL_MISMATCH')[0]?.message).toBe(
      'Regeltotaal € 2.662,50 klopt niet: berekend € 4.537,50.',
    );
  });
});

const line = (overrides: Record<string, unknown> = {}) => ({
  item: 'Selfcare',
  provider: 'Bureau X',
  unitCost: '€ 1.875,00',
  vat: '€ 393,75',
  travel: null,
  units: 2,
  total: '€ 4.537,50',
  ...overrides,
});

describe('line checks', () => {
  it('accepts a correct line with no findings', () => {
    const response = check({ lines: [line()] });
    expect(response.findings).toEqual([]);
    expect(response.valid).toBe(true);
  });

  it('applies the line basis: total = unitCost × units + vat + travel', () => {
    const response = check({
      vatBasis: 'line',
      lines: [line({ unitCost: 100, vat: 42, units: 2, travel: 10, total: 252 })],
    });
    expect(response.findings).toEqual([]);
    expect(response.lines[0]?.vatRate).toBe('0.21');
  });

  it('computes VAT from the line rate when VAT is blank, half-up per unit', () => {
    const response = check({
      lines: [line({ unitCost: '1006,50', vat: null, vatRate: '0.21', units: 1, total: '1217,87' })],
    });
    expect(response.findings).toEqual([]);
    expect(response.lines[0]?.computedTotal).toBe('1217.87');
  });

  it('reports VAT_MISMATCH against the line rate and VAT_RATE_UNKNOWN against the set', () => {
    const mismatch = check({ lines: [line({ vat: 390, vatRate: '0.21', total: null })] });
    expect(find(mismatch, 'VAT_MISMATCH')[0]).toMatchObject({
      expected: '393.75',
      actual: '390.00',
      field: 'vat',
    });
    const unknown = check({ lines: [line({ vat: '€ 300,00', total: null })] });
    expect(find(unknown, 'VAT_RATE_UNKNOWN')[0]).toMatchObject({ row: 0, field: 'vat', actual: '300.00' });
  });

  it('knows the Belgian rates by request or by locale', () => {
    const belgian = line({ unitCost: 100, vat: 12, units: 1, total: 112 });
    expect(codes(check({ lines: [belgian] }))).toContain('VAT_RATE_UNKNOWN');
    expect(check({ lines: [belgian], vatRates: 'BE' }).findings).toEqual([]);
    expect(check({ lines: [belgian], locale: 'nl-BE' }).findings).toEqual([]);
    expect(check({ lines: [belgian], vatRates: ['0.12'] }).lines[0]?.vatRate).toBe('0.12');
  });

  it('reports LINE_TOTAL_MISMATCH beyond the tolerance only', () => {
    const off = line({ total: '4537,52' });
    expect(find(check({ lines: [off] }), 'LINE_TOTAL_MISMATCH')[0]).toMatchObject({
      row: 0,
      field: 'total',
      expected: '4537.50',
      actual: '4537.52',
    });
    expect(check({ lines: [off], tolerance: '0.02' }).findings).toEqual([]);
    expect(check({ lines: [off], tolerance: '€ 0,02' }).findings).toEqual([]);
    expect(
      BudgetRequestSchema.safeParse({ lines: [off], tolerance: '-0.01' }).error?.issues[0]?.path,
    ).toEqual(['tolerance']);
  });

  it('rounds stated amounts to cents before comparing (Excel floats)', () => {
    const response = check({
      lines: [line({ unitCost: 0.1, vat: 0.2, units: 1, total: 0.30000000000000004 })],
    });
    expect(codes(response)).not.toContain('LINE_TOTAL_MISMATCH');
  });

  it.each([
    [0, 'UNITS_INVALID'],
    [-1, 'UNITS_INVALID'],
    ['twee', 'UNITS_INVALID'],
    [null, 'UNITS_ASSUMED'],
    ['nntb', 'AMOUNT_PENDING'],
  ])('reads units %j as %s', (units, code) => {
    expect(codes(check({ lines: [line({ units })] }))).toContain(code);
  });

  it('reports unparseable, negative, pending and included amounts with their field', () => {
    const response = check({
      lines: [
        line({ unitCost: 'drie', total: null }),
        line({ item: 'Korting', provider: 'Y', unitCost: '-€ 50,00', vat: 0, units: 1, total: '-50' }),
        line({ item: 'Locatie', provider: 'Z', travel: 'p.m.' }),
        line({ item: 'Lunch', provider: 'Z', travel: 'n.v.t.' }),
      ],
    });
    expect(find(response, 'AMOUNT_UNPARSEABLE')[0]).toMatchObject({
      row: 0,
      field: 'unitCost',
      actual: 'drie',
    });
    expect(find(response, 'AMOUNT_NEGATIVE').map((f) => f.field)).toEqual(['unitCost', 'total']);
    expect(find(response, 'AMOUNT_PENDING')[0]).toMatchObject({
      row: 2,
      field: 'travel',
      severity: 'warning',
    });
    expect(find(response, 'AMOUNT_INCLUDED')[0]).toMatchObject({ row: 3, field: 'travel', severity: 'info' });
    expect(response.totals.complete).toBe(false);
  });

  it('reports duplicate lines after normalizing names', () => {
    const response = check({ lines: [line(), line({ item: 'selfcare ', provider: 'bureau x.' })] });
    expect(find(response, 'DUPLICATE_LINE')).toEqual([
      expect.objectContaining({ row: 1, severity: 'warning' }),
    ]);
  });

  it('matches programme items after normalizing case, accents and punctuation', () => {
    const response = check({
      lines: [line({ item: 'Basis op Orde' }), line({ item: 'Hulp bij actieplan!', provider: 'Y' })],
      programmeItems: ['basis op orde', 'Hulp bij Actieplan', 'Netwérken'],
    });
    expect(find(response, 'ITEM_NOT_IN_PROGRAMME')).toEqual([]);
    expect(find(response, 'PROGRAMME_ITEM_NOT_BUDGETED').map((f) => f.expected)).toEqual(['Netwérken']);
  });
});

describe('summary checks', () => {
  const lines = [line(), line({ item: 'Netwerken', unitCost: 1000, vat: 0, units: 1, total: 1000 })];

  it('reports SUBTOTAL, CONTINGENCY and TOTAL mismatches against the stated figures', () => {
    const response = check({
      lines,
      contingencyRate: '0.10',
      stated: { subtotal: '5537,50', contingency: '500,00', total: '6000,00' },
    });
    expect(codes(response)).not.toContain('SUBTOTAL_MISMATCH');
    expect(find(response, 'CONTINGENCY_MISMATCH')[0]).toMatchObject({ expected: '553.75', actual: '500.00' });
    expect(find(response, 'TOTAL_MISMATCH')[0]).toMatchObject({ expected: '6037.50', actual: '6000.00' });
    const wrongSubtotal = check({ lines, stated: { subtotal: '5000' } });
    expect(find(wrongSubtotal, 'SUBTOTAL_MISMATCH')[0]).toMatchObject({
      field: 'stated.subtotal',
      expected: '5537.50',
      actual: '5000.00',
    });
  });

  it('reports the implied contingency rate when none is given and recomputes with it', () => {
    const response = check({
      lines,
      stated: { subtotal: '5537,50', contingency: '553,75', total: '6091,25' },
    });
    expect(find(response, 'CONTINGENCY_RATE')[0]).toMatchObject({ severity: 'info', actual: '0.10' });
    expect(response.totals.recomputed).toEqual({
      subtotal: '5537.50',
      contingency: '553.75',
      total: '6091.25',
    });
    expect(response.valid).toBe(true);
  });

  it('reports CEILING_EXCEEDED on the recomputed total', () => {
    const response = check({ lines, ceiling: '5000' });
    expect(find(response, 'CEILING_EXCEEDED')[0]).toMatchObject({ expected: '5000.00', actual: '5537.50' });
    expect(codes(check({ lines, ceiling: '€ 6.000,00' }))).not.toContain('CEILING_EXCEEDED');
  });
});

describe('grid reading', () => {
  it('skips empty rows and rows of only text, and finds labels left of the amount', () => {
    const values = [
      ['Offerte', '', '', ''],
      ['Omschrijving', 'Prijs', 'Aantal', 'Totaal'],
      ['Module 1', 500, 2, 1000],
      ['', '', '', ''],
      ['Toelichting: inclusief materiaal', '', '', ''],
      ['Module 2', 250, 1, 250],
      ['Subtotaal', '', '', 1250],
      ['Onvoorzien 10%', '', '', 125],
      ['Totaal', '', '', 1375],
    ];
    const response = check({ grid: { address: 'Blad1!B2', values } });
    expect(response.findings).toEqual([]);
    expect(response.lines.map((l) => l.row)).toEqual([2, 5]);
    expect(response.totals.stated).toEqual({ subtotal: '1250.00', contingency: '125.00', total: '1375.00' });
    expect(response.totals.contingencyRate).toBe('0.10');
  });

  it('reads a percentage-formatted contingency rate from numberFormat', () => {
    const values = [
      ['Omschrijving', 'Prijs', 'Totaal'],
      ['Module 1', 500, 500],
      ['Onvoorzien', 0.05, 30],
    ];
    const numberFormat = [
      ['General', 'General', 'General'],
      ['General', '#,##0.00', '#,##0.00'],
      ['General', '0%', '#,##0.00'],
    ];
    const response = check({ grid: { address: 'A1', values, numberFormat } });
    expect(find(response, 'CONTINGENCY_MISMATCH')[0]).toMatchObject({
      expected: '25.00',
      actual: '30.00',
      ref: 'C3',
    });
  });

  it('reports a grid without a header as a finding on its first cell', () => {
    const response = check({
      grid: {
        address: "'Mijn blad'!D5",
        values: [
          ['a', 'b'],
          [1, 2],
        ],
      },
    });
    expect(response.findings).toEqual([
      expect.objectContaining({ code: 'HEADER_NOT_FOUND', ref: "'Mijn blad'!D5" }),
    ]);
    expect(response.valid).toBe(false);
  });

  it('reports cells of other types in amount columns by their ref', () => {
    const values = [
      ['Omschrijving', 'Prijs', 'Totaal'],
      ['Module 1', true, '#DIV/0!'],
    ];
    const response = check({ grid: { address: 'A1', values } });
    expect(find(response, 'AMOUNT_UNPARSEABLE').map((f) => f.ref)).toEqual(['B2', 'C2']);
  });
});

describe('budget tables as finance types them', () => {
  const grid = (values: unknown[][], extra: Record<string, unknown> = {}) =>
    check({ grid: { address: 'Blad1!B2', values, ...extra } });
  const errors = (response: BudgetResponse) => response.findings.filter((f) => f.severity === 'error');

  it('reads a VAT row under the subtotal and checks the total with it', () => {
    const values = [
      ['Omschrijving', 'Prijs', 'Aantal', 'Totaal'],
      ['Training', 1000, 2, 2000],
      ['Coaching', 1500, 1, 1500],
      ['Subtotaal', '', '', 3500],
      ['BTW 21%', '', '', 735],
      ['Totaal incl. BTW', '', '', 4235],
    ];
    const response = grid(values);
    expect(errors(response)).toEqual([]);
    expect(response.lines).toHaveLength(2);
    expect(response.totals.stated).toMatchObject({ subtotal: '3500.00', vat: '735.00', total: '4235.00' });
    expect(response.totals.recomputed).toMatchObject({
      subtotal: '3500.00',
      vat: '735.00',
      total: '4235.00',
    });
    const wrongVat = grid(values.map((row, i) => (i === 4 ? ['BTW 21%', '', '', 700] : row)));
    expect(errors(wrongVat).map((f) => [f.code, f.ref])).toEqual([
      ['VAT_MISMATCH', 'Blad1!E6'],
      ['TOTAL_MISMATCH', 'Blad1!E7'],
    ]);
  });

  it('reads "Totaal excl. BTW" after the contingency as the total before VAT', () => {
    const values = [
      ['Omschrijving', 'Prijs', 'Aantal', 'Totaal'],
      ['Training', 1000, 2, 2000],
      ['Subtotaal', '', '', 2000],
      ['Onvoorzien 10%', '', '', 200],
      ['Totaal excl. BTW', '', '', 2200],
      ['21% BTW', '', '', 462],
      ['Totaal', '', '', 2662],
    ];
    expect(errors(grid(values))).toEqual([]);
    const wrong = grid(values.map((row, i) => (i === 4 ? ['Totaal excl. BTW', '', '', 9999] : row)));
    expect(errors(wrong).map((f) => [f.code, f.field])).toContainEqual([
      'TOTAL_MISMATCH',
      'stated.totalExclVat',
    ]);
  });

  it('takes an unlabelled amount after the contingency as the total, and skips notes', () => {
    const values = [
      ['Omschrijving', 'Prijs', 'Aantal', 'Totaal'],
      ['Training', 500, 1, 500],
      ['Coaching', 500, 1, 500],
      ['Onvoorzien 10%', '', '', 100],
      ['', '', '', 1100],
      ['Totaal is inclusief reiskosten en materiaal van de trainers', '', '', ''],
    ];
    const response = grid(values);
    expect(errors(response)).toEqual([]);
    expect(response.totals.stated).toMatchObject({ contingency: '100.00', total: '1100.00' });
  });

  it('keeps lines whose item starts like a summary label', () => {
    const values = [
      ['Omschrijving', 'Prijs', 'Aantal', 'Totaal'],
      ['Totale kosten catering', 25, 20, 500],
      ['Contingency planning workshop', 800, 1, 800],
      ['Totaal', '', '', 1300],
    ];
    const response = grid(values);
    expect(response.lines.map((l) => l.item)).toEqual([
      'Totale kosten catering',
      'Contingency planning workshop',
    ]);
    expect(errors(response)).toEqual([]);
  });

  it('knows English and hourly headers, and a VAT % column as the rate', () => {
    const english = grid([
      ['Description', 'Cost', 'Qty', 'Total'],
      ['Workshop', 1000, 2, 2000],
    ]);
    expect(english.mapping).toEqual({ item: 'B', unitCost: 'C', units: 'D', total: 'E' });
    expect(errors(english)).toEqual([]);
    const hourly = grid([
      ['Activiteit', 'Uurtarief', 'Uren', 'BTW %', 'Bedrag'],
      ['Advies', 100, 20, '21%', 2000],
    ]);
    expect(hourly.mapping).toMatchObject({ unitCost: 'C', units: 'D', vatRate: 'E', total: 'F' });
    expect(errors(hourly).map((f) => f.code)).toEqual(['LINE_TOTAL_MISMATCH']);
    expect(hourly.lines[0]?.computedTotal).toBe('2420.00');
  });

  it('lets a column the user gives go to that field alone', () => {
    const response = grid(
      [
        ['Omschrijving', 'Prijs', 'BTW', 'Totaal'],
        ['Training', 1000, '21%', 1210],
      ],
      { columns: { vatRate: 'D' } },
    );
    expect(response.mapping).toEqual({ item: 'B', unitCost: 'C', vatRate: 'D', total: 'E' });
    expect(errors(response)).toEqual([]);
  });
});

describe('amounts the contract keeps exact', () => {
  it('does not round a unit cost before multiplying', () => {
    expect(
      check({ lines: [line({ unitCost: '€ 0,125', vat: null, units: 1000, total: '€ 125,00' })] }).findings,
    ).toEqual([]);
  });

  it('computes a blank VAT per unit on the line basis too', () => {
    const response = check({
      vatBasis: 'line',
      lines: [line({ unitCost: '0,05', vat: null, vatRate: '0.21', units: 100, total: '6,00' })],
    });
    expect(response.findings).toEqual([]);
  });

  it('recomputes with the exact implied contingency rate', () => {
    const response = check({
      lines: [line({ unitCost: 16962.5, vat: 0, units: 1, total: 16962.5 })],
      stated: { subtotal: 16962.5, contingency: 1700, total: 18662.5 },
    });
    expect(response.totals.contingencyRate).toBe('0.1002');
    expect(response.totals.recomputed.total).toBe('18662.50');
  });

  it('does not compare a subtotal with line totals that are pending', () => {
    const response = check({
      lines: [line({ total: '€ 4.537,50' }), line({ item: 'Locatie', provider: 'Y', total: 'p.m.' })],
      stated: { subtotal: '€ 4.537,50' },
    });
    expect(codes(response)).not.toContain('SUBTOTAL_MISMATCH');
    expect(codes(response)).toContain('AMOUNT_PENDING');
    expect(response.totals.complete).toBe(false);
  });

  it('matches names whatever punctuation joins or splits their words, and skips an empty programme', () => {
    const response = check({
      lines: [line({ item: 'Self-care' }), line({ item: 'Hulp bij actie-plan', provider: 'Y' })],
      programmeItems: ['Selfcare', 'Hulp bij Actieplan'],
    });
    expect(response.findings).toEqual([]);
    expect(check({ lines: [line()], programmeItems: [] }).findings).toEqual([]);
  });
});

describe('hostile cells', () => {
  // A quadratic pattern on these would not come back within the test's time-out.
  it('reads huge numeric text without a hang', { timeout: 5_000 }, () => {
    const values = [
      ['Omschrijving', 'Prijs', 'Aantal', 'Totaal'],
      ['Module', `${'1.'.repeat(200_000)}x`, '9'.repeat(1_000_000), 10],
      ['Onvoorzien', `${'1.'.repeat(200_000)}x%`, '', 1],
    ];
    const response = check({ grid: { address: 'A1', values } });
    expect(find(response, 'AMOUNT_UNPARSEABLE').map((f) => f.ref)).toEqual(['B2']);
    expect(find(response, 'UNITS_INVALID').map((f) => f.ref)).toEqual(['C2']);
  });
});

describe('the line rule, for generated lines', () => {
  const cents = fc.integer({ min: 0, max: 10_000_000 }).map((c) => new Decimal(c).dividedBy(100));
  it('holds: a total computed by the rule is never reported, one cent off always is', () => {
    fc.assert(
      fc.property(
        cents,
        fc.constantFrom('0.21', '0.09', '0'),
        cents,
        fc.integer({ min: 1, max: 40 }),
        fc.constantFrom('unit', 'line'),
        (unitCost, rate, travel, units, vatBasis) => {
          const base = vatBasis === 'unit' ? unitCost : unitCost.times(units);
          const vat = base.times(rate).toDecimalPlaces(2, Decimal.ROUND_HALF_UP);
          const total =
            vatBasis === 'unit' ? unitCost.plus(vat).times(units).plus(travel) : base.plus(vat).plus(travel);
          const request = (stated: Decimal) => ({
            vatBasis,
            lines: [
              {
                item: 'x',
                unitCost: unitCost.toFixed(2),
                vat: vat.toFixed(2),
                travel: travel.toFixed(2),
                units,
                total: stated.toFixed(2),
              },
            ],
          });
          expect(codes(check(request(total)))).not.toContain('LINE_TOTAL_MISMATCH');
          const off = check(request(total.plus('0.01')));
          expect(find(off, 'LINE_TOTAL_MISMATCH')[0]?.expected).toBe(formatAmount(total));
        },
      ),
      { numRuns: 300 },
    );
  });
});
