import { describe, expect, it } from 'vitest';
import {
  createFakeOffice,
  FakeExcelError,
  type FakeRequestContext,
  PAYLOAD_LIMIT_BYTES,
} from './fake-excel.js';

/** The fake must behave like Excel where it matters, or the pane's tests prove nothing. */
describe('the fake Excel', () => {
  const run = <T>(
    fake: ReturnType<typeof createFakeOffice>,
    batch: (context: FakeRequestContext) => Promise<T>,
  ) => fake.Excel.run(batch);

  it('turns a string starting with = + - @ into a formula, unless the cell is formatted as text', async () => {
    const fake = createFakeOffice();
    fake.workbook.addSheet('S');
    await run(fake, async (context) => {
      const sheet = context.workbook.worksheets.getItem('S');
      sheet.getRange('A1:E1').values = [['=1+1', '+31 20', '-€ 50', '@x', '=HYPERLINK("#S!A1","x")']];
      sheet.getRange('A2:D2').numberFormat = [['@', '@', '@', '@']];
      sheet.getRange('A2:D2').values = [['=1+1', '+31 20', '-€ 50', '@x']];
      sheet.getRange('A3:B3').values = [['12', 'tekst']];
      await context.sync();
    });
    expect(fake.workbook.cell('S!A1')?.formula).toBe('=1+1');
    expect(fake.workbook.cell('S!B1')?.formula).toBe('=+31 20');
    expect(fake.workbook.cell('S!C1')?.formula).toBe('=-€ 50');
    expect(fake.workbook.cell('S!D1')?.formula).toBe('=@x');
    expect(fake.workbook.cell('S!E1')).toMatchObject({ value: 'x', link: '#S!A1' });
    for (const address of ['S!A2', 'S!B2', 'S!C2', 'S!D2'])
      expect(fake.workbook.cell(address)?.formula).toBeUndefined();
    expect(fake.workbook.sheetValues('S')[1]).toEqual(['=1+1', '+31 20', '-€ 50', '@x', '']);
    expect(fake.workbook.cell('S!A3')?.value).toBe(12);
  });

  it('refuses values of the wrong shape', async () => {
    const fake = createFakeOffice();
    fake.workbook.addSheet('S');
    await expect(
      run(fake, async (context) => {
        context.workbook.worksheets.getItem('S').getRange('A1:B2').values = [['a', 'b']];
        await context.sync();
      }),
    ).rejects.toMatchObject({ code: 'InvalidArgument' });
    await expect(
      run(fake, async (context) => {
        context.workbook.worksheets.getItem('S').getRange('A1:B1').values = [['a', 'b', 'c']];
        await context.sync();
      }),
    ).rejects.toBeInstanceOf(FakeExcelError);
  });

  it('refuses sheet names Excel refuses, and a name already taken (in any case)', async () => {
    const fake = createFakeOffice();
    fake.workbook.addSheet('Begroting');
    for (const name of [
      'x'.repeat(32),
      'a[b',
      'a]b',
      'a:b',
      'a*b',
      'a?b',
      'a/b',
      'a\\b',
      '',
      'begroting',
      "'quoted",
    ]) {
      await expect(
        run(fake, async (context) => {
          context.workbook.worksheets.add(name);
          await context.sync();
        }),
      ).rejects.toBeInstanceOf(FakeExcelError);
    }
    await run(fake, async (context) => {
      context.workbook.worksheets.add('x'.repeat(31));
      await context.sync();
    });
    expect(fake.workbook.sheets).toHaveLength(2);
  });

  it('fails a sync whose request or response is over 5 MB, and counts syncs and bytes', async () => {
    const fake = createFakeOffice();
    fake.workbook.addSheet('S');
    const big = Array.from({ length: 6_000 }, () => ['x'.repeat(1_000)]);
    await expect(
      run(fake, async (context) => {
        context.workbook.worksheets.getItem('S').getRange('A1:A6000').values = big;
        await context.sync();
      }),
    ).rejects.toMatchObject({ code: 'RequestPayloadSizeLimitExceeded' });
    expect(fake.workbook.sheetValues('S')).toEqual([]);
    fake.workbook.setValues('S!A1', big);
    await expect(
      run(fake, async (context) => {
        context.workbook.worksheets.getItem('S').getRange('A1:A6000').load('values');
        await context.sync();
      }),
    ).rejects.toMatchObject({ code: 'ResponsePayloadSizeLimitExceeded' });
    expect(fake.workbook.stats.syncs).toBe(2);
    expect(fake.workbook.stats.failedSyncs).toBe(2);
    expect(fake.workbook.stats.maxPayloadBytes).toBeGreaterThan(PAYLOAD_LIMIT_BYTES);
  });

  it('throws PropertyNotLoaded for a property read before load and sync', async () => {
    const fake = createFakeOffice();
    fake.workbook.addSheet('S');
    await run(fake, async (context) => {
      const range = context.workbook.worksheets.getItem('S').getRange('A1');
      expect(() => range.values).toThrow(/not available/);
      range.load('values');
      expect(() => range.values).toThrow(FakeExcelError);
      await context.sync();
      expect(range.values).toEqual([['']]);
    });
  });

  it('gives addresses as Excel writes them and keeps document settings', async () => {
    const fake = createFakeOffice({ displayLanguage: 'en-GB' });
    fake.workbook.addSheet('Offerte 2024');
    fake.workbook.select("'Offerte 2024'!C4:J14");
    const address = await run(fake, async (context) => {
      const range = context.workbook.getSelectedRange();
      range.load('address');
      await context.sync();
      return range.address;
    });
    expect(address).toBe("'Offerte 2024'!C4:J14");
    fake.Office.context.document.settings.set('k', { a: 1 });
    expect(fake.Office.context.document.settings.get('k')).toEqual({ a: 1 });
    expect(fake.Office.context.displayLanguage).toBe('en-GB');
    expect(fake.Office.context.requirements.isSetSupported('ExcelApi', '1.2')).toBe(true);
    expect(fake.Office.context.requirements.isSetSupported('ExcelApi', '1.7')).toBe(false);
  });
});
