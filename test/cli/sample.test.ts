import { mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkFile } from '../../cli/check.js';
import { writeCopy } from '../../cli/out.js';
import { writeSample } from '../../scripts/sample.js';
import type { BudgetResponse } from '../../shared/budget/schema.js';
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
    expect(result.tables.filter((t) => t.kind === 'budget' || t.kind === 'progress')).toHaveLength(2);

    const copy = await writeCopy(path, result.workbook, result.tables, join(dir, 'out'), 'en');
    const again = await checkFile(copy, { lang: 'en', locale: 'nl-NL' });
    if (again.status !== 'checked') throw new Error(again.message);
    const names = again.workbook.worksheets.map((s) => s.name);
    expect(names).toContain('PD Budget');
    expect(names).toContain('PD Progress');
    expect(again.workbook.getWorksheet('PD Progress')?.getCell('A1').value).toBe(
      'Programme Desk — bottlenecks per period',
    );
  });
});
