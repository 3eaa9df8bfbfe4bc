import { mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkFile } from '../../cli/check.js';
import { writeCopy } from '../../cli/out.js';
import { writeSample } from '../../scripts/sample.js';
import type { BudgetResponse } from '../../shared/budget/schema.js';
import type { CalendarResponse } from '../../shared/calendar/schema.js';
import type { TallyResponse } from '../../shared/tally/schema.js';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'pd-sample-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('npm run sample', () => {
  it('writes a small demo workbook whose tables the command line finds and checks', async () => {
    const path = await writeSample(join(dir, 'demo.xlsx'));
    expect((await stat(path)).size).toBeLessThan(200_000);
    const result = await checkFile(path, { lang: 'nl', locale: 'nl-NL' });
    if (result.status !== 'checked') throw new Error(result.message);
    expect(result.workbook.worksheets.map((s) => s.name)).toEqual([
      'Lees mij',
      'Begroting',
      'Interventies',
      'Programma',
      'Bijeenkomsten',
      'Voortgang',
      'Knelpunten',
    ]);
    const budget = result.tables.find((t) => t.kind === 'budget');
    expect(budget?.range).toBe('Begroting!B3:I13');
    const budgetResponse = budget?.response as BudgetResponse;
    expect(budgetResponse.findings.filter((f) => f.severity === 'error').map((f) => [f.code, f.ref])).toEqual(
      [['LINE_TOTAL_MISMATCH', 'Begroting!I8']],
    );
    const progress = result.tables.find((t) => t.kind === 'progress');
    expect(progress?.range).toBe('Voortgang!A1:M89');
    const tally = progress?.response as TallyResponse;
    expect(tally.periods.map((p) => [p.period, p.reporting])).toEqual([
      ['2023', 45],
      ['2024', 43],
    ]);
    expect(tally.trend.length).toBeGreaterThan(0);
    // Ticks, codes and free text all count: every category is reported by someone.
    expect(tally.periods[1]?.tallies.filter((t) => t.count > 0)).toHaveLength(8);
    expect(result.tables.map((t) => [t.range, t.kind])).toEqual([
      ['Begroting!B3:I13', 'budget'],
      ['Programma!A1:C13', 'programme'],
      ['Bijeenkomsten!A7:C11', 'programme'],
      ['Voortgang!A1:M89', 'progress'],
    ]);
    // The steering group's dates have no year in the sample, as in the document they came from.
    const sessions = result.tables[2]?.response as CalendarResponse;
    expect(sessions.findings.map((f) => [f.code, f.ref])).toEqual([
      ['YEAR_MISSING', 'Bijeenkomsten!B9'],
      ['YEAR_MISSING', 'Bijeenkomsten!B10'],
      ['YEAR_MISSING', 'Bijeenkomsten!B11'],
    ]);
    const programme = result.tables[1]?.response as CalendarResponse;
    expect(programme.events.map((e) => e.date)).toEqual(['2020-06-10', '2020-07-08']);
    expect(programme.windows.map((w) => [w.from, w.to])).toContainEqual(['2020-09-01', '2020-10-31']);

    const withYear = await checkFile(path, { lang: 'nl', locale: 'nl-NL', year: 2024 });
    if (withYear.status !== 'checked') throw new Error(withYear.message);
    const dated = withYear.tables[2]?.response as CalendarResponse;
    expect(dated.events.map((e) => [e.date, e.start, e.weekday])).toEqual([
      ['2024-07-10', '16:30', 'woensdag'],
      ['2024-09-23', '17:00', 'maandag'],
      ['2024-11-25', '16:30', 'maandag'],
    ]);

    const copy = await writeCopy(path, result.workbook, result.tables, join(dir, 'out'), 'en');
    const again = await checkFile(copy, { lang: 'en', locale: 'nl-NL' });
    if (again.status !== 'checked') throw new Error(again.message);
    const names = again.workbook.worksheets.map((s) => s.name);
    expect(names).toContain('PD Budget');
    expect(names).toContain('PD Progress');
    expect(names).toContain('PD Calendar');
    expect(names).toContain('PD Calendar (2)');
    expect(again.workbook.getWorksheet('PD Progress')?.getCell('A1').value).toBe(
      'Programme Desk — bottlenecks per period',
    );
  });
});
