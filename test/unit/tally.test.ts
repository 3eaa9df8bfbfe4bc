import { describe, expect, it } from 'vitest';
import { tallyProgress } from '../../shared/tally/engine.js';
import { type TallyRequest, TallyRequestSchema, TallyResponseSchema } from '../../shared/tally/schema.js';
import { fixture } from '../support/fixtures.js';

interface Bottlenecks {
  units: number;
  categories: { id: string; nl: string; en: string }[];
  someUnits: string[];
}
const bottlenecks = fixture<Bottlenecks>('bottlenecks.json');
const ids = bottlenecks.categories.map((c) => c.id);

/** The 45 units: the fixture's named ones and numbered others, in five clusters. */
const units = [
  ...bottlenecks.someUnits,
  ...Array.from({ length: bottlenecks.units - bottlenecks.someUnits.length }, (_, i) => `Directie ${i + 9}`),
];
const CLUSTERS = ['Ruimte en Economie', 'Sociaal', 'Bedrijfsvoering', 'Dienstverlening', 'Stadsdelen'];
const groupOf = (index: number) => CLUSTERS[index % CLUSTERS.length]!;

const tally = (body: unknown) => {
  const request: TallyRequest = TallyRequestSchema.parse(body);
  const response = tallyProgress(request);
  TallyResponseSchema.parse(response);
  return response;
};

describe('tally of the 45 units, ticks, codes and text mixed, 2023 and 2024', () => {
  // Ticks for the first 15 units, codes for the next 15, free text for the last 15.
  const TEXTS = [
    'Te weinig uren voor de trekker',
    'hoge werkdruk, andere prioriteiten',
    'Weerstand in de teams',
    'Geen budget en MT toont weinig eigenaarschap',
  ];
  const header = ['Directie', 'Cluster', 'Jaar', ...ids, 'Knelpunten', 'Toelichting'];
  const rowsFor = (year: number) =>
    units
      .filter((_, i) => !(year === 2024 && i === 44)) // the last unit has not reported in 2024
      .map((unit, i) => {
        const ticks = ids.map((id) =>
          i < 15 && (id === 'K4' || (year === 2024 && id === 'K8' && i < 5)) ? 'x' : '',
        );
        const codes = i >= 15 && i < 30 ? (year === 2024 ? 'K4, K1' : 'k4') : '';
        const text = i >= 30 ? TEXTS[i % TEXTS.length]! : '';
        return [unit, groupOf(i), year, ...ticks, codes, text];
      });
  const grid = {
    address: 'Voortgang!B3',
    values: [['Voortgang actieplannen'], [], header, ...rowsFor(2023), ...rowsFor(2024)],
  };
  const response = tally({ grid, expectedUnits: units });

  it('finds the header under the title and maps every column', () => {
    expect(response.mapping).toMatchObject({
      unit: 'B',
      group: 'C',
      period: 'D',
      K1: 'E',
      K8: 'L',
      codes: 'M',
      text: 'N',
    });
    expect(response.header?.ref).toBe('Voortgang!B5');
  });

  it('tallies both periods with reporting units, shares and dense ranks', () => {
    expect(response.periods.map((p) => p.period)).toEqual(['2023', '2024']);
    const [y2023, y2024] = response.periods;
    expect(y2023!.reporting).toBe(45);
    expect(y2024!.reporting).toBe(44);
    const k4 = y2024!.tallies.find((t) => t.id === 'K4')!;
    // 15 ticks + 15 codes + text units with 'uren'/'budget' (i % 4 in {0, 3} among 30..43).
    const textK4 = Array.from({ length: 14 }, (_, k) => 30 + k).filter(
      (i) => i % 4 === 0 || i % 4 === 3,
    ).length;
    expect(k4.count).toBe(30 + textK4);
    expect(k4.share).toBe(((30 + textK4) / 44).toFixed(4));
    expect(k4.rank).toBe(1);
    expect(y2024!.tallies[0]!.id).toBe('K4');
    const counts = y2024!.tallies.map((t) => t.count);
    expect(counts).toEqual([...counts].sort((a, b) => b - a));
  });

  it('gives the trend between the periods per category', () => {
    const k1 = response.trend.find((t) => t.id === 'K1')!;
    expect(k1).toEqual({ id: 'K1', from: '2023', to: '2024', delta: 15 });
    const k8 = response.trend.find((t) => t.id === 'K8')!;
    expect(k8.delta).toBe(5);
    expect(response.trend).toHaveLength(8);
  });

  it('splits per cluster and lists the unit that did not report', () => {
    const y2024 = response.periods[1]!;
    expect(y2024.byGroup.map((g) => g.group)).toEqual([...CLUSTERS].sort((a, b) => a.localeCompare(b, 'nl')));
    expect(y2024.byGroup.reduce((sum, g) => sum + g.reporting, 0)).toBe(44);
    expect(response.missingUnits).toEqual([units[44]]);
    expect(response.findings.filter((f) => f.code === 'MISSING_REPORT')).toHaveLength(1);
  });

  it('says which words of the text named a category', () => {
    const entry = response.classified.find((c) => c.unit === units[32]);
    expect(entry?.matches[0]).toMatchObject({ id: 'K4', phrase: 'Te weinig uren' });
    expect(entry?.ref).toMatch(/^Voortgang!N\d+$/);
  });
});

