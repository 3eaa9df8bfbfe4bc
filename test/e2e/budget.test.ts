import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CellValue } from '../addin/fake-excel.js';
import { fixture } from '../support/fixtures.js';
import {
  chromiumAvailable,
  onWorkbook,
  type PaneHarness,
  SKIP_REASON,
  screenshot,
  startHarness,
} from './support.js';

if (!chromiumAvailable) console.warn(`e2e budget: skipped — ${SKIP_REASON}`);

const pilot = fixture<{ values: CellValue[][] }>('pilot-budget.grid.json');

describe.skipIf(!chromiumAvailable)('task pane in Chromium: Begroting controleren', () => {
  let harness: PaneHarness;
  beforeAll(async () => {
    harness = await startHarness();
  });
  afterAll(() => harness?.close());

  /** A pane whose workbook holds the pilot table at 'Offerte 2024'!C4, with `select` selected. */
  async function openPilot(select = "'Offerte 2024'!C4") {
    const page = await harness.open();
    await onWorkbook(
      page,
      (w, [values, cell]) => {
        w.addSheet('Offerte 2024');
        w.setValues("'Offerte 2024'!C4", values);
        w.select(cell);
      },
      [pilot.values, select] as const,
    );
    return page;
  }

  it('checks the pilot budget at Offerte 2024!C4 and writes a findings sheet linking to J9', async () => {
    const page = await openPilot("'Offerte 2024'!F7");
    const before = await onWorkbook(page, (w) => w.snapshot('Offerte 2024'), null);
    await page.fill('#budget-pmin', '24');
    await page.fill('#budget-pmax', '30');
    await page.click('#budget-check');
    await page.waitForSelector('#budget-verdict');
    expect(await page.textContent('#budget-verdict')).toContain('Niet in orde');
    expect(await page.textContent('#budget-per-participant')).toContain('690,71');
    const summary = await onWorkbook(page, (w) => w.summary(), null);
    expect(summary.sheets).toEqual(['Offerte 2024', 'PD Begroting']);
    const link = summary.formulas.find((f) => f.sheet === 'PD Begroting' && f.link === "#'Offerte 2024'!J9");
    expect(link?.formula).toBe(`=HYPERLINK("#'Offerte 2024'!J9","J9")`);
    expect(await onWorkbook(page, (w) => w.snapshot('Offerte 2024'), null)).toBe(before);
    // Clicking the finding selects its cell in the user's sheet.
    await page.click(`button.finding[data-ref="'Offerte 2024'!J9"]`);
    await page.waitForFunction(() => {
      const w = (globalThis as unknown as { __fakeOffice: { workbook: { selectedAddress(): string } } })
        .__fakeOffice.workbook;
      return w.selectedAddress() === "'Offerte 2024'!J9";
    });
    await page.click('#budget-mapping summary');
    await screenshot(page, 'budget-pilot');
    await page.close();
  });

  it('corrects the column mapping and sends it as grid.columns', async () => {
    const page = await openPilot();
    await page.click('#budget-check');
    await page.waitForSelector('#budget-verdict');
    const requests: string[] = [];
    page.on('request', (request) => {
      if (request.url().endsWith('/api/budget/validate')) requests.push(request.postData() ?? '');
    });
    await page.click('#budget-mapping summary');
    await page.selectOption('#map-provider', '');
    await page.click('#budget-recheck');
    await page.waitForFunction(() => document.querySelector('#map-provider') !== null);
    await page.waitForTimeout(200);
    expect(requests).toHaveLength(1);
    const sent = JSON.parse(requests[0] ?? '{}') as { grid: { columns: Record<string, string> } };
    expect(sent.grid.columns.total).toBe('J');
    expect(sent.grid.columns.provider).toBeUndefined();
    await page.close();
  });

  it('leaves a user sheet already named PD Begroting untouched', async () => {
    const page = await openPilot("'Offerte 2024'!D5");
    await onWorkbook(
      page,
      (w) => {
        w.addSheet('PD Begroting');
        w.setValues("'PD Begroting'!A1", [['Mijn eigen blad', '=niet aankomen']]);
      },
      null,
    );
    const before = await onWorkbook(page, (w) => w.snapshot('PD Begroting'), null);
    await page.click('#budget-check');
    await page.waitForSelector('#budget-verdict');
    expect(await page.textContent('#message')).toContain('PD Begroting (2)');
    expect(await onWorkbook(page, (w) => w.snapshot('PD Begroting'), null)).toBe(before);
    const sheets = await onWorkbook(page, (w) => w.summary().sheets, null);
    expect(sheets).toEqual(['Offerte 2024', 'PD Begroting', 'PD Begroting (2)']);
    await screenshot(page, 'budget-user-sheet-kept');
    await page.close();
  });

  it('writes formula-looking text back as text', async () => {
    const page = await harness.open();
    const items = ['=HYPERLINK("http://evil.example","klik")', '+31 20 123 4567', '-€ 50', '@x'];
    await onWorkbook(
      page,
      (w, list) => {
        w.addSheet('Begroting');
        const text = ['@', '@', 'General', 'General'];
        w.setValues(
          'Begroting!A1',
          [
            ['Interventie', 'Aanbieder', 'Kosten per dd', 'Totaal'],
            ...list.map((item) => [item, item, 100, 100]),
          ],
          [text, ...list.map(() => text)],
        );
        w.select('Begroting!B2');
      },
      items,
    );
    await page.click('#budget-check');
    await page.waitForSelector('#budget-verdict');
    const { values, formulas } = await onWorkbook(
      page,
      (w) => ({ values: w.sheetValues('PD Begroting').flat(), formulas: w.summary().formulas }),
      null,
    );
    for (const item of items) expect(values).toContain(item);
    for (const formula of formulas)
      expect(formula.formula).toMatch(/^=HYPERLINK\("#Begroting![A-Z]+\d+","[A-Z]+\d+"\)$/);
    await screenshot(page, 'budget-formula-text');
    await page.close();
  });

  it('reads a 20,000-row budget and writes its findings within the payload limit', async () => {
    const page = await harness.open();
    await onWorkbook(
      page,
      (w) => {
        w.addSheet('Groot');
        const rows: (string | number)[][] = [
          ['nr', 'Interventie', 'Aanbieder', 'Kosten per dd', 'BTW 21%', 'aantal', 'Totaal'],
        ];
        for (let i = 1; i <= 20_000; i++) {
          rows.push([
            i,
            `Onderdeel ${i}`,
            `Bureau ${i % 97}`,
            '€ 1.000,00',
            '€ 210,00',
            2,
            i % 500 === 0 ? '€ 1,00' : '€ 2.420,00',
          ]);
        }
        w.setValues('Groot!A1', rows);
        w.select('Groot!B2');
        w.resetStats();
      },
      null,
    );
    await page.click('#budget-check');
    await page.waitForSelector('#budget-verdict', { timeout: 60_000 });
    const stats = await onWorkbook(
      page,
      (w) => ({ ...w.stats, history: w.stats.history.length, rows: w.sheetValues('PD Begroting').length }),
      null,
    );
    expect(stats.failedSyncs).toBe(0);
    expect(stats.maxPayloadBytes).toBeLessThan(5 * 1024 * 1024);
    expect(stats.syncs).toBeLessThan(50);
    expect(stats.rows).toBeGreaterThan(20_000);
    expect(await page.textContent('#budget-verdict')).toContain('40 fout');
    await screenshot(page, 'budget-20000-rows');
    await page.close();
  });

  it('says clearly when the API cannot be reached', async () => {
    const page = await openPilot();
    await page.route('**/api/**', (route) => route.abort('connectionrefused'));
    await page.click('#budget-check');
    await page.waitForSelector('#message.error');
    expect(await page.textContent('#message')).toContain('De API is niet bereikbaar');
    expect(await onWorkbook(page, (w) => w.summary().sheets, null)).toEqual(['Offerte 2024']);
    await screenshot(page, 'api-down');
    await page.close();
  });

  it('calls the API address set for this workbook in Settings', async () => {
    const page = await openPilot();
    await page.click('#settings summary');
    await page.fill('#api-address', 'http://127.0.0.1:9');
    await page.click('#api-save');
    await page.waitForSelector('#message.ok');
    const saved = await onWorkbook(page, (w) => w.savedSettings.get('ProgrammeDesk.apiBase'), null);
    expect(saved).toBe('http://127.0.0.1:9');
    await page.click('#budget-check');
    await page.waitForSelector('#message.error');
    expect(await page.textContent('#message')).toContain('http://127.0.0.1:9');
    await page.close();
  });

  it('shows progress while the check runs and can be cancelled', async () => {
    const page = await openPilot();
    await page.route('**/api/budget/validate', async (route) => {
      await new Promise((resolve) => setTimeout(resolve, 3_000));
      await route.continue().catch(() => {});
    });
    await page.click('#budget-check');
    await page.waitForSelector('#progress:not([hidden])');
    expect(await page.textContent('#progress-text')).toContain('Versturen');
    await screenshot(page, 'budget-progress');
    await page.click('#cancel');
    await page.waitForSelector('#message.error');
    expect(await page.textContent('#message')).toContain('Geannuleerd');
    expect(await page.isHidden('#progress')).toBe(true);
    expect(await onWorkbook(page, (w) => w.summary().sheets, null)).toEqual(['Offerte 2024']);
    await page.close();
  });

  it('speaks English when Office does, and switches language on request', async () => {
    const page = await harness.open({ displayLanguage: 'en-US' });
    expect(await page.textContent('#tab-budget')).toBe('Check budget');
    await page.selectOption('#language', 'nl');
    expect(await page.textContent('#tab-budget')).toBe('Begroting controleren');
    await page.close();
  });
});
