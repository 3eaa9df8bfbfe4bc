import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OWNED_SHEETS_SETTING } from '../../addin/src/excel/owned.js';
import { runBudget } from '../../addin/src/tasks/budget.js';
import { fixture } from '../support/fixtures.js';
import { type RunningHost, startHost } from '../support/host.js';
import { fakeEnv } from './env.js';
import { type CellValue, createFakeOffice, PAYLOAD_LIMIT_BYTES } from './fake-excel.js';

const pilot = fixture<{ values: CellValue[][] }>('pilot-budget.grid.json');

let host: RunningHost;
beforeAll(async () => {
  host = await startHost();
});
afterAll(() => host.close());

function pilotWorkbook() {
  const fake = createFakeOffice();
  fake.workbook.addSheet('Offerte 2024');
  fake.workbook.setValues("'Offerte 2024'!C4", pilot.values);
  return fake;
}

describe('Begroting controleren on the fake workbook', () => {
  it('reads the block around one selected cell and writes a findings sheet linking to J9', async () => {
    const fake = pilotWorkbook();
    const before = fake.workbook.snapshot('Offerte 2024');
    fake.workbook.select("'Offerte 2024'!E6");
    const result = await runBudget(fakeEnv(fake, host.url), { country: 'NL' });
    expect(result.source.address).toBe("'Offerte 2024'!C4");
    expect(result.source.rangeAddress).toBe("'Offerte 2024'!C4:J14");
    expect(result.sheetName).toBe('PD Begroting');
    const links = fake.workbook.summary().formulas.filter((f) => f.sheet === 'PD Begroting');
    expect(links.map((l) => l.link)).toContain("#'Offerte 2024'!J9");
    const mismatch = fake.workbook
      .sheetValues('PD Begroting')
      .find((row) => row[1] === 'LINE_TOTAL_MISMATCH');
    expect(mismatch?.[3]).toBe('J9');
    expect(fake.workbook.snapshot('Offerte 2024')).toBe(before);
    expect(fake.workbook.settings.get(OWNED_SHEETS_SETTING)).toMatchObject({
      budget: { name: 'PD Begroting' },
    });
  });

  it('reads the programme items from a range the user names', async () => {
    const fake = pilotWorkbook();
    fake.workbook.addSheet('Programma');
    fake.workbook.setValues('Programma!B2', [
      ['Basis op orde'],
      ['Hulp bij Actieplan'],
      [''],
      ['Begeleide interviews'],
    ]);
    fake.workbook.select("'Offerte 2024'!C4");
    const result = await runBudget(fakeEnv(fake, host.url), {
      country: 'NL',
      programmeItemsRange: 'Programma!B2:B5',
    });
    expect(result.request.programmeItems).toEqual([
      'Basis op orde',
      'Hulp bij Actieplan',
      'Begeleide interviews',
    ]);
    const notInProgramme = result.response.findings.find(
      (f) => f.code === 'ITEM_NOT_IN_PROGRAMME' && f.actual === 'Begeleide intervisie',
    );
    expect(notInProgramme?.expected).toBe('Begeleide interviews');
  });

  it('leaves a user sheet that has the output name untouched and writes beside it', async () => {
    const fake = pilotWorkbook();
    fake.workbook.addSheet('PD Begroting');
    fake.workbook.setValues("'PD Begroting'!A1", [['mijn eigen notities', 42]]);
    const before = fake.workbook.snapshot('PD Begroting');
    fake.workbook.select("'Offerte 2024'!C4:J14");
    const result = await runBudget(fakeEnv(fake, host.url), { country: 'NL' });
    expect(result.sheetName).toBe('PD Begroting (2)');
    expect(fake.workbook.snapshot('PD Begroting')).toBe(before);
    // A refresh replaces the add-in's own sheet, not the user's, and makes no third sheet.
    await runBudget(fakeEnv(fake, host.url), { country: 'NL' });
    expect(fake.workbook.sheets.map((s) => s.name)).toEqual([
      'Offerte 2024',
      'PD Begroting',
      'PD Begroting (2)',
    ]);
    expect(fake.workbook.snapshot('PD Begroting')).toBe(before);
  });

  it('writes formula-looking text back as text', async () => {
    const fake = createFakeOffice();
    fake.workbook.addSheet('Begroting');
    const items = ['=HYPERLINK("http://evil.example","klik")', '+31 20 123 4567', '-€ 50', '@x', '\t=1+1'];
    fake.workbook.setValues(
      'Begroting!A1',
      [['Interventie', 'Kosten per dd', 'aantal', 'Totaal'], ...items.map((item) => [item, 100, 1, 100])],
      [['@', 'General', 'General', 'General'], ...items.map(() => ['@', 'General', 'General', 'General'])],
    );
    fake.workbook.select('Begroting!A1:D6');
    const result = await runBudget(fakeEnv(fake, host.url), { country: 'NL' });
    const own = fake.workbook.summary().formulas.filter((f) => f.sheet === result.sheetName);
    for (const formula of own) expect(formula.formula).toMatch(/^=HYPERLINK\("#Begroting!/);
    const written = fake.workbook.sheetValues(result.sheetName).flat();
    for (const item of items.slice(0, 4)) expect(written).toContain(item);
    // The API trims the item; what comes back still arrives as text.
    expect(written).toContain('=1+1');
  });

  it('reads and writes a 20,000-row budget in blocks under the payload limit', async () => {
    const fake = createFakeOffice();
    fake.workbook.addSheet('Groot');
    const rows: CellValue[][] = [
      ['nr', 'Interventie', 'Aanbieder', 'Kosten per dd', 'BTW 21%', 'aantal', 'Totaal'],
    ];
    for (let i = 1; i <= 20_000; i++) {
      rows.push([
        i,
        `Onderdeel ${i} met een wat langere naam`,
        `Bureau ${i % 97}`,
        '€ 1.000,00',
        '€ 210,00',
        2,
        i % 1000 === 0 ? '€ 1,00' : '€ 2.420,00',
      ]);
    }
    fake.workbook.setValues('Groot!B2', rows);
    fake.workbook.select('Groot!C3');
    fake.workbook.resetStats();
    const result = await runBudget(fakeEnv(fake, host.url), { country: 'NL' });
    expect(result.source.values.length).toBe(20_001);
    expect(result.response.findings.filter((f) => f.code === 'LINE_TOTAL_MISMATCH')).toHaveLength(20);
    const stats = fake.workbook.stats;
    expect(stats.failedSyncs).toBe(0);
    expect(stats.maxPayloadBytes).toBeLessThan(PAYLOAD_LIMIT_BYTES);
    expect(stats.syncs).toBeLessThan(40);
    expect(fake.workbook.sheetValues('PD Begroting').length).toBeGreaterThan(20_000);
  });
});