describe('marks, codes and findings', () => {
  it('reads every accepted mark and reports any other with its cell', () => {
    const set = ['x', 'X', 'ja', 'Ja', 'yes', '1', 1, '✓', 'TRUE', true, 'waar'];
    const unset = ['', 'nee', '0', 0, false, 'FALSE', null];
    const values = [
      ['Eenheid', 'K1'],
      ...set.map((mark, i) => [`Set ${i}`, mark]),
      ...unset.map((mark, i) => [`Unset ${i}`, mark]),
      ['Odd', 'misschien'],
      ['Two', 2],
    ];
    const response = tally({ grid: { address: 'A1', values } });
    const period = response.periods[0]!;
    expect(period.reporting).toBe(set.length + unset.length + 2);
    expect(period.tallies.find((t) => t.id === 'K1')!.count).toBe(set.length);
    const odd = response.findings.filter((f) => f.code === 'MARK_UNREADABLE');
    expect(odd.map((f) => [f.ref, f.actual, f.severity])).toEqual([
      [`B${set.length + unset.length + 2}`, 'misschien', 'error'],
      [`B${set.length + unset.length + 3}`, '2', 'error'],
    ]);
  });

  it('splits codes on commas and semicolons, ignores case, reports unknown codes with the cell', () => {
    const response = tally({
      grid: {
        address: 'Blad1!C2',
        values: [
          ['Directie', 'Periode', 'Knelpunten'],
          ['A', '2024', 'K1, K4'],
          ['B', '2024', 'K1;K4'],
          ['C', '2024', 'k4'],
          ['D', '2024', 'K4 en K12'],
          ['E', '2024', '-'],
        ],
      },
    });
    const [period] = response.periods;
    expect(period!.reporting).toBe(5);
    expect(period!.tallies.find((t) => t.id === 'K4')!.units).toEqual(['A', 'B', 'C', 'D']);
    expect(period!.tallies.find((t) => t.id === 'K1')!.count).toBe(2);
    const unknown = response.findings.find((f) => f.code === 'UNKNOWN_CODE')!;
    expect(unknown).toMatchObject({ severity: 'error', ref: 'Blad1!E6', actual: 'K12', row: 4 });
  });

  it('counts a unit once per category per period and warns about the duplicate', () => {
    const response = tally({
      reports: [
        { unit: 'Directie Wonen', period: '2024', codes: ['K4'] },
        { unit: 'directie  wonen', period: '2024', codes: ['K4', 'K6'] },
        { unit: 'Directie Wonen', period: '2023', codes: ['K4'] },
      ],
    });
    const y2024 = response.periods.find((p) => p.period === '2024')!;
    expect(y2024.reporting).toBe(1);
    expect(y2024.tallies.find((t) => t.id === 'K4')!.count).toBe(1);
    expect(y2024.tallies.find((t) => t.id === 'K6')!.count).toBe(1);
    expect(response.findings.filter((f) => f.code === 'DUPLICATE_REPORT')).toMatchObject([
      { severity: 'warning', row: 1 },
    ]);
  });

  it('keeps "reported none" apart from "no report"', () => {
    const response = tally({
      reports: [
        { unit: 'A', period: '2024', codes: ['K1'] },
        { unit: 'B', period: '2024', codes: [] },
        { unit: 'C', period: '2024', text: 'Geen knelpunten' },
      ],
      expectedUnits: ['A', 'B', 'C', 'D'],
    });
    const [period] = response.periods;
    expect(period!.reporting).toBe(3);
    expect(period!.tallies[0]).toMatchObject({ id: 'K1', count: 1, share: '0.3333', rank: 1 });
    expect(response.missingUnits).toEqual(['D']);
    expect(response.unclassified).toEqual([]);
  });

  it('lists text that matches nothing, with its cell', () => {
    const response = tally({
      grid: {
        address: 'Voortgang!A1',
        values: [
          ['Directie', 'Toelichting'],
          ['A', 'Zie bijlage bij de mail'],
        ],
      },
    });
    expect(response.unclassified).toEqual([
      { row: 1, ref: 'Voortgang!B2', unit: 'A', period: '', text: 'Zie bijlage bij de mail' },
    ]);
    expect(response.findings).toMatchObject([
      { code: 'UNCLASSIFIED_TEXT', severity: 'info', ref: 'Voortgang!B2' },
    ]);
    expect(response.periods[0]!.reporting).toBe(1);
  });

  it('uses request categories with their keywords and labels in the request language', () => {
    const response = tally({
      language: 'en',
      categories: [
        { id: 'A', label: { nl: 'Tijd', en: 'Time' }, keywords: ['te weinig uren', 'tijd'] },
        { id: 'B', label: 'Geld', keywords: ['begroting'] },
      ],
      reports: [
        { unit: 'X', period: 2024, text: 'te weinig uren; geen begrotingen' },
        { unit: 'Y', period: 2024, text: 'niet te weinig uren, tijd is er genoeg' },
      ],
    });
    const [period] = response.periods;
    expect(period!.tallies).toMatchObject([
      { id: 'A', label: 'Time', count: 1, share: '0.5000', rank: 1, units: ['X'] },
      { id: 'B', label: 'Geld', count: 1, share: '0.5000', rank: 1, units: ['X'] },
    ]);
  });

  it('orders tallies by count then id with dense ranks', () => {
    const response = tally({
      reports: [
        { unit: 'A', codes: ['K3', 'K2'] },
        { unit: 'B', codes: ['K3', 'K2'] },
        { unit: 'C', codes: ['K5'] },
      ],
    });
    const tallies = response.periods[0]!.tallies;
    expect(tallies.slice(0, 4).map((t) => [t.id, t.count, t.rank, t.share])).toEqual([
      ['K2', 2, 1, '0.6667'],
      ['K3', 2, 1, '0.6667'],
      ['K5', 1, 2, '0.3333'],
      ['K1', 0, 3, '0.0000'],
    ]);
  });

  it('finds no header in a grid without a unit column', () => {
    const response = tally({
      grid: {
        address: 'A1',
        values: [
          ['foo', 'bar'],
          [1, 2],
        ],
      },
    });
    expect(response.findings).toMatchObject([{ code: 'HEADER_NOT_FOUND', severity: 'error', ref: 'A1' }]);
    expect(response.periods).toEqual([]);
  });
});
