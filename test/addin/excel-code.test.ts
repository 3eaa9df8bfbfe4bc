import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ApiError } from '../../addin/src/api.js';
import { hyperlinkFormula, isValidSheetName } from '../../addin/src/excel/links.js';
import { freeSheetName, OWNED_SHEETS_SETTING, prepareOwnedSheet } from '../../addin/src/excel/owned.js';
import { currentRegion, readSource } from '../../addin/src/excel/read.js';
import { encodeCell, writePlan } from '../../addin/src/excel/write.js';
import { languageFor, translate } from '../../addin/src/i18n.js';
import { cellOfPath, explain } from '../../addin/src/tasks/common.js';
import { wordsToRrule } from '../../addin/src/words.js';
import { parseAddress } from '../../shared/grid/address.js';
import { fakeRunner, fakeSettings } from './env.js';
import { createFakeOffice } from './fake-excel.js';

describe('links to cells', () => {
  it('builds a HYPERLINK from a validated address only, quotes escaped', () => {
    expect(hyperlinkFormula("'Offerte 2024'!J9")).toBe(`=HYPERLINK("#'Offerte 2024'!J9","J9")`);
    expect(hyperlinkFormula("'Jan''s \"blad\"'!A1")).toBe(`=HYPERLINK("#'Jan''s ""blad""'!A1","A1")`);
    expect(hyperlinkFormula('J9')).toBeUndefined();
    expect(hyperlinkFormula('Blad!J9") & WEBSERVICE("http://x')).toBeUndefined();
    expect(hyperlinkFormula("'a[b'!A1")).toBeUndefined();
  });

  it('never lets a label or sheet name end the formula string (property)', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 31 }), fc.string({ maxLength: 40 }), (sheet, label) => {
        const ref = `'${sheet.replace(/'/g, "''")}'!B7`;
        const formula = hyperlinkFormula(ref, label);
        if (!formula) return;
        const inner = /^=HYPERLINK\("((?:[^"]|"")*)","((?:[^"]|"")*)"\)$/.exec(formula);
        expect(inner).not.toBeNull();
        const target = (inner?.[1] ?? '').replace(/""/g, '"').slice(1);
        expect(parseAddress(target)).toMatchObject({ sheet, row: 6, column: 1 });
      }),
    );
  });

  it('knows Excel sheet name rules', () => {
    expect(isValidSheetName('PD Begroting')).toBe(true);
    expect(isValidSheetName('x'.repeat(32))).toBe(false);
    expect(isValidSheetName('a/b')).toBe(false);
  });
});

describe('writing', () => {
  it('formats text as text before writing it', () => {
    for (const text of ['=1+1', '+31 20', '-€ 50', '@x', 'gewoon'])
      expect(encodeCell(text)).toEqual([text, '@']);
    expect(encodeCell(3)).toEqual([3, 'General']);
    expect(encodeCell({ number: 0.25, format: '0.0%' })).toEqual([0.25, '0.0%']);
    expect(encodeCell({ formula: '=HYPERLINK("#A!B1","B1")' })).toEqual([
      '=HYPERLINK("#A!B1","B1")',
      'General',
    ]);
    expect(encodeCell('x'.repeat(40_000))[0]).toHaveLength(32_767);
  });

  it('writes in blocks under the budget, one sync each, and halves a block Excel refuses', async () => {
    const fake = createFakeOffice();
    fake.workbook.addSheet('Out');
    const rows = Array.from({ length: 3_000 }, (_, i) => [`regel ${i}`, i, 'y'.repeat(200)]);
    const stats = await fakeRunner(fake)(async (context) =>
      writePlan(
        context,
        context.workbook.worksheets.getItem('Out'),
        { rows, boldRows: [0], headerRows: [0] },
        { budget: 100_000 },
      ),
    );
    expect(stats.blocks).toBeGreaterThan(5);
    expect(stats.syncs).toBe(stats.blocks + 1);
    expect(stats.largestBlockBytes).toBeLessThanOrEqual(100_000);
    expect(fake.workbook.sheetValues('Out')).toHaveLength(3_000);
    expect(fake.workbook.cell('Out!A1')?.bold).toBe(true);
  });

  it('halves a large block when Excel on the web answers only GeneralException', async () => {
    const fake = createFakeOffice();
    fake.workbook.addSheet('Out');
    const rows = Array.from({ length: 4_000 }, (_, i) => [`regel ${i}`, 'y'.repeat(400)]);
    fake.workbook.failNextSyncs = 1;
    const stats = await fakeRunner(fake)(async (context) =>
      writePlan(context, context.workbook.worksheets.getItem('Out'), { rows, boldRows: [], headerRows: [] }),
    );
    expect(fake.workbook.stats.failedSyncs).toBe(1);
    expect(stats.blocks).toBeGreaterThan(1);
    expect(fake.workbook.sheetValues('Out')).toHaveLength(4_000);
  });
});

