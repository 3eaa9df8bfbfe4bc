import { describe, expect, it } from 'vitest';
import { runProgress } from '../../addin/src/tasks/progress.js';
import { progressTally } from '../../functions/progressTally.js';
import { fixture } from '../support/fixtures.js';
import { fakeEnv } from './env.js';
import { createFakeOffice } from './fake-excel.js';
import { inProcessApi } from './inprocess-api.js';

const bottlenecks = fixture<{ categories: { id: string }[]; someUnits: string[] }>('bottlenecks.json');

function progressGrid(): (string | number)[][] {
  const ids = bottlenecks.categories.map((c) => c.id);
  const rows: (string | number)[][] = [['Directie', 'Cluster', 'Jaar', ...ids, 'Toelichting']];
  for (const year of [2023, 2024]) {
    bottlenecks.someUnits.forEach((unit, i) => {
      if (year === 2024 && i === bottlenecks.someUnits.length - 1) return;
      const ticks = ids.map((id, k) =>
        (i + k + year) % 3 === 0 || (year === 2024 && id === 'K4') ? 'x' : '',
      );
      const text = i === 2 ? 'Zie bijlage bij de mail' : i === 3 ? '=HYPERLINK("http://x","y")' : '';
      rows.push([unit, i % 2 === 0 ? 'Ruimte en Economie' : 'Sociaal', year, ...ticks, text]);
    });
  }
  return rows;
}

describe('Voortgang tellen on the fake workbook (handlers in-process)', () => {
  it('writes tallies, shares as percentages, clusters, trend, missing units, texts with links and a chart', async () => {
    const fake = createFakeOffice();
    fake.workbook.addSheet('Voortgang');
    const grid = progressGrid();
    fake.workbook.setValues(
      'Voortgang!B3',
      grid,
      grid.map((row) => row.map(() => '@')),
    );
    fake.workbook.addSheet('Eenheden');
    fake.workbook.setValues('Eenheden!A1', [...bottlenecks.someUnits.map((u) => [u]), ['Directie Wonen 2']]);
    fake.workbook.select('Voortgang!D7');
    const before = fake.workbook.snapshot('Voortgang');
    const env = { ...fakeEnv(fake, 'unused'), api: inProcessApi([progressTally]) };
    const result = await runProgress(env, { expectedUnitsRange: 'Eenheden!A1:A9' });
    expect(result.sheetName).toBe('PD Voortgang');
    expect(result.response.periods.map((p) => p.period)).toEqual(['2023', '2024']);
    const sheet = fake.workbook.requireSheet('PD Voortgang');
    expect(sheet.charts).toHaveLength(1);
    expect(sheet.charts[0]?.title).toBe('Knelpunten 2024');
    const values = fake.workbook.sheetValues('PD Voortgang');
    const flat = values.flat();
    expect(flat).toContain('Niet gerapporteerd');
    expect(flat).toContain('Directie Wonen 2');
    expect(flat).toContain('=HYPERLINK("http://x","y")');
    expect([...sheet.cells.values()].some((c) => c.numberFormat === '0.0%')).toBe(true);
    const links = fake.workbook.summary().formulas.filter((f) => f.sheet === 'PD Voortgang');
    expect(links.length).toBeGreaterThan(0);
    for (const link of links) expect(link.link).toMatch(/^#Voortgang!M\d+$/);
    // The chart's source is the latest period's labels and counts, with its header.
    const source = /!A(\d+):B(\d+)$/.exec(sheet.charts[0]?.source ?? '');
    expect(values[Number(source?.[1]) - 1]?.[1]).toBe('Aantal');
    expect(fake.workbook.snapshot('Voortgang')).toBe(before);
  });
});