describe('reading', () => {
  it("finds Excel's current region around a cell", () => {
    const values = [
      ['', '', '', ''],
      ['', 'a', 'b', ''],
      ['', '', 'c', 'd'],
      ['', '', '', ''],
      ['x', '', '', ''],
    ];
    expect(currentRegion(values, 1, 1)).toEqual({ r0: 1, c0: 1, r1: 2, c1: 3 });
    expect(currentRegion(values, 4, 0)).toEqual({ r0: 4, c0: 0, r1: 4, c1: 0 });
    // As in Excel, a blank cell touching the block diagonally belongs to its region.
    expect(currentRegion(values, 0, 0)).toEqual({ r0: 0, c0: 0, r1: 2, c1: 3 });
    expect(
      currentRegion(
        [
          ['', ''],
          ['', ''],
        ],
        0,
        0,
      ),
    ).toBeUndefined();
  });

  it('reads a whole-column selection only as far as the used range', async () => {
    const fake = createFakeOffice();
    fake.workbook.addSheet('S');
    fake.workbook.setValues('S!B2', [
      ['a', 1],
      ['b', 2],
    ]);
    fake.workbook.select('S!A1:C1048576');
    const source = await fakeRunner(fake)((context) => readSource(context));
    expect(source.rangeAddress).toBe('S!B2:C3');
    expect(source.values).toEqual([
      ['a', 1],
      ['b', 2],
    ]);
    expect(source.origin).toBe('selection');
  });

  it('reads the table around a selected cell', async () => {
    const fake = createFakeOffice();
    fake.workbook.addSheet('S');
    fake.workbook.setValues('S!A1', [
      ['h1', 'h2', 'buiten'],
      ['1', '', ''],
      ['2', '3', ''],
    ]);
    fake.workbook.addTable('S!A1:B3', 'Tabel1');
    fake.workbook.select('S!B2');
    const source = await fakeRunner(fake)((context) => readSource(context));
    expect(source.origin).toBe('table');
    expect(source.rangeAddress).toBe('S!A1:B3');
  });

  it('reads a large block in several syncs, each under the payload limit', async () => {
    const fake = createFakeOffice();
    fake.workbook.addSheet('S');
    fake.workbook.setValues(
      'S!A1',
      Array.from({ length: 12_000 }, (_, i) => [i, 'z'.repeat(300)]),
    );
    fake.workbook.select('S!A1');
    fake.workbook.resetStats();
    const source = await fakeRunner(fake)((context) => readSource(context));
    expect(source.values).toHaveLength(12_000);
    expect(fake.workbook.stats.failedSyncs).toBe(0);
    expect(fake.workbook.stats.syncs).toBeGreaterThan(2);
    expect(fake.workbook.stats.maxResponseBytes).toBeLessThan(2_500_000);
  });
});

describe('owned sheets', () => {
  it('picks a free name without touching a user sheet', () => {
    expect(freeSheetName('PD Begroting', ['Blad1'])).toBe('PD Begroting');
    expect(freeSheetName('PD Begroting', ['pd begroting'])).toBe('PD Begroting (2)');
    expect(freeSheetName('PD Begroting', ['PD Begroting', 'PD Begroting (2)'])).toBe('PD Begroting (3)');
    expect(freeSheetName('x'.repeat(40), ['x'.repeat(31)])).toBe(`${'x'.repeat(27)} (2)`);
  });

  it('reuses its own sheet (by id, even renamed), clearing cells and charts', async () => {
    const fake = createFakeOffice();
    fake.workbook.addSheet('Blad1');
    const settings = fakeSettings(fake);
    const run = fakeRunner(fake);
    const first = await run((context) => prepareOwnedSheet(context, settings, 'progress', 'PD Voortgang'));
    fake.workbook.setValues("'PD Voortgang'!A1", [['oud']]);
    fake.workbook.requireSheet('PD Voortgang').charts.push({
      id: 'c',
      name: 'c',
      type: 'BarClustered',
      source: 'x',
      seriesBy: 'Auto',
      title: '',
    });
    fake.workbook.requireSheet('PD Voortgang').name = 'Mijn grafiek';
    const second = await run((context) => prepareOwnedSheet(context, settings, 'progress', 'PD Voortgang'));
    expect(first.created).toBe(true);
    expect(second).toMatchObject({ created: false, name: 'Mijn grafiek' });
    expect(fake.workbook.sheetValues('Mijn grafiek')).toEqual([]);
    expect(fake.workbook.requireSheet('Mijn grafiek').charts).toHaveLength(0);
    expect(fake.workbook.savedSettings.get(OWNED_SHEETS_SETTING)).toMatchObject({
      progress: { name: 'Mijn grafiek' },
    });
  });
});

describe('words, language and messages', () => {
  it('turns a series in words into an RRULE', () => {
    expect(wordsToRrule({ interval: 2, unit: 'month', monthDay: 11, months: 'all' })).toBe(
      'FREQ=MONTHLY;INTERVAL=2;BYMONTHDAY=11',
    );
    expect(wordsToRrule({ interval: 1, unit: 'month', monthDay: 11, months: 'even' })).toBe(
      'FREQ=MONTHLY;BYMONTH=2,4,6,8,10,12;BYMONTHDAY=11',
    );
    expect(wordsToRrule({ interval: 1, unit: 'month', weekday: 'TU', nth: 2, months: 'all' })).toBe(
      'FREQ=MONTHLY;BYDAY=2TU',
    );
    expect(wordsToRrule({ interval: 2, unit: 'week', weekday: 'MO', months: 'all' })).toBe(
      'FREQ=WEEKLY;INTERVAL=2;BYDAY=MO',
    );
  });

  it('speaks Dutch to Dutch Office, English otherwise', () => {
    expect(languageFor('nl-NL')).toBe('nl');
    expect(languageFor('nl-BE')).toBe('nl');
    expect(languageFor('fr-BE')).toBe('en');
    expect(translate('en', 'tabBudget')).toBe('Check budget');
  });

  it('explains failures in the user language, with the cell of a grid problem', () => {
    const source = { address: "'Offerte 2024'!C4" } as Parameters<typeof explain>[3];
    expect(cellOfPath('grid.values.5.7', source)).toBe("'Offerte 2024'!J9");
    const problem = new ApiError('problem', 'x', 400, {
      title: 'Het verzoek klopt niet',
      errors: [{ path: 'grid.values.5.7', message: 'te lang' }],
    });
    expect(explain(problem, 'nl', 'http://x', source)).toMatchObject({ ref: "'Offerte 2024'!J9" });
    expect(explain(new ApiError('unreachable', 'fetch failed'), 'en', 'http://x').text).toContain(
      'cannot be reached',
    );
    expect(explain(new ApiError('unreachable', 'fetch failed'), 'nl', 'http://x').text).toContain(
      'niet bereikbaar',
    );
  });
});
